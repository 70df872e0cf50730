import type { FindingMessage, ReviewItem } from './types';

/**
 * The lines of an item's findings in the reader's language: each message's `text` (the
 * engine's message, or the text a company's rule brought in that language) written
 * with its severity by `line`. An item without messages (a review opened before they
 * were kept), or with one that has no text in that language, gives the English lines
 * the backend stored.
 *
 * @public
 */
export function findingLines(
  item: Pick<ReviewItem, 'findings' | 'findingMessages'>,
  text: (message: FindingMessage) => string | undefined,
  line: (severity: FindingMessage['severity'], text: string) => string,
): string[] {
  const english = item.findings ?? [];
  const messages = item.findingMessages ?? [];
  const texts = messages.map(text);
  if (
    messages.length === 0 ||
    messages.length !== english.length ||
    texts.some(t => t === undefined)
  ) {
    return english;
  }
  return messages.map((m, i) => line(m.severity, texts[i]!));
}
