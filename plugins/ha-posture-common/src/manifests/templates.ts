/**
 * A line whose value starts with an unquoted `{{`: Helm or Go template syntax, which YAML
 * reads as nested flow mappings (`namespace: {{ .Release.Namespace }}` becomes an object) or
 * rejects. Only consulted once a document is known to be broken: `{{` inside quoted strings
 * and block scalars (Prometheus rules, Alertmanager templates) is legitimate content.
 */
const TEMPLATE_LINE = /^[ \t]*(?:- +)*(?:[^\s'"#{][^\n#]*?:[ \t]+)?\{\{/m;

/** 1-based line (within `text`) of the first unrendered template action, if any. */
export function unrenderedTemplateLine(text: string): number | undefined {
  const m = TEMPLATE_LINE.exec(text);
  if (!m) return undefined;
  let line = 1;
  for (let i = 0; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** What a user reads when a manifest is a template rather than its output. */
export const UNRENDERED_TEMPLATE_MESSAGE =
  'looks like an unrendered template ({{ … }}): render it first (e.g. with `helm template`) and read its output';
