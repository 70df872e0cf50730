import { Dirent, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  KubeObject,
  ManifestError,
  ObjectSource,
  RenderPlan,
  addPostureFile,
  emptyPostureFiles,
  formatBytes,
  isInsideRendered,
  planRenders,
  postureFileKind,
  renderMarker,
} from '@diehard/plugin-ha-posture-common/engine';
import {
  RenderFile,
  addRendered,
  renderRootsSync,
} from '@diehard/plugin-ha-posture-render-node';
import { parseManifestsFast } from './parse/fastManifests';
import { decodeText } from './read/decodeText';
import { UnreadableFile, readRegularFile } from './read/readRegularFile';

/** Everything read from the command line's inputs. */
export interface ReadResult {
  objects: KubeObject[];
  /** Where each object came from (for SARIF locations). */
  sources: Map<KubeObject, ObjectSource>;
  /** Tomcat configuration files found next to the manifests. */
  files: Array<{ path: string; content: string }>;
  errors: ManifestError[];
  /** How many manifest files (stdin counts as one) were read. */
  manifestCount: number;
}

/** Bounds on what is read, from --max-file-size and --max-total-size. */
export interface ReadLimits {
  maxFileSize: number;
  maxTotalSize: number;
}

/** How charts and Kustomize folders are rendered (the command line's --helm, --values…). */
export interface RenderOptions {
  helm?: string;
  kustomize?: string;
  values: string[];
  set: string[];
}

/**
 * Lists the files under `dir` (hidden entries and node_modules are not walked, as
 * {@link isPostureInput} says). Symbolic links to directories are not followed (no
 * cycles); every other entry is listed, whatever it is, so that a FIFO or a device named
 * `*.yaml` is reported rather than silently skipped.
 */
function walk(dir: string, out: string[]): void {
  const entries: Dirent[] = readdirSync(dir, { withFileTypes: true }).sort(
    (a, b) => a.name.localeCompare(b.name),
  );
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/** A directory input's charts and Kustomize folders, with the files they are rendered from. */
interface DirectoryRenders {
  dir: string;
  plan: RenderPlan;
  files: string[];
}

/** Reads files, directories (recursively) and stdin ('-'); never throws for bad input. */
export function readInputs(
  inputs: string[],
  readStdin: (maxBytes: number) => string | Uint8Array,
  limits: ReadLimits,
  cwd = process.cwd(),
  render: RenderOptions = { values: [], set: [] },
): ReadResult {
  const read = emptyPostureFiles();
  const fail = (file: string, message: string) =>
    read.errors.push({ file, line: 0, message });
  const paths: string[] = [];
  const renders: DirectoryRenders[] = [];
  let total = 0;
  const shown = (p: string) => (p === '-' ? '<stdin>' : relative(cwd, p) || p);
  /** Reads one file within the limits, or says why not (and answers undefined). */
  const readBytes = (p: string): string | Uint8Array | undefined => {
    const name = shown(p);
    const budget = Math.min(limits.maxFileSize, limits.maxTotalSize - total);
    const overTotal = () =>
      fail(
        name,
        `not read: the inputs together exceed the ${formatBytes(
          limits.maxTotalSize,
        )} limit (--max-total-size)`,
      );
    if (budget <= 0) {
      overTotal();
      return undefined;
    }
    let bytes: string | Uint8Array;
    try {
      bytes = p === '-' ? readStdin(budget) : readRegularFile(p, budget);
    } catch (e) {
      if (!(e instanceof UnreadableFile))
        fail(name, `cannot be read (${(e as Error).message})`);
      else if (budget < limits.maxFileSize && /limit per file/.test(e.message))
        overTotal();
      else fail(name, e.message);
      return undefined;
    }
    total += bytes.length;
    return bytes;
  };
  const text = (bytes: string | Uint8Array, name: string) => {
    const decoded =
      typeof bytes === 'string' ? { text: bytes } : decodeText(bytes);
    if ('error' in decoded) {
      fail(name, decoded.error);
      return undefined;
    }
    return decoded.text;
  };
  for (const input of inputs) {
    if (input === '-') {
      paths.push('-');
      continue;
    }
    const abs = resolve(cwd, input);
    try {
      if (statSync(abs).isDirectory()) {
        const all: string[] = [];
        walk(abs, all);
        const rel = (p: string) => relative(abs, p).split(/[\\/]/).join('/');
        const markers: Array<{ path: string; content: string }> = [];
        for (const p of all.filter(f => renderMarker(rel(f)))) {
          const bytes = readBytes(p);
          const content =
            bytes === undefined ? undefined : text(bytes, shown(p));
          if (content !== undefined) markers.push({ path: rel(p), content });
        }
        const plan = planRenders(all.map(rel), markers);
        for (const e of plan.errors) fail(shown(join(abs, e.file)), e.message);
        paths.push(
          ...all.filter(
            p =>
              postureFileKind(p) &&
              !isInsideRendered(rel(p), plan.renderedDirs),
          ),
        );
        if (plan.roots.length > 0)
          renders.push({
            dir: abs,
            plan,
            files: all.filter(p => isInsideRendered(rel(p), plan.renderedDirs)),
          });
      } else paths.push(abs);
    } catch (e) {
      fail(
        input,
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'no such file or directory'
          : (e as Error).message,
      );
    }
  }
  for (const p of paths) {
    const name = shown(p);
    const bytes = readBytes(p);
    const content = bytes === undefined ? undefined : text(bytes, name);
    if (content === undefined) continue;
    // A file the user named is read as a manifest unless it is a Tomcat file.
    addPostureFile(
      read,
      name,
      content,
      { parse: parseManifestsFast, limits: { maxBytes: limits.maxFileSize } },
      (p === '-' ? undefined : postureFileKind(p)) ?? 'manifest',
    );
  }
  for (const r of renders) {
    const files: RenderFile[] = [];
    for (const p of r.files) {
      const bytes = readBytes(p);
      if (bytes !== undefined)
        files.push({ path: relative(r.dir, p), content: bytes });
    }
    const results = renderRootsSync(
      files,
      r.plan,
      {
        helm: render.helm && resolveTool(render.helm, cwd),
        kustomize: render.kustomize && resolveTool(render.kustomize, cwd),
        maxOutputBytes: limits.maxFileSize,
        hint: {
          helm: 'install helm 3 on PATH or name it with --helm PATH',
          kustomize:
            'install kustomize 5 on PATH or name it with --kustomize PATH',
        },
      },
      {
        files: render.values.map(v => resolve(cwd, v)),
        set: render.set,
      },
    );
    addRendered(
      read,
      results,
      root => relative(cwd, join(r.dir, root.dir)) || '.',
      {
        parse: parseManifestsFast,
        limits: { maxBytes: limits.maxFileSize },
      },
    );
  }
  return {
    objects: read.objects.map(o => o.object),
    sources: new Map(read.objects.map(o => [o.object, o.source])),
    files: read.files,
    errors: read.errors,
    manifestCount: read.manifestCount,
  };
}

/** A tool named with a `/` is a path from the working folder; a bare name is looked up on PATH. */
function resolveTool(tool: string, cwd: string): string {
  return tool.includes('/') ? resolve(cwd, tool) : tool;
}
