import { load } from 'js-yaml';
import {
  ManifestLimits,
  ParsedManifests,
  collectManifestObjects,
  parseManifests,
} from '@diehard/plugin-ha-posture-common';

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
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('[object Object]')) return true;
        stack.push(x);
      }
    }
  }
  return false;
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
  const lines = text.split('\n');
  let start = 0; // 0-based line where the current document starts
  let buf: string[] = [];
  const flush = () => {
    const firstContent = buf.findIndex(
      l => l.trim() !== '' && !l.trimStart().startsWith('#'),
    );
    if (firstContent >= 0) {
      const body = buf.join('\n');
      let value: unknown;
      let ok = false;
      // Template syntax may leave no trace in js-yaml's value (a later duplicate key wins).
      if (!body.includes('{{') && !body.includes('{%')) {
        try {
          value = load(body, { filename: file, json: true });
          ok = !suspicious(value, body.length + 16);
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
    }
    buf = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (
      l.startsWith('---') &&
      (l.length === 3 || l[3] === ' ' || l[3] === '\t' || l[3] === '\r')
    ) {
      flush();
      start = i;
      const rest = l.slice(3).trim();
      buf.push(rest.startsWith('#') ? '' : rest);
    } else if (l.startsWith('...') && l.trim() === '...') {
      flush();
      start = i + 1;
    } else {
      buf.push(l);
    }
  }
  flush();
  return out;
}
