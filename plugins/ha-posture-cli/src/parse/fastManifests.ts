import { load } from 'js-yaml';
import {
  ManifestLimits,
  ParsedManifests,
  collectManifestObjects,
  parseManifests,
} from '@diehard/plugin-ha-posture-common/engine';
import { KUBERNETES_SCHEMA } from './kubernetesSchema';

/**
 * True when a js-yaml value is not plainly what its text says: aliases expanding it beyond
 * one node per source character (js-yaml shares aliased values instead of bounding them, so
 * a 400-byte alias bomb loads instantly and explodes when printed), or a mapping key that was
 * a map (js-yaml turns `{{ .Release.Namespace }}` into the key `[object Object]`).
 */
function suspicious(value: unknown, budget: number): boolean {
  const stack: unknown[] = [value];
  let nodes = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (++nodes > budget) return true;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        if (k.includes('[object Object]')) return true;
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return false;
}

/**
 * Text that may hold what {@link suspicious} looks for: an alias (`*` where a node can start),
 * an explicit key (`? `), a collection used as a key (`}:` or `]:`), or `[object Object]`.
 * Without any of them js-yaml's value has neither, and the walk over it is skipped.
 */
function maybeSuspicious(text: string): boolean {
  return (
    (text.includes('*') && /(?:^|[\s[{,:])\*/.test(text)) ||
    (text.includes('?') && /\?(?:\s|$)/.test(text)) ||
    collectionKey(text, '}') ||
    collectionKey(text, ']') ||
    text.includes('[object Object]')
  );
}

const BLANKS_THEN_COLON = /[^\S\n]*:/y;

/** True when a `close` bracket of the text is followed by `:` on its line (`}:`, `] :`). */
function collectionKey(text: string, close: '}' | ']'): boolean {
  // Brackets are rare in manifests: looking from each one is cheaper than a regex over the text.
  for (
    let at = text.indexOf(close);
    at >= 0;
    at = text.indexOf(close, at + 1)
  ) {
    BLANKS_THEN_COLON.lastIndex = at + 1;
    if (BLANKS_THEN_COLON.test(text)) return true;
  }
  return false;
}

/** True when the line at `at` (up to `end`) is `...` alone, as `line.trim() === '...'` says. */
function isDocumentEnd(text: string, at: number, end: number): boolean {
  return (
    text.startsWith('...', at) && text.slice(at + 3, end).trim().length === 0
  );
}

/** True when the line at `at` starts with `---` and then a blank or the line's end. */
function isDocumentStart(text: string, at: number, end: number): boolean {
  if (!text.startsWith('---', at)) return false;
  if (at + 3 === end) return true;
  const c = text.charCodeAt(at + 3);
  return c === 32 || c === 9 || c === 13;
}

/**
 * Reads manifests for the CLI, where large `helm template` outputs make parsing speed matter:
 * js-yaml parses about 8 times faster than `yaml` (the engine's own, isomorphic
 * `parseManifests`), so the CLI splits the text into documents itself (a line starting with
 * `---` at column 0 is always a document marker in Kubernetes YAML) and loads each with
 * js-yaml. A document js-yaml rejects, whose value {@link suspicious} flags, or whose text
 * holds `{{` or `{%` (a template, or content such as alerting rules), is read by
 * `parseManifests`, whose bounds (aliases, templates), error message and line are the
 * reference; the other documents of the file are kept either way. Linear in the text's size.
 */
export function parseManifestsFast(
  text: string,
  file: string,
  limits: Partial<ManifestLimits> = {},
): ParsedManifests {
  const trimmed = text.trimStart();
  if (
    trimmed.startsWith('{') ||
    trimmed.startsWith('[') ||
    text.includes('\u0000') ||
    (limits.maxBytes !== undefined && text.length > limits.maxBytes)
  )
    return parseManifests(text, file, limits);
  const out: ParsedManifests = { objects: [], errors: [] };
  /** Reads one document: `body` starts at 0-based line `start` of the file. */
  const read = (body: string, start: number) => {
    let firstContent = 0; // lines before the first that is neither blank nor a comment
    let content = false;
    for (let at = 0; at < body.length; firstContent++) {
      const nl = body.indexOf('\n', at);
      const end = nl < 0 ? body.length : nl;
      const trimmedLine = body.slice(at, end).trim();
      if (trimmedLine !== '' && !trimmedLine.startsWith('#')) {
        content = true;
        break;
      }
      at = end + 1;
    }
    if (!content) return;
    let value: unknown;
    let ok = false;
    // Template syntax may leave no trace in js-yaml's value (a later duplicate key wins).
    if (!body.includes('{{') && !body.includes('{%')) {
      try {
        value = load(body, {
          filename: file,
          json: true,
          schema: KUBERNETES_SCHEMA,
        });
        ok = !maybeSuspicious(body) || !suspicious(value, body.length + 16);
      } catch {
        ok = false;
      }
    }
    if (ok) {
      collectManifestObjects(
        value,
        { file, line: start + firstContent + 1 },
        out,
      );
    } else {
      const reread = parseManifests(body, file, limits);
      for (const e of reread.errors)
        out.errors.push({ ...e, line: e.line + start });
      for (const o of reread.objects)
        out.objects.push({
          object: o.object,
          source: { file, line: o.source.line + start },
        });
    }
  };
  // The current document: `head` (the rest of its `---` line, or none), then the whole
  // lines from offset `from` to the next marker; it starts at 0-based line `start`.
  let head: string | undefined;
  let from = 0;
  let start = 0;
  const flush = (to: number) => {
    // `to` is where the marker line starts (text.length + 1 at the end): no line in between
    // when it is `from`, else the lines without the line break that ends the last.
    const lines = from >= to ? undefined : text.slice(from, to - 1);
    if (head === undefined) read(lines ?? '', start);
    else read(lines === undefined ? head : `${head}\n${lines}`, start);
  };
  let line = 0;
  for (let at = 0; at <= text.length; line++) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const next = nl < 0 ? text.length + 1 : nl + 1;
    if (isDocumentStart(text, at, end)) {
      flush(at);
      const rest = text.slice(at + 3, end).trim();
      head = rest.startsWith('#') ? '' : rest;
      start = line;
      from = next;
    } else if (isDocumentEnd(text, at, end)) {
      flush(at);
      head = undefined;
      start = line + 1;
      from = next;
    }
    at = next;
  }
  flush(text.length + 1);
  return out;
}
