import type { LexicalDocument } from '../../../electron/model/article.ts';

// The body's review markup read from its serialized JSON, without an editor: for comparing
// versions (a suggestion is text the article does not yet have, or still has) and for tests.

export const SUGGESTION_TYPES = { insert: 'suggestion-insert', delete: 'suggestion-delete' } as const;

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
// gone) or rejected (the reverse). Comment marks stay: they are not part of the text.
export function applySuggestions(document: LexicalDocument, outcome: SuggestionOutcome): LexicalDocument {
  const keep = outcome === 'accepted' ? SUGGESTION_TYPES.insert : SUGGESTION_TYPES.delete;
  const drop = outcome === 'accepted' ? SUGGESTION_TYPES.delete : SUGGESTION_TYPES.insert;
  const visit = (nodes: readonly JsonNode[]): JsonNode[] => {
    const out: JsonNode[] = [];
    for (const node of nodes) {
      if (node.type === drop) continue;
      const children = Array.isArray(node.children) ? visit(node.children as JsonNode[]) : undefined;
      if (node.type === keep) {
        out.push(...(children ?? []));
        continue;
      }
      out.push(children ? { ...node, children } : node);
    }
    return out;
  };
  return { ...document, root: { ...document.root, children: visit(document.root.children as JsonNode[]) as LexicalDocument['root']['children'] } };
}

export interface BodySuggestion {
  id: string;
  kind: 'insert' | 'delete';
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
  const visit = (node: JsonNode): void => {
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
    if (Array.isArray(node.children)) for (const child of node.children as JsonNode[]) visit(child);
  };
  for (const child of document.root.children as JsonNode[]) visit(child);
  return [...found.values()];
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
