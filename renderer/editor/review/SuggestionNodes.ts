import i18next from 'i18next';
import type { SuggestionKind as AnySuggestionKind } from '../../../electron/model/review.ts';
import {
  $applyNodeReplacement,
  $getDocument,
  type DOMExportOutput,
  type EditorConfig,
  ElementNode,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type SerializedElementNode,
  type SerializedLexicalNode,
  type SerializedPartial,
  type Spread,
} from 'lexical';

// Suggested changes (track changes) in the body. Each is an inline element around the text it
// concerns, carrying the suggestion's id (the record in the draft's review data), who made it
// and when, so the body alone can show it with its author. The serialized type names and the
// `suggestionId` property are part of the stored format: the publishing serializer and main's
// review service read them.

export const SUGGESTION_INSERT_TYPE = 'suggestion-insert';
export const SUGGESTION_DELETE_TYPE = 'suggestion-delete';

export interface SuggestionInfo {
  suggestionId: string;
  author: string;
  // ISO time the suggestion started.
  at: string;
}

export type SerializedSuggestionNode = Spread<SuggestionInfo, SerializedElementNode>;

export type SuggestionKind = 'insert' | 'delete';

// While suggestion mode is on, whose insertions text may flow into at their edges (an input
// method composing at the end of one's own insertion must stay inside it). Off, text typed next
// to any suggestion goes beside it.
let extendsInsertion: ((author: string) => boolean) | null = null;
export function setInsertionExtender(test: ((author: string) => boolean) | null): void {
  extendsInsertion = test;
}

type ImportedJSON = SerializedPartial<SerializedLexicalNode> & Record<string, unknown>;

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function formatTime(at: string): string {
  const language = i18next.language || 'en';
  let format = timeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
    timeFormats.set(language, format);
  }
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : format.format(date);
}

// "Suggested insertion by 김기자, 2025. 5. 1. 오후 2:03" — the tooltip a reader of the body gets.
export function suggestionTitle(kind: AnySuggestionKind, author: string, at: string): string {
  return i18next.t(`review.suggestions.${kind}Title`, {
    author: author || i18next.t('review.someone'),
    time: formatTime(at),
  });
}

abstract class SuggestionNode extends ElementNode {
  __suggestionId: string;
  __author: string;
  __at: string;

  constructor(info?: Partial<SuggestionInfo>, key?: NodeKey) {
    super(key);
    this.__suggestionId = info?.suggestionId ?? '';
    this.__author = info?.author ?? '';
    this.__at = info?.at ?? '';
  }

  abstract getKind(): SuggestionKind;

  getSuggestionId(): string {
    return this.getLatest().__suggestionId;
  }

  getAuthor(): string {
    return this.getLatest().__author;
  }

  getAt(): string {
    return this.getLatest().__at;
  }

  getInfo(): SuggestionInfo {
    const self = this.getLatest();
    return { suggestionId: self.__suggestionId, author: self.__author, at: self.__at };
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__suggestionId = prevNode.__suggestionId;
    this.__author = prevNode.__author;
    this.__at = prevNode.__at;
  }

  override updateFromJSON(serialized: LexicalParseJSON<SerializedSuggestionNode>): this {
    const writable = super.updateFromJSON(serialized);
    writable.__suggestionId = typeof serialized.suggestionId === 'string' ? serialized.suggestionId : '';
    writable.__author = typeof serialized.author === 'string' ? serialized.author : '';
    writable.__at = typeof serialized.at === 'string' ? serialized.at : '';
    return writable;
  }

  override exportJSON(): SerializedSuggestionNode {
    return {
      ...super.exportJSON(),
      suggestionId: this.getSuggestionId(),
      author: this.getAuthor(),
      at: this.getAt(),
    };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const kind = this.getKind();
    const element = $getDocument().createElement(kind === 'insert' ? 'ins' : 'del');
    element.className = `suggestion suggestion-${kind}`;
    const theme = config.theme[`suggestion-${kind}`] as string | undefined;
    if (theme) element.classList.add(theme);
    this.#decorate(element);
    return element;
  }

  override updateDOM(prevNode: this, element: HTMLElement): boolean {
    if (prevNode.__suggestionId !== this.__suggestionId || prevNode.__author !== this.__author || prevNode.__at !== this.__at) {
      this.#decorate(element);
    }
    return false;
  }

  #decorate(element: HTMLElement): void {
    element.dataset.suggestionId = this.__suggestionId;
    element.title = suggestionTitle(this.getKind(), this.__author, this.__at);
  }

  // Copied or exported out of the app, a suggestion is plain text: an insertion keeps its
  // text, a deletion is dropped only when the whole body is published (main decides that).
  override exportDOM(): DOMExportOutput {
    return { element: $getDocument().createElement('span') };
  }

  override isInline(): true {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  // Text typed next to a suggestion goes beside it, not into it: only suggestion mode extends a
  // suggestion (one's own insertion), and it does so deliberately.
  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }

  // Enter inside a suggestion continues it in the new paragraph, with the same id.
  override insertNewAfter(): null {
    return null;
  }
}

export class SuggestionInsertNode extends SuggestionNode {
  static override getType(): string {
    return SUGGESTION_INSERT_TYPE;
  }

  static override clone(node: SuggestionInsertNode): SuggestionInsertNode {
    return new SuggestionInsertNode(node.getInfo(), node.__key);
  }

  static override importJSON(serialized: ImportedJSON): SuggestionInsertNode {
    return $createSuggestionInsertNode().updateFromJSON(serialized);
  }

  getKind(): 'insert' {
    return 'insert';
  }

  override canInsertTextBefore(): boolean {
    return extendsInsertion !== null && extendsInsertion(this.getAuthor());
  }

  override canInsertTextAfter(): boolean {
    return extendsInsertion !== null && extendsInsertion(this.getAuthor());
  }

  override exportJSON(): SerializedSuggestionNode {
    return { ...super.exportJSON(), type: SUGGESTION_INSERT_TYPE, version: 1 };
  }
}

export class SuggestionDeleteNode extends SuggestionNode {
  static override getType(): string {
    return SUGGESTION_DELETE_TYPE;
  }

  static override clone(node: SuggestionDeleteNode): SuggestionDeleteNode {
    return new SuggestionDeleteNode(node.getInfo(), node.__key);
  }

  static override importJSON(serialized: ImportedJSON): SuggestionDeleteNode {
    return $createSuggestionDeleteNode().updateFromJSON(serialized);
  }

  getKind(): 'delete' {
    return 'delete';
  }

  override exportJSON(): SerializedSuggestionNode {
    return { ...super.exportJSON(), type: SUGGESTION_DELETE_TYPE, version: 1 };
  }
}

export function $createSuggestionInsertNode(info?: SuggestionInfo): SuggestionInsertNode {
  return $applyNodeReplacement(new SuggestionInsertNode(info));
}

export function $createSuggestionDeleteNode(info?: SuggestionInfo): SuggestionDeleteNode {
  return $applyNodeReplacement(new SuggestionDeleteNode(info));
}

export function $isSuggestionInsertNode(node: LexicalNode | null | undefined): node is SuggestionInsertNode {
  return node instanceof SuggestionInsertNode;
}

export function $isSuggestionDeleteNode(node: LexicalNode | null | undefined): node is SuggestionDeleteNode {
  return node instanceof SuggestionDeleteNode;
}

export function $isSuggestionNode(node: LexicalNode | null | undefined): node is SuggestionInsertNode | SuggestionDeleteNode {
  return node instanceof SuggestionNode;
}
