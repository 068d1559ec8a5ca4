import { type HtmlNode, hasClass } from './html-tree.ts';
import { type LexicalJson, type LinkAttributes, TextFormat, lineBreakNode, linkNode, textNode } from './lexical-json.ts';
import { safeLinkUrl } from './safe-url.ts';

// Inline HTML (what a paragraph, list item, caption or table cell holds) as Lexical inline
// nodes: text with format bits, line breaks and links. Only the tags WordPress's rich text
// writes carry meaning; any other element is read for its text, and media, forms and scripts
// are dropped. Nothing is ever passed through as markup.

export interface InlineOptions {
  // Classic content (wpautop): a single newline is a line break. In block content it is a space.
  newlineIsBreak?: boolean;
  // Trim spaces at the start, the end and around line breaks: hand-written HTML is indented,
  // block markup from the editor is not (and there the writer's spaces are kept as they are).
  trim?: boolean;
  // Elements to leave out (the credit span inside a caption, the label before a field).
  skip?: (node: HtmlNode) => boolean;
}

const FORMAT_TAGS: Readonly<Record<string, number>> = {
  strong: TextFormat.bold,
  b: TextFormat.bold,
  em: TextFormat.italic,
  i: TextFormat.italic,
  u: TextFormat.underline,
  ins: TextFormat.underline,
  s: TextFormat.strikethrough,
  strike: TextFormat.strikethrough,
  del: TextFormat.strikethrough,
  code: TextFormat.code,
  kbd: TextFormat.code,
  samp: TextFormat.code,
  tt: TextFormat.code,
  sub: TextFormat.subscript,
  sup: TextFormat.superscript,
};

// Content that is not text: media, embedded documents, forms, vector drawings.
const DROPPED = new Set(['img', 'picture', 'video', 'audio', 'object', 'embed', 'svg', 'math', 'canvas', 'input', 'select', 'button', 'map']);
// Block-level elements met inside inline content (a <p> in a <li>) start a new line.
const BLOCK_LEVEL = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'figcaption', 'pre', 'table', 'tr',
  'section', 'article', 'header', 'footer', 'aside', 'dl', 'dt', 'dd', 'address',
]);

function spanFormat(style: string): number {
  let bits = 0;
  if (/text-decoration[^;]*underline/i.test(style)) bits |= TextFormat.underline;
  if (/text-decoration[^;]*line-through/i.test(style)) bits |= TextFormat.strikethrough;
  return bits;
}

function linkOf(attrs: Record<string, string>): LinkAttributes | null {
  const url = safeLinkUrl(attrs.href);
  if (!url) return null;
  const rel = (attrs.rel ?? '').trim();
  const title = (attrs.title ?? '').trim();
  return { url, target: attrs.target === '_blank' ? '_blank' : null, rel: rel === '' ? null : rel, title: title === '' ? null : title };
}

class InlineBuilder {
  readonly #options: InlineOptions;

  constructor(options: InlineOptions) {
    this.#options = options;
  }

  build(nodes: readonly HtmlNode[]): LexicalJson[] {
    const out: LexicalJson[] = [];
    this.#walk(nodes, 0, false, out);
    return this.#options.trim ? trimInline(out) : out;
  }

  #walk(nodes: readonly HtmlNode[], format: number, inLink: boolean, out: LexicalJson[]): void {
    for (const node of nodes) {
      if (this.#options.skip?.(node)) continue;
      if (node.kind === 'text') {
        this.#text(node.text, format, out);
        continue;
      }
      const tag = node.tag;
      if (tag === 'br') {
        out.push(lineBreakNode());
      } else if (DROPPED.has(tag)) {
        continue;
      } else if (tag === 'a' && !inLink) {
        const link = linkOf(node.attrs);
        if (!link) {
          this.#walk(node.children, format, inLink, out);
          continue;
        }
        const children: LexicalJson[] = [];
        this.#walk(node.children, format, true, children);
        if (children.length > 0) out.push(linkNode(link, children));
      } else if (BLOCK_LEVEL.has(tag)) {
        const last = out[out.length - 1];
        if (last && last.type !== 'linebreak') out.push(lineBreakNode());
        this.#walk(node.children, format, inLink, out);
      } else {
        const bits = (FORMAT_TAGS[tag] ?? 0) | (tag === 'span' || tag === 'mark' ? spanFormat(node.attrs.style ?? '') : 0);
        this.#walk(node.children, format | bits, inLink, out);
      }
    }
  }

  #text(raw: string, format: number, out: LexicalJson[]): void {
    // HTML's own whitespace (newlines, tabs) reads as a space; runs of spaces the writer typed
    // stay, as the block editor keeps them.
    const parts = this.#options.newlineIsBreak ? raw.replace(/\r\n?/g, '\n').split('\n') : [raw];
    parts.forEach((part, index) => {
      if (index > 0) out.push(lineBreakNode());
      const text = part.replace(/[\t\n\r\f]+/g, ' ');
      if (text === '') return;
      const last = out[out.length - 1];
      // Lexical merges neighbouring text of the same format; so does this, to compare equal.
      if (last && last.type === 'text' && last.format === format) last.text = `${String(last.text)}${text}`;
      else out.push(textNode(text, format));
    });
  }
}

function trimInline(nodes: LexicalJson[]): LexicalJson[] {
  const out = nodes.map((node) => (node.type === 'text' ? { ...node } : node));
  out.forEach((node, index) => {
    if (node.type !== 'text') return;
    const before = out[index - 1];
    const after = out[index + 1];
    let text = String(node.text);
    if (!before || before.type === 'linebreak') text = text.replace(/^ +/, '');
    if (!after || after.type === 'linebreak') text = text.replace(/ +$/, '');
    node.text = text;
  });
  const kept = out.filter((node) => node.type !== 'text' || node.text !== '');
  while (kept[0]?.type === 'linebreak') kept.shift();
  while (kept[kept.length - 1]?.type === 'linebreak') kept.pop();
  return kept;
}

export function inlineFromHtml(nodes: readonly HtmlNode[], options: InlineOptions = {}): LexicalJson[] {
  return new InlineBuilder(options).build(nodes);
}

// A field's text from its paragraph: line breaks as newlines, labels and the like left out.
export function plainTextFromHtml(nodes: readonly HtmlNode[], skip?: (node: HtmlNode) => boolean): string {
  const inline = inlineFromHtml(nodes, { trim: true, skip });
  const text = (list: readonly LexicalJson[]): string =>
    list.map((node) => (node.type === 'linebreak' ? '\n' : node.type === 'text' ? String(node.text) : text((node.children as LexicalJson[]) ?? []))).join('');
  return text(inline);
}

export const isClassed = (name: string) => (node: HtmlNode) => node.kind === 'element' && hasClass(node, name);
