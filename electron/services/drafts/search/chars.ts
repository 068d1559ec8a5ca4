// Character classes per UTF-16 code unit, computed lazily: a Unicode property regex per code
// unit is too slow for the hot loops, a 64 KiB table lookup is not.

const UNKNOWN = 0;
const WORD = 1;
const OTHER = 2;
const SPACE = 3;

const classes = new Uint8Array(0x10000);
const wordPattern = /[\p{L}\p{N}\p{M}]/u;
// The same definition String.prototype.split(/\s+/) uses, so query terms and indexed grams agree.
const spacePattern = /\s/;

function classify(code: number): number {
  // Surrogate halves only occur inside astral letters, emoji and the like; treating them as
  // word characters keeps a pair from being split into two words.
  if (code >= 0xd800 && code <= 0xdfff) return WORD;
  const ch = String.fromCharCode(code);
  if (spacePattern.test(ch)) return SPACE;
  return wordPattern.test(ch) ? WORD : OTHER;
}

function classOf(code: number): number {
  let value = classes[code]!;
  if (value === UNKNOWN) {
    value = classify(code);
    classes[code] = value;
  }
  return value;
}

export function isWordCode(code: number): boolean {
  return classOf(code) === WORD;
}

export function isSpaceCode(code: number): boolean {
  return classOf(code) === SPACE;
}

/**
 * Whether a match of `length` code units at `start` begins and ends on word edges. A cut only
 * counts as inside a word when letters sit on both sides of it, so "(연합체)" is a whole word
 * where it stands between spaces.
 */
export function startsWord(text: string, start: number): boolean {
  return start === 0 || !isWordCode(text.charCodeAt(start - 1)) || !isWordCode(text.charCodeAt(start));
}

export function endsWord(text: string, end: number): boolean {
  return end >= text.length || !isWordCode(text.charCodeAt(end)) || !isWordCode(text.charCodeAt(end - 1));
}

/** Match quality: 1 inside a word, 2 at a word start (a Korean stem before its particle), 3 a whole word. */
export type Quality = 0 | 1 | 2 | 3;

export function matchQuality(text: string, start: number, length: number): Quality {
  if (!startsWord(text, start)) return 1;
  return endsWord(text, start + length) ? 3 : 2;
}

export function charClass(code: number): number {
  return classOf(code);
}

export const WORD_CLASS = WORD;
export const SPACE_CLASS = SPACE;
