// A small, tolerant HTML reader for what a WordPress post holds: block innerHTML and classic
// content. Main has no DOM, and the job is narrow (paragraphs, lists, tables, figures and inline
// formatting), so this reads tags into a tree the way browsers roughly do and never fails:
// broken markup gives a best-effort tree, comments and <script>/<style> bodies are dropped,
// and nothing here ever executes or renders anything.

export interface HtmlText {
  kind: 'text';
  text: string;
}

export interface HtmlElement {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}

export type HtmlNode = HtmlText | HtmlElement;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Elements whose content is not markup; their content is dropped whole.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'template']);
// Opening one of these ends an open <p>, as in a browser.
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);
// Where the search for an element to close implicitly stops.
const SCOPE = new Set(['blockquote', 'div', 'figure', 'li', 'ol', 'table', 'td', 'th', 'ul', 'section', 'article']);
// Deeper nesting than this is not an article; further tags are read as if absent, so a hostile
// post cannot make the recursive readers overflow the stack.
const MAX_DEPTH = 128;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  middot: '·', bull: '•', copy: '©', reg: '®', trade: '™', deg: '°', times: '×', divide: '÷', plusmn: '±', para: '¶',
  sect: '§', cent: '¢', pound: '£', yen: '¥', euro: '€', prime: '′', Prime: '″', larr: '←', rarr: '→', uarr: '↑',
  darr: '↓', harr: '↔', hearts: '♥', dagger: '†', Dagger: '‡', permil: '‰', zwj: '\u200d', zwnj: '\u200c', ensp: '\u2002',
  emsp: '\u2003', thinsp: '\u2009', iexcl: '¡', iquest: '¿', frac12: '½', frac14: '¼', frac34: '¾', micro: 'µ',
};
// The few that old HTML allowed without the semicolon.
const LEGACY = /^(amp|lt|gt|quot|nbsp)/;

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,7};?|[A-Za-z][A-Za-z0-9]{1,31};?)/g, (match, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '\ufffd';
    }
    if (body.endsWith(';')) {
      const name = body.slice(0, -1);
      return Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name]! : match;
    }
    const legacy = LEGACY.exec(body);
    return legacy ? NAMED_ENTITIES[legacy[1]!]! + body.slice(legacy[1]!.length) : match;
  });
}

function element(tag: string, attrs: Record<string, string>): HtmlElement {
  return { kind: 'element', tag, attrs, children: [] };
}

function readAttributes(source: string, from: number): { attrs: Record<string, string>; end: number; selfClosing: boolean } {
  // No prototype: an attribute named __proto__ stays an attribute.
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = from;
  let selfClosing = false;
  while (i < source.length) {
    while (i < source.length && /[\s/]/.test(source[i]!)) {
      selfClosing = source[i] === '/';
      i += 1;
    }
    if (i >= source.length || source[i] === '>') break;
    selfClosing = false;
    const nameStart = i;
    while (i < source.length && !/[\s/>=]/.test(source[i]!)) i += 1;
    const name = source.slice(nameStart, i).toLowerCase();
    while (i < source.length && /\s/.test(source[i]!)) i += 1;
    let value = '';
    if (source[i] === '=') {
      i += 1;
      while (i < source.length && /\s/.test(source[i]!)) i += 1;
      const quote = source[i];
      if (quote === '"' || quote === "'") {
        const close = source.indexOf(quote, i + 1);
        const valueEnd = close === -1 ? source.length : close;
        value = source.slice(i + 1, valueEnd);
        i = valueEnd + 1;
      } else {
        const valueStart = i;
        while (i < source.length && !/[\s>]/.test(source[i]!)) i += 1;
        value = source.slice(valueStart, i);
      }
    }
    if (name && !(name in attrs)) attrs[name] = decodeEntities(value);
  }
  return { attrs, end: Math.min(i + 1, source.length), selfClosing };
}

export function parseHtml(source: string): HtmlNode[] {
  const root = element('#root', {});
  const stack: HtmlElement[] = [root];
  const current = () => stack[stack.length - 1]!;
  const addText = (text: string) => {
    if (text === '') return;
    const siblings = current().children;
    const last = siblings[siblings.length - 1];
    if (last?.kind === 'text') last.text += text;
    else siblings.push({ kind: 'text', text });
  };
  // Pops back to the nearest open `tag`, unless a scope boundary comes first.
  const closeImplicit = (tags: ReadonlySet<string>, boundary: ReadonlySet<string>) => {
    for (let depth = stack.length - 1; depth > 0; depth -= 1) {
      const tag = stack[depth]!.tag;
      if (tags.has(tag)) {
        stack.length = depth;
        return;
      }
      if (boundary.has(tag)) return;
    }
  };
  const open = (tag: string, attrs: Record<string, string>, selfClosing: boolean) => {
    if (CLOSES_P.has(tag)) closeImplicit(new Set(['p']), SCOPE);
    if (tag === 'li') closeImplicit(new Set(['li']), new Set(['ul', 'ol', 'table']));
    if (tag === 'dt' || tag === 'dd') closeImplicit(new Set(['dt', 'dd']), new Set(['dl']));
    if (tag === 'tr') closeImplicit(new Set(['tr', 'td', 'th']), new Set(['table', 'thead', 'tbody', 'tfoot']));
    if (tag === 'td' || tag === 'th') closeImplicit(new Set(['td', 'th']), new Set(['tr', 'table']));
    if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') closeImplicit(new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th']), new Set(['table']));
    const node = element(tag, attrs);
    if (stack.length > MAX_DEPTH) return;
    current().children.push(node);
    if (!VOID.has(tag) && !selfClosing) stack.push(node);
  };
  const close = (tag: string) => {
    for (let depth = stack.length - 1; depth > 0; depth -= 1) {
      if (stack[depth]!.tag === tag) {
        stack.length = depth;
        return;
      }
    }
  };

  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    if (lt === -1) {
      addText(decodeEntities(source.slice(i)));
      break;
    }
    const next = source[lt + 1] ?? '';
    if (source.startsWith('<!--', lt)) {
      addText(decodeEntities(source.slice(i, lt)));
      const end = source.indexOf('-->', lt + 4);
      i = end === -1 ? source.length : end + 3;
    } else if (next === '!' || next === '?') {
      addText(decodeEntities(source.slice(i, lt)));
      const end = source.indexOf('>', lt);
      i = end === -1 ? source.length : end + 1;
    } else if (next === '/' && /[A-Za-z]/.test(source[lt + 2] ?? '')) {
      addText(decodeEntities(source.slice(i, lt)));
      const match = /^<\/([A-Za-z][A-Za-z0-9-]*)[^>]*>?/.exec(source.slice(lt, lt + 300));
      const end = source.indexOf('>', lt);
      close(match![1]!.toLowerCase());
      i = end === -1 ? source.length : end + 1;
    } else if (/[A-Za-z]/.test(next)) {
      addText(decodeEntities(source.slice(i, lt)));
      let nameEnd = lt + 1;
      while (nameEnd < source.length && /[A-Za-z0-9-]/.test(source[nameEnd]!)) nameEnd += 1;
      const tag = source.slice(lt + 1, nameEnd).toLowerCase();
      const { attrs, end, selfClosing } = readAttributes(source, nameEnd);
      i = end;
      if (RAW_TEXT.has(tag)) {
        const closer = new RegExp(`</${tag}`, 'gi');
        closer.lastIndex = i;
        const closing = closer.exec(source)?.index ?? -1;
        const closeEnd = closing === -1 ? -1 : source.indexOf('>', closing);
        i = closeEnd === -1 ? source.length : closeEnd + 1;
        continue;
      }
      open(tag, attrs, selfClosing);
    } else {
      // A lone "<" (as in "a < b") is text.
      addText(decodeEntities(source.slice(i, lt + 1)));
      i = lt + 1;
    }
  }
  return root.children;
}

// Reading helpers shared by the block and inline readers.

export function classesOf(node: HtmlElement): string[] {
  return (node.attrs.class ?? '').split(/\s+/).filter(Boolean);
}

export function hasClass(node: HtmlElement, name: string): boolean {
  return classesOf(node).includes(name);
}

export function elementsOf(nodes: readonly HtmlNode[]): HtmlElement[] {
  return nodes.filter((node): node is HtmlElement => node.kind === 'element');
}

// Depth-first search for the first element matching `test`.
export function findElement(nodes: readonly HtmlNode[], test: (node: HtmlElement) => boolean): HtmlElement | null {
  for (const node of elementsOf(nodes)) {
    if (test(node)) return node;
    const inner = findElement(node.children, test);
    if (inner) return inner;
  }
  return null;
}

export function findAll(nodes: readonly HtmlNode[], test: (node: HtmlElement) => boolean, found: HtmlElement[] = []): HtmlElement[] {
  for (const node of elementsOf(nodes)) {
    if (test(node)) found.push(node);
    else findAll(node.children, test, found);
  }
  return found;
}

export function textContent(nodes: readonly HtmlNode[]): string {
  return nodes.map((node) => (node.kind === 'text' ? node.text : node.tag === 'br' ? '\n' : textContent(node.children))).join('');
}
