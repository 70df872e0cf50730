import { Dirent, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  KubeObject,
  ManifestError,
  ObjectSource,
  addPostureFile,
  emptyPostureFiles,
  formatBytes,
  postureFileKind,
} from '@diehard/plugin-ha-posture-common';
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

/**
 * Lists the posture input files under `dir` (hidden folders and node_modules are not
 * walked, as {@link isPostureInput} says). Symbolic links to directories are not
 * followed (no cycles); every other entry with a matching name is listed, whatever it is,
 * so that a FIFO or a device named `*.yaml` is reported rather than silently skipped.
 */
function walk(dir: string, out: string[]): void {
  const entries: Dirent[] = readdirSync(dir, { withFileTypes: true }).sort(
    (a, b) => a.name.localeCompare(b.name),
  );
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (postureFileKind(p)) out.push(p);
  }
}

/** Reads files, directories (recursively) and stdin ('-'); never throws for bad input. */
export function readInputs(
  inputs: string[],
  readStdin: (maxBytes: number) => string | Uint8Array,
  limits: ReadLimits,
  cwd = process.cwd(),
): ReadResult {
  const read = emptyPostureFiles();
  const fail = (file: string, message: string) =>
    read.errors.push({ file, line: 0, message });
  const paths: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      paths.push('-');
      continue;
    }
    const abs = resolve(cwd, input);
    try {
      if (statSync(abs).isDirectory()) walk(abs, paths);
      else paths.push(abs);
    } catch (e) {
      fail(
        input,
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'no such file or directory'
          : (e as Error).message,
      );
    }
  }
  let total = 0;
  for (const p of paths) {
    const name = p === '-' ? '<stdin>' : relative(cwd, p) || p;
    const budget = Math.min(limits.maxFileSize, limits.maxTotalSize - total);
    if (budget <= 0) {
      fail(
        name,
        `not read: the inputs together exceed the ${formatBytes(
          limits.maxTotalSize,
        )} limit (--max-total-size)`,
      );
      continue;
    }
    let bytes: string | Uint8Array;
    try {
      bytes = p === '-' ? readStdin(budget) : readRegularFile(p, budget);
    } catch (e) {
      if (!(e instanceof UnreadableFile)) {
        fail(name, `cannot be read (${(e as Error).message})`);
        continue;
      }
      fail(
        name,
        budget < limits.maxFileSize && /limit per file/.test(e.message)
          ? `not read: the inputs together exceed the ${formatBytes(
              limits.maxTotalSize,
            )} limit (--max-total-size)`
          : e.message,
      );
      continue;
    }
    total += bytes.length;
    const decoded =
      typeof bytes === 'string' ? { text: bytes } : decodeText(bytes);
    if ('error' in decoded) {
      fail(name, decoded.error);
      continue;
    }
    // A file the user named is read as a manifest unless it is a Tomcat file.
    addPostureFile(
      read,
      name,
      decoded.text,
      { parse: parseManifestsFast, limits: { maxBytes: limits.maxFileSize } },
      (p === '-' ? undefined : postureFileKind(p)) ?? 'manifest',
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
