/**
 * A line whose value starts with an unquoted template action: Helm or Go `{{ … }}`, which
 * YAML reads as nested flow mappings (`namespace: {{ .Release.Namespace }}` becomes an
 * object) or rejects; Nunjucks or Jinja `{% … %}`; a Backstage skeleton's `${{ … }}` inside
 * a flow collection. Only consulted once a document is known to be broken: `{{` inside
 * quoted strings and block scalars (Prometheus rules, Alertmanager templates) is content.
 */
const TEMPLATE_LINE =
  /^[ \t]*(?:- +)*(?:[^\s'"#{][^\n#]*?:[ \t]+)?(?:\{\{|\{%|\[?\$\{\{)/m;

/** A whole value that is a template expression: `${{ values.replicas }}`, `{{ .Values.x }}`. */
const TEMPLATE_VALUE = /^\s*\$?\{\{.*\}\}\s*$|^\s*\{%.*%\}\s*$/s;

/** True when a value (where the API wants a number, a list…) is an unrendered template expression. */
export function isTemplateValue(value: unknown): boolean {
  return typeof value === 'string' && TEMPLATE_VALUE.test(value);
}

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
