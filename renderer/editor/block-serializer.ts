import {
  $exportNodeJSON,
  $getRoot,
  $isElementNode,
  type EditorState,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
} from 'lexical';
import { type BodyPatch, joinBody } from '../../electron/model/article.ts';

type SerializedTree = SerializedLexicalNode & { children?: SerializedTree[] };

// Serializes the body for autosave. Each top-level block's JSON text is kept and re-exported
// only when Lexical marked something in it dirty; what goes to main is a patch (see BodyPatch in
// the model) with the blocks that differ from what main confirmed last, so a keystroke in a long
// article hands the bridge one paragraph. Copying a whole article through the bridge costs the
// page milliseconds however it is packaged; that was the part of a save that blocked typing.
export interface BodySnapshot {
  patch: BodyPatch;
  // The whole body's JSON text, joined when someone asks (publishing reads the saved article).
  text(): string;
}

export class BlockSerializer {
  readonly #session = crypto.randomUUID();
  #cache = new Map<NodeKey, string>();
  #changed = new Set<NodeKey>();
  // The blocks main holds from this session's last confirmed save; empty when it holds nothing
  // (nothing saved yet, or a save failed: then every block goes again).
  #confirmed = new Map<NodeKey, string>();

  // Called from the update listener with the blocks that update changed (changedBlockKeys).
  noteChanges(blockKeys: Iterable<NodeKey>): void {
    for (const key of blockKeys) this.#changed.add(key);
  }

  serialize(editorState: EditorState): BodySnapshot {
    return editorState.read(() => {
      const root = $getRoot();
      const order: NodeKey[] = [];
      const texts: string[] = [];
      const blocks: Record<NodeKey, string> = {};
      for (const block of root.getChildren()) {
        const key = block.getKey();
        let json = this.#changed.has(key) ? undefined : this.#cache.get(key);
        if (json === undefined) {
          json = JSON.stringify($exportTree(block));
          this.#cache.set(key, json);
        }
        order.push(key);
        texts.push(json);
        if (this.#confirmed.get(key) !== json) blocks[key] = json;
      }
      this.#changed.clear();
      if (this.#cache.size > order.length) {
        const live = new Set(order);
        for (const key of this.#cache.keys()) if (!live.has(key)) this.#cache.delete(key);
      }
      const head = JSON.stringify($exportNodeJSON(root), (key, value: unknown) => (key === 'children' ? undefined : value));
      let text: string | undefined;
      return { patch: { session: this.#session, head, order, blocks }, text: () => (text ??= joinBody(head, texts)) };
    });
  }

  // Main stored this snapshot: its blocks are the base of the next patch.
  saved(snapshot: BodySnapshot): void {
    const { order, blocks } = snapshot.patch;
    const next = new Map<NodeKey, string>();
    for (const key of order) {
      const json = blocks[key] ?? this.#confirmed.get(key);
      if (json !== undefined) next.set(key, json);
    }
    this.#confirmed = next;
  }

  // A save failed: main may hold anything, so the next one carries every block.
  unsaved(): void {
    this.#confirmed.clear();
  }
}

// A block's JSON as the editor state's toJSON() writes it.
export function $exportTree(node: LexicalNode): SerializedTree {
  const json = $exportNodeJSON(node) as SerializedTree;
  if ($isElementNode(node)) json.children = node.getChildren().map($exportTree);
  return json;
}
