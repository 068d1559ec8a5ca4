import type { LexicalDocument } from './article.ts';

// The body's text, one string per block, read straight from Lexical's serialized JSON so main
// can search and count without an editor. Block-level nodes (paragraphs, headings, list items,
// table cells…) each start a new line; inline nodes (text, links, marks) join into their block.

export interface SerializedNode {
  type?: unknown;
  text?: unknown;
  children?: unknown;
}

// A comment's mark and a suggested change ('suggestion-insert', 'suggestion-delete') wrap words
// inside a paragraph; their words are the paragraph's (both sides of an open suggestion count).
const INLINE_CONTAINERS = new Set(['link', 'autolink', 'mark', 'suggestion-insert', 'suggestion-delete']);

export function bodyParagraphs(body: LexicalDocument): string[] {
  const paragraphs: string[] = [];
  for (const child of body.root.children as SerializedNode[]) blockParagraphs(child, paragraphs);
  return paragraphs;
}

// The text of one top-level block, one string per block inside it (a list's items, a table's
// cells), added to `into`.
export function blockParagraphs(block: SerializedNode, into: string[] = []): string[] {
  const children = Array.isArray(block.children) ? (block.children as SerializedNode[]) : [];
  if (children.some((child) => isBlock(child))) {
    for (const child of children) {
      if (isBlock(child)) blockParagraphs(child, into);
    }
  } else {
    into.push(inlineText(children));
  }
  return into;
}

export function bodyText(body: LexicalDocument): string {
  return bodyParagraphs(body).join('\n');
}

function isBlock(node: SerializedNode): boolean {
  if (typeof node.type !== 'string') return false;
  if (node.type === 'text' || node.type === 'linebreak' || node.type === 'tab') return false;
  if (INLINE_CONTAINERS.has(node.type)) return false;
  return Array.isArray(node.children);
}

function inlineText(nodes: readonly SerializedNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (typeof node.text === 'string') text += node.text;
    else if (node.type === 'linebreak') text += '\n';
    else if (node.type === 'tab') text += '\t';
    else if (Array.isArray(node.children)) text += inlineText(node.children as SerializedNode[]);
  }
  return text;
}
