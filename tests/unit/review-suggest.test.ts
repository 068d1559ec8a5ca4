import { $isMarkNode, MarkNode } from '@lexical/mark';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  createEditor,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { describe, expect, test } from 'vitest';
import { applySuggestions, suggestionsInBody } from '../../renderer/editor/review/body.ts';
import {
  $decideSuggestions,
  $deleteSuggested,
  $insertSuggestedText,
  $markSelectionDeleted,
  $openSuggestionIds,
  deletionSpan,
  type SuggestContext,
} from '../../renderer/editor/review/suggest.ts';
import { $isSuggestionNode, SuggestionDeleteNode, SuggestionInsertNode } from '../../renderer/editor/review/SuggestionNodes.ts';
import { bodyParagraphs } from '../../electron/model/plain-text.ts';
import type { LexicalDocument } from '../../electron/model/article.ts';

// Suggestion mode's edits on a headless editor: what typing and deleting do to the body, what
// accepting and rejecting leave, and the stored shape the publishing serializer reads.

function setup(text: string): LexicalEditor {
  const editor = createEditor({ namespace: 'test', nodes: [MarkNode, SuggestionInsertNode, SuggestionDeleteNode], onError: (error) => { throw error; } });
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      paragraph.append($createTextNode(text));
      $getRoot().append(paragraph);
    },
    { discrete: true },
  );
  return editor;
}

function contextFor(author: string): SuggestContext {
  let n = 0;
  return {
    isMine: (node) => node.getAuthor() === author,
    newInfo: () => ({ suggestionId: `${author}-suggestion-${++n}`, author, at: '2025-05-01T10:00:00.000Z' }),
  };
}

function run(editor: LexicalEditor, change: () => void): void {
  editor.update(change, { discrete: true });
}

function firstText(): TextNode {
  const leaf = $getRoot().getFirstDescendant();
  if (!$isTextNode(leaf)) throw new Error('no text');
  return leaf;
}

// The body's first paragraph as markup: [+inserted+] and [-deleted-], {marked}.
function shape(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => {
    const render = (node: LexicalNode): string => {
      if ($isTextNode(node)) return node.getTextContent();
      if (!$isElementNode(node)) return '';
      const inner = node.getChildren().map(render).join('');
      if (node instanceof SuggestionInsertNode) return `[+${inner}+]`;
      if (node instanceof SuggestionDeleteNode) return `[-${inner}-]`;
      if ($isMarkNode(node)) return `{${inner}}`;
      return inner;
    };
    return render($getRoot().getFirstChildOrThrow());
  });
}

function caret(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return 'none';
    return `${selection.anchor.getNode().getTextContent()}@${selection.anchor.offset}`;
  });
}

describe('typing in suggestion mode', () => {
  test('goes into one insertion of the writer’s own, extended as they type', () => {
    const editor = setup('Hello world');
    const kim = contextFor('Kim');
    run(editor, () => firstText().select(5, 5));
    run(editor, () => $insertSuggestedText(',', kim));
    run(editor, () => $insertSuggestedText(' dear', kim));
    expect(shape(editor)).toBe('Hello[+, dear+] world');
    // Typing at the start of the following text, right after one's own insertion, extends it.
    run(editor, () => {
      const paragraph = $getRoot().getFirstChildOrThrow();
      if ($isElementNode(paragraph)) paragraph.getLastChild<TextNode>()!.select(0, 0);
    });
    run(editor, () => $insertSuggestedText('!', kim));
    expect(shape(editor)).toBe('Hello[+, dear!+] world');
  });

  test('never inside someone else’s suggestion: it is split around the new one', () => {
    const editor = setup('ab');
    const lee = contextFor('Lee');
    run(editor, () => firstText().select(1, 1));
    run(editor, () => $insertSuggestedText('XY', lee));
    run(editor, () => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) {
        const node = selection.anchor.getNode() as TextNode;
        node.select(1, 1);
      }
    });
    run(editor, () => $insertSuggestedText('k', contextFor('Kim')));
    expect(shape(editor)).toBe('a[+X+][+k+][+Y+]b');
    const suggestions = editor.getEditorState().read(() => $openSuggestionIds());
    expect(suggestions).toEqual(['Lee-suggestion-1', 'Kim-suggestion-1']);
  });

  test('over a selection: the selected text is marked deleted and the new text follows it', () => {
    const editor = setup('one two three');
    run(editor, () => firstText().select(4, 7));
    run(editor, () => $insertSuggestedText('2', contextFor('Kim')));
    expect(shape(editor)).toBe('one [-two-][+2+] three');
  });
});

describe('deleting in suggestion mode', () => {
  test('Backspace wraps characters in one deletion and steps over text already deleted', () => {
    const editor = setup('부산시의회');
    const context = contextFor('Kim');
    run(editor, () => firstText().select(5, 5));
    run(editor, () => $deleteSuggested(true, 'grapheme', context));
    run(editor, () => $deleteSuggested(true, 'grapheme', context));
    expect(shape(editor)).toBe('부산시[-의회-]');
    expect(caret(editor)).toBe('부산시@3');
    // Someone else's deletion is stepped over too.
    const lee = contextFor('Lee');
    run(editor, () => $deleteSuggested(true, 'grapheme', lee));
    expect(shape(editor)).toBe('부산[-시-][-의회-]');
  });

  test('Delete forward; a word at a time; nothing at the paragraph’s edge', () => {
    const editor = setup('big red fox');
    const context = contextFor('Kim');
    run(editor, () => firstText().select(0, 0));
    run(editor, () => $deleteSuggested(false, 'grapheme', context));
    run(editor, () => $deleteSuggested(false, 'grapheme', context));
    expect(shape(editor)).toBe('[-bi-]g red fox');
    // Before "fox": a word forward, then nothing more at the end of the paragraph.
    run(editor, () => {
      const paragraph = $getRoot().getFirstChildOrThrow();
      if (!$isElementNode(paragraph)) throw new Error('no paragraph');
      paragraph.getLastChild<TextNode>()!.select('g red '.length, 'g red '.length);
    });
    run(editor, () => $deleteSuggested(false, 'word', context));
    run(editor, () => $deleteSuggested(false, 'grapheme', context));
    expect(shape(editor)).toBe('[-bi-]g red [-fox-]');
  });

  test('deleting one’s own suggested text takes it back for real', () => {
    const editor = setup('ab');
    const context = contextFor('Kim');
    run(editor, () => firstText().select(1, 1));
    run(editor, () => $insertSuggestedText('xy', context));
    run(editor, () => $deleteSuggested(true, 'grapheme', context));
    expect(shape(editor)).toBe('a[+x+]b');
    run(editor, () => $deleteSuggested(true, 'grapheme', context));
    expect(shape(editor)).toBe('ab');
    expect(editor.getEditorState().read(() => $openSuggestionIds())).toEqual([]);
  });

  test('a selection across a comment mark is deleted around it, the mark kept', () => {
    const editor = setup('one two three');
    run(editor, () => {
      const [, middle] = firstText().splitText(4, 7);
      const mark = new MarkNode(['t1']);
      middle!.insertBefore(mark);
      mark.append(middle!);
    });
    expect(shape(editor)).toBe('one {two} three');
    run(editor, () => {
      const paragraph = $getRoot().getFirstChildOrThrow();
      if (!$isElementNode(paragraph)) throw new Error('no paragraph');
      const first = paragraph.getFirstChild<TextNode>()!;
      const last = paragraph.getLastChild<TextNode>()!;
      const selection = first.select(2, 2);
      selection.focus.set(last.getKey(), 3, 'text');
      $markSelectionDeleted(selection, false, contextFor('Kim'));
    });
    expect(shape(editor)).toBe('on[-e -]{[-two-]}[- th-]ree');
  });
});

describe('deciding', () => {
  test('accept and reject each, with the text the article would then have', () => {
    const editor = setup('Hello world');
    const context = contextFor('Kim');
    run(editor, () => firstText().select(0, 5));
    run(editor, () => $insertSuggestedText('Goodbye', context));
    expect(shape(editor)).toBe('[-Hello-][+Goodbye+] world');
    const json = editor.getEditorState().toJSON() as unknown as LexicalDocument;
    // What is stored: the type names and suggestionId the publishing serializer reads.
    expect(suggestionsInBody(json).map(({ id, kind }) => `${kind}:${id}`)).toEqual(['delete:Kim-suggestion-1', 'insert:Kim-suggestion-2']);
    expect(JSON.stringify(json)).toContain('"type":"suggestion-insert"');
    expect(bodyParagraphs(applySuggestions(json, 'accepted'))).toEqual(['Goodbye world']);

    run(editor, () => $decideSuggestions(new Map([['Kim-suggestion-1', 'accepted']])));
    expect(shape(editor)).toBe('[+Goodbye+] world');
    run(editor, () => $decideSuggestions(new Map([['Kim-suggestion-2', 'rejected']])));
    expect(shape(editor)).toBe(' world');
    expect(editor.getEditorState().read(() => $getRoot().getAllTextNodes().length)).toBeGreaterThan(0);
  });

  test('reject all restores the text as it was', () => {
    const editor = setup('Hello world');
    const context = contextFor('Kim');
    run(editor, () => firstText().select(6, 11));
    run(editor, () => $insertSuggestedText('there', context));
    run(editor, () => $insertSuggestedText('!', context));
    const ids = editor.getEditorState().read(() => $openSuggestionIds());
    run(editor, () => $decideSuggestions(new Map(ids.map((id) => [id, 'rejected']))));
    expect(shape(editor)).toBe('Hello world');
    expect(editor.getEditorState().read(() => $getRoot().getAllTextNodes().some((node) => $isSuggestionNode(node.getParent())))).toBe(false);
  });
});

describe('what one Backspace takes', () => {
  test('a whole syllable, an emoji with its modifier, or a word with the spaces before it', () => {
    expect(deletionSpan('부산시', 3, true, 'grapheme')).toEqual([2, 3]);
    expect(deletionSpan('a👍🏽', 5, true, 'grapheme')).toEqual([1, 5]);
    expect(deletionSpan('big red  fox', 9, true, 'word')).toEqual([4, 9]);
    expect(deletionSpan('big red fox', 4, false, 'word')).toEqual([4, 7]);
    expect(deletionSpan('big red  fox', 7, false, 'word')).toEqual([7, 12]);
    expect(deletionSpan('abc', 0, true, 'grapheme')).toBeNull();
    expect(deletionSpan('abc', 3, false, 'grapheme')).toBeNull();
  });
});
