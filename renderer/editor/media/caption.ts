import { AutoLinkNode, LinkNode } from '@lexical/link';
import { createEditor, type EditorState, type LexicalEditor, type SerializedEditorState } from 'lexical';
import { emptyBody } from '../../../electron/model/article.ts';
import { captionText, type SerializedCaption } from '../../../electron/model/figure.ts';
import { editorTheme } from '../theme.ts';

// A photo's caption: a small Lexical document of its own (inline text, bold, italic, links),
// edited in a nested editor inside the figure. The figure node keeps a Caption and writes its
// `committed` document when the body is saved.

export const CAPTION_NODES = [LinkNode, AutoLinkNode];

export function emptyCaption(): SerializedCaption {
  return emptyBody();
}

function textCaption(text: string): SerializedCaption {
  const children = text ? [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] : [];
  const caption = emptyCaption();
  return { root: { ...caption.root, children: [{ ...caption.root.children[0]!, children }] } };
}

// Whether every node in a stored caption is one the caption editor knows. Lexical would drop an
// unknown one and its text with it; such a caption is loaded as its plain text instead.
function onlyKnownNodes(json: unknown, known: ReadonlySet<string>): boolean {
  if (typeof json !== 'object' || json === null) return true;
  const record = json as { type?: unknown; children?: unknown };
  if (typeof record.type === 'string' && !known.has(record.type)) return false;
  return !Array.isArray(record.children) || record.children.every((child) => onlyKnownNodes(child, known));
}

function isEmptyDocument(json: SerializedCaption | null | undefined): boolean {
  return !json || !Array.isArray(json.root?.children) || json.root.children.length === 0;
}

export class Caption {
  readonly editor: LexicalEditor;
  // The caption as it stands outside an input method's composition: what a save writes, so a
  // save never stores half a Hangul syllable.
  #committed: SerializedCaption;
  #committedText: string;
  #listeners = new Set<() => void>();

  constructor(json?: SerializedCaption | null) {
    this.editor = createEditor({
      namespace: 'article-caption',
      nodes: CAPTION_NODES,
      theme: editorTheme,
      onError(error) {
        console.error(error);
      },
    });
    const initial = isEmptyDocument(json) ? emptyCaption() : json!;
    const known = new Set(this.editor._nodes.keys());
    let state: EditorState | null = null;
    if (onlyKnownNodes(initial.root, known)) {
      try {
        state = this.editor.parseEditorState(initial as unknown as SerializedEditorState);
      } catch {
        state = null;
      }
    }
    this.editor.setEditorState(state ?? this.editor.parseEditorState(textCaption(captionText(initial)) as unknown as SerializedEditorState));
    this.#committed = this.editor.getEditorState().toJSON() as unknown as SerializedCaption;
    this.#committedText = JSON.stringify(this.#committed);
    this.editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (this.editor.isComposing()) return;
      const json = editorState.toJSON() as unknown as SerializedCaption;
      const text = JSON.stringify(json);
      if (text === this.#committedText) return;
      this.#committed = json;
      this.#committedText = text;
      for (const listener of this.#listeners) listener();
    });
  }

  get committed(): SerializedCaption {
    return this.#committed;
  }

  // Called after each change that a save should write.
  onCommit(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  isEmpty(): boolean {
    return captionText(this.#committed) === '';
  }
}
