import { FINDING_MESSAGES_EN, FindingMessageId } from './en';

/**
 * A sentence as data: a message id of the catalogs and the values of its placeholders. A value
 * may itself be a message (a phrase chosen by the engine, such as "the node running …").
 *
 * @public
 */
export interface MessageRef {
  id: string;
  params: MessageParams;
}

/**
 * The values of a message's `{{placeholders}}`: object names, counts, fields, phrases.
 *
 * @public
 */
export type MessageParams = { [name: string]: string | number | MessageRef };

/** Builds a message reference (the id must exist in the English catalog). */
export function msg(
  id: FindingMessageId,
  params: MessageParams = {},
): MessageRef {
  return { id, params };
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/**
 * The placeholder names a template uses.
 *
 * @public
 */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map(m => m[1]);
}

/**
 * Renders a message from a catalog, nested phrases first. An id the catalog lacks falls back
 * to English, then to the id itself; a missing parameter renders as "undefined", as the
 * template literal it replaces did.
 *
 * @public
 */
export function renderMessage(
  ref: MessageRef,
  catalog: Record<string, string> = FINDING_MESSAGES_EN,
): string {
  const template =
    catalog[ref.id] ??
    (FINDING_MESSAGES_EN as Record<string, string>)[ref.id] ??
    ref.id;
  const parts = partsOf(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = ref.params[parts[i]];
    out +=
      typeof value === 'object' && value !== null
        ? renderMessage(value, catalog)
        : String(value);
    out += parts[i + 1];
  }
  return out;
}

/** Templates split once: text, placeholder name, text, … (a scan writes thousands of findings). */
const splitTemplates = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = splitTemplates.get(template);
  if (!parts) {
    if (splitTemplates.size >= 2000) splitTemplates.clear();
    parts = template.split(PLACEHOLDER);
    splitTemplates.set(template, parts);
  }
  return parts;
}
