import { Dirent, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  KubeObject,
  ManifestError,
  ObjectSource,
  formatBytes,
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

const MANIFEST = /\.(ya?ml|json)$/i;
const TOMCAT =
  /(^|[\\/])(server|context|web)\.xml$|[\\/]conf[\\/]Catalina[\\/].*\.xml$/i;

/**
 * Lists the manifest and Tomcat files under `dir`. Symbolic links to directories are not
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
    else if (MANIFEST.test(entry.name) || TOMCAT.test(p)) out.push(p);
  }
}

/** Reads files, directories (recursively) and stdin ('-'); never throws for bad input. */
export function readInputs(
  inputs: string[],
  readStdin: (maxBytes: number) => string | Uint8Array,
  limits: ReadLimits,
  cwd = process.cwd(),
): ReadResult {
  const result: ReadResult = {
    objects: [],
    sources: new Map(),
    files: [],
    errors: [],
    manifestCount: 0,
  };
  const fail = (file: string, message: string) =>
    result.errors.push({ file, line: 0, message });
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
    const text = decoded.text;
    if (p !== '-' && TOMCAT.test(p) && !MANIFEST.test(p)) {
      result.files.push({ path: name, content: text });
      continue;
    }
    result.manifestCount++;
    const parsed = parseManifestsFast(text, name, {
      maxBytes: limits.maxFileSize,
    });
    for (const { object, source } of parsed.objects) {
      result.objects.push(object);
      result.sources.set(object, source);
    }
    result.errors.push(...parsed.errors);
  }
  return result;
}
