import { $getNodeByKey, $isRootNode, type EditorState, HISTORIC_TAG, type NodeKey, type UpdateListenerPayload } from 'lexical';

// The top-level blocks an update changed, by key: what the autosave re-serializes and the counts
// recount. Lexical names the nodes an update touched, except when it sets a whole state at once
// (undo and redo set the state they kept): then it names only the root. The two states share
// every node object that did not change, so there the nodes that differ are the changed ones.
export function changedBlockKeys(update: UpdateListenerPayload): ReadonlySet<NodeKey> {
  // Lexical hands every update listener the same payload, so the autosave and the counts, both
  // on the keystroke path, share one answer.
  let blocks = answered.get(update);
  if (blocks === undefined) {
    blocks = findChangedBlocks(update);
    answered.set(update, blocks);
  }
  return blocks;
}

const answered = new WeakMap<UpdateListenerPayload, ReadonlySet<NodeKey>>();

function findChangedBlocks({ editorState, prevEditorState, dirtyElements, dirtyLeaves, tags }: UpdateListenerPayload): ReadonlySet<NodeKey> {
  const replaced = tags.has(HISTORIC_TAG) || (dirtyLeaves.size === 0 && dirtyElements.size === 1 && dirtyElements.has('root'));
  const touched = replaced ? differingKeys(prevEditorState, editorState) : [...dirtyElements.keys(), ...dirtyLeaves];
  const blocks = new Set<NodeKey>();
  editorState.read(() => {
    for (const key of touched) {
      const node = $getNodeByKey(key);
      if (!node || $isRootNode(node)) continue;
      blocks.add((node.getTopLevelElement() ?? node).getKey());
    }
  });
  return blocks;
}

function differingKeys(before: EditorState, after: EditorState): NodeKey[] {
  const keys: NodeKey[] = [];
  for (const [key, node] of after._nodeMap) {
    if (before._nodeMap.get(key) !== node) keys.push(key);
  }
  return keys;
}
