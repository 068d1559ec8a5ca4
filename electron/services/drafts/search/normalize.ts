import { isSpaceCode } from './chars.ts';
import { conjoiningToCompat, isInitialJamo, projectTerm } from './choseong.ts';

// Text is indexed in two forms of equal length: the display form (NFC, as written) and the
// folded form (lowercase) that matching runs on. Equal length is what lets a match offset in
// the folded form be used as a highlight offset in the display form.

/** NFC, returning the very same string when nothing changes so the index shares the caller's copy. */
export function toNfc(text: string): string {
  // ICU's quick check makes this cheap for text already in NFC (a JavaScript scan is several
  // times slower), and it leaves a concatenated string flattened for the loops that follow.
  const normalized = text.normalize('NFC');
  return normalized === text ? text : normalized;
}

const LONE_INITIAL = /[\u1100-\u1112]/;

function lowerPerCodePoint(text: string): string {
  // Rare path: a character such as İ lowercases to two code units. Such characters keep their
  // case rather than shift every offset after them.
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

function mapLoneInitials(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(conjoiningToCompat(text.charCodeAt(i)));
  return out;
}

/** Lowercase without changing the length; NFC input in, the same string back if already folded. */
export function fold(text: string): string {
  let folded = text.toLowerCase();
  if (folded.length !== text.length) folded = lowerPerCodePoint(text);
  if (LONE_INITIAL.test(folded)) folded = mapLoneInitials(folded);
  return folded === text ? text : folded;
}

export interface QueryTerm {
  /** Folded term as typed. */
  text: string;
  /** True when the term has an initial consonant (ㄱ..ㅎ) and so matches by initials. */
  initials: boolean;
  /** For initial terms: the term's projection (see choseong.ts); otherwise equal to `text`. */
  pattern: string;
  /** For initial terms: offsets whose character must match exactly (syllables, Latin, digits). */
  literal: readonly number[];
  /** `pattern` after a word edge, and between two (see choseong.ts). */
  startPattern: string;
  wholePattern: string;
}

// Long pasted queries would only cost time: no draft needs more than this to be found.
const MAX_TERMS = 16;
const MAX_TERM_LENGTH = 200;

function toTerm(text: string): QueryTerm {
  let initials = false;
  const literal: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (isInitialJamo(text.charCodeAt(i))) initials = true;
    else literal.push(i);
  }
  const pattern = initials ? projectTerm(text) : text;
  return {
    text,
    initials,
    pattern,
    literal: initials ? literal : [],
    startPattern: ` ${pattern}`,
    wholePattern: ` ${pattern} `,
  };
}

function splitOnSpace(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpaceCode(text.charCodeAt(i));
    if (space && start >= 0) {
      words.push(text.slice(start, i));
      start = -1;
    } else if (!space && start < 0) {
      start = i;
    }
  }
  return words;
}

/** Terms of a query: NFC, folded, split on white space, de-duplicated. Empty for a blank query. */
export function parseQuery(query: string): QueryTerm[] {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const word of splitOnSpace(fold(toNfc(query)))) {
    const text = word.slice(0, MAX_TERM_LENGTH);
    if (seen.has(text)) continue;
    seen.add(text);
    terms.push(toTerm(text));
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}
