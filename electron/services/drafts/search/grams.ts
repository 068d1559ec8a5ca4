import { byteOf, type CharIds, classOfInfo, idOf } from './char-ids.ts';
import { type Quality, SPACE_CLASS, WORD_CLASS } from './chars.ts';
import { INITIAL_COUNT, isProjectedInitial, latin1, PROJECTED_INITIAL } from './choseong.ts';
import type { GramTable } from './gram-table.ts';
import type { PendingPostings } from './pending.ts';
import { END_FIELDS, END_SHIFT, type PostingArena } from './postings.ts';
import type { InitialTrigrams } from './trigrams.ts';

// Grams are what the candidate filter looks up: every character (for one-character queries)
// and every pair of adjacent characters of the folded text, and the same over the choseong
// projection restricted to initial consonants. Grams with white space are skipped because a
// query term never contains any.

/** A stored field, in the forms matching and highlighting need. */
export interface StoredField {
  /** NFC text as written; what highlights point into. */
  display: string;
  /** Lowercased `display`, same length. */
  folded: string;
  /** Choseong projection of `folded` (see choseong.ts), or null without Hangul. */
  projection: string | null;
}

export const INITIAL_GRAM_KEYS = INITIAL_COUNT + INITIAL_COUNT * INITIAL_COUNT;

export function initialUnigramKey(initial: number): number {
  return initial;
}

export function initialBigramKey(first: number, second: number): number {
  return INITIAL_COUNT + first * INITIAL_COUNT + second;
}

function quality(start: boolean, end: boolean): Quality {
  if (!start) return 1;
  return end ? 3 : 2;
}

/** Raise one field's 2-bit quality in a posting mask, keeping the best seen. */
export function withQuality(mask: number, field: number, value: Quality): number {
  const shift = field * 2;
  return value > ((mask >> shift) & 3) ? (mask & ~(3 << shift)) | (value << shift) : mask;
}

/** The grams of one draft being indexed, each with its best quality per field. */
export class DocGrams {
  private masks = new Int32Array(1 << 12);
  private touched = new Int32Array(1 << 10);
  private count = 0;

  /** Note an occurrence of `gram` in `field` with quality `value`, ending a word if `end`. */
  add(gram: number, field: number, value: Quality, end: boolean): void {
    if (gram >= this.masks.length) {
      const masks = new Int32Array(Math.max(gram + 1, this.masks.length * 2));
      masks.set(this.masks);
      this.masks = masks;
    }
    const shift = field * 2;
    let mask = this.masks[gram]!;
    if (mask === 0) {
      if (this.count === this.touched.length) {
        const touched = new Int32Array(this.touched.length * 2);
        touched.set(this.touched);
        this.touched = touched;
      }
      this.touched[this.count++] = gram;
      mask = value << shift;
    } else if (value > ((mask >> shift) & 3)) {
      mask = (mask & ~(3 << shift)) | (value << shift);
    }
    if (end && field < END_FIELDS) mask |= 1 << (END_SHIFT + field);
    this.masks[gram] = mask;
  }

  /** Queue one posting per gram for document `base >> MASK_BITS`; returns how many, and resets. */
  flush(pending: PendingPostings, base: number): number {
    const count = this.count;
    for (let i = 0; i < count; i++) {
      const gram = this.touched[i]!;
      pending.push(gram, base | this.masks[gram]!);
      this.masks[gram] = 0;
    }
    this.count = 0;
    return count;
  }
}

/** Where indexing writes: the tables grams are looked up in and the draft being built. */
export interface FieldSink {
  chars: CharIds;
  table: GramTable;
  arena: PostingArena;
  /** Initial gram key -> gram id. */
  initialGrams: Int32Array;
  trigrams: InitialTrigrams;
  out: DocGrams;
}

// Projection bytes of the field being indexed; shared, since indexing never runs concurrently.
let bytes = new Uint8Array(4096);

/**
 * Index one field of a draft in a single pass: its text grams (every character and pair),
 * its initial grams and trigrams, and its choseong projection, which is returned (null
 * without Hangul). One pass matters: this is most of what a save costs.
 */
export function indexField(folded: string, field: number, doc: number, sink: FieldSink): string | null {
  const { chars, table, arena, initialGrams, trigrams, out } = sink;
  const length = folded.length;
  if (length === 0) return null;
  if (bytes.length < length) bytes = new Uint8Array(length * 2);
  const row = trigrams.row(doc);
  let initials = false;
  // A sliding window of info words (char-ids.ts) for positions i, i + 1 and i + 2; 0 past the end.
  let current = chars.intern(folded.charCodeAt(0));
  let next = length > 1 ? chars.intern(folded.charCodeAt(1)) : 0;
  let prevWord = false;
  for (let i = 0; i < length; i++) {
    const after = i + 2 < length ? chars.intern(folded.charCodeAt(i + 2)) : 0;
    const word = classOfInfo(current) === WORD_CLASS;
    const nextWord = classOfInfo(next) === WORD_CLASS;
    const afterWord = classOfInfo(after) === WORD_CLASS;
    const start = !(prevWord && word);
    const byte = byteOf(current);
    bytes[i] = byte;
    if (classOfInfo(current) !== SPACE_CLASS) {
      const id = idOf(current);
      const uniEnd = !(word && nextWord);
      out.add(table.internUnigram(id, arena), field, quality(start, uniEnd), uniEnd);
      if (next !== 0 && classOfInfo(next) !== SPACE_CLASS) {
        const end = !(nextWord && afterWord);
        out.add(table.intern(id, idOf(next), arena), field, quality(start, end), end);
      }
    }
    if (isProjectedInitial(byte)) {
      // Initials are letters, so their word edges are the same as the text's.
      initials = true;
      const initial = byte - PROJECTED_INITIAL;
      out.add(initialGrams[initialUnigramKey(initial)]!, field, quality(start, !nextWord), !nextWord);
      const nextByte = byteOf(next);
      if (next !== 0 && isProjectedInitial(nextByte)) {
        const second = nextByte - PROJECTED_INITIAL;
        out.add(initialGrams[initialBigramKey(initial, second)]!, field, quality(start, !afterWord), !afterWord);
        const afterByte = byteOf(after);
        if (after !== 0 && isProjectedInitial(afterByte)) trigrams.set(row, initial, second, afterByte - PROJECTED_INITIAL);
      }
    }
    prevWord = word;
    current = next;
    next = after;
  }
  return initials ? latin1(bytes, length) : null;
}
