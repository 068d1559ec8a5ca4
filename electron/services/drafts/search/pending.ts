import type { PostingArena } from './postings.ts';

// Postings of recent saves, held back and written to their lists in batches. Appending one
// posting at a time scatters writes over every list in the arena, each a cache miss; sorted
// by gram, a batch of drafts writes each common list's postings side by side. Searches flush
// first, so nothing pending is ever missed.

// About 180 drafts' worth. Bigger batches build faster (10k drafts: about a quarter faster
// than 45-draft batches, a third faster than none), at the price of the one save in 180 that
// flushes taking a few milliseconds. Interactive saves rarely get there: the next search
// flushes them first, and a handful flush in well under a millisecond.
const FLUSH_AT = 1 << 18;
// Room for the draft that crosses FLUSH_AT without growing the buffers.
const CAPACITY = FLUSH_AT + (1 << 14);

export class PendingPostings {
  private grams = new Int32Array(CAPACITY);
  private postings = new Int32Array(CAPACITY);
  private sorted = new Int32Array(CAPACITY);
  private size = 0;
  /** Per gram: how many pending, then where its run ends; zero between flushes. */
  private counts = new Int32Array(1 << 12);
  private distinct = new Int32Array(1 << 12);

  get full(): boolean {
    return this.size >= FLUSH_AT;
  }

  push(gram: number, posting: number): void {
    if (this.size === this.grams.length) {
      const grams = new Int32Array(this.size * 2);
      grams.set(this.grams);
      this.grams = grams;
      const postings = new Int32Array(this.size * 2);
      postings.set(this.postings);
      this.postings = postings;
      this.sorted = new Int32Array(this.size * 2);
    }
    this.grams[this.size] = gram;
    this.postings[this.size] = posting;
    this.size++;
  }

  /** Write everything pending to the arena: a counting sort by gram, stable so lists stay in document order. */
  flush(arena: PostingArena): void {
    const size = this.size;
    if (size === 0) return;
    if (arena.gramCount > this.counts.length) {
      this.counts = new Int32Array(Math.max(arena.gramCount, this.counts.length * 2));
      this.distinct = new Int32Array(this.counts.length);
    }
    const { grams, postings, sorted, counts, distinct } = this;
    let kinds = 0;
    for (let i = 0; i < size; i++) {
      const gram = grams[i]!;
      if (counts[gram]!++ === 0) distinct[kinds++] = gram;
    }
    let end = 0;
    for (let k = 0; k < kinds; k++) {
      const gram = distinct[k]!;
      const count = counts[gram]!;
      counts[gram] = end;
      end += count;
    }
    for (let i = 0; i < size; i++) sorted[counts[grams[i]!]!++] = postings[i]!;
    let start = 0;
    for (let k = 0; k < kinds; k++) {
      const gram = distinct[k]!;
      const runEnd = counts[gram]!;
      arena.appendRun(gram, sorted, start, runEnd);
      counts[gram] = 0;
      start = runEnd;
    }
    this.size = 0;
  }
}
