import type {
  DocumentOptions,
  ParseOptions,
  ScalarTag,
  SchemaOptions,
  Tags,
} from 'yaml';

const FLOAT = 'tag:yaml.org,2002:float';
/**
 * Tags go-yaml does not give a value of their own to: a timestamp stays text, a `!!set` is a
 * map, an `!!omap` or `!!pairs` a list (YAML 1.1 would make a JavaScript Set or Map, which JSON
 * cannot carry), a `!!binary` its text.
 */
const NOT_GO_YAML = new Set(
  ['timestamp', 'set', 'omap', 'pairs', 'binary'].map(
    t => `tag:yaml.org,2002:${t}`,
  ),
);

/**
 * go-yaml's float syntax (its `yamlStyleFloat`, underscores allowed between digits): a digit
 * before or after the point. YAML 1.1's own reads `.` as NaN and `e2` as 100. The lookahead
 * asks for the digit once, so a long scalar is matched in linear time.
 */
const GO_YAML_FLOAT =
  /^[-+]?(?=\.?[0-9_]*[0-9])(?:\.[0-9_]+|[0-9][0-9_]*\.[0-9_]*)$/;
const GO_YAML_FLOAT_EXP =
  /^[-+]?(?=\.?[0-9_]*[0-9])(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)[eE][-+]?[0-9]+$/;

/** YAML 1.1's tags as go-yaml reads a scalar into a generic value. */
function goYamlTags(tags: Tags): Tags {
  return tags
    .filter(
      t =>
        typeof t === 'string' ||
        (!NOT_GO_YAML.has(t.tag) && t.format !== 'TIME'),
    )
    .map(t => {
      if (typeof t === 'string' || t.tag !== FLOAT) return t;
      const tag = t as ScalarTag;
      if (tag.format === 'EXP') return { ...tag, test: GO_YAML_FLOAT_EXP };
      return tag.test?.test('1.5') ? { ...tag, test: GO_YAML_FLOAT } : tag;
    });
}

/**
 * Options of the `yaml` library that read a manifest as Kubernetes does. kubectl and the API
 * server read YAML 1.1 through go-yaml v2: `yes`, `on` and `y` are true, `0644` is octal, merge
 * keys (`<<: *base`) apply; but a timestamp-like scalar (`2026-01-01`) or a sexagesimal one
 * (`12:30`) stays text, as go-yaml keeps it when it reads into a generic value, and so do `.`
 * and `e2`.
 *
 * @public
 */
export const KUBERNETES_YAML_OPTIONS: ParseOptions &
  DocumentOptions &
  SchemaOptions = {
  version: '1.1',
  schema: 'yaml-1.1',
  merge: true,
  customTags: goYamlTags,
};
