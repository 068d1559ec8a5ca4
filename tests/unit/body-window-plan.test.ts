import { describe, expect, test } from 'vitest';
import { BlockSizes, type HiddenRun, planWindow } from '../../renderer/editor/window/plan.ts';

// A long body of 1,000 blocks, 100 px tall with 20 px between them: block i starts at 20 + 120·i.
const COUNT = 1000;
const size = { height: 100, gapAbove: 20 };
const fullHeight = COUNT * 120;

function shown(runs: readonly HiddenRun[]): number[] {
  const hidden = new Set(runs.flatMap((run) => Array.from({ length: run.to - run.from }, (_, i) => run.from + i)));
  return Array.from({ length: COUNT }, (_, i) => i).filter((i) => !hidden.has(i));
}

// Where each laid-out block lands once the runs' room replaces the hidden blocks, as the page
// lays it out: the room is the next block's top margin, or space after the body.
function layout(runs: readonly HiddenRun[]): { tops: Map<number, number>; height: number } {
  const roomBefore = new Map(runs.filter((run) => run.to < COUNT).map((run) => [run.to, run.room]));
  const tail = runs.find((run) => run.to === COUNT)?.room ?? 0;
  const tops = new Map<number, number>();
  let bottom = 0;
  for (const index of shown(runs)) {
    const top = bottom + (roomBefore.get(index) ?? size.gapAbove);
    tops.set(index, top);
    bottom = top + size.height;
  }
  return { tops, height: bottom + tail };
}

describe('the window over a long body', () => {
  test('lays out the blocks near the screen and keeps every other block where it would be', () => {
    const runs = planWindow({ count: COUNT, sizeOf: () => size, isPinned: () => false, from: 60_000, to: 61_000 });
    const laidOut = shown(runs);
    expect(laidOut[0]).toBe(500);
    expect(laidOut.at(-1)).toBe(508);
    expect(runs).toHaveLength(2);
    const { tops, height } = layout(runs);
    // Same scroll height, and each laid-out block at its place in the whole body.
    expect(height).toBe(fullHeight);
    for (const [index, top] of tops) expect(top).toBe(20 + 120 * index);
  });

  test('a short body, or one entirely on screen, hides nothing', () => {
    expect(planWindow({ count: 5, sizeOf: () => size, isPinned: () => false, from: -1000, to: 2000 })).toEqual([]);
  });

  test('keeps the blocks holding the selection, and photos, laid out wherever they are', () => {
    const pinned = new Set([3, 998]);
    const runs = planWindow({ count: COUNT, sizeOf: () => size, isPinned: (i) => pinned.has(i), from: 60_000, to: 61_000 });
    const laidOut = shown(runs);
    expect(laidOut).toContain(3);
    expect(laidOut).toContain(998);
    expect(laidOut.filter((i) => i > 3 && i < 998)).toEqual([500, 501, 502, 503, 504, 505, 506, 507, 508]);
    const { tops, height } = layout(runs);
    expect(height).toBe(fullHeight);
    for (const [index, top] of tops) expect(top).toBe(20 + 120 * index);
  });

  test('places the window around the block on screen, not where estimates would put it', () => {
    // Estimates say block 500 starts at 60,020 px; the page has it at 70,000.
    const runs = planWindow({ count: COUNT, sizeOf: () => size, isPinned: () => false, from: 70_000, to: 70_500, anchor: { index: 500, top: 70_000 } });
    expect(shown(runs)).toEqual([500, 501, 502, 503, 504]);
  });

  test('sizes never measured are the average of those that were', () => {
    const sizes = new BlockSizes();
    expect(sizes.get('a').height).toBeGreaterThan(0);
    sizes.set('a', { height: 100, gapAbove: 10 });
    sizes.set('b', { height: 300, gapAbove: 30 });
    expect(sizes.get('unseen')).toEqual({ height: 200, gapAbove: 20 });
    sizes.set('a', { height: 200, gapAbove: 10 });
    expect(sizes.get('unseen')).toEqual({ height: 250, gapAbove: 20 });
    // A block removed from the body no longer counts.
    sizes.retain(new Set(['b']));
    expect(sizes.get('unseen')).toEqual({ height: 300, gapAbove: 30 });
    sizes.clear();
    expect(sizes.get('b')).toEqual(sizes.get('unseen'));
  });
});
