import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { $createHeadingNode, HeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, $isTextNode, createEditor, type ElementNode, HISTORY_PUSH_TAG, type LexicalEditor, UNDO_COMMAND } from 'lexical';
import { describe, expect, test } from 'vitest';
import type { LexicalDocument } from '../../electron/model/article.ts';
import { bodyParagraphs } from '../../electron/model/plain-text.ts';
import { changedBlockKeys } from '../../renderer/editor/changed-blocks.ts';
import { BlockCounts } from '../../renderer/features/counts/block-counts.ts';
import { countText } from '../../renderer/features/counts/manuscript.ts';

// The status bar's counts, kept per block and recounted only where an edit changed the body,
// must be exactly the counts of the whole body's text, whatever the writer did.

function setup() {
  const editor = createEditor({ namespace: 'test', nodes: [HeadingNode, ListNode, ListItemNode], onError: (error) => { throw error; } });
  const counts = new BlockCounts();
  editor.registerUpdateListener((update) => counts.noteChanges(changedBlockKeys(update)));
  registerHistory(editor, createEmptyHistoryState(), 0);
  return { editor, counts };
}

// Each change its own undo step, as a writer's pause between them makes it.
const step = (editor: LexicalEditor, change: () => void) => editor.update(change, { discrete: true, tag: HISTORY_PUSH_TAG });

function expectWholeCount(editor: LexicalEditor, counts: BlockCounts) {
  const whole = countText(bodyParagraphs(editor.getEditorState().toJSON() as unknown as LexicalDocument));
  expect(counts.count(editor.getEditorState())).toStrictEqual(whole);
  return whole;
}

describe('counts kept per block', () => {
  test('match the whole body after typing, new blocks, lists, deletion, and undo', async () => {
    const { editor, counts } = setup();
    step(editor, () => {
      for (let i = 0; i < 30; i++) $getRoot().append($createParagraphNode().append($createTextNode(`부산시의회는 뿌리산업 경쟁력 강화를 위해 ${i}번째 간담회를 열었다.`)));
    });
    const first = expectWholeCount(editor, counts);
    expect(first.manuscript200.rows).toBeGreaterThan(30);

    step(editor, () => {
      const leaf = $getRoot().getChildAtIndex<ElementNode>(4)!.getFirstDescendant();
      if ($isTextNode(leaf)) leaf.setTextContent(`${leaf.getTextContent()} 조 의원은 “현장의 목소리를 정책에 반영했다”고 말했다.`);
    });
    const typed = expectWholeCount(editor, counts);
    expect(typed.charsWithSpaces).toBeGreaterThan(first.charsWithSpaces);

    step(editor, () => {
      const root = $getRoot();
      root.getChildAtIndex(10)!.insertAfter($createHeadingNode('h2').append($createTextNode('소제목')));
      root.getChildAtIndex(2)!.remove();
      const list = $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('첫째 항목')),
        $createListItemNode().append($createListNode('number').append($createListItemNode().append($createTextNode('하위 항목 2개')))),
      );
      root.append(list);
    });
    expectWholeCount(editor, counts);

    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await Promise.resolve();
    expect(expectWholeCount(editor, counts)).toStrictEqual(typed);
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await Promise.resolve();
    expect(expectWholeCount(editor, counts)).toStrictEqual(first);
  });
});
