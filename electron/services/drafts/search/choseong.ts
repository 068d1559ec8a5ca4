import { Buffer } from 'node:buffer';
import { getChoseong } from 'es-hangul';
import { isWordCode } from './chars.ts';

// The choseong projection: every Hangul syllable replaced by its initial consonant, one code
// unit for one code unit, so an offset found in the projection is an offset in the text.
// It is stored as a one-byte (Latin-1) string to halve its memory: the 19 initials become the
// bytes 0x80-0x92, ASCII letters and digits stay as they are, other letters become 0x7f and
// everything that is not part of a word (spaces, punctuation) becomes a space. Word edges are
// thus spaces in the projection, and how well an initial query matches (whole word, word
// start) comes from a few indexOf calls instead of a walk over every match.

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const SYLLABLES_PER_INITIAL = 21 * 28;
const CONJOINING_INITIAL_FIRST = 0x1100;
const CONJOINING_INITIAL_LAST = 0x1112;
const COMPAT_FIRST = 0x3131;
const COMPAT_LAST = 0x314e;

export const INITIAL_COUNT = 19;
export const PROJECTED_INITIAL = 0x80;
const PROJECTED_LETTER = 0x7f;
export const PROJECTED_EDGE = 0x20;

/** Compatibility jamo (ㄱ..ㅎ) for initial i, in Unicode order; es-hangul knows the mapping. */
export const INITIAL_JAMO: readonly number[] = Array.from({ length: INITIAL_COUNT }, (_, i) =>
  getChoseong(String.fromCharCode(SYLLABLE_FIRST + i * SYLLABLES_PER_INITIAL)).charCodeAt(0),
);

// Compatibility jamo -> initial index; -1 for vowels and final-only clusters such as ㄳ.
const compatToInitial = new Int8Array(COMPAT_LAST - COMPAT_FIRST + 1).fill(-1);
INITIAL_JAMO.forEach((code, i) => {
  compatToInitial[code - COMPAT_FIRST] = i;
});

/** The initial index of a syllable or of a compatibility initial consonant, else -1. */
export function initialIndex(code: number): number {
  if (code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST) {
    return Math.floor((code - SYLLABLE_FIRST) / SYLLABLES_PER_INITIAL);
  }
  if (code >= COMPAT_FIRST && code <= COMPAT_LAST) return compatToInitial[code - COMPAT_FIRST]!;
  return -1;
}

/** True for ㄱ..ㅎ as typed on a keyboard (compatibility jamo that can start a syllable). */
export function isInitialJamo(code: number): boolean {
  return code >= COMPAT_FIRST && code <= COMPAT_LAST && compatToInitial[code - COMPAT_FIRST]! >= 0;
}

/**
 * A lone conjoining initial (U+1100..U+1112) is what NFC leaves of a decomposed consonant typed
 * without a vowel, e.g. on macOS; map it to the compatibility jamo a user means by ㅂ.
 */
export function conjoiningToCompat(code: number): number {
  if (code >= CONJOINING_INITIAL_FIRST && code <= CONJOINING_INITIAL_LAST) {
    return INITIAL_JAMO[code - CONJOINING_INITIAL_FIRST]!;
  }
  return code;
}

export function projectCode(code: number): number {
  if (code < 0x80) return isWordCode(code) ? code : PROJECTED_EDGE;
  const initial = initialIndex(code);
  if (initial >= 0) return PROJECTED_INITIAL + initial;
  return isWordCode(code) ? PROJECTED_LETTER : PROJECTED_EDGE;
}

export function isProjectedInitial(byte: number): boolean {
  return byte >= PROJECTED_INITIAL && byte < PROJECTED_INITIAL + INITIAL_COUNT;
}

/** The first `length` bytes as a one-byte string, each byte the code unit of the same value. */
export function latin1(bytes: Uint8Array, length: number): string {
  // String.fromCharCode(...bytes) does the same several times slower.
  return Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('latin1');
}

/** The projection of folded text, or null when it has no Hangul (indexing builds it in grams.ts). */
export function projectText(folded: string): string | null {
  const bytes = new Uint8Array(folded.length);
  let hangul = false;
  for (let i = 0; i < folded.length; i++) {
    const byte = projectCode(folded.charCodeAt(i));
    if (byte >= PROJECTED_INITIAL) hangul = true;
    bytes[i] = byte;
  }
  return hangul ? latin1(bytes, bytes.length) : null;
}

export function projectTerm(term: string): string {
  const bytes = new Uint8Array(term.length);
  for (let i = 0; i < term.length; i++) bytes[i] = projectCode(term.charCodeAt(i));
  return latin1(bytes, bytes.length);
}
