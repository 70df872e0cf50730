import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

const TIMESTAMP = 'tag:yaml.org,2002:timestamp';

/**
 * Options of the `yaml` library that read a manifest as Kubernetes does. kubectl and the API
 * server read YAML 1.1 through go-yaml v2: `yes`, `on` and `y` are true, `0644` is octal, merge
 * keys (`<<: *base`) apply; but a timestamp-like scalar (`2026-01-01`) or a sexagesimal one
 * (`12:30`) stays text, as go-yaml keeps it when it reads into a generic value.
 *
 * @public
 */
export const KUBERNETES_YAML_OPTIONS: ParseOptions &
  DocumentOptions &
  SchemaOptions = {
  version: '1.1',
  schema: 'yaml-1.1',
  merge: true,
  customTags: tags =>
    tags.filter(
      t =>
        typeof t === 'string' || (t.tag !== TIMESTAMP && t.format !== 'TIME'),
    ),
};
