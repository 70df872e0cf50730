import { LineCounter, parseAllDocuments } from 'yaml';
import { KubeObject } from '../model/kube';

/** Where an object was read from. */
export interface ObjectSource {
  file: string;
  /** 1-based line of the document (or list item) the object starts at. */
  line: number;
}

/** A manifest that could not be read: names the file and line. */
export interface ManifestError {
  file: string;
  line: number;
  message: string;
}

/** Objects and errors from {@link parseManifests}. */
export interface ParsedManifests {
  objects: Array<{ object: KubeObject; source: ObjectSource }>;
  errors: ManifestError[];
}

function flatten(
  value: unknown,
  source: ObjectSource,
  out: ParsedManifests['objects'],
): void {
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, source, out);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const obj = value as KubeObject;
  if (
    typeof obj.kind === 'string' &&
    obj.kind.endsWith('List') &&
    Array.isArray((obj as any).items)
  ) {
    for (const item of (obj as any).items) flatten(item, source, out);
    return;
  }
  if (typeof obj.kind === 'string') out.push({ object: obj, source });
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Reads Kubernetes objects from YAML (multi-document, `kind: List`) or JSON text, the output
 * of `helm template` and `kustomize build` included. A document that does not parse becomes
 * an error naming the file and line; the other documents of the file are still returned.
 */
export function parseManifests(
  text: string,
  file = '<input>',
): ParsedManifests {
  const out: ParsedManifests = { objects: [], errors: [] };
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      flatten(
        JSON.parse(text),
        { file, line: lineAt(text, text.length - trimmed.length) },
        out.objects,
      );
      return out;
    } catch {
      // Not JSON after all (or broken JSON): YAML is a superset and reports a line.
    }
  }
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
  });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    const start = doc.range?.[0] ?? 0;
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      out.errors.push({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        message: e.message.split('\n')[0],
      });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      out.errors.push({
        file,
        line: lineCounter.linePos(start).line,
        message: String((e as Error).message),
      });
      continue;
    }
    if (value === null || value === undefined) continue;
    // The document's first content line, not the `---` marker's.
    const contentStart = (doc.contents as any)?.range?.[0] ?? start;
    flatten(
      value,
      { file, line: lineCounter.linePos(contentStart).line },
      out.objects,
    );
  }
  return out;
}
