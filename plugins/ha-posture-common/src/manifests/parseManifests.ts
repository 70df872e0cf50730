import {
  Document,
  LineCounter,
  isCollection,
  parseAllDocuments,
  visit,
} from 'yaml';
import { KubeObject } from '../model/kube';
import { KUBERNETES_YAML_OPTIONS } from './kubernetesYaml';
import {
  DEFAULT_MANIFEST_LIMITS,
  ManifestLimits,
  formatBytes,
  utf8Length,
} from './limits';
import { objectShapeError } from './objectShape';
import {
  UNRENDERED_TEMPLATE_MESSAGE,
  unrenderedTemplateLine,
} from './templates';

/**
 * Where an object was read from.
 *
 * @public
 */
export interface ObjectSource {
  file: string;
  /** 1-based line of the document (or list item) the object starts at. */
  line: number;
}

/**
 * A manifest that could not be read: names the file and line (0: the whole file).
 *
 * @public
 */
export interface ManifestError {
  file: string;
  line: number;
  message: string;
}

/**
 * Objects and errors from {@link parseManifests}.
 *
 * @public
 */
export interface ParsedManifests {
  objects: Array<{ object: KubeObject; source: ObjectSource }>;
  errors: ManifestError[];
}

/**
 * Adds the Kubernetes objects of one parsed document to `out`: `kind: List` (and any `*List`)
 * flattened, values without a `kind` skipped, objects whose envelope has the wrong types
 * reported as errors instead. The CLI's fast reader calls it too, so both read alike.
 *
 * @public
 */
export function collectManifestObjects(
  value: unknown,
  source: ObjectSource,
  out: ParsedManifests,
): void {
  if (Array.isArray(value)) {
    for (const v of value) collectManifestObjects(v, source, out);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const obj = value as KubeObject;
  if (typeof obj.kind !== 'string' || obj.kind === '') return;
  if (obj.kind.endsWith('List') && Array.isArray((obj as any).items)) {
    for (const item of (obj as any).items)
      collectManifestObjects(item, source, out);
    return;
  }
  const wrong = objectShapeError(obj);
  if (wrong)
    out.errors.push({
      file: source.file,
      line: source.line,
      message: `${obj.kind}${
        typeof obj.metadata?.name === 'string' ? ` ${obj.metadata.name}` : ''
      }: ${wrong}`,
    });
  else out.objects.push({ object: obj, source });
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The offset of the first mapping key that is itself a map or a list, if any. */
function collectionKeyOffset(doc: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        offset = pair.key.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

/**
 * Reads Kubernetes objects from YAML (multi-document, `kind: List`) or JSON text, the output
 * of `helm template` and `kustomize build` included. A document that does not parse becomes
 * an error naming the file and line; the other documents of the file are still returned.
 * Hostile text is bounded: a size limit, a YAML alias budget, NUL bytes (binary or UTF-16
 * read as UTF-8) and unrendered templates are errors, never a crash or a runaway.
 *
 * @public
 */
export function parseManifests(
  text: string,
  file = '<input>',
  limits: Partial<ManifestLimits> = {},
): ParsedManifests {
  const { maxBytes, maxAliasCount } = { ...DEFAULT_MANIFEST_LIMITS, ...limits };
  const out: ParsedManifests = { objects: [], errors: [] };
  const fail = (line: number, message: string) => {
    out.errors.push({ file, line, message });
    return out;
  };
  if (text.length > maxBytes || utf8Length(text) > maxBytes)
    return fail(0, `larger than the ${formatBytes(maxBytes)} limit per file`);
  const nul = text.indexOf('\u0000');
  if (nul >= 0)
    return fail(
      lineAt(text, nul),
      'not UTF-8 text (it contains NUL bytes: a binary file, or UTF-16)',
    );
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Not JSON after all (or broken JSON): YAML is a superset and reports a line.
    }
    if (value !== undefined) {
      collectManifestObjects(
        value,
        { file, line: lineAt(text, text.length - trimmed.length) },
        out,
      );
      return out;
    }
  }
  const lineCounter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, {
      ...KUBERNETES_YAML_OPTIONS,
      lineCounter,
      uniqueKeys: false,
      prettyErrors: false,
      logLevel: 'error',
    });
  } catch (e) {
    // The parser recurses per nesting level: thousands of `[` exhaust the stack.
    return fail(0, `cannot be parsed: ${(e as Error).message}`);
  }
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    const start = doc.range?.[0] ?? 0;
    const keyAt =
      doc.errors.length === 0 ? collectionKeyOffset(doc) : undefined;
    if (doc.errors.length > 0 || keyAt !== undefined) {
      const templateAt = unrenderedTemplateLine(
        text.slice(start, doc.range?.[2] ?? text.length),
      );
      if (templateAt !== undefined) {
        fail(
          lineCounter.linePos(start).line + templateAt - 1,
          UNRENDERED_TEMPLATE_MESSAGE,
        );
      } else if (keyAt !== undefined) {
        fail(
          lineCounter.linePos(keyAt).line,
          'a mapping key is itself a map or a list: Kubernetes manifests have text keys only',
        );
      } else {
        const e = doc.errors[0];
        fail(lineCounter.linePos(e.pos[0]).line, e.message.split('\n')[0]);
      }
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount });
    } catch (e) {
      const message = String((e as Error).message);
      fail(
        lineCounter.linePos(start).line,
        /alias/i.test(message)
          ? `too many YAML aliases (more than ${maxAliasCount} nodes repeated through aliases): refused as a resource exhaustion attempt`
          : message,
      );
      continue;
    }
    if (value === null || value === undefined) continue;
    // The document's first content line, not the `---` marker's.
    const contentStart = (doc.contents as any)?.range?.[0] ?? start;
    collectManifestObjects(
      value,
      { file, line: lineCounter.linePos(contentStart).line },
      out,
    );
  }
  return out;
}
