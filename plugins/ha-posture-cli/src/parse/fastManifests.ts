import { load } from 'js-yaml';
import {
  KubeObject,
  ParsedManifests,
  parseManifests,
} from '@diehard/plugin-ha-posture-common';

/**
 * Reads manifests for the CLI, where large `helm template` outputs make parsing speed matter:
 * js-yaml parses several times faster than `yaml` (the engine's own, isomorphic
 * `parseManifests`), so the CLI splits the text into documents itself (a line starting with
 * `---` at column 0 is always a document marker in Kubernetes YAML) and loads each with
 * js-yaml. A document js-yaml rejects is re-read by `parseManifests`, whose error message and
 * line are the reference; the other documents of the file are kept either way.
 */
export function parseManifestsFast(
  text: string,
  file: string,
): ParsedManifests {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('['))
    return parseManifests(text, file);
  const out: ParsedManifests = { objects: [], errors: [] };
  const lines = text.split('\n');
  let start = 0; // 0-based line where the current document starts
  let buf: string[] = [];
  const flush = () => {
    const body = buf.join('\n');
    const firstContent = buf.findIndex(
      l => l.trim() !== '' && !l.trimStart().startsWith('#'),
    );
    if (firstContent >= 0) {
      const line = start + firstContent + 1;
      let value: unknown;
      try {
        value = load(body, { filename: file, json: true });
      } catch {
        const reread = parseManifests(body, file);
        for (const e of reread.errors)
          out.errors.push({ ...e, line: e.line + start });
        for (const o of reread.objects)
          out.objects.push({
            object: o.object,
            source: { file, line: o.source.line + start },
          });
        value = undefined;
      }
      collect(value, { file, line }, out);
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

function collect(
  value: unknown,
  source: { file: string; line: number },
  out: ParsedManifests,
): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, source, out);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const obj = value as KubeObject;
  if (typeof obj.kind !== 'string') return;
  if (obj.kind.endsWith('List') && Array.isArray((obj as any).items)) {
    for (const item of (obj as any).items) collect(item, source, out);
    return;
  }
  out.objects.push({ object: obj, source });
}
