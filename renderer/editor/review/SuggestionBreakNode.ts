import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  type DOMExportOutput,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
  type Spread,
} from 'lexical';
import { type SuggestionInfo, suggestionTitle } from './SuggestionNodes.ts';

// A suggested change to the paragraphs themselves, as a mark where it happens: 'split' where
// the editor pressed Enter (the paragraph would break there), 'join' at the start of a paragraph
// the editor joined to the one before (Backspace at its start, Delete at the end of the one
// before). Shown as a pilcrow, underlined or struck through as text suggestions are; accepting
// does the split or the join, rejecting removes the mark. Part of the stored format like the
// text suggestions: the publishing serializer drops it (the article as if it were rejected).

export const SUGGESTION_BREAK_TYPE = 'suggestion-break';

export type BreakKind = 'split' | 'join';

export type SerializedSuggestionBreakNode = Spread<SuggestionInfo & { kind: BreakKind }, SerializedLexicalNode>;

type ImportedJSON = SerializedPartial<SerializedLexicalNode> & Record<string, unknown>;

export class SuggestionBreakNode extends DecoratorNode<null> {
  __kind: BreakKind;
  __suggestionId: string;
  __author: string;
  __at: string;

  static override getType(): string {
    return SUGGESTION_BREAK_TYPE;
  }

  static override clone(node: SuggestionBreakNode): SuggestionBreakNode {
    return new SuggestionBreakNode(node.__kind, node.getInfo(), node.__key);
  }

  static override importJSON(serialized: ImportedJSON): SuggestionBreakNode {
    return $createSuggestionBreakNode('split').updateFromJSON(serialized);
  }

  constructor(kind: BreakKind = 'split', info?: Partial<SuggestionInfo>, key?: NodeKey) {
    super(key);
    this.__kind = kind;
    this.__suggestionId = info?.suggestionId ?? '';
    this.__author = info?.author ?? '';
    this.__at = info?.at ?? '';
  }

  getKind(): BreakKind {
    return this.getLatest().__kind;
  }

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

  override updateFromJSON(serialized: LexicalParseJSON<SerializedSuggestionBreakNode>): this {
    const writable = super.updateFromJSON(serialized);
    writable.__kind = serialized.kind === 'join' ? 'join' : 'split';
    writable.__suggestionId = typeof serialized.suggestionId === 'string' ? serialized.suggestionId : '';
    writable.__author = typeof serialized.author === 'string' ? serialized.author : '';
    writable.__at = typeof serialized.at === 'string' ? serialized.at : '';
    return writable;
  }

  override exportJSON(): SerializedSuggestionBreakNode {
    return { ...super.exportJSON(), type: SUGGESTION_BREAK_TYPE, version: 1, kind: this.getKind(), ...this.getInfo() };
  }

  override createDOM(): HTMLElement {
    const element = $getDocument().createElement(this.__kind === 'split' ? 'ins' : 'del');
    element.className = `suggestion suggestion-break suggestion-${this.__kind}`;
    element.contentEditable = 'false';
    element.textContent = '¶';
    this.#decorate(element);
    return element;
  }

  override updateDOM(prevNode: this): boolean {
    return prevNode.__kind !== this.__kind || prevNode.__author !== this.__author || prevNode.__at !== this.__at || prevNode.__suggestionId !== this.__suggestionId;
  }

  #decorate(element: HTMLElement): void {
    element.dataset.suggestionId = this.__suggestionId;
    const title = suggestionTitle(this.__kind, this.__author, this.__at);
    element.title = title;
    element.setAttribute('aria-label', title);
  }

  // Copied out of the app the mark is nothing: the text around it is what was there.
  override exportDOM(): DOMExportOutput {
    return { element: null };
  }

  override isInline(): true {
    return true;
  }

  override isKeyboardSelectable(): false {
    return false;
  }

  override getTextContent(): string {
    return '';
  }

  override decorate(): null {
    return null;
  }
}

export function $createSuggestionBreakNode(kind: BreakKind, info?: SuggestionInfo): SuggestionBreakNode {
  return $applyNodeReplacement(new SuggestionBreakNode(kind, info));
}

export function $isSuggestionBreakNode(node: LexicalNode | null | undefined): node is SuggestionBreakNode {
  return node instanceof SuggestionBreakNode;
}
