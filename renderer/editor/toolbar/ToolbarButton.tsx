import type { ReactNode } from 'react';
import { ariaShortcut, displayShortcut, type ShortcutAction } from '../shortcuts.ts';

interface ToolbarButtonProps {
  label: string;
  glyph: ReactNode;
  onPress(): void;
  // Left out for buttons that act rather than toggle (undo, insert table): aria-pressed on
  // them would make a screen reader announce a toggle that does not exist.
  pressed?: boolean;
  disabled?: boolean;
  shortcut?: ShortcutAction;
}

export function ToolbarButton({ label, glyph, onPress, pressed, disabled = false, shortcut }: ToolbarButtonProps) {
  return (
    <button
      type="button"
      className="toolbar-button"
      data-roving=""
      aria-label={label}
      title={shortcut ? `${label} (${displayShortcut(shortcut)})` : label}
      aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
      aria-pressed={pressed}
      // aria-disabled rather than disabled: the button stays reachable with the arrow keys,
      // and focus is not lost when undo runs out under it.
      aria-disabled={disabled || undefined}
      // The editor keeps its focus and selection when a button is clicked with the mouse.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        if (!disabled) onPress();
      }}
    >
      <span aria-hidden="true">{glyph}</span>
    </button>
  );
}
