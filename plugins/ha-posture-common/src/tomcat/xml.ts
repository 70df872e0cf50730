/**
 * A small, tolerant XML reader for Tomcat's server.xml, context.xml and web.xml.
 *
 * Written by hand because this package must stay isomorphic and may depend only on `yaml`
 * and `zod`: the browser has DOMParser but Node does not, and the XML libraries that run in
 * both would add a dependency. Tomcat configuration needs elements, attributes and text
 * only; comments, CDATA, processing instructions and DOCTYPEs are skipped, which is exactly
 * "comments do not count". Malformed input never throws: unclosed elements close at the end.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code =
        e[1] === 'x' || e[1] === 'X'
          ? parseInt(e.slice(2), 16)
          : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** Local name without a namespace prefix (`web:distributable` → `distributable`). */
function local(name: string): string {
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
}

/** Parses XML text into a root element named `#document`. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = {
    name: '#document',
    attrs: {},
    children: [],
    text: '',
  };
  const stack: XmlElement[] = [root];
  // How many elements of each name are open: a closing tag nobody opened costs nothing.
  const open = new Map<string, number>();
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      stack[stack.length - 1].text += decode(text.slice(i));
      break;
    }
    if (lt > i) stack[stack.length - 1].text += decode(text.slice(i, lt));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      stack[stack.length - 1].text += text.slice(lt + 9, end < 0 ? n : end);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (text.startsWith('<!', lt)) {
      // DOCTYPE, possibly with an internal subset in brackets.
      let depth = 0;
      let j = lt + 2;
      for (; j < n; j++) {
        const ch = text[j];
        if (ch === '[') depth++;
        else if (ch === ']') depth--;
        else if (ch === '>' && depth <= 0) break;
      }
      i = j + 1;
      continue;
    }
    if (text[lt + 1] === '/') {
      const end = text.indexOf('>', lt);
      const name = local(text.slice(lt + 2, end < 0 ? n : end).trim());
      if (open.get(name)) {
        // Close it and whatever is still open inside it.
        for (;;) {
          const closed = stack.pop()!;
          open.set(closed.name, open.get(closed.name)! - 1);
          if (closed.name === name) break;
        }
      }
      i = end < 0 ? n : end + 1;
      continue;
    }
    // Start tag: scan to the closing '>' outside quotes.
    let j = lt + 1;
    let quote = '';
    for (; j < n; j++) {
      const ch = text[j];
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') break;
    }
    const raw = text.slice(lt + 1, j);
    const selfClosing = raw.endsWith('/');
    const body = selfClosing ? raw.slice(0, -1) : raw;
    const nameMatch = body.match(/^\s*([^\s/>]+)/);
    if (!nameMatch) {
      i = j + 1;
      continue;
    }
    const el: XmlElement = {
      name: local(nameMatch[1]),
      attrs: {},
      children: [],
      text: '',
    };
    // A name starts after whitespace: one attempt per run of characters, linear in the tag.
    const attrRe = /(?:^|\s)([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
    for (const m of body.slice(nameMatch[0].length).matchAll(attrRe)) {
      el.attrs[local(m[1])] = decode(m[3] ?? m[4] ?? '');
    }
    stack[stack.length - 1].children.push(el);
    if (!selfClosing) {
      stack.push(el);
      open.set(el.name, (open.get(el.name) ?? 0) + 1);
    }
    i = j + 1;
  }
  return root;
}

/** Every descendant element with the given local name, depth-first (iterative: any depth). */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack = [...el.children].reverse();
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (c.name === name) out.push(c);
    for (let k = c.children.length - 1; k >= 0; k--) stack.push(c.children[k]);
  }
  return out;
}

/** The first descendant with the given local name. */
export function findFirst(
  el: XmlElement,
  name: string,
): XmlElement | undefined {
  return findAll(el, name)[0];
}
