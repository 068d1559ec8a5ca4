import { createCommand, type LexicalCommand } from 'lexical';

// Starts a comment thread on the selected passage (toolbar, Ctrl/⌘+Alt+M).
export const START_COMMENT_COMMAND: LexicalCommand<void> = createCommand('START_COMMENT_COMMAND');

// Ctrl/⌘+Alt+M, by the physical key so a Hangul layout or macOS's Option+M ("µ") still match.
export const COMMENT_SHORTCUT = { code: 'KeyM', alt: true } as const;
