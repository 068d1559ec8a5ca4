// Which top-level blocks of a long body are laid out, and how much room stands in for the rest.
// Pure arithmetic over block sizes, so the DOM side (body-window.ts) only measures and applies.

export interface BlockSize {
  height: number;
  // The space between this block and the one before it (collapsed margins), measured where both
  // are laid out next to each other.
  gapAbove: number;
}

// Blocks [from, to) are not laid out; `room` is the space they would take, given to the next
// laid-out block as its top margin, or to the body's bottom padding when the run ends the body.
export interface HiddenRun {
  from: number;
  to: number;
  room: number;
}

export interface WindowRequest {
  count: number;
  sizeOf(index: number): BlockSize;
  // Blocks laid out wherever the writer is: photos (their captions stay reachable by Tab) and
  // the blocks holding the selection.
  isPinned(index: number): boolean;
  // The span to lay out, in the body's own coordinates, overscan included.
  from: number;
  to: number;
  // A block on screen now and where it is. The window is placed around what the writer sees,
  // not around where estimated sizes say it should be: otherwise a better estimate of the blocks
  // above would swap the screen's paragraphs for others.
  anchor?: { index: number; top: number };
}

export function planWindow(request: WindowRequest): HiddenRun[] {
  const sizes = Array.from({ length: request.count }, (_, index) => request.sizeOf(index));
  const tops = new Float64Array(request.count);
  let bottom = 0;
  sizes.forEach(({ height, gapAbove }, index) => {
    tops[index] = bottom + gapAbove;
    bottom = tops[index]! + height;
  });
  const shift = request.anchor ? request.anchor.top - (tops[request.anchor.index] ?? request.anchor.top) : 0;

  const runs: HiddenRun[] = [];
  let run: HiddenRun | null = null;
  sizes.forEach(({ height, gapAbove }, index) => {
    const top = tops[index]! + shift;
    const near = top < request.to && top + height > request.from;
    if (near || request.isPinned(index)) {
      if (run !== null) {
        // The laid-out block's own gap is part of the margin that replaces the run.
        run.room += gapAbove;
        runs.push(run);
        run = null;
      }
      return;
    }
    run ??= { from: index, to: index, room: 0 };
    run.to = index + 1;
    run.room += gapAbove + height;
  });
  if (run !== null) runs.push(run);
  return runs;
}

const DEFAULT_SIZE: BlockSize = { height: 96, gapAbove: 15 };

// Sizes by Lexical node key, as last measured; a block never laid out is taken to be the
// average of those that were, which scroll anchoring corrects as the writer reaches it.
export class BlockSizes {
  private readonly sizes = new Map<string, BlockSize>();
  private heightSum = 0;
  private gapSum = 0;

  get(key: string): BlockSize {
    return this.sizes.get(key) ?? this.average();
  }

  set(key: string, size: BlockSize): void {
    const previous = this.sizes.get(key);
    if (previous) {
      this.heightSum -= previous.height;
      this.gapSum -= previous.gapAbove;
    }
    this.sizes.set(key, size);
    this.heightSum += size.height;
    this.gapSum += size.gapAbove;
  }

  // Forgets the blocks no longer in the body, so they stop weighing on the average.
  retain(keys: ReadonlySet<string>): void {
    for (const [key, size] of this.sizes) {
      if (keys.has(key)) continue;
      this.sizes.delete(key);
      this.heightSum -= size.height;
      this.gapSum -= size.gapAbove;
    }
  }

  // A new width rewraps every line, so no height measured before it still holds.
  clear(): void {
    this.sizes.clear();
    this.heightSum = 0;
    this.gapSum = 0;
  }

  private average(): BlockSize {
    const measured = this.sizes.size;
    if (measured === 0) return DEFAULT_SIZE;
    return { height: this.heightSum / measured, gapAbove: this.gapSum / measured };
  }
}
