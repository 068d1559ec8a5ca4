// Posting lists for every gram, stored in blocks inside large shared chunks instead of one
// array per gram: a real library has hundreds of thousands of distinct bigrams, most seen in a
// handful of drafts, and a typed array per gram would cost more in headers than in postings.
//
// A posting is (docIndex << MASK_BITS) | mask. The mask holds a 2-bit match quality per field
// (see chars.ts Quality; field order in types.ts) and, for headline, deck and body, a bit
// saying the gram also ends a word somewhere there: with the quality of a term's first gram
// that bounds the quality of longer terms before any text is read. Document indexes only grow
// between compactions, so every list is sorted and lists can be intersected by galloping.
//
// A list is a chain of blocks whose sizes double up to MAX_BLOCK, so appending never copies
// and wastes at most the unfilled end of the last block. A block is [next, capacity, ...data].

/** The per-field qualities: what scoring looks at. */
export const QUALITY_MASK = (1 << 10) - 1;
/** Bit of "ends a word here" for fields 0-2 (headline, deck, body); byline and tags are short enough to just verify. */
export const END_SHIFT = 10;
export const END_FIELDS = 3;
export const MASK_BITS = END_SHIFT + END_FIELDS;
export const MASK = (1 << MASK_BITS) - 1;
/** Document indexes must fit in the bits left of a positive int32 (262,143; compaction renumbers). */
export const MAX_DOC_INDEX = (1 << (31 - MASK_BITS)) - 1;

const CHUNK_BITS = 20;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const OFFSET_MASK = CHUNK_SIZE - 1;
const HEADER = 2;
const MAX_BLOCK = 1024;
// Compaction writes a list as few large blocks; they must still fit in a chunk.
const MAX_COMPACT_BLOCK = CHUNK_SIZE >> 2;

function grown(array: Int32Array, minLength: number, fill = 0): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(minLength, array.length * 2));
  if (fill !== 0) next.fill(fill, array.length);
  next.set(array);
  return next;
}

// Per-gram state, side by side so an append touches one cache line:
// [last block, slot the next posting goes to, slots left there, postings in the list].
const TAIL = 0;
const NEXT = 1;
const LEFT = 2;
const COUNT = 3;
const STATE = 4;

export class PostingArena {
  private chunks: Int32Array[] = [];
  /** Next free slot as a global pointer: chunk index << CHUNK_BITS | offset. */
  private top = 0;
  private head = new Int32Array(1024).fill(-1);
  private state = new Int32Array(1024 * STATE);
  private grams = 0;

  get gramCount(): number {
    return this.grams;
  }

  /** Bytes held by posting chunks. */
  get bytes(): number {
    return this.chunks.length * CHUNK_SIZE * 4;
  }

  /** Postings in a gram's list, retired documents included. */
  lengthOf(gram: number): number {
    return this.state[gram * STATE + COUNT]!;
  }

  newGram(): number {
    if (this.grams === this.head.length) {
      this.head = grown(this.head, this.grams + 1, -1);
      this.state = grown(this.state, (this.grams + 1) * STATE);
    }
    const gram = this.grams++;
    this.state[gram * STATE + TAIL] = -1;
    return gram;
  }

  private allocate(capacity: number): number {
    const total = capacity + HEADER;
    // A block that ended exactly at a chunk's end leaves `top` pointing at the next chunk,
    // which does not exist yet: start it.
    const chunkMissing = this.top >>> CHUNK_BITS >= this.chunks.length;
    if (chunkMissing || (this.top & OFFSET_MASK) + total > CHUNK_SIZE) {
      this.chunks.push(new Int32Array(CHUNK_SIZE));
      this.top = (this.chunks.length - 1) << CHUNK_BITS;
    }
    const block = this.top;
    const chunk = this.chunks[block >>> CHUNK_BITS]!;
    const offset = block & OFFSET_MASK;
    chunk[offset] = -1;
    chunk[offset + 1] = capacity;
    this.top += total;
    return block;
  }

  private link(gram: number, block: number, capacity: number): void {
    const at = gram * STATE;
    const tail = this.state[at + TAIL]!;
    if (tail < 0) this.head[gram] = block;
    else this.chunks[tail >>> CHUNK_BITS]![tail & OFFSET_MASK] = block;
    this.state[at + TAIL] = block;
    this.state[at + NEXT] = block + HEADER;
    this.state[at + LEFT] = capacity;
  }

  /** Append `source[from..to)` to a gram's list, in order. */
  appendRun(gram: number, source: Int32Array, from: number, to: number): void {
    const state = this.state;
    const at = gram * STATE;
    let i = from;
    while (i < to) {
      if (state[at + LEFT] === 0) {
        // Most grams occur in one or two drafts: start small, then double the list.
        const size = Math.min(MAX_BLOCK, Math.max(1, to - i, state[at + COUNT]!));
        this.link(gram, this.allocate(size), size);
      }
      const n = Math.min(state[at + LEFT]!, to - i);
      const slot = state[at + NEXT]!;
      const chunk = this.chunks[slot >>> CHUNK_BITS]!;
      let offset = slot & OFFSET_MASK;
      for (let k = 0; k < n; k++) chunk[offset++] = source[i++]!;
      state[at + NEXT] = slot + n;
      state[at + LEFT] = state[at + LEFT]! - n;
      state[at + COUNT] = state[at + COUNT]! + n;
    }
  }

  /** A gram's list as one contiguous array (a copy; lists are read only while searching). */
  read(gram: number): Int32Array {
    const at = gram * STATE;
    return readChain(this.chunks, this.head[gram]!, this.state[at + LEFT]!, this.state[at + COUNT]!);
  }

  /**
   * Rewrite every list into fresh chunks. `remap` gives each old document index its new index,
   * or -1 for a retired document whose postings are dropped.
   */
  compact(remap: Int32Array): void {
    const chunks = this.chunks;
    const head = this.head.slice();
    const state = this.state.slice();
    this.chunks = [];
    this.top = 0;
    for (let gram = 0; gram < this.grams; gram++) {
      const at = gram * STATE;
      const list = readChain(chunks, head[gram]!, state[at + LEFT]!, state[at + COUNT]!);
      this.head[gram] = -1;
      this.state[at + TAIL] = -1;
      this.state[at + LEFT] = 0;
      let kept = 0;
      for (let i = 0; i < list.length; i++) {
        const doc = remap[list[i]! >>> MASK_BITS]!;
        if (doc >= 0) list[kept++] = (doc << MASK_BITS) | (list[i]! & MASK);
      }
      this.state[at + COUNT] = kept;
      for (let written = 0; written < kept; ) {
        const remaining = kept - written;
        // Headroom on the last block so the next saves do not each start a new block.
        const size = Math.min(MAX_COMPACT_BLOCK, remaining + (remaining >> 3));
        const block = this.allocate(size);
        this.link(gram, block, size);
        const n = Math.min(size, remaining);
        this.chunks[block >>> CHUNK_BITS]!.set(list.subarray(written, written + n), (block & OFFSET_MASK) + HEADER);
        this.state[at + NEXT] = block + HEADER + n;
        this.state[at + LEFT] = size - n;
        written += n;
      }
    }
  }
}

function readChain(chunks: readonly Int32Array[], head: number, tailLeft: number, count: number): Int32Array {
  const out = new Int32Array(count);
  let at = 0;
  for (let block = head; block >= 0; ) {
    const chunk = chunks[block >>> CHUNK_BITS]!;
    const offset = block & OFFSET_MASK;
    const next = chunk[offset]!;
    const used = chunk[offset + 1]! - (next < 0 ? tailLeft : 0);
    out.set(chunk.subarray(offset + HEADER, offset + HEADER + used), at);
    at += used;
    block = next;
  }
  return out;
}

/** First index in [from, to) of a sorted array whose value is >= target, by galloping then bisecting. */
export function gallop(list: Int32Array, from: number, to: number, target: number): number {
  if (from >= to || list[from]! >= target) return from;
  let step = 1;
  let low = from;
  let high = from + 1;
  while (high < to && list[high]! < target) {
    low = high;
    step <<= 1;
    high = from + step;
  }
  if (high > to) high = to;
  // list[low] < target; the answer is in (low, high].
  while (low + 1 < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]! < target) low = mid;
    else high = mid;
  }
  return high;
}
