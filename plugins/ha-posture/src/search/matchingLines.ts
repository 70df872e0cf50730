import type { ResultHighlight } from '@backstage/plugin-search-common';

/** A line of a posture document, and whether the search engine marked words in it. */
export interface ResultLine {
  text: string;
  highlighted: boolean;
}

/**
 * The lines of a posture document (one finding or single point of failure each) that
 * match the search: those the engine highlighted, else the first ones.
 */
export function matchingLines(
  text: string,
  highlight: ResultHighlight | undefined,
  max = 3,
): ResultLine[] {
  const marked = highlight?.fields.text;
  if (marked && highlight) {
    const lines = marked
      .split('\n')
      .map(line => line.trim())
      .filter(line => line.includes(highlight.preTag));
    if (lines.length) {
      return lines
        .slice(0, max)
        .map(line => ({ text: line, highlighted: true }));
    }
  }
  return text
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean)
    .slice(0, max)
    .map(line => ({ text: line, highlighted: false }));
}
