import { IS_APPLE, type LexicalEditor } from 'lexical';

// One table of the editor's keyboard shortcuts: the plugin matches key events against it and
// the toolbar shows the same keys in tooltips and aria-keyshortcuts.

export type ShortcutAction =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'link'
  | 'bulletList'
  | 'numberedList'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'paragraph'
  | 'find'
  | 'replace'
  | 'undo'
  | 'redo';

interface ShortcutSpec {
  // KeyboardEvent.code: layout-independent, so Ctrl+Shift+7 still matches when Shift turns
  // the key into "&" and a Hangul layout turns K into "ㅏ".
  code: string;
  shift?: boolean;
  alt?: boolean;
}

export const SHORTCUTS: Record<ShortcutAction, ShortcutSpec> = {
  bold: { code: 'KeyB' },
  italic: { code: 'KeyI' },
  underline: { code: 'KeyU' },
  link: { code: 'KeyK' },
  bulletList: { code: 'Digit8', shift: true },
  numberedList: { code: 'Digit7', shift: true },
  heading1: { code: 'Digit1', alt: true },
  heading2: { code: 'Digit2', alt: true },
  heading3: { code: 'Digit3', alt: true },
  paragraph: { code: 'Digit0', alt: true },
  find: { code: 'KeyF' },
  // ⌘H hides the app on macOS (the app menu's Hide), so Replace is ⌘⌥F there, as in most Mac editors.
  replace: IS_APPLE ? { code: 'KeyF', alt: true } : { code: 'KeyH' },
  undo: { code: 'KeyZ' },
  redo: { code: 'KeyZ', shift: true },
};

// Actions whose keys Lexical itself already handles; listed only to label the buttons.
export const LEXICAL_HANDLED: ReadonlySet<ShortcutAction> = new Set(['bold', 'italic', 'underline', 'undo', 'redo']);

function keyOf(code: string): string {
  return code.replace(/^Key|^Digit/, '');
}

interface ModifierState {
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  key: string;
  code: string;
}

// A Hangul syllable being composed must never be cut by a shortcut: the keydown that ends
// composition (keyCode 229) belongs to the input method, not to us.
export function isCompositionKey(event: KeyboardEvent, editor: LexicalEditor): boolean {
  return event.isComposing || event.keyCode === 229 || editor.isComposing();
}

export function matchesShortcut(event: ModifierState, spec: ShortcutSpec): boolean {
  const primary = IS_APPLE ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!primary || event.altKey !== Boolean(spec.alt) || event.shiftKey !== Boolean(spec.shift)) return false;
  const letter = /^Key([A-Z])$/.exec(spec.code)?.[1];
  // Letters go by the character typed, as Lexical's own shortcuts do (Dvorak's Ctrl+B is where
  // the writer sees B); only a non-Latin character (a Hangul layout's "ㅏ") falls back to the
  // physical key. Digits always go by the key, since Shift or Alt change the character.
  if (letter && /^[a-z]$/i.test(event.key)) return event.key.toUpperCase() === letter;
  return event.code === spec.code;
}

export function findShortcut(event: ModifierState, actions: Iterable<ShortcutAction>): ShortcutAction | null {
  for (const action of actions) {
    if (matchesShortcut(event, SHORTCUTS[action])) return action;
  }
  return null;
}

// "Control+Shift+7" for aria-keyshortcuts.
export function ariaShortcut(action: ShortcutAction): string {
  const spec = SHORTCUTS[action];
  return [IS_APPLE ? 'Meta' : 'Control', spec.alt ? 'Alt' : null, spec.shift ? 'Shift' : null, keyOf(spec.code)]
    .filter((part): part is string => part !== null)
    .join('+');
}

// "Ctrl+Shift+7" or "⌘⇧7" for tooltips.
export function displayShortcut(action: ShortcutAction): string {
  const spec = SHORTCUTS[action];
  const key = keyOf(spec.code);
  if (IS_APPLE) return `⌘${spec.alt ? '⌥' : ''}${spec.shift ? '⇧' : ''}${key}`;
  return ['Ctrl', spec.alt ? 'Alt' : null, spec.shift ? 'Shift' : null, key].filter((part): part is string => part !== null).join('+');
}
