import type { JsonObject, JsonValue } from '@backstage/types';

/** The key a template writes its other languages under, next to the text they translate. */
export const TRANSLATIONS_KEY = 'ui:translations';

export const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The translations of `node` (its `ui:translations`) for `language`, `fr-CA` falling back
 * to `fr`; an empty object when there are none.
 */
export function translationsOf(node: JsonObject, language: string): JsonObject {
  const all = node[TRANSLATIONS_KEY];
  if (!isObject(all)) return {};
  const texts = all[language] ?? all[language.split('-')[0]];
  return isObject(texts) ? texts : {};
}

/**
 * A copy of `node` without its translations, whose `keys` are in `language` where it has
 * a text for them: a translation that is not text leaves the template's own, never an
 * error on the page.
 */
export function translated<T extends JsonObject>(
  node: T,
  language: string,
  keys: readonly string[],
): T {
  const texts = translationsOf(node, language);
  const { [TRANSLATIONS_KEY]: _, ...rest } = node;
  const out: JsonObject = rest;
  for (const key of keys)
    if (typeof texts[key] === 'string') out[key] = texts[key];
  return out as T;
}
