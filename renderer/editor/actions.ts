import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $createParagraphNode, $getSelection, type ElementNode, type LexicalEditor } from 'lexical';
import { isPasting } from './clipboard/paste-lock.ts';
import { BLOCK_CHANGE_COMMAND, type BlockType } from './commands.ts';
import { $createPullQuoteNode } from './nodes/PullQuoteNode.ts';
import { $readSelectionFormat } from './selection-format.ts';

// What the toolbar buttons and the keyboard shortcuts both do, so the two cannot drift apart.

const CREATE_BLOCK: Record<BlockType, () => ElementNode> = {
  paragraph: () => $createParagraphNode(),
  h1: () => $createHeadingNode('h1'),
  h2: () => $createHeadingNode('h2'),
  h3: () => $createHeadingNode('h3'),
  quote: () => $createQuoteNode(),
  pullquote: () => $createPullQuoteNode(),
};

function currentBlock(editor: LexicalEditor) {
  return editor.getEditorState().read(() => $readSelectionFormat().block);
}

// Choosing the block type the caret is already in turns it back into a paragraph, so every
// block button works as a toggle.
export function toggleBlock(editor: LexicalEditor, type: BlockType): void {
  if (isPasting(editor) || editor.dispatchCommand(BLOCK_CHANGE_COMMAND, undefined)) return;
  const target = currentBlock(editor) === type ? 'paragraph' : type;
  editor.update(() => {
    $setBlocksType($getSelection(), CREATE_BLOCK[target]);
  });
}

export function setBlock(editor: LexicalEditor, type: BlockType): void {
  if (isPasting(editor) || editor.dispatchCommand(BLOCK_CHANGE_COMMAND, undefined)) return;
  editor.update(() => {
    $setBlocksType($getSelection(), CREATE_BLOCK[type]);
  });
}

export function toggleList(editor: LexicalEditor, type: 'bullet' | 'number'): void {
  if (currentBlock(editor) === type) {
    editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    return;
  }
  editor.dispatchCommand(type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
}
