import { INITIAL_COUNT, isProjectedInitial, PROJECTED_INITIAL } from './choseong.ts';

// Which runs of three initials each draft has, as a 6,859-bit set per draft (858 bytes).
// Initials are a 19-letter alphabet, so pairs of them are in nearly every Korean draft and
// filter almost nothing for a query such as ㅇㄱㅁㅇ; triples filter well. A bit set costs less
// than posting lists for them would, and checking one per candidate is O(1). All sets live in
// one array, row by document index: candidates are visited in index order, so the reads
// stride through memory instead of chasing a typed array per draft.

const TRIGRAMS = INITIAL_COUNT * INITIAL_COUNT * INITIAL_COUNT;
const WORDS = Math.ceil(TRIGRAMS / 32);

function keyAt(projection: string, at: number): number {
  const a = projection.charCodeAt(at) - PROJECTED_INITIAL;
  const b = projection.charCodeAt(at + 1) - PROJECTED_INITIAL;
  const c = projection.charCodeAt(at + 2) - PROJECTED_INITIAL;
  return (a * INITIAL_COUNT + b) * INITIAL_COUNT + c;
}

function isTriple(projection: string, at: number): boolean {
  return (
    isProjectedInitial(projection.charCodeAt(at)) &&
    isProjectedInitial(projection.charCodeAt(at + 1)) &&
    isProjectedInitial(projection.charCodeAt(at + 2))
  );
}

/** Keys of the initial trigrams of a term's projection (runs of three initials only). */
export function termTrigrams(pattern: string): number[] {
  const keys: number[] = [];
  for (let at = 0; at + 2 < pattern.length; at++) {
    if (isTriple(pattern, at)) keys.push(keyAt(pattern, at));
  }
  return keys;
}

export class InitialTrigrams {
  private bits = new Int32Array(WORDS * 256);

  /** Where document `doc`'s set starts; makes room for it. A fresh index's set is empty. */
  row(doc: number): number {
    if ((doc + 1) * WORDS > this.bits.length) {
      const bits = new Int32Array(Math.max((doc + 1) * WORDS, this.bits.length * 2));
      bits.set(this.bits);
      this.bits = bits;
    }
    return doc * WORDS;
  }

  set(row: number, a: number, b: number, c: number): void {
    const key = (a * INITIAL_COUNT + b) * INITIAL_COUNT + c;
    this.bits[row + (key >>> 5)]! |= 1 << (key & 31);
  }

  has(doc: number, keys: readonly number[]): boolean {
    const row = doc * WORDS;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if ((this.bits[row + (key >>> 5)]! & (1 << (key & 31))) === 0) return false;
    }
    return true;
  }

  /** Move rows to their documents' new indexes (see PostingArena.compact). */
  compact(remap: Int32Array, count: number): void {
    const bits = new Int32Array(Math.max(count, 256) * WORDS);
    for (let old = 0; old < remap.length; old++) {
      const doc = remap[old]!;
      if (doc >= 0) bits.set(this.bits.subarray(old * WORDS, (old + 1) * WORDS), doc * WORDS);
    }
    this.bits = bits;
  }

  get bytes(): number {
    return this.bits.byteLength;
  }
}
