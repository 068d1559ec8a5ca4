import type { PostingArena } from './postings.ts';

// Text gram -> gram id. Indexing looks up two grams per character of every draft, so this is
// the hottest table there is. Single characters sit in a plain array by character id. Pairs
// of the 256 first-seen characters (ASCII and the most common syllables, which together make
// up most pairs in running text) sit in a 256 KiB direct table that stays in cache; other
// pairs go to an open-addressing hash table of (key, gram) slots, one cache line per probe.

const EMPTY = -1;
const DIRECT_BITS = 8;
const DIRECT = 1 << DIRECT_BITS;

/** Character ids are at most 2^16, so the key is unique; 0 never occurs (ids start at 1). */
function pairKey(first: number, second: number): number {
  return ((first << 16) + second) | 0;
}

function hash(key: number): number {
  const h = Math.imul(key ^ (key >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

export class GramTable {
  private unigrams = new Int32Array(1 << 12).fill(EMPTY);
  private direct = new Int32Array(DIRECT * DIRECT).fill(EMPTY);
  /** Slot i is [key, gram] at 2i, 2i + 1; key 0 marks an empty slot. */
  private slots = new Int32Array(2 << 14);
  private mask = (1 << 14) - 1;
  private size = 0;

  private find(key: number): number {
    const slots = this.slots;
    let index = hash(key) & this.mask;
    for (;;) {
      const at = index << 1;
      const stored = slots[at]!;
      if (stored === key || stored === 0) return at;
      index = (index + 1) & this.mask;
    }
  }

  /** The gram id of a single character (id) or a pair (first, second); -1 if never seen. */
  lookup(first: number, second: number): number {
    if (second === 0) return first < this.unigrams.length ? this.unigrams[first]! : EMPTY;
    if (first < DIRECT && second < DIRECT) return this.direct[(first << DIRECT_BITS) | second]!;
    const at = this.find(pairKey(first, second));
    return this.slots[at] === 0 ? EMPTY : this.slots[at + 1]!;
  }

  /** The gram id of a single character, creating it on first sight. */
  internUnigram(id: number, arena: PostingArena): number {
    if (id >= this.unigrams.length) {
      const unigrams = new Int32Array(Math.max(id + 1, this.unigrams.length * 2)).fill(EMPTY);
      unigrams.set(this.unigrams);
      this.unigrams = unigrams;
    }
    let gram = this.unigrams[id]!;
    if (gram === EMPTY) {
      gram = arena.newGram();
      this.unigrams[id] = gram;
    }
    return gram;
  }

  /** The gram id of a pair of characters, creating it (and its posting list) on first sight. */
  intern(first: number, second: number, arena: PostingArena): number {
    if (first < DIRECT && second < DIRECT) {
      const index = (first << DIRECT_BITS) | second;
      let gram = this.direct[index]!;
      if (gram === EMPTY) {
        gram = arena.newGram();
        this.direct[index] = gram;
      }
      return gram;
    }
    const key = pairKey(first, second);
    const at = this.find(key);
    if (this.slots[at] === key) return this.slots[at + 1]!;
    const gram = arena.newGram();
    this.slots[at] = key;
    this.slots[at + 1] = gram;
    // Keep the load under one half so probe runs stay short.
    if (++this.size * 2 > this.mask) this.grow();
    return gram;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += 2) {
      const key = old[at]!;
      if (key === 0) continue;
      const to = this.find(key);
      this.slots[to] = key;
      this.slots[to + 1] = old[at + 1]!;
    }
  }
}
