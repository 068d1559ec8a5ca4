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
type SerializedTree = SerializedLexicalNode & { children?: SerializedTree[] };

// Serializes the body as the JSON text of editorState.toJSON(), but re-exports only the
// top-level blocks that changed since the last time and keeps every block's text. Typing
// touches one paragraph; re-exporting (and handing the page's IPC) a thousand of them on every
// autosave is what made a save of a long article block the page.
export class BlockSerializer {
  #cache = new Map<NodeKey, string>();
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

  serialize(editorState: EditorState): string {
    return editorState.read(() => {
      const root = $getRoot();
      const live = new Set<NodeKey>();
      const children = root.getChildren().map((block) => {
        const key = block.getKey();
        live.add(key);
        let json = this.#changed.has(key) ? undefined : this.#cache.get(key);
        if (json === undefined) {
          json = JSON.stringify($exportTree(block));
          this.#cache.set(key, json);
        }
        return json;
      });
      this.#changed.clear();
      for (const key of this.#cache.keys()) if (!live.has(key)) this.#cache.delete(key);
      const head = JSON.stringify($exportNodeJSON(root), (key, value: unknown) => (key === 'children' ? undefined : value));
      return `{"root":{${head.slice(1, -1)}${head === '{}' ? '' : ','}"children":[${children.join(',')}]}}`;
    });
  }
}

function $exportTree(node: LexicalNode): SerializedTree {
  const json = $exportNodeJSON(node) as SerializedTree;
  if ($isElementNode(node)) json.children = node.getChildren().map($exportTree);
  return json;
}
