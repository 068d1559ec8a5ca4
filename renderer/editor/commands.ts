import { createCommand, type LexicalCommand } from 'lexical';

// Commands of this editor's own panels. The toolbar and the shortcuts dispatch them; the panel
// that owns the state listens, so neither needs a handle on the other.
export const OPEN_LINK_EDITOR_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_EDITOR_COMMAND');

export type FindMode = 'find' | 'replace';
export const OPEN_FIND_COMMAND: LexicalCommand<FindMode> = createCommand('OPEN_FIND_COMMAND');

export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'pullquote';
