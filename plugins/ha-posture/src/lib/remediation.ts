/** A paragraph of a remediation: prose, or a snippet to paste. */
export type RemediationBlock = { type: 'text' | 'code'; content: string };

const YAML_LINE = /^\s*(#.*|- .*|-$|---|[\w./"'$-]+:(\s.*)?|<.*>)$/;

/**
 * Splits a remediation into prose and YAML snippets. Rules write the prose first,
 * then the snippet after a blank line; fenced blocks (```yaml) are honoured too.
 */
export function splitRemediation(text: string): RemediationBlock[] {
  const blocks: RemediationBlock[] = [];
  const fence = /```[\w-]*\n([\s\S]*?)```/g;
  let last = 0;
  for (const match of text.matchAll(fence)) {
    blocks.push(...splitParagraphs(text.slice(last, match.index)));
    blocks.push({ type: 'code', content: match[1].replace(/\n$/, '') });
    last = (match.index ?? 0) + match[0].length;
  }
  blocks.push(...splitParagraphs(text.slice(last)));
  return blocks;
}

function splitParagraphs(text: string): RemediationBlock[] {
  return text
    .split(/\n\s*\n/)
    .map(p => p.replace(/^\n+|\s+$/g, ''))
    .filter(p => p.trim().length > 0)
    .map(p => ({ type: isSnippet(p) ? 'code' : 'text', content: p }));
}

function isSnippet(paragraph: string): boolean {
  const lines = paragraph.split('\n').filter(l => l.trim());
  if (lines.length < 2) {
    return false;
  }
  return lines.every(line => YAML_LINE.test(line) || /^\s{2,}\S/.test(line));
}
