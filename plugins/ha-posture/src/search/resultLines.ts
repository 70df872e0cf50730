import type { ResultHighlight } from '@backstage/plugin-search-common';
import type { HaPostureSearchFields } from '@diehard/plugin-ha-posture-common';

/** A line to show, with the search engine's tags around the words it matched. */
export interface ResultLine {
  text: string;
  highlighted: boolean;
}

type LineFields = Partial<
  Pick<HaPostureSearchFields, 'linesEn' | 'linesFr' | 'around'>
> & { text: string };

const MAX_TERMS = 20;
const MAX_TERM_LENGTH = 100;

/**
 * The words the engine marked in the document's text, lower-cased. Lunr marks whole
 * lines and PostgreSQL a fragment of the text: the words are what both give alike.
 */
function markedTerms(highlight: ResultHighlight | undefined): string[] {
  const marked = highlight?.fields.text;
  if (!highlight || !marked) return [];
  const terms = new Set<string>();
  let at = marked.indexOf(highlight.preTag);
  while (at >= 0 && terms.size < MAX_TERMS) {
    const start = at + highlight.preTag.length;
    const end = marked.indexOf(highlight.postTag, start);
    if (end < 0) break;
    const term = marked.slice(start, end).trim().toLocaleLowerCase();
    if (term && term.length <= MAX_TERM_LENGTH) terms.add(term);
    at = marked.indexOf(highlight.preTag, end);
  }
  return [...terms].sort((a, b) => b.length - a.length);
}

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** `line` with the tags around each whole-word occurrence of a term; undefined if none. */
function mark(
  line: string,
  terms: string[],
  highlight: ResultHighlight,
): string | undefined {
  const lower = line.toLocaleLowerCase();
  // Lower-casing changed the length (rare letters): positions would not line up.
  if (lower.length !== line.length) return undefined;
  const termAt = (at: number) =>
    isWordChar(line[at - 1])
      ? undefined
      : terms.find(
          t => lower.startsWith(t, at) && !isWordChar(line[at + t.length]),
        );
  let out = '';
  let found = false;
  let i = 0;
  while (i < line.length) {
    const term = termAt(i);
    if (term) {
      out += `${highlight.preTag}${line.slice(i, i + term.length)}${
        highlight.postTag
      }`;
      i += term.length;
      found = true;
    } else {
      out += line[i];
      i += 1;
    }
  }
  return found ? out : undefined;
}

/**
 * The findings and single points of failure to show for a result, in the reader's
 * language: those holding a word the search matched (in the other language when only
 * that one holds it), else the first ones.
 */
export function findingLines(
  document: LineFields,
  highlight: ResultHighlight | undefined,
  french: boolean,
  max = 3,
): ResultLine[] {
  // Documents indexed before the collator wrote both languages side by side.
  const english =
    document.linesEn ??
    document.text
      .split('\n')
      .map(line => line.trim())
      .filter(Boolean);
  const pairs = english.map((en, i) => {
    const fr = document.linesFr?.[i] ?? en;
    return french ? [fr, en] : [en, fr];
  });
  const terms = markedTerms(highlight);
  if (highlight && terms.length) {
    const lines: ResultLine[] = [];
    for (const [own, other] of pairs) {
      const marked =
        mark(own, terms, highlight) ?? mark(other, terms, highlight);
      if (marked) lines.push({ text: marked, highlighted: true });
      if (lines.length === max) break;
    }
    if (lines.length) return lines;
  }
  return pairs
    .slice(0, max)
    .map(([own]) => ({ text: own, highlighted: false }));
}

/** What the pods rely on, when it holds a word the search matched. */
export function aroundLine(
  document: LineFields,
  highlight: ResultHighlight | undefined,
): ResultLine | undefined {
  const terms = markedTerms(highlight);
  if (!highlight || !terms.length || !document.around?.length) return undefined;
  const marked = mark(document.around.join(', '), terms, highlight);
  return marked ? { text: marked, highlighted: true } : undefined;
}
