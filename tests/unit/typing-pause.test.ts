import { afterEach, beforeEach, expect, test, vi } from 'vitest';

// The library's rows follow the writer's autosaves at the next pause in typing, not in the
// middle of a word.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  vi.resetModules();
});
afterEach(() => vi.useRealTimers());

const load = () => import('../../renderer/state/typing-pause.ts');

test('work asked for while nobody types runs at once', async () => {
  const { whenTypingPauses } = await load();
  const run = vi.fn();
  whenTypingPauses(run);
  expect(run).toHaveBeenCalledTimes(1);
});

test('work asked for while the writer types waits for a pause, however long the typing lasts', async () => {
  const { noteKeystroke, whenTypingPauses, TYPING_PAUSE_MS } = await load();
  const first = vi.fn();
  const second = vi.fn();
  noteKeystroke();
  whenTypingPauses(first);
  // Five seconds of typing, a key every 120 ms, with more work asked for along the way.
  for (let t = 0; t < 5000; t += 120) {
    vi.advanceTimersByTime(120);
    noteKeystroke();
    if (t === 2400) whenTypingPauses(second);
  }
  expect(first).not.toHaveBeenCalled();
  expect(second).not.toHaveBeenCalled();
  vi.advanceTimersByTime(TYPING_PAUSE_MS - 1);
  expect(first).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(first).toHaveBeenCalledTimes(1);
  expect(second).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(10 * TYPING_PAUSE_MS);
  expect(first).toHaveBeenCalledTimes(1);
});
