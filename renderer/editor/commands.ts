import { createCommand, type LexicalCommand } from 'lexical';

// Commands of this editor's own panels. The toolbar and the shortcuts dispatch them; the panel
// that owns the state listens, so neither needs a handle on the other.
export const OPEN_LINK_EDITOR_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_EDITOR_COMMAND');

export type FindMode = 'find' | 'replace';
export const OPEN_FIND_COMMAND: LexicalCommand<FindMode> = createCommand('OPEN_FIND_COMMAND');

// A paragraph's kind is about to change (heading, quote, pull quote, paragraph) through the
// toolbar or a shortcut. Dispatched first; a handler answering true refuses it (suggestion mode
// does: a change of style is not recorded as a suggestion) and says why.
export const BLOCK_CHANGE_COMMAND: LexicalCommand<void> = createCommand('BLOCK_CHANGE_COMMAND');

export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'pullquote';
