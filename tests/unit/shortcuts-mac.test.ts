// @vitest-environment jsdom
import { expect, test, vi } from 'vitest';

// On a Mac the app menu's Hide owns ⌘H before the page sees it, so Replace cannot be ⌘H there.
vi.hoisted(() => {
  Object.defineProperty(globalThis.navigator, 'platform', { value: 'MacIntel', configurable: true });
});

const { SHORTCUTS, ariaShortcut, displayShortcut, matchesShortcut } = await import('../../renderer/editor/shortcuts.ts');

const key = (event: Partial<{ metaKey: boolean; ctrlKey: boolean; altKey: boolean; shiftKey: boolean; key: string; code: string }>) => ({
  metaKey: false,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  key: '',
  code: '',
  ...event,
});

test('on macOS Replace is ⌘⌥F (⌘H hides the app), and it is not taken for Find', () => {
  expect(displayShortcut('replace')).toBe('⌘⌥F');
  expect(ariaShortcut('replace')).toBe('Meta+Alt+F');
  // Option turns F into ƒ; the key's position still says F.
  expect(matchesShortcut(key({ metaKey: true, altKey: true, key: 'ƒ', code: 'KeyF' }), SHORTCUTS.replace)).toBe(true);
  expect(matchesShortcut(key({ metaKey: true, key: 'h', code: 'KeyH' }), SHORTCUTS.replace)).toBe(false);
  expect(matchesShortcut(key({ metaKey: true, altKey: true, key: 'ƒ', code: 'KeyF' }), SHORTCUTS.find)).toBe(false);
  expect(matchesShortcut(key({ metaKey: true, key: 'f', code: 'KeyF' }), SHORTCUTS.find)).toBe(true);
});
