import { $getRoot, type EditorState, type NodeKey } from 'lexical';
import { blockParagraphs } from '../../../electron/model/plain-text.ts';
import { $exportTree } from '../../editor/block-serializer.ts';
import { sumTallies, type Tally, tallyParagraphs, type TextCounts } from './manuscript.ts';

// The body's counts, kept per top-level block: a recount after an edit counts again only the
// blocks the edit changed, so pausing in a 1,000-paragraph draft costs a paragraph, not the
// whole body's JSON and text (over 10 ms, which the writer's next key would wait behind).
export class BlockCounts {
  #tallies = new Map<NodeKey, Tally>();
  #changed = new Set<NodeKey>();

  // Called from the update listener with the blocks that update changed (changedBlockKeys).
  noteChanges(blockKeys: Iterable<NodeKey>): void {
    for (const key of blockKeys) this.#changed.add(key);
  }

  count(editorState: EditorState): TextCounts {
    const tallies: Tally[] = [];
    const live = new Set<NodeKey>();
    editorState.read(() => {
      for (let block = $getRoot().getFirstChild(); block !== null; block = block.getNextSibling()) {
        const key = block.getKey();
        let tally = this.#changed.has(key) ? undefined : this.#tallies.get(key);
        if (tally === undefined) {
          tally = tallyParagraphs(blockParagraphs($exportTree(block)));
          this.#tallies.set(key, tally);
        }
        tallies.push(tally);
        live.add(key);
      }
    });
    this.#changed.clear();
    if (this.#tallies.size > live.size) {
      for (const key of this.#tallies.keys()) if (!live.has(key)) this.#tallies.delete(key);
    }
    return sumTallies(tallies);
  }
}
