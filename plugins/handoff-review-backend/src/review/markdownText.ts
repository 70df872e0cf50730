// Invisible characters that could hide or reorder what a reader sees: controls and
// bidi embeddings, overrides and isolates.
const HIDDEN = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * A string someone wrote, made safe to place inside one line of Markdown: it renders
 * as the same text and can open no block, link, image, emphasis, code span, math,
 * table or HTML. Line breaks become spaces (a new line could start a heading or a
 * list), and a leading block marker is escaped (the string may start a list item).
 */
export function markdownText(text: string): string {
  return (
    text
      .replace(/\s+/gu, ' ')
      .replace(HIDDEN, '')
      .trim()
      // Raw HTML, entities and <autolinks>: as character references.
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Code spans, emphasis, links, images and footnotes, tables, strikethrough,
      // math, and a backslash that would escape what follows it.
      .replace(/[\\`*_[\]|~$]/g, c => `\\${c}`)
      // Bare autolinks (GFM's http(s)://… and www.…, linkify's host.tld, user@host).
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/\.(?=\p{L})/gu, '\\.')
      .replace(/@/g, '\\@')
      // A heading, list item, numbered item or setext line where the string begins.
      .replace(/^([#+=-])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}
