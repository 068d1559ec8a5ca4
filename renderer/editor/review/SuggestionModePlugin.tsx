import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isNodeSelection,
  $isRangeSelection,
  BEFORE_INPUT_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  COMPOSITION_START_COMMAND,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DROP_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
  OUTDENT_CONTENT_COMMAND,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  TextNode,
} from 'lexical';
import { useEffect } from 'react';
import { AppError } from '../../../electron/model/errors.ts';
import { useReview } from '../../state/review.ts';
import { BLOCK_CHANGE_COMMAND, OPEN_LINK_EDITOR_COMMAND } from '../commands.ts';
import { OPEN_PHOTO_PICKER_COMMAND, PHOTO_CHANGE_COMMAND } from '../media/commands.ts';
import { mediaImports } from '../media/status.ts';
import { $syncSelectionFromDOM } from '../selection-sync.ts';
import { newRecordId } from './body.ts';
import {
  $closestSuggestion,
  $deleteSuggested,
  $insertSuggestedBreak,
  $insertSuggestedLineBreak,
  $insertSuggestedText,
  $markSelectionDeleted,
  $prepareComposition,
  COMPOSITION_PLACEHOLDER,
  type DeleteUnit,
  type SuggestContext,
} from './suggest.ts';
import { $isSuggestionInsertNode, setInsertionExtender } from './SuggestionNodes.ts';

// One line of text from whatever was pasted or dropped: suggestions live inside a paragraph.
function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

function clipboardText(event: unknown): string {
  if (typeof ClipboardEvent !== 'undefined' && event instanceof ClipboardEvent) return event.clipboardData?.getData('text/plain') ?? '';
  if (typeof InputEvent !== 'undefined' && event instanceof InputEvent) return event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
  return '';
}

function suggestContext(): SuggestContext {
  const name = () => useReview.getState().me?.person.name ?? '';
  return {
    isMine: (node) => node.getAuthor() === name(),
    newInfo: () => ({ suggestionId: newRecordId(), author: name(), at: new Date().toISOString() }),
  };
}

// Registered only while "Suggest changes" is on. Every way text gets in or out of the body is
// turned into suggestions: typed text (the browser's own insertion is taken over), composed
// Hangul, paste, cut, Backspace and Delete by character, word or line, Enter (a paragraph split)
// and Shift+Enter (a line break); Backspace at a paragraph's start suggests joining it to the one
// before. Commands dispatched by a nested editor (a photo's caption) are left alone.
function registerSuggestionMode(editor: LexicalEditor): () => void {
  const context = suggestContext();
  const own = (from: LexicalEditor) => from === editor;
  const name = () => useReview.getState().me?.person.name ?? '';
  setInsertionExtender((author) => author === name());
  // Commands from this editor only: a photo's caption (a nested editor) keeps its formatting.
  function refuseOwn<T>(command: LexicalCommand<T>): () => void {
    return editor.registerCommand(command, (_payload, from) => own(from) && refuse('review.suggestions.noFormatting'), COMMAND_PRIORITY_CRITICAL);
  }
  const deleting = (unit: DeleteUnit) => (backward: boolean, from: LexicalEditor) => {
    if (!own(from) || editor.isComposing()) return false;
    $syncSelectionFromDOM(editor);
    return $deleteSuggested(backward, unit, context);
  };
  return mergeRegister(
    () => setInsertionExtender(null),
    // The placeholder a composition starts from (ours or Lexical's) is taken out of an insertion
    // once nothing is composing in it: not every input method ends with a compositionend.
    editor.registerNodeTransform(TextNode, (node) => {
      if (node.isComposing() || !node.getTextContent().includes(COMPOSITION_PLACEHOLDER)) return;
      if (!$isSuggestionInsertNode($closestSuggestion(node))) return;
      $stripPlaceholders(node);
    }),
    editor.registerCommand(
      BEFORE_INPUT_COMMAND,
      (event, from) => {
        if (!own(from) || editor.isComposing()) return false;
        if (event.inputType !== 'insertText' || !event.data || event.data.includes('\n')) return false;
        event.preventDefault();
        return $insertSuggestedText(event.data, context);
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      CONTROLLED_TEXT_INSERTION_COMMAND,
      (payload, from) => {
        if (!own(from)) return false;
        const text = typeof payload === 'string' ? payload : clipboardText(payload);
        if (!text) return false;
        // Lexical inserting a composition's text itself: the composing node is already inside
        // an insertion (see COMPOSITION_START below), and Lexical knows how to replace it.
        if (editor.isComposing() && text !== COMPOSITION_PLACEHOLDER) return false;
        return $insertSuggestedText(oneLine(text), context);
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    // Before the input method writes its first jamo, the caret is put inside an insertion, so
    // the whole composition lands there. Lexical's own handling runs after (returns false).
    editor.registerCommand(
      COMPOSITION_START_COMMAND,
      (_event, from) => {
        if (own(from) && !editor.isComposing()) {
          $syncSelectionFromDOM(editor);
          $prepareComposition(context);
        }
        return false;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      DELETE_CHARACTER_COMMAND,
      deleting('grapheme'),
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      DELETE_WORD_COMMAND,
      deleting('word'),
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      DELETE_LINE_COMMAND,
      deleting('word'),
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      REMOVE_TEXT_COMMAND,
      (event, from) => {
        if (!own(from)) return false;
        $syncSelectionFromDOM(editor);
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return false;
        event?.preventDefault();
        if (!selection.isCollapsed()) $markSelectionDeleted(selection, false, context);
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      CUT_COMMAND,
      (event, from) => {
        if (!own(from)) return false;
        $syncSelectionFromDOM(editor);
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return false;
        if (typeof ClipboardEvent !== 'undefined' && event instanceof ClipboardEvent) {
          event.preventDefault();
          event.clipboardData?.setData('text/plain', selection.getTextContent());
        }
        if (!selection.isCollapsed()) $markSelectionDeleted(selection, false, context);
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      PASTE_COMMAND,
      (event, from) => {
        if (!own(from)) return false;
        $syncSelectionFromDOM(editor);
        const text = oneLine(clipboardText(event));
        event.preventDefault();
        return $insertSuggestedText(text, context);
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      INSERT_PARAGRAPH_COMMAND,
      (_payload, from) => {
        if (!own(from) || editor.isComposing()) return false;
        $syncSelectionFromDOM(editor);
        return $insertSuggestedBreak(context);
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      INSERT_LINE_BREAK_COMMAND,
      (_selectStart, from) => {
        if (!own(from) || editor.isComposing()) return false;
        $syncSelectionFromDOM(editor);
        return $insertSuggestedLineBreak(context);
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    // Photos are not suggested: adding or removing one while suggesting would change the
    // article without a trace, so it is refused with a word on why (comment on the photo, or
    // turn suggesting off to change it).
    editor.registerCommand(OPEN_PHOTO_PICKER_COMMAND, () => refusePhotos(), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(PHOTO_CHANGE_COMMAND, () => refusePhotos(), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(
      DRAG_DROP_PASTE,
      (_files, from) => own(from) && refusePhotos(),
      COMMAND_PRIORITY_CRITICAL,
    ),
    ...[KEY_BACKSPACE_COMMAND, KEY_DELETE_COMMAND].map((command) =>
      editor.registerCommand(
        command,
        (event, from) => {
          if (!own(from) || !$isNodeSelection($getSelection())) return false;
          event.preventDefault();
          return refusePhotos();
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    ),
    // Formatting, paragraph styles, lists, links, tables and rules are not suggested either: the
    // change would be made for real, unmarked. Refused with a word on what to do instead.
    ...[
      refuseOwn(FORMAT_TEXT_COMMAND),
      refuseOwn(FORMAT_ELEMENT_COMMAND),
      refuseOwn(INDENT_CONTENT_COMMAND),
      refuseOwn(OUTDENT_CONTENT_COMMAND),
      refuseOwn(INSERT_UNORDERED_LIST_COMMAND),
      refuseOwn(INSERT_ORDERED_LIST_COMMAND),
      refuseOwn(REMOVE_LIST_COMMAND),
      refuseOwn(OPEN_LINK_EDITOR_COMMAND),
      refuseOwn(TOGGLE_LINK_COMMAND),
      refuseOwn(INSERT_TABLE_COMMAND),
      refuseOwn(INSERT_HORIZONTAL_RULE_COMMAND),
      refuseOwn(BLOCK_CHANGE_COMMAND),
    ],
    // Dragging text around would move it without a trace; a photo dropped would go in untracked.
    editor.registerCommand(
      DROP_COMMAND,
      (event, from) => {
        if (!own(from)) return false;
        event.preventDefault();
        if (event.dataTransfer?.types.includes('Files')) refusePhotos();
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
  );
}

function refuse(messageKey: string): true {
  mediaImports.fail(null, new AppError('invalid_input', messageKey));
  return true;
}

function refusePhotos(): true {
  return refuse('review.suggestions.noPhotos');
}

function $stripPlaceholders(node: TextNode): void {
  const text = node.getTextContent();
  const selection = $getSelection();
  const shift = (offset: number) => offset - text.slice(0, offset).split(COMPOSITION_PLACEHOLDER).length + 1;
  const stripped = text.replaceAll(COMPOSITION_PLACEHOLDER, '');
  const key = node.getKey();
  const anchor = $isRangeSelection(selection) && selection.anchor.key === key ? shift(selection.anchor.offset) : null;
  const focus = $isRangeSelection(selection) && selection.focus.key === key ? shift(selection.focus.offset) : null;
  // Only the placeholder: a composition about to start (or one given up) holds the caret here.
  if (stripped === '') return;
  node.setTextContent(stripped);
  if ($isRangeSelection(selection)) {
    if (anchor !== null) selection.anchor.set(key, anchor, 'text');
    if (focus !== null) selection.focus.set(key, focus, 'text');
  }
}

export function SuggestionModePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerSuggestionMode(editor), [editor]);
  return null;
}
