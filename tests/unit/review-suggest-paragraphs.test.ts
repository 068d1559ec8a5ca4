import { ListItemNode, ListNode, $createListItemNode, $createListNode } from '@lexical/list';
import { $isMarkNode, MarkNode } from '@lexical/mark';
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $setSelection, $isElementNode, $isLineBreakNode, $isTextNode, createEditor, type LexicalEditor, type LexicalNode, type TextNode } from 'lexical';
import { describe, expect, test } from 'vitest';
import type { LexicalDocument } from '../../electron/model/article.ts';
import { bodyParagraphs } from '../../electron/model/plain-text.ts';
import { serializeArticle } from '../../electron/services/publishing/blocks/index.ts';
import { contextFor as serializeContext } from '../support/block-bodies.ts';
import { ArticleFields } from '../../electron/model/article.ts';
import { applySuggestions, suggestionsInBody } from '../../renderer/editor/review/body.ts';
import { $decideSuggestions, $deleteSuggested, $insertSuggestedBreak, $insertSuggestedLineBreak, $insertSuggestedText, $openSuggestionIds, type SuggestContext } from '../../renderer/editor/review/suggest.ts';
import { SuggestionBreakNode } from '../../renderer/editor/review/SuggestionBreakNode.ts';
import { SuggestionDeleteNode, SuggestionInsertNode } from '../../renderer/editor/review/SuggestionNodes.ts';

// Suggestion mode and the paragraphs themselves: Enter suggests a split, Backspace at a
// paragraph's start (Delete at the end of the one before) suggests a join, Shift+Enter a line
// break; accepting does it, rejecting leaves the paragraphs as they were, and neither mark is
// ever published.

function setup(...paragraphs: string[]): LexicalEditor {
  const editor = createEditor({
    namespace: 'test',
    nodes: [MarkNode, ListNode, ListItemNode, SuggestionInsertNode, SuggestionDeleteNode, SuggestionBreakNode],
    onError: (error) => {
      throw error;
    },
  });
  run(editor, () => {
    for (const text of paragraphs) $getRoot().append($createParagraphNode().append($createTextNode(text)));
  });
  return editor;
}

function run(editor: LexicalEditor, change: () => void): void {
  editor.update(change, { discrete: true });
}

function contextFor(author: string): SuggestContext {
  let n = 0;
  return {
    isMine: (node) => node.getAuthor() === author,
    newInfo: () => ({ suggestionId: `${author}-suggestion-${++n}`, author, at: '2025-05-01T10:00:00.000Z' }),
  };
}

// Every block as markup, joined with " | ": [+inserted+], [-deleted-], {marked}, ⟨¶⟩ a split
// mark, ⟨⤺⟩ a join mark, ↵ a line break.
function shape(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => {
    const render = (node: LexicalNode): string => {
      if (node instanceof SuggestionBreakNode) return node.getKind() === 'split' ? '⟨¶⟩' : '⟨⤺⟩';
      if ($isLineBreakNode(node)) return '↵';
      if ($isTextNode(node)) return node.getTextContent();
      if (!$isElementNode(node)) return '';
      const inner = node.getChildren().map(render).join('');
      if (node instanceof SuggestionInsertNode) return `[+${inner}+]`;
      if (node instanceof SuggestionDeleteNode) return `[-${inner}-]`;
      if ($isMarkNode(node)) return `{${inner}}`;
      return inner;
    };
    return $getRoot().getChildren().map(render).join(' | ');
  });
}

const textIn = (index: number): TextNode => {
  const block = $getRoot().getChildAtIndex(index);
  const leaf = $isElementNode(block) ? block.getAllTextNodes()[0] : null;
  if (!$isTextNode(leaf)) throw new Error(`no text in block ${index}`);
  return leaf;
};

const decideAll = (editor: LexicalEditor, decision: 'accepted' | 'rejected') =>
  run(editor, () => {
    $decideSuggestions(new Map($openSuggestionIds().map((id) => [id, decision])));
  });

const json = (editor: LexicalEditor) => editor.getEditorState().toJSON() as unknown as LexicalDocument;

describe('Enter in suggestion mode', () => {
  test('puts a split mark at the caret; what follows is typed after it; accepting splits the paragraph there', () => {
    const editor = setup('부산은 뿌리산업의 도시다. 첨단기술이 필요하다.');
    const kim = contextFor('Kim');
    run(editor, () => textIn(0).select(14, 14));
    run(editor, () => $insertSuggestedBreak(kim));
    run(editor, () => $insertSuggestedText('특히 ', kim));
    expect(shape(editor)).toBe('부산은 뿌리산업의 도시다.⟨¶⟩[+특히 +] 첨단기술이 필요하다.');
    expect(suggestionsInBody(json(editor)).map(({ kind, text }) => [kind, text])).toEqual([
      ['split', '특히  첨단기술이 필요하다.'],
      ['insert', '특히 '],
    ]);

    // Both previews and the publication, before anyone decides.
    expect(bodyParagraphs(applySuggestions(json(editor), 'accepted'))).toEqual(['부산은 뿌리산업의 도시다.', '특히  첨단기술이 필요하다.']);
    expect(bodyParagraphs(applySuggestions(json(editor), 'rejected'))).toEqual(['부산은 뿌리산업의 도시다. 첨단기술이 필요하다.']);
    const published = serializeArticle(ArticleFields.parse({ body: json(editor) }), serializeContext([])).content;
    expect(published).not.toContain('¶');
    expect(published).toContain('부산은 뿌리산업의 도시다. 첨단기술이 필요하다.');

    decideAll(editor, 'accepted');
    expect(shape(editor)).toBe('부산은 뿌리산업의 도시다. | 특히  첨단기술이 필요하다.');
  });

  test('rejected, the paragraph stays whole; one’s own mark is taken back by Backspace', () => {
    const editor = setup('첫 문장. 둘째 문장.');
    const kim = contextFor('Kim');
    run(editor, () => textIn(0).select(5, 5));
    run(editor, () => $insertSuggestedBreak(kim));
    expect(shape(editor)).toBe('첫 문장.⟨¶⟩ 둘째 문장.');
    decideAll(editor, 'rejected');
    expect(shape(editor)).toBe('첫 문장. 둘째 문장.');

    run(editor, () => textIn(0).select(5, 5));
    run(editor, () => $insertSuggestedBreak(kim));
    run(editor, () => $deleteSuggested(true, 'grapheme', kim));
    expect(shape(editor)).toBe('첫 문장. 둘째 문장.');
    expect(editor.getEditorState().read(() => $openSuggestionIds())).toEqual([]);
    // Someone else's mark is not taken back by Backspace: it is theirs to withdraw or the
    // writer's to reject.
    run(editor, () => textIn(0).select(5, 5));
    run(editor, () => $insertSuggestedBreak(contextFor('Lee')));
    run(editor, () => $deleteSuggested(true, 'grapheme', kim));
    expect(shape(editor)).toBe('첫 문장.⟨¶⟩ 둘째 문장.');
  });

  test('a split inside a comment mark cuts the mark in two, as Enter would', () => {
    const editor = setup('one two three');
    run(editor, () => {
      const [, middle] = textIn(0).splitText(4, 7);
      const mark = new MarkNode(['t1']);
      middle!.insertBefore(mark);
      mark.append(middle!);
    });
    run(editor, () => {
      const mark = $getRoot().getFirstChildOrThrow<MarkNode>().getChildAtIndex<MarkNode>(1)!;
      mark.getFirstChild<TextNode>()!.select(1, 1);
    });
    run(editor, () => $insertSuggestedBreak(contextFor('Kim')));
    expect(shape(editor)).toBe('one {t⟨¶⟩wo} three');
    expect(bodyParagraphs(applySuggestions(json(editor), 'accepted'))).toEqual(['one t', 'wo three']);
    decideAll(editor, 'accepted');
    expect(shape(editor)).toBe('one {t} | {wo} three');
  });

  test('in a list item, accepting makes a new item', () => {
    const editor = setup();
    run(editor, () => {
      $getRoot().append($createListNode('bullet').append($createListItemNode().append($createTextNode('사과 배'))));
    });
    run(editor, () => textIn(0).select(2, 2));
    run(editor, () => $insertSuggestedBreak(contextFor('Kim')));
    decideAll(editor, 'accepted');
    const items = editor.getEditorState().read(() => $getRoot().getFirstChildOrThrow<ListNode>().getChildren().map((item) => item.getTextContent()));
    expect(items).toEqual(['사과', ' 배']);
  });
});

describe('Backspace at a paragraph’s start in suggestion mode', () => {
  test('suggests joining it to the one before, once; accepting joins them, rejecting keeps both', () => {
    const editor = setup('첫 문단.', '둘째 문단.');
    const kim = contextFor('Kim');
    run(editor, () => textIn(1).select(0, 0));
    run(editor, () => $deleteSuggested(true, 'grapheme', kim));
    run(editor, () => $deleteSuggested(true, 'grapheme', kim));
    expect(shape(editor)).toBe('첫 문단. | ⟨⤺⟩둘째 문단.');
    expect(suggestionsInBody(json(editor)).map(({ kind, text }) => [kind, text])).toEqual([['join', '둘째 문단.']]);
    expect(bodyParagraphs(applySuggestions(json(editor), 'accepted'))).toEqual(['첫 문단.둘째 문단.']);
    expect(bodyParagraphs(applySuggestions(json(editor), 'rejected'))).toEqual(['첫 문단.', '둘째 문단.']);

    decideAll(editor, 'rejected');
    expect(shape(editor)).toBe('첫 문단. | 둘째 문단.');
    run(editor, () => textIn(1).select(0, 0));
    run(editor, () => $deleteSuggested(true, 'grapheme', kim));
    decideAll(editor, 'accepted');
    expect(shape(editor)).toBe('첫 문단.둘째 문단.');
  });

  test('Delete at the end of a paragraph suggests the same join; nothing at the end of the body', () => {
    const editor = setup('위.', '아래.');
    const kim = contextFor('Kim');
    run(editor, () => textIn(0).select(2, 2));
    run(editor, () => $deleteSuggested(false, 'grapheme', kim));
    expect(shape(editor)).toBe('위. | ⟨⤺⟩아래.');
    run(editor, () => textIn(1).select(3, 3));
    run(editor, () => $deleteSuggested(false, 'grapheme', kim));
    expect(shape(editor)).toBe('위. | ⟨⤺⟩아래.');
  });
});

describe('a selection across paragraphs deleted in suggestion mode', () => {
  test('takes the paragraph marks with the text: accepted, one paragraph is left, as without suggesting', () => {
    const editor = setup('하나 둘 셋.', '가운데', '넷 다섯.');
    const kim = contextFor('Kim');
    run(editor, () => {
      const selection = $createRangeSelection();
      selection.anchor.set(textIn(0).getKey(), 5, 'text');
      selection.focus.set(textIn(2).getKey(), 1, 'text');
      $setSelection(selection);
    });
    run(editor, () => $deleteSuggested(true, 'grapheme', kim));
    expect(shape(editor)).toBe('하나 둘 [-셋.-] | ⟨⤺⟩[-가운데-] | ⟨⤺⟩[-넷-] 다섯.');
    // One suggestion: the text and the marks are accepted or rejected together.
    expect(new Set(suggestionsInBody(json(editor)).map(({ id }) => id)).size).toBe(1);
    expect(bodyParagraphs(applySuggestions(json(editor), 'accepted'))).toEqual(['하나 둘  다섯.']);
    expect(bodyParagraphs(applySuggestions(json(editor), 'rejected'))).toEqual(['하나 둘 셋.', '가운데', '넷 다섯.']);
    decideAll(editor, 'accepted');
    expect(shape(editor)).toBe('하나 둘  다섯.');
  });
});

describe('Shift+Enter in suggestion mode', () => {
  test('the line break is a suggested insertion: rejected it goes, accepted it stays', () => {
    const editor = setup('가나다');
    const kim = contextFor('Kim');
    run(editor, () => textIn(0).select(1, 1));
    run(editor, () => $insertSuggestedLineBreak(kim));
    expect(shape(editor)).toBe('가[+↵+]나다');
    decideAll(editor, 'rejected');
    expect(shape(editor)).toBe('가나다');
    run(editor, () => textIn(0).select(1, 1));
    run(editor, () => $insertSuggestedLineBreak(kim));
    decideAll(editor, 'accepted');
    expect(shape(editor)).toBe('가↵나다');
  });
});
