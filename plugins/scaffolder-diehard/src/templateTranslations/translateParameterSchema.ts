import type { TemplateParameterSchema } from '@backstage/plugin-scaffolder-common';
import type { JsonObject, JsonValue } from '@backstage/types';

/** The key a template writes its other languages under, next to the text they translate. */
export const TRANSLATIONS_KEY = 'ui:translations';

/** What a translation may replace in a schema node (a step, a field, an array's items). */
const TEXT_KEYS = ['title', 'description', 'ui:help', 'ui:placeholder'];

type Json = JsonValue | undefined;

const isObject = (v: Json): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The texts of `node[TRANSLATIONS_KEY]` for `language` (`fr-CA` falls back to `fr`), each
 * kept only if it has the type of what it replaces: a template's mistake leaves its own
 * text, never an error in the form.
 */
export function textsFor(node: JsonObject, language: string): JsonObject {
  const all = node[TRANSLATIONS_KEY];
  if (!isObject(all)) return {};
  const texts = all[language] ?? all[language.split('-')[0]];
  if (!isObject(texts)) return {};
  const out: JsonObject = {};
  for (const key of TEXT_KEYS)
    if (typeof texts[key] === 'string') out[key] = texts[key];
  const names = texts.enumNames;
  const english = node.enumNames ?? node['ui:enumNames'];
  if (
    Array.isArray(names) &&
    Array.isArray(english) &&
    names.length === english.length &&
    names.every(n => typeof n === 'string')
  )
    out[node.enumNames ? 'enumNames' : 'ui:enumNames'] = names;
  return out;
}

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

function translateSchemas(value: Json, language: string, isMap: boolean): Json {
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
function translateNode(value: Json, language: string): Json {
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === TRANSLATIONS_KEY) continue;
    out[key] = SCHEMA_KEYWORDS.has(key)
      ? translateSchemas(v, language, MAP_KEYWORDS.has(key))
      : v;
  }
  return { ...out, ...textsFor(value, language) };
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
  templateTexts: JsonObject = {},
): TemplateParameterSchema {
  const own = textsFor(templateTexts, language);
  return {
    ...manifest,
    title: typeof own.title === 'string' ? own.title : manifest.title,
    description:
      typeof own.description === 'string'
        ? own.description
        : manifest.description,
    steps: manifest.steps.map(step => {
      const schema = translateNode(step.schema, language) as JsonObject;
      return {
        ...step,
        title: typeof schema.title === 'string' ? schema.title : step.title,
        description:
          typeof schema.description === 'string'
            ? schema.description
            : step.description,
        schema,
      };
    }),
  };
}
