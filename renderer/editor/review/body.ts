import type { LexicalDocument } from '../../../electron/model/article.ts';
import type { SuggestionKind } from '../../../electron/model/review.ts';

// The body's review markup read from its serialized JSON, without an editor: for comparing
// versions (a suggestion is text the article does not yet have, or still has) and for tests.

export const SUGGESTION_TYPES = { insert: 'suggestion-insert', delete: 'suggestion-delete', break: 'suggestion-break' } as const;

export type SuggestionOutcome = 'accepted' | 'rejected';

interface JsonNode {
  type?: unknown;
  children?: unknown;
  [key: string]: unknown;
}

// A new id for a thread or a suggestion: also the id of its marks in the body, and accepted by
// the contract's record ids (/^[A-Za-z0-9_-]{8,64}$/).
export function newRecordId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export const RECORD_ID = /^[A-Za-z0-9_-]{8,64}$/;

// The body as if every open suggestion were accepted (insertions kept as plain text, deletions
// gone, paragraphs split and joined) or rejected (the reverse, and the paragraph marks gone).
// Comment marks stay: they are not part of the text.
export function applySuggestions(document: LexicalDocument, outcome: SuggestionOutcome): LexicalDocument {
  const keep = outcome === 'accepted' ? SUGGESTION_TYPES.insert : SUGGESTION_TYPES.delete;
  const drop = outcome === 'accepted' ? SUGGESTION_TYPES.delete : SUGGESTION_TYPES.insert;
  const visit = (nodes: readonly JsonNode[]): JsonNode[] => {
    const out: JsonNode[] = [];
    for (const node of nodes) {
      if (node.type === drop || (outcome === 'rejected' && node.type === SUGGESTION_TYPES.break)) continue;
      const children = Array.isArray(node.children) ? visit(node.children as JsonNode[]) : undefined;
      if (node.type === keep) {
        out.push(...(children ?? []));
        continue;
      }
      out.push(children ? { ...node, children: outcome === 'accepted' ? applyBreaks(children) : children } : node);
    }
    return out;
  };
  const children = visit(document.root.children as JsonNode[]);
  return { ...document, root: { ...document.root, children: (outcome === 'accepted' ? applyBreaks(children) : children) as LexicalDocument['root']['children'] } };
}

// The blocks whose text a paragraph mark can split, and whose siblings it can join.
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'quote', 'listitem']);
const INLINE_CONTAINERS = new Set(['link', 'autolink', 'mark', SUGGESTION_TYPES.insert, SUGGESTION_TYPES.delete]);

const isBreak = (node: JsonNode, kind: 'split' | 'join') => node.type === SUGGESTION_TYPES.break && node.kind === kind;

// Accepted paragraph marks among sibling blocks: a block with split marks becomes several (the
// inline elements around a mark are cut in two, as Enter does); a block starting with a join mark
// goes on the end of the text block before it.
function applyBreaks(blocks: JsonNode[]): JsonNode[] {
  const out: JsonNode[] = [];
  for (const block of blocks) {
    if (!TEXT_BLOCKS.has(String(block.type)) || !Array.isArray(block.children)) {
      out.push(block);
      continue;
    }
    for (const [index, children] of splitInline(block.children as JsonNode[]).entries()) {
      const joined = children.findIndex((child) => isBreak(child, 'join'));
      const rest = joined >= 0 ? children.filter((_, i) => i !== joined) : children;
      const previous = out.at(-1);
      if (index === 0 && joined >= 0 && previous && TEXT_BLOCKS.has(String(previous.type)) && Array.isArray(previous.children)) {
        out[out.length - 1] = { ...previous, children: [...(previous.children as JsonNode[]), ...rest] };
      } else {
        out.push({ ...block, children: rest });
      }
    }
  }
  return out;
}

// A block's inline content cut at its split marks: one list of children per resulting block.
function splitInline(children: readonly JsonNode[]): JsonNode[][] {
  const parts: JsonNode[][] = [[]];
  for (const child of children) {
    if (isBreak(child, 'split')) {
      parts.push([]);
      continue;
    }
    if (INLINE_CONTAINERS.has(String(child.type)) && Array.isArray(child.children)) {
      const inner = splitInline(child.children as JsonNode[]);
      inner.forEach((piece, i) => {
        if (i > 0) parts.push([]);
        if (piece.length > 0) parts.at(-1)!.push({ ...child, children: piece });
      });
      continue;
    }
    parts.at(-1)!.push(child);
  }
  return parts;
}

export interface BodySuggestion {
  id: string;
  kind: SuggestionKind;
  text: string;
  author: string;
  at: string;
}

// The suggestions in a serialized body, in document order, one entry per id (a suggestion
// split over two paragraphs is one entry with both texts joined).
export function suggestionsInBody(document: LexicalDocument): BodySuggestion[] {
  const found = new Map<string, BodySuggestion>();
  const textOf = (node: JsonNode): string => {
    if (typeof node.text === 'string') return node.text;
    if (node.type === 'linebreak') return '\n';
    return Array.isArray(node.children) ? (node.children as JsonNode[]).map(textOf).join('') : '';
  };
  const visit = (node: JsonNode, after: () => string): void => {
    if (node.type === SUGGESTION_TYPES.break && typeof node.suggestionId === 'string' && !found.has(node.suggestionId)) {
      found.set(node.suggestionId, {
        id: node.suggestionId,
        kind: node.kind === 'join' ? 'join' : 'split',
        text: breakContext(after()),
        author: typeof node.author === 'string' ? node.author : '',
        at: typeof node.at === 'string' ? node.at : '',
      });
      return;
    }
    const kind = node.type === SUGGESTION_TYPES.insert ? 'insert' : node.type === SUGGESTION_TYPES.delete ? 'delete' : null;
    if (kind && typeof node.suggestionId === 'string') {
      const text = textOf(node);
      const entry = found.get(node.suggestionId);
      if (entry) entry.text += text;
      else
        found.set(node.suggestionId, {
          id: node.suggestionId,
          kind,
          text,
          author: typeof node.author === 'string' ? node.author : '',
          at: typeof node.at === 'string' ? node.at : '',
        });
    }
    if (!Array.isArray(node.children)) return;
    const children = node.children as JsonNode[];
    // The words after a paragraph mark, which say where it is.
    // The words after a paragraph mark say where it is; worked out only for a mark.
    children.forEach((child, i) => visit(child, () => children.slice(i + 1).map(textOf).join('') + after()));
  };
  const blocks = document.root.children as JsonNode[];
  blocks.forEach((child, i) => visit(child, () => (blocks[i + 1] ? textOf(blocks[i + 1]!) : '')));
  return [...found.values()];
}

// What the panel shows of a split or join: the start of the text after the mark.
export function breakContext(after: string): string {
  return after.trimStart().slice(0, 40);
}

// Thread ids in the order their passages appear in a serialized body.
export function markIdsInBody(document: LexicalDocument): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  const visit = (node: JsonNode): void => {
    if (node.type === 'mark' && Array.isArray(node.ids)) {
      for (const id of node.ids) {
        if (typeof id === 'string' && !seen.has(id)) {
          seen.add(id);
          ids.push(id);
        }
      }
    }
    if (Array.isArray(node.children)) for (const child of node.children as JsonNode[]) visit(child);
  };
  for (const child of document.root.children as JsonNode[]) visit(child);
  return ids;
}
