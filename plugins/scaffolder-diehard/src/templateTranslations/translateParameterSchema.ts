import type { TemplateParameterSchema } from '@backstage/plugin-scaffolder-common';
import type { JsonObject, JsonValue } from '@backstage/types';
import {
  TRANSLATIONS_KEY,
  isObject,
  translated,
  translationsOf,
} from './translations';

/** What a translation may replace in a schema node (a step, a field, an array's items). */
const SCHEMA_TEXTS = ['title', 'description', 'ui:help', 'ui:placeholder'];

/** Keywords whose value is a schema, a list of schemas, or a map of names to schemas. */
const SCHEMA_KEYWORDS = new Set([
  'items',
  'additionalItems',
  'contains',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'anyOf',
  'oneOf',
  'allOf',
  'properties',
  'patternProperties',
  'dependencies',
  'definitions',
  '$defs',
]);
const MAP_KEYWORDS = new Set([
  'properties',
  'patternProperties',
  'dependencies',
  'definitions',
  '$defs',
]);

/** The option names of `node` in `language`, if they are as many as the template's own. */
function enumNamesOf(node: JsonObject, language: string): JsonObject {
  const names = translationsOf(node, language).enumNames;
  const key = node.enumNames ? 'enumNames' : 'ui:enumNames';
  const own = node[key];
  return Array.isArray(names) &&
    Array.isArray(own) &&
    names.length === own.length &&
    names.every(n => typeof n === 'string')
    ? { [key]: names }
    : {};
}

function translateSchemas(
  value: JsonValue | undefined,
  language: string,
  isMap: boolean,
): JsonValue | undefined {
  if (Array.isArray(value))
    return value.map(v => translateNode(v, language) as JsonValue);
  if (!isMap || !isObject(value)) return translateNode(value, language);
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, translateNode(v, language)]),
  );
}

/**
 * A copy of a JSON Schema node with its texts in `language` and no translations left.
 * Only schemas are walked: defaults, enums and the like are data, never translated.
 */
function translateNode(
  value: JsonValue | undefined,
  language: string,
): JsonValue | undefined {
  if (!isObject(value)) return value;
  const out: JsonObject = Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      SCHEMA_KEYWORDS.has(key)
        ? translateSchemas(v, language, MAP_KEYWORDS.has(key))
        : v,
    ]),
  );
  return {
    ...translated(out, language, SCHEMA_TEXTS),
    ...enumNamesOf(value, language),
  };
}

/**
 * A template's form in the user's language: each step and field whose `ui:translations`
 * has that language shows its title, description, help, placeholder and option names
 * from there; the others keep the template's own text. Every `ui:translations` is removed,
 * in English too, so the form never sees it.
 *
 * ```yaml
 * name:
 *   title: Name
 *   description: Lower-case letters, digits and dashes.
 *   ui:translations:
 *     fr: { title: Nom, description: Lettres minuscules, chiffres et tirets. }
 * ```
 */
export function translateParameterSchema(
  manifest: TemplateParameterSchema,
  language: string,
  templateMetadata: JsonObject = {},
): TemplateParameterSchema {
  const own = translated(templateMetadata, language, ['title', 'description']);
  const textOr = <T>(v: JsonValue | undefined, otherwise: T) =>
    typeof v === 'string' ? v : otherwise;
  return {
    ...manifest,
    title: textOr(own.title, manifest.title),
    description: textOr(own.description, manifest.description),
    steps: manifest.steps.map(step => {
      const schema = translateNode(step.schema, language) as JsonObject;
      return {
        ...step,
        title: textOr(schema.title, step.title),
        description: textOr(schema.description, step.description),
        schema,
      };
    }),
  };
}

export { TRANSLATIONS_KEY };
