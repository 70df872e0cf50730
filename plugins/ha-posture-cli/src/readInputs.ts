import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  KubeObject,
  ManifestError,
  ObjectSource,
} from '@diehard/plugin-ha-posture-common';
import { parseManifestsFast } from './parse/fastManifests';

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

const MANIFEST = /\.(ya?ml|json)$/i;
const TOMCAT =
  /(^|[\\/])(server|context|web)\.xml$|[\\/]conf[\\/]Catalina[\\/].*\.xml$/i;

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (MANIFEST.test(entry.name) || TOMCAT.test(p)) out.push(p);
  }
}

/** Reads files, directories (recursively) and stdin ('-'); never throws for bad input. */
export function readInputs(
  inputs: string[],
  readStdin: () => string,
  cwd = process.cwd(),
): ReadResult {
  const result: ReadResult = {
    objects: [],
    sources: new Map(),
    files: [],
    errors: [],
    manifestCount: 0,
  };
  const paths: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      paths.push('-');
      continue;
    }
    try {
      if (statSync(input).isDirectory()) walk(input, paths);
      else paths.push(input);
    } catch (e) {
      result.errors.push({
        file: input,
        line: 0,
        message:
          (e as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'no such file or directory'
            : (e as Error).message,
      });
    }
  }
  for (const p of paths) {
    const name = p === '-' ? '<stdin>' : relative(cwd, p) || p;
    let text: string;
    try {
      text = p === '-' ? readStdin() : readFileSync(p, 'utf8');
    } catch (e) {
      result.errors.push({
        file: name,
        line: 0,
        message: (e as Error).message,
      });
      continue;
    }
    if (p !== '-' && TOMCAT.test(p) && !MANIFEST.test(p)) {
      result.files.push({ path: name, content: text });
      continue;
    }
    result.manifestCount++;
    const parsed = parseManifestsFast(text, name);
    for (const { object, source } of parsed.objects) {
      result.objects.push(object);
      result.sources.set(object, source);
    }
    result.errors.push(...parsed.errors);
  }
  return result;
}
