import { TextFormat } from './lexical-json.ts';
import { escapeAttribute, escapeText, stripControl } from './markup-escape.ts';
import { safeLinkUrl } from './safe-url.ts';

// Lexical inline content (text with format bits, line breaks, links) as the inline HTML
// WordPress's rich text writes: <strong>, <em>, <s>, <code>, <sub>, <sup>, the core/underline
// span, <a href> and <br>. Formats are nested as runs, as RichText does, so bold text with an
// italic word in it is one <strong> around an <em>, not a <strong> per text node.

interface InlineNode {
  type?: unknown;
  text?: unknown;
  format?: unknown;
  children?: unknown;
  url?: unknown;
  target?: unknown;
  rel?: unknown;
  title?: unknown;
}

interface Link {
  href: string;
  target: string | null;
  rel: string | null;
  title: string | null;
}

type Run = { text: string; formats: number; link: Link | null } | { lineBreak: true };

// Review marks in the body never reach the page. A comment's MarkNode ('mark') is only a
// wrapper: its words are published, the mark is not. An open suggestion is published as if it
// were rejected: a suggested insertion ('suggestion-insert') is left out, a suggested deletion
// ('suggestion-delete') keeps its words, and a suggested split or join of paragraphs
// ('suggestion-break') has no words and is left out. Accepting a suggestion in the editor turns
// it into plain text (or removes it, or splits or joins the paragraphs), which is then
// published like any other.
export function isSuggestedInsertion(node: { type?: unknown }): boolean {
  return node.type === 'suggestion-insert';
}

// Outermost first. The order is ours (RichText keeps the order formats were applied); any order
// opens in the block editor, and a fixed one keeps the markup stable between publishes.
const FORMAT_TAGS: ReadonlyArray<readonly [number, string, string]> = [
  [TextFormat.bold, '<strong>', '</strong>'],
  [TextFormat.italic, '<em>', '</em>'],
  // core/underline in @wordpress/format-library.
  [TextFormat.underline, '<span style="text-decoration: underline;">', '</span>'],
  [TextFormat.strikethrough, '<s>', '</s>'],
  [TextFormat.code, '<code>', '</code>'],
  [TextFormat.subscript, '<sub>', '</sub>'],
  [TextFormat.superscript, '<sup>', '</sup>'],
];
const KNOWN_FORMATS = FORMAT_TAGS.reduce((bits, [bit]) => bits | bit, 0);

const REL_TOKENS = new Set(['noreferrer', 'noopener', 'nofollow', 'sponsored', 'ugc']);

function linkOf(node: InlineNode): Link | null {
  const href = safeLinkUrl(node.url);
  if (!href) return null;
  const blank = node.target === '_blank';
  const tokens = typeof node.rel === 'string' ? node.rel.toLowerCase().split(/\s+/).filter((token) => REL_TOKENS.has(token)) : [];
  // A link opening a new window gets what WordPress's link format gives it ("noreferrer
  // noopener"), so the new page cannot reach back into this one.
  const rel = blank ? ['noreferrer', 'noopener', ...tokens.filter((token) => token !== 'noreferrer' && token !== 'noopener')] : tokens;
  const title = typeof node.title === 'string' && node.title.trim() !== '' ? node.title : null;
  return { href, target: blank ? '_blank' : null, rel: rel.length > 0 ? [...new Set(rel)].join(' ') : null, title };
}

function collectRuns(nodes: readonly InlineNode[], link: Link | null, runs: Run[], depth = 0): void {
  // Inline nesting deeper than this is a hand-edited file; its inner words are left out.
  if (depth > 64) return;
  for (const node of nodes) {
    if (isSuggestedInsertion(node)) continue;
    if (node.type === 'linebreak') {
      runs.push({ lineBreak: true });
    } else if (node.type === 'tab') {
      runs.push({ text: '\t', formats: 0, link });
    } else if (typeof node.text === 'string') {
      const formats = typeof node.format === 'number' ? node.format & KNOWN_FORMATS : 0;
      stripControl(node.text)
        .split('\n')
        .forEach((part, index) => {
          if (index > 0) runs.push({ lineBreak: true });
          if (part !== '') runs.push({ text: part, formats, link });
        });
    } else if (Array.isArray(node.children)) {
      // A link inside a link is not HTML; the inner one keeps its text only. An unsafe address
      // drops the link and keeps the words. Comment marks and suggested deletions pass their
      // words through (see isSuggestedInsertion).
      const own = !link && (node.type === 'link' || node.type === 'autolink') ? linkOf(node) : null;
      collectRuns(node.children as InlineNode[], link ?? own, runs, depth + 1);
    }
  }
}

type Open = { kind: 'format'; bit: number; close: string } | { kind: 'link'; link: Link };

function openLink(link: Link): string {
  let tag = `<a href="${escapeAttribute(link.href)}"`;
  if (link.target) tag += ` target="${link.target}"`;
  if (link.rel) tag += ` rel="${escapeAttribute(link.rel)}"`;
  if (link.title) tag += ` title="${escapeAttribute(link.title)}"`;
  return `${tag}>`;
}

function wanted(open: Open, formats: number, link: Link | null): boolean {
  return open.kind === 'link' ? open.link === link : (formats & open.bit) !== 0;
}

export function inlineHtml(nodes: unknown): string {
  const runs: Run[] = [];
  collectRuns(Array.isArray(nodes) ? (nodes as InlineNode[]) : [], null, runs);
  const stack: Open[] = [];
  let html = '';
  const closeDownTo = (depth: number) => {
    while (stack.length > depth) {
      const open = stack.pop()!;
      html += open.kind === 'link' ? '</a>' : open.close;
    }
  };
  const keepFor = (run: Run | undefined) => {
    let keep = 0;
    if (run && !('lineBreak' in run)) while (keep < stack.length && wanted(stack[keep]!, run.formats, run.link)) keep += 1;
    return keep;
  };
  // For each run, the text run after it (a line break looks ahead to it).
  const nextText: Array<Run | undefined> = [];
  for (let index = runs.length - 1, next: Run | undefined; index >= 0; index -= 1) {
    nextText[index] = next;
    if (!('lineBreak' in runs[index]!)) next = runs[index];
  }
  runs.forEach((run, index) => {
    if ('lineBreak' in run) {
      // A line break stays inside what the text after it continues (bold across two lines is
      // one <strong>) and outside what ends with the text before it.
      closeDownTo(keepFor(nextText[index]));
      html += '<br>';
      return;
    }
    closeDownTo(keepFor(run));
    if (run.link && !stack.some((open) => open.kind === 'link')) {
      stack.push({ kind: 'link', link: run.link });
      html += openLink(run.link);
    }
    for (const [bit, openTag, closeTag] of FORMAT_TAGS) {
      if ((run.formats & bit) !== 0 && !stack.some((open) => open.kind === 'format' && open.bit === bit)) {
        stack.push({ kind: 'format', bit, close: closeTag });
        html += openTag;
      }
    }
    html += escapeText(run.text);
  });
  closeDownTo(0);
  return html;
}

// A plain-text field (deck, footer): escaped, its line breaks kept as <br>.
export function plainTextHtml(text: string): string {
  return stripControl(text).split('\n').map(escapeText).join('<br>');
}
