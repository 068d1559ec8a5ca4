import {
  $exportNodeJSON,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isRootNode,
  type EditorState,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
} from 'lexical';
import type { LexicalDocument } from '../../electron/model/article.ts';

type SerializedTree = SerializedLexicalNode & { children?: SerializedTree[] };

// Serializes the body the way editorState.toJSON() does, but re-exports only the top-level
// blocks that changed since the last time. Typing touches one paragraph; re-exporting a
// thousand of them on every autosave is what made a save of a long article block the page.
export class BlockSerializer {
  #cache = new Map<NodeKey, SerializedTree>();
  #changed = new Set<NodeKey>();

  // Called from the update listener with the keys Lexical marked dirty in that update.
  noteChanges(editorState: EditorState, dirtyKeys: Iterable<NodeKey>): void {
    editorState.read(() => {
      for (const key of dirtyKeys) {
        const node = $getNodeByKey(key);
        if (!node || $isRootNode(node)) continue;
        const block = node.getTopLevelElement();
        if (block) this.#changed.add(block.getKey());
        else this.#changed.add(node.getKey());
      }
    });
  }

  serialize(editorState: EditorState): LexicalDocument {
    return editorState.read(() => {
      const root = $getRoot();
      const live = new Set<NodeKey>();
      const children = root.getChildren().map((block) => {
        const key = block.getKey();
        live.add(key);
        let json = this.#changed.has(key) ? undefined : this.#cache.get(key);
        if (!json) {
          json = $exportTree(block);
          this.#cache.set(key, json);
        }
        return json;
      });
      this.#changed.clear();
      for (const key of this.#cache.keys()) if (!live.has(key)) this.#cache.delete(key);
      const rootJson = $exportNodeJSON(root) as unknown as LexicalDocument['root'];
      return { root: { ...rootJson, type: 'root', children } } as LexicalDocument;
    });
  }
}

function $exportTree(node: LexicalNode): SerializedTree {
  const json = $exportNodeJSON(node) as SerializedTree;
  if ($isElementNode(node)) json.children = node.getChildren().map($exportTree);
  return json;
}
