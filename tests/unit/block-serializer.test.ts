import { ListItemNode, ListNode, $createListItemNode, $createListNode } from '@lexical/list';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { HeadingNode, $createHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, $isTextNode, createEditor, type ElementNode, HISTORY_PUSH_TAG, type LexicalEditor, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { describe, expect, test } from 'vitest';
import { changedBlockKeys } from '../../renderer/editor/changed-blocks.ts';
import { BlockSerializer, type BodySnapshot } from '../../renderer/editor/block-serializer.ts';
import type { AppError } from '../../electron/model/errors.ts';
import { BodyPatches } from '../../electron/services/drafts/body-patches.ts';

// The autosave's incremental serializer must write exactly what Lexical's own toJSON() writes,
// whatever the writer did since the last save.

function setup() {
  const editor = createEditor({ namespace: 'test', nodes: [HeadingNode, ListNode, ListItemNode], onError: (error) => { throw error; } });
  const serializer = new BlockSerializer();
  editor.registerUpdateListener((update) => {
    serializer.noteChanges(changedBlockKeys(update));
  });
  return { editor, serializer };
}

function update(editor: LexicalEditor, change: () => void) {
  editor.update(change, { discrete: true });
}

const same = (editor: LexicalEditor, serializer: BlockSerializer) =>
  expect(JSON.parse(serializer.serialize(editor.getEditorState()).text())).toStrictEqual(JSON.parse(JSON.stringify(editor.getEditorState().toJSON())));

const paragraphs = (count: number) => () => {
  const root = $getRoot();
  for (let i = 0; i < count; i++) root.append($createParagraphNode().append($createTextNode(`문단 ${i}`)));
};

function typeInto(editor: LexicalEditor, index: number, text: string) {
  update(editor, () => {
    const leaf = $getRoot().getChildAtIndex<ElementNode>(index)!.getFirstDescendant();
    if ($isTextNode(leaf)) leaf.setTextContent(leaf.getTextContent() + text);
  });
}

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

  // Undo and redo set a whole state Lexical kept, and name only the root as changed.
  test('matches toJSON after undo and redo', async () => {
    const { editor, serializer } = setup();
    registerHistory(editor, createEmptyHistoryState(), 0);
    update(editor, paragraphs(20));
    same(editor, serializer);
    // Each change its own undo step, as a writer's pause between them makes it.
    const step = (change: () => void) => editor.update(change, { discrete: true, tag: HISTORY_PUSH_TAG });
    step(() => {
      const leaf = $getRoot().getChildAtIndex<ElementNode>(7)!.getFirstDescendant();
      if ($isTextNode(leaf)) leaf.setTextContent('문단 7 고침');
    });
    step(() => $getRoot().getChildAtIndex(12)!.remove());
    same(editor, serializer);

    // History commits what it sets at the end of the task, as a keystroke's update would.
    const history = async (command: typeof UNDO_COMMAND) => {
      editor.dispatchCommand(command, undefined);
      await Promise.resolve();
    };
    await history(UNDO_COMMAND);
    expect(editor.getEditorState().read(() => $getRoot().getChildrenSize())).toBe(20);
    same(editor, serializer);
    await history(UNDO_COMMAND);
    expect(editor.getEditorState().read(() => $getRoot().getChildAtIndex(7)!.getTextContent())).toBe('문단 7');
    same(editor, serializer);
    await history(REDO_COMMAND);
    expect(editor.getEditorState().read(() => $getRoot().getChildAtIndex(7)!.getTextContent())).toBe('문단 7 고침');
    same(editor, serializer);
  });
});

describe('autosave patches between the editor and main', () => {
  const DRAFT = '00000000-0000-4000-8000-000000000001';
  // Main's side of a save: complete the patch, store (here: remember the text), confirm.
  function mainSaves(bodies: BodyPatches, snapshot: BodySnapshot, base: number): { text: string; revision: number } {
    const completed = bodies.complete(DRAFT, base, snapshot.patch);
    completed.confirm(base + 1);
    return { text: completed.text, revision: base + 1 };
  }

  test('after the first save a keystroke sends one block, and main rebuilds exactly toJSON', () => {
    const { editor, serializer } = setup();
    const bodies = new BodyPatches();
    update(editor, paragraphs(1000));
    const first = serializer.serialize(editor.getEditorState());
    expect(Object.keys(first.patch.blocks)).toHaveLength(1000);
    let saved = mainSaves(bodies, first, 1);
    serializer.saved(first);

    typeInto(editor, 500, '가');
    const second = serializer.serialize(editor.getEditorState());
    expect(Object.values(second.patch.blocks)).toHaveLength(1);
    expect(Object.values(second.patch.blocks)[0]).toContain('문단 500가');
    // The whole patch is a few kilobytes (the order of the keys), not the article.
    expect(JSON.stringify(second.patch).length).toBeLessThan(JSON.stringify(first.patch).length / 5);
    saved = mainSaves(bodies, second, saved.revision);
    serializer.saved(second);
    expect(JSON.parse(saved.text)).toStrictEqual(JSON.parse(JSON.stringify(editor.getEditorState().toJSON())));

    // Blocks added, moved and removed: the order says where everything is.
    update(editor, () => {
      const root = $getRoot();
      root.getChildAtIndex(10)!.remove();
      root.getChildAtIndex(0)!.insertBefore($createHeadingNode('h2').append($createTextNode('새 소제목')));
      root.getChildAtIndex(700)!.insertAfter(root.getChildAtIndex(20)!);
    });
    const third = serializer.serialize(editor.getEditorState());
    expect(Object.keys(third.patch.blocks).length).toBeLessThan(5);
    saved = mainSaves(bodies, third, saved.revision);
    serializer.saved(third);
    expect(JSON.parse(saved.text)).toStrictEqual(JSON.parse(JSON.stringify(editor.getEditorState().toJSON())));

    // Nothing typed: a save of the fields alone sends no block.
    expect(Object.keys(serializer.serialize(editor.getEditorState()).patch.blocks)).toHaveLength(0);
  });

  test('a patch main cannot complete is refused as body.resync, and after a failure every block goes again', () => {
    const { editor, serializer } = setup();
    update(editor, paragraphs(30));
    const first = serializer.serialize(editor.getEditorState());
    serializer.saved(first);
    typeInto(editor, 3, '나');
    const patch = serializer.serialize(editor.getEditorState());

    // Main restarted (it holds nothing), or the draft moved to another revision meanwhile.
    const restarted = new BodyPatches();
    expect(() => restarted.complete(DRAFT, 2, patch.patch)).toThrow(expect.objectContaining({ code: 'conflict', messageKey: 'body.resync' }) as AppError);
    const moved = new BodyPatches();
    mainSaves(moved, first, 1);
    expect(() => moved.complete(DRAFT, 5, patch.patch)).toThrow(/body\.resync/);

    serializer.unsaved();
    const full = serializer.serialize(editor.getEditorState());
    expect(Object.keys(full.patch.blocks)).toHaveLength(30);
    expect(JSON.parse(restarted.complete(DRAFT, 2, full.patch).text)).toStrictEqual(JSON.parse(JSON.stringify(editor.getEditorState().toJSON())));
  });

  test('a hostile patch is refused, never stored half', () => {
    const bodies = new BodyPatches();
    const head = '{"type":"root","format":"","indent":0,"version":1,"direction":null}';
    expect(() => bodies.complete(DRAFT, 1, { session: 'session-1', head, order: ['1'], blocks: { 1: '{"type":"paragraph"' } })).toThrow(/invalid_input/);
    expect(() => bodies.complete(DRAFT, 1, { session: 'session-1', head, order: ['constructor'], blocks: {} })).toThrow(/body\.resync/);
    expect(() => bodies.complete(DRAFT, 1, { session: 'session-1', head, order: ['1'], blocks: { 1: '{"text":"no type"}' } })).toThrow(/invalid_input/);
    expect(() => bodies.complete(DRAFT, 1, { session: 'session-1', head: '{"type":"root","children":[]}', order: [], blocks: {} })).toThrow(/invalid_input/);
    expect(() => bodies.complete(DRAFT, 1, { session: 'session-1', head: '[]', order: [], blocks: {} })).toThrow(/invalid_input/);
  });
});
