import { ListItemNode, ListNode, $createListItemNode, $createListNode } from '@lexical/list';
import { HeadingNode, $createHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, $isTextNode, createEditor, type ElementNode, type LexicalEditor } from 'lexical';
import { describe, expect, test } from 'vitest';
import { BlockSerializer } from '../../renderer/editor/block-serializer.ts';

// The autosave's incremental serializer must write exactly what Lexical's own toJSON() writes,
// whatever the writer did since the last save.

function setup() {
  const editor = createEditor({ namespace: 'test', nodes: [HeadingNode, ListNode, ListItemNode], onError: (error) => { throw error; } });
  const serializer = new BlockSerializer();
  editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
    serializer.noteChanges(editorState, [...dirtyElements.keys(), ...dirtyLeaves]);
  });
  return { editor, serializer };
}

function update(editor: LexicalEditor, change: () => void) {
  editor.update(change, { discrete: true });
}

const same = (editor: LexicalEditor, serializer: BlockSerializer) =>
  expect(JSON.parse(serializer.serialize(editor.getEditorState()))).toStrictEqual(JSON.parse(JSON.stringify(editor.getEditorState().toJSON())));

describe('incremental body serialization', () => {
  test('matches toJSON after typing, new blocks, formatting, deletion and nesting', () => {
    const { editor, serializer } = setup();
    update(editor, () => {
      const root = $getRoot();
      for (let i = 0; i < 50; i++) root.append($createParagraphNode().append($createTextNode(`문단 ${i}`)));
    });
    same(editor, serializer);

    update(editor, () => {
      const paragraph = $getRoot().getChildAtIndex<ElementNode>(10)!;
      const text = paragraph.getFirstDescendant();
      if ($isTextNode(text)) text.setTextContent('부산시의회 문단 10');
    });
    same(editor, serializer);

    update(editor, () => {
      const root = $getRoot();
      root.getChildAtIndex(20)!.insertAfter($createHeadingNode('h2').append($createTextNode('소제목')));
      root.getChildAtIndex(3)!.remove();
      const bold = $createTextNode('굵게');
      bold.toggleFormat('bold');
      root.getChildAtIndex<ElementNode>(5)!.append(bold);
    });
    same(editor, serializer);

    update(editor, () => {
      const list = $createListNode('bullet');
      const item = $createListItemNode().append($createTextNode('항목'));
      const nested = $createListNode('number').append($createListItemNode().append($createTextNode('하위 항목')));
      list.append(item, $createListItemNode().append(nested));
      $getRoot().append(list);
    });
    same(editor, serializer);

    update(editor, () => {
      const list = $getRoot().getLastChild() as ListNode;
      const deepText = list.getLastDescendant();
      if ($isTextNode(deepText)) deepText.setTextContent('바뀐 하위 항목');
    });
    same(editor, serializer);
    same(editor, serializer);
  });
});
