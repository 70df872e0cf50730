import { DEFAULT_SCHEMA, Type } from 'js-yaml';
import { Schema, ScalarTag, isScalar } from 'yaml';
import { KUBERNETES_YAML_OPTIONS } from '@diehard/plugin-ha-posture-common/engine';

const YAML_TAGS = new Schema(KUBERNETES_YAML_OPTIONS).tags;

/**
 * The js-yaml type of one scalar tag (bool, int, float) that asks the `yaml` library's tags of
 * that name, as the engine configures them, which one matches and what value it gives: the
 * CLI's fast parser and the engine's cannot disagree on `yes`, `0644` or `1_000`.
 */
function scalarType(tag: string): Type {
  const variants = YAML_TAGS.filter(
    (t): t is ScalarTag & { test: RegExp } =>
      typeof t === 'object' && t.tag === tag && t.test instanceof RegExp,
  );
  // One regex over all the variants: every plain scalar of a file meets it.
  const any = new RegExp(variants.map(v => v.test.source).join('|'));
  return new Type(tag, {
    kind: 'scalar',
    resolve: (text: string) => any.test(text),
    construct: (text: string) => {
      const value = variants
        .find(v => v.test.test(text))!
        .resolve(
          text,
          message => {
            throw new Error(message);
          },
          {},
        );
      return isScalar(value) ? value.value : value;
    },
  });
}

/** A type js-yaml gives up on, so that the engine's parser reads the document instead. */
function leftToTheEngine(tag: string, kind: 'scalar' | 'sequence' | 'mapping') {
  return new Type(`tag:yaml.org,2002:${tag}`, { kind, resolve: () => false });
}

/**
 * js-yaml's default schema reading scalars as Kubernetes does ({@link KUBERNETES_YAML_OPTIONS}):
 * YAML 1.1 booleans and numbers, merge keys, and timestamps as text (js-yaml would make
 * `released: 2026-01-01` a Date, which the shape check refuses). A document with an explicit
 * `!!binary`, `!!omap`, `!!pairs` or `!!set` is read by the engine's parser.
 */
export const KUBERNETES_SCHEMA = DEFAULT_SCHEMA.extend({
  implicit: [
    scalarType('tag:yaml.org,2002:bool'),
    scalarType('tag:yaml.org,2002:int'),
    scalarType('tag:yaml.org,2002:float'),
    leftToTheEngine('timestamp', 'scalar'),
  ],
  explicit: [
    leftToTheEngine('binary', 'scalar'),
    leftToTheEngine('omap', 'sequence'),
    leftToTheEngine('pairs', 'sequence'),
    leftToTheEngine('set', 'mapping'),
  ],
});
