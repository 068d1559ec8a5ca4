// Cuts a large clipboard HTML string into pieces that can each be sanitized and imported on
// their own, so a 5 MB paste runs as many short tasks instead of one that freezes the window.
// It reads tags with a light tokenizer rather than the DOM: parsing the whole string first
// would itself be the long task (and, under the app's CSP, log every style attribute).

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);
// A cut is made only in front of one of these, so every piece starts with a whole block.
const BLOCK_START = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'pre', 'div', 'hr', 'section', 'article', 'dl', 'figure', 'aside']);
// ...and never inside one of these: a list or table cut in two would arrive as two.
const KEEP_WHOLE = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'blockquote', 'pre', 'a', 'figure']);
// Elements a new one of the same kind closes implicitly (HTML's optional end tags).
const SELF_CLOSING_ON_REPEAT = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th']);

// Comments, <!doctype>/<![if …]> and processing instructions, or a start or end tag. Attribute
// values are length-bounded so malformed input cannot make a match scan the whole string.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]{0,65536}"|'[^']{0,65536}'){0,4096})>/g;

interface Open {
  name: string;
  tag: string;
}

function closing(stack: Open[]): string {
  let out = '';
  for (let i = stack.length - 1; i >= 0; i -= 1) out += `</${stack[i]!.name}>`;
  return out;
}

/**
 * Yields the body of `html` in pieces of about `targetSize` characters, each found only when
 * asked for, so cutting costs nothing up front. Each piece re-opens the wrappers it sits in
 * (Google Docs wraps the whole document in one <b>) and closes them at its end, so every piece
 * is a well-formed fragment on its own. Word's list paragraphs (mso-list) are kept together
 * with the paragraph before them.
 */
export function* htmlPieces(html: string, targetSize: number): Generator<string, void, undefined> {
  if (html.length <= targetSize) {
    yield html;
    return;
  }
  const bodyStart = /<body\b(?:[^>"']|"[^"]*"|'[^']*')*>/i.exec(html);
  const start = bodyStart ? bodyStart.index + bodyStart[0].length : 0;
  const bodyEnd = html.search(/<\/body\s*>(?![\s\S]*<\/body)/i);
  const end = bodyEnd > start ? bodyEnd : html.length;

  const stack: Open[] = [];
  let pieceStart = start;
  let prefix = '';
  const token = new RegExp(TOKEN.source, 'g');
  token.lastIndex = start;
  for (let match = token.exec(html); match !== null && match.index < end; match = token.exec(html)) {
    const [whole, slash, rawName, attributes = ''] = match;
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (slash) {
      const at = stack.map((open) => open.name).lastIndexOf(name);
      if (at !== -1) stack.length = at;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}\\s*>`, 'gi');
      close.lastIndex = token.lastIndex;
      const found = close.exec(html);
      token.lastIndex = found ? close.lastIndex : end;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top && SELF_CLOSING_ON_REPEAT.has(top.name) && (top.name === name || (top.name === 'p' && BLOCK_START.has(name)))) stack.pop();
    if (
      BLOCK_START.has(name) &&
      match.index - pieceStart >= targetSize &&
      !stack.some((open) => KEEP_WHOLE.has(open.name)) &&
      !/mso-list/i.test(attributes)
    ) {
      const piece = prefix + html.slice(pieceStart, match.index) + closing(stack);
      prefix = stack.map((open) => open.tag).join('');
      pieceStart = match.index;
      yield piece;
    }
    if (!VOID.has(name) && !attributes.endsWith('/')) stack.push({ name, tag: whole });
  }
  yield prefix + html.slice(pieceStart, end);
}
