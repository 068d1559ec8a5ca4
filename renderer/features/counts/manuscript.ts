// Writing counts for the editor's status bar: characters, words, 원고지 (manuscript sheet) counts
// and reading time. Pure functions over plain paragraph strings, so the renderer can call them on
// every edit without touching the DOM or the editor state.
//
// 원고지 rules follow common Korean manuscript practice, as taught in school and newsroom guides
// (e.g. ko.wikisource "원고지 사용법", seelotus.tistory.com "원고지 사용법", ysnaju.tistory.com
// "원고지 쓰는 법"). Each rule is implemented where it is used and says why.

export interface ManuscriptSheet {
  cellsPerRow: number;
  rowsPerSheet: number;
}

// The 200자 원고지 (20 cells x 10 rows) is the unit Korean editors quote lengths in.
export const SHEET_200: ManuscriptSheet = Object.freeze({ cellsPerRow: 20, rowsPerSheet: 10 });
// The 150자 원고지 is the newsroom sheet: 15 cells x 10 rows ("신문사에서 흔히 사용하는
// 150자(15자×10행) 원고지", ko.wikisource 원고지 사용법).
export const SHEET_150: ManuscriptSheet = Object.freeze({ cellsPerRow: 15, rowsPerSheet: 10 });

export interface ManuscriptLayout {
  rows: number;
  /** rows / rowsPerSheet, not rounded: the status bar decides how to show a started sheet. */
  sheets: number;
}

export interface TextCounts {
  charsWithSpaces: number;
  charsWithoutSpaces: number;
  words: number;
  manuscript200: ManuscriptLayout;
  manuscript150: ManuscriptLayout;
  /** Unrounded minutes; see KOREAN_CHARS_PER_MINUTE and ENGLISH_WORDS_PER_MINUTE. */
  readingMinutes: number;
}

// Korean is timed by characters because an 어절 packs a stem and its particles, so "words per
// minute" means little. Korean adults read silently at roughly 450 to 600 syllables a minute
// (a Korean tablet study measured about 200 어절 a minute on ~2.9-syllable 어절); 500 sits in the
// middle and matches the figure Korean blogging platforms show readers.
export const KOREAN_CHARS_PER_MINUTE = 500;
// Brysbaert's 2019 meta-analysis of 190 studies put silent reading of English non-fiction at
// 238 words a minute; 230 rounds down a little so the estimate does not promise too short a read.
export const ENGLISH_WORDS_PER_MINUTE = 230;

/** Per-paragraph figures before layout; exported so tests can compare the two counting paths. */
export interface ParagraphCounts {
  charsWithSpaces: number;
  charsWithoutSpaces: number;
  words: number;
  /** Non-space characters of 어절 that contain Hangul: timed at the Korean rate. */
  koreanChars: number;
  /** Words of tokens without Hangul (English, numbers): timed at the English rate. */
  otherWords: number;
}

// ---------------------------------------------------------------------------------------------
// Public API

export function layoutManuscript(paragraphs: readonly string[], sheet: ManuscriptSheet): ManuscriptLayout {
  const grid = newGrid(sheet);
  for (const paragraph of paragraphs) writeParagraph(toGraphemeText(paragraph), [grid]);
  return toLayout(grid.rows, sheet);
}

export function countText(paragraphs: readonly string[]): TextCounts {
  return sumTallies([tallyParagraphs(paragraphs)]);
}

/**
 * Counts and manuscript rows of some paragraphs, before they are added up. Tallies of parts of a
 * text add up to the tally of the whole, since every paragraph starts a row of its own: the
 * status bar keeps one per block and recounts only the blocks an edit changed.
 */
export interface Tally extends ParagraphCounts {
  rows200: number;
  rows150: number;
}

export function tallyParagraphs(paragraphs: readonly string[]): Tally {
  const grid200 = newGrid(SHEET_200);
  const grid150 = newGrid(SHEET_150);
  const grids = [grid200, grid150];
  const total = emptyCounts();
  for (const paragraph of paragraphs) {
    // Segment at most once and lay both sheets out in the same pass: this runs after every edit.
    const fast = tallyText(paragraph, true);
    const text = fast === null ? leadsOfGraphemes(paragraph, true) : paragraph;
    addCounts(total, fast ?? countSlowly(paragraph, text, true));
    writeParagraph(text, grids);
  }
  return { ...total, rows200: grid200.rows, rows150: grid150.rows };
}

export function sumTallies(tallies: Iterable<Tally>): TextCounts {
  const total = emptyCounts();
  let rows200 = 0;
  let rows150 = 0;
  for (const tally of tallies) {
    addCounts(total, tally);
    rows200 += tally.rows200;
    rows150 += tally.rows150;
  }
  return {
    charsWithSpaces: total.charsWithSpaces,
    charsWithoutSpaces: total.charsWithoutSpaces,
    words: total.words,
    manuscript200: toLayout(rows200, SHEET_200),
    manuscript150: toLayout(rows150, SHEET_150),
    readingMinutes: readingMinutes(total),
  };
}

/** One decimal, rounded up to the next 0.1, because a started sheet is a sheet the writer fills. */
export function formatSheets(sheets: number): string {
  if (!Number.isFinite(sheets) || sheets <= 0) return '0.0';
  // toPrecision strips binary noise first: 1.1 * 10 is 11.000000000000002, which would ceil to 12.
  const tenths = Math.ceil(Number((sheets * 10).toPrecision(12)));
  return (tenths / 10).toFixed(1);
}

export function readingMinutes(counts: Pick<ParagraphCounts, 'koreanChars' | 'otherWords'>): number {
  return counts.koreanChars / KOREAN_CHARS_PER_MINUTE + counts.otherWords / ENGLISH_WORDS_PER_MINUTE;
}

/** Character and word counts of one paragraph. `allowFastPath: false` forces Intl.Segmenter. */
export function countParagraph(paragraph: string, allowFastPath = true): ParagraphCounts {
  const fast = allowFastPath ? tallyText(paragraph, true) : null;
  return fast ?? countSlowly(paragraph, leadsOfGraphemes(paragraph, allowFastPath), allowFastPath);
}

/**
 * The paragraph with every grapheme cluster reduced to one UTF-16 unit (its first code point;
 * astral ones become U+FFFC). Counting and layout then index characters directly, and an emoji
 * with skin tone or a letter with a combining accent still counts once.
 */
export function toGraphemeText(paragraph: string, allowFastPath = true): string {
  return allowFastPath && usesFastPath(paragraph) ? paragraph : leadsOfGraphemes(paragraph, allowFastPath);
}

/** Whether the paragraph is in the alphabet that is counted without Intl.Segmenter. */
export function usesFastPath(paragraph: string): boolean {
  for (let i = 0; i < paragraph.length; i += 1) {
    if ((bitsAt(paragraph, i) & FAST) === 0) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Character classes

const graphemes = new Intl.Segmenter('ko', { granularity: 'grapheme' });
const wordSegmenter = new Intl.Segmenter('ko', { granularity: 'word' });

const Glyph = {
  Other: 0,
  Space: 1,
  Break: 2,
  Invisible: 3,
  Digit: 4,
  Lower: 5,
  Upper: 6,
  Stop: 7,
  Closer: 8,
  CloseQuote: 9,
  AsciiQuote: 10,
  Opener: 11,
  Ellipsis: 12,
  Dash: 13,
} as const;
type Glyph = (typeof Glyph)[keyof typeof Glyph];

// One table read per character gives the glyph (low four bits) and these flags. The table is
// built once at module load; it keeps per-character work to a few instructions, which matters
// because the whole draft is recounted after edits.
const GLYPH_MASK = 0x0f;
/** The character may take the fast path (see FAST_RANGES). */
const FAST = 0x10;
const HANGUL = 0x20;
/** A letter or digit of the fast-path alphabet, i.e. what makes Intl.Segmenter see a word. */
const WORD = 0x40;
/** An ordinary one-cell character (Hangul, capitals, symbols, opening marks): no rule applies. */
const PLAIN = 0x80;

// Intl.Segmenter costs about 100 ns a character, too slow for a 1,000-paragraph draft after
// every edit. Text made only of these characters has one grapheme per UTF-16 unit and words
// exactly where ASCII letters, digits or Hangul syllables are (the tests check every one of
// them against Intl.Segmenter), so it skips the segmenters. Left out on purpose: "_" (ICU calls
// "__" a word), the soft hyphen (ICU sees no word in "가\u00AD"), "\r" ("\r\n" is one
// grapheme), letter-like symbols, roman numerals and squared katakana (ICU calls them words),
// fullwidth letters and digits, and every combining mark, joiner and conjoining jamo.
const FAST_RANGES: readonly (readonly [number, number])[] = [
  [0x09, 0x0a], [0x20, 0x5e], [0x60, 0x7e],
  [0xa0, 0xa9], [0xab, 0xac], [0xae, 0xb4], [0xb6, 0xb7], [0xb9, 0xb9], [0xbb, 0xbf], [0xd7, 0xd7], [0xf7, 0xf7],
  [0x2010, 0x2027], [0x2030, 0x203b],
  [0x2103, 0x2103], [0x2109, 0x2109], [0x2116, 0x2116], [0x2121, 0x2122],
  [0x2190, 0x23ff], [0x2460, 0x24b5], [0x2500, 0x27bf],
  [0x3000, 0x3004], [0x3008, 0x3020], [0x3200, 0x32cf], [0x3380, 0x33df],
  [0xac00, 0xd7a3],
  [0xff01, 0xff0f], [0xff1a, 0xff20], [0xff3b, 0xff3e], [0xff40, 0xff40], [0xff5b, 0xff5e],
];

// Syllables, conjoining jamo and compatibility jamo (ㅋㅋ): any of them makes a token Korean.
const HANGUL_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x11ff], [0x3130, 0x318f], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xd7b0, 0xd7ff],
];

const ASTRAL_PLACEHOLDER = '\uFFFC';
const DOT = 0x2e;

const GLYPHS = buildGlyphTable();

function buildGlyphTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  setRange(table, 0x30, 0x39, Glyph.Digit);
  setRange(table, 0x61, 0x7a, Glyph.Lower);
  setRange(table, 0x41, 0x5a, Glyph.Upper);
  markAccentedLatin(table);
  setChars(table, ' \t\v\f\u00A0\u1680\u202F\u205F\u3000', Glyph.Space);
  setRange(table, 0x2000, 0x200a, Glyph.Space);
  setChars(table, '\n\r\u2028\u2029', Glyph.Break);
  // Zero-width and direction marks are invisible: a writer cannot count what they cannot see.
  setChars(table, '\u00AD\u061C\u180E\uFEFF', Glyph.Invisible);
  setRange(table, 0x200b, 0x200f, Glyph.Invisible);
  setRange(table, 0x202a, 0x202e, Glyph.Invisible);
  setRange(table, 0x2060, 0x206f, Glyph.Invisible);
  setChars(table, '.,\u3001\u3002\uFF0C\uFF0E', Glyph.Stop);
  setChars(table, '!?:;)]}\u300B\u3009\u3015\u3011\uFF09\uFF3D\uFF5D\uFF01\uFF1F\uFF1A\uFF1B', Glyph.Closer);
  // Middle dots join the closers: like JIS X 4051 line-start rules, manuscript practice keeps
  // every punctuation mark out of a row's first cell ("각 행의 첫 칸에는 문장 부호가 오지 않게").
  setChars(table, '\u00B7\u2027\u30FB\u318D', Glyph.Closer);
  setChars(table, '\u201D\u2019\u300D\u300F', Glyph.CloseQuote);
  setChars(table, '"\'', Glyph.AsciiQuote);
  setChars(table, '([{\u201C\u2018\u300C\u300E\u300A\u3008\u3014\u3010\uFF08\uFF3B\uFF5B', Glyph.Opener);
  setChars(table, '\u2026\u22EF', Glyph.Ellipsis);
  setChars(table, '\u2014\u2015', Glyph.Dash);
  markFlags(table);
  markPlain(table);
  return table;
}

function markFlags(table: Uint8Array): void {
  for (const [from, to] of FAST_RANGES) orRange(table, from, to, FAST);
  for (const [from, to] of HANGUL_RANGES) orRange(table, from, to, HANGUL);
  orRange(table, 0x30, 0x39, WORD);
  orRange(table, 0x41, 0x5a, WORD);
  orRange(table, 0x61, 0x7a, WORD);
  orRange(table, 0xac00, 0xd7a3, WORD);
}

function markPlain(table: Uint8Array): void {
  for (let code = 0; code < table.length; code += 1) {
    const glyph = (table[code] ?? 0) & GLYPH_MASK;
    if (glyph === Glyph.Other || glyph === Glyph.Upper || glyph === Glyph.Opener) table[code] = (table[code] ?? 0) | PLAIN;
  }
}

function setRange(table: Uint8Array, from: number, to: number, glyph: Glyph): void {
  table.fill(glyph, from, to + 1);
}

function orRange(table: Uint8Array, from: number, to: number, flag: number): void {
  for (let code = from; code <= to; code += 1) table[code] = (table[code] ?? 0) | flag;
}

function setChars(table: Uint8Array, chars: string, glyph: Glyph): void {
  for (let i = 0; i < chars.length; i += 1) table[chars.charCodeAt(i)] = glyph;
}

function markAccentedLatin(table: Uint8Array): void {
  for (let code = 0xc0; code <= 0x24f; code += 1) {
    const char = String.fromCharCode(code);
    if (/\p{Ll}/u.test(char)) table[code] = Glyph.Lower;
    else if (/\p{Lu}/u.test(char)) table[code] = Glyph.Upper;
  }
}

function bitsAt(text: string, index: number): number {
  return GLYPHS[text.charCodeAt(index)] ?? 0;
}

function glyphAt(text: string, index: number): Glyph {
  return (bitsAt(text, index) & GLYPH_MASK) as Glyph;
}

// Each Intl.Segmenter.segment() call sets up an ICU iterator, which costs more than segmenting
// a whole paragraph, so a paragraph is segmented once and `containing` reads only the clusters
// that hold a character outside the fast-path alphabet. No two fast-path characters ever join
// into one grapheme (none is a combining mark, joiner, prepended mark, conjoining jamo or CR),
// so everything between those clusters is one grapheme per character already.
function leadsOfGraphemes(paragraph: string, allowFastPath: boolean): string {
  const segments = graphemes.segment(paragraph);
  if (!allowFastPath) return leadsOfAll(segments);
  let text = '';
  let copied = 0;
  let index = 0;
  while (index < paragraph.length) {
    if (isFastAt(paragraph, index)) {
      index += 1;
      continue;
    }
    const cluster = segments.containing(index);
    if (cluster === undefined) break;
    text += paragraph.slice(copied, cluster.index) + leadOf(cluster.segment);
    copied = cluster.index + cluster.segment.length;
    index = copied;
  }
  return text + paragraph.slice(copied);
}

function leadsOfAll(segments: Intl.Segments): string {
  let text = '';
  for (const { segment } of segments) text += leadOf(segment);
  return text;
}

function leadOf(cluster: string): string {
  const lead = cluster.codePointAt(0) ?? 0;
  return lead > 0xffff ? ASTRAL_PLACEHOLDER : String.fromCharCode(lead);
}

function isFastAt(text: string, index: number): boolean {
  return (bitsAt(text, index) & FAST) !== 0;
}

// ---------------------------------------------------------------------------------------------
// Characters and words

function emptyCounts(): ParagraphCounts {
  return { charsWithSpaces: 0, charsWithoutSpaces: 0, words: 0, koreanChars: 0, otherWords: 0 };
}

function addCounts(total: ParagraphCounts, part: ParagraphCounts): void {
  total.charsWithSpaces += part.charsWithSpaces;
  total.charsWithoutSpaces += part.charsWithoutSpaces;
  total.words += part.words;
  total.koreanChars += part.koreanChars;
  total.otherWords += part.otherWords;
}

// Words are space-separated tokens (Korean 어절) that hold at least one word-like segment, so
// "부산시의회는", "2023년에는" and "AI(인공지능)와" are one word each, as a Korean writer counts
// them, while a lone dash or emoji is no word. Line breaks are not characters: the writer never
// typed a visible mark for them. Returns null when `fastOnly` and a character needs the
// segmenters, so the caller can fall back without scanning the paragraph twice. State lives in
// locals, not objects: this loop touches every character of the draft.
function tallyText(text: string, fastOnly: boolean): ParagraphCounts | null {
  const counts = emptyCounts();
  let spaces = 0;
  let tokenStart = 0;
  let tokenFlags = 0;
  let invisible = 0;
  for (let i = 0; i < text.length; i += 1) {
    const bits = bitsAt(text, i);
    if (fastOnly && (bits & FAST) === 0) return null;
    const glyph = bits & GLYPH_MASK;
    if (glyph === Glyph.Space || glyph === Glyph.Break) {
      if (glyph === Glyph.Space) spaces += 1;
      closeToken(counts, i - tokenStart - invisible, tokenFlags);
      tokenStart = i + 1;
      tokenFlags = 0;
      invisible = 0;
    } else if (glyph === Glyph.Invisible) {
      invisible += 1;
    } else {
      tokenFlags |= bits;
    }
  }
  closeToken(counts, text.length - tokenStart - invisible, tokenFlags);
  counts.charsWithSpaces = counts.charsWithoutSpaces + spaces;
  return counts;
}

function closeToken(counts: ParagraphCounts, chars: number, flags: number): void {
  counts.charsWithoutSpaces += chars;
  const korean = (flags & HANGUL) !== 0;
  if (korean) counts.koreanChars += chars;
  if ((flags & WORD) !== 0) {
    counts.words += 1;
    if (!korean) counts.otherWords += 1;
  }
}

// Outside the fast-path alphabet only Intl.Segmenter knows what a word is.
function countSlowly(paragraph: string, text: string, allowFastPath: boolean): ParagraphCounts {
  const counts = tallyText(text, false) ?? emptyCounts();
  return { ...counts, ...countWords(paragraph, allowFastPath) };
}

type WordCounts = Pick<ParagraphCounts, 'words' | 'otherWords'>;

// Tokens in the fast-path alphabet follow the fast rule; the others are read from one
// segmentation of the whole paragraph, so a single emoji does not cost a segmenter per token.
function countWords(paragraph: string, allowFastPath: boolean): WordCounts {
  const result: WordCounts = { words: 0, otherWords: 0 };
  let segments: Intl.Segments | undefined;
  let start = -1;
  let flags = 0;
  let fast = true;
  for (let i = 0; i <= paragraph.length; i += 1) {
    // The end of the paragraph closes the last token as a space would.
    const bits = i < paragraph.length ? bitsAt(paragraph, i) : Glyph.Space;
    const glyph = bits & GLYPH_MASK;
    if (glyph !== Glyph.Space && glyph !== Glyph.Break) {
      if (start < 0) start = i;
      flags |= bits;
      fast &&= (bits & FAST) !== 0;
      continue;
    }
    if (start < 0) continue;
    const words =
      allowFastPath && fast ? fastWords(flags) : segmenterWords((segments ??= wordSegmenter.segment(paragraph)), start, i);
    result.words += words;
    if ((flags & HANGUL) === 0) result.otherWords += words;
    start = -1;
    flags = 0;
    fast = true;
  }
  return result;
}

function fastWords(flags: number): number {
  return (flags & WORD) === 0 ? 0 : 1;
}

// Scripts written without spaces have no 어절 to lean on, so each of their words counts.
const SPACELESS_SCRIPT = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

function segmenterWords(segments: Intl.Segments, start: number, end: number): number {
  let words = 0;
  let position = start;
  while (position < end) {
    const segment = segments.containing(position);
    if (segment === undefined) break;
    if (segment.isWordLike && (words === 0 || SPACELESS_SCRIPT.test(segment.segment))) words += 1;
    position = segment.index + segment.segment.length;
  }
  return words;
}

// ---------------------------------------------------------------------------------------------
// 원고지 layout

interface Grid {
  readonly cellsPerRow: number;
  rows: number;
  /** Cells used in the current row. */
  col: number;
}

function newGrid(sheet: ManuscriptSheet): Grid {
  const { cellsPerRow, rowsPerSheet } = sheet;
  if (!Number.isInteger(cellsPerRow) || cellsPerRow < 1 || !Number.isInteger(rowsPerSheet) || rowsPerSheet < 1) {
    throw new RangeError(`A manuscript sheet needs whole, positive cell and row counts, got ${cellsPerRow}x${rowsPerSheet}`);
  }
  return { cellsPerRow, rows: 0, col: 0 };
}

function toLayout(rows: number, sheet: ManuscriptSheet): ManuscriptLayout {
  return { rows, sheets: rows / sheet.rowsPerSheet };
}

/** Writes `count` ordinary cells, wrapping rows as they fill. Rows open only when needed. */
function placeCells(grid: Grid, count: number): void {
  if (grid.col + count <= grid.cellsPerRow) {
    grid.col += count;
    return;
  }
  let col = grid.col;
  if (col >= grid.cellsPerRow) {
    grid.rows += 1;
    col = 0;
  }
  const used = col + count;
  const extraRows = Math.ceil(used / grid.cellsPerRow) - 1;
  grid.rows += extraRows;
  grid.col = used - extraRows * grid.cellsPerRow;
}

// A space that would open a row is not written (the writer marks ∨ at the row's end instead),
// and a closing mark goes into the last cell with that row's last character, so that no row
// begins with a blank or with . , ? ” and the like.
function placeSpaceOrCloser(grid: Grid): void {
  if (grid.col < grid.cellsPerRow) grid.col += 1;
}

function placeBreak(grid: Grid): void {
  grid.rows += 1;
  grid.col = 0;
}

// Runs whose characters share cells: digits and lowercase letters two to a cell, and the
// ellipsis and dash, which are one mark however many characters were typed for them.
const Run = { None: 0, Digits: 1, Lower: 2, EllipsisChars: 3, EllipsisDots: 4, Dash: 5 } as const;
type Run = (typeof Run)[keyof typeof Run];

function runLength(text: string, start: number, glyph: Glyph): number {
  let end = start + 1;
  while (end < text.length && glyphAt(text, end) === glyph) end += 1;
  return end - start;
}

function plainRunLength(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && (bitsAt(text, end) & PLAIN) !== 0) end += 1;
  return end - start;
}

// What the writer puts on paper, after the rules have merged or dropped characters.
const Unit = { Cell: 0, Space: 1, Closer: 2, Break: 3 } as const;
type Unit = (typeof Unit)[keyof typeof Unit];

class ParagraphWriter {
  private readonly grids: readonly Grid[];
  private started = false;
  private pendingSpace = false;
  private pendingBreaks = 0;
  private run: Run = Run.None;
  /** The current two-character cell (digits, lowercase letters) has room for one more. */
  private pairOpen = false;
  /** The last mark written was . or , (with any closing quote that shares its cell). */
  private afterStop = false;

  constructor(grids: readonly Grid[]) {
    this.grids = grids;
  }

  write(text: string): void {
    let i = 0;
    while (i < text.length) {
      // Ordinary characters and then spaces are most of any text, so they are tested first
      // and a whole run of ordinary characters is placed at once.
      const bits = bitsAt(text, i);
      if ((bits & PLAIN) !== 0) {
        this.beginMark();
        i += this.plain(plainRunLength(text, i));
      } else if ((bits & GLYPH_MASK) === Glyph.Space) {
        i += this.space();
      } else {
        i += this.writeAt(text, i);
      }
    }
  }

  /** Writes the marked character or run at `index`; returns how many characters it used. */
  private writeAt(text: string, index: number): number {
    const glyph = glyphAt(text, index);
    if (glyph === Glyph.Invisible) return 1;
    if (glyph === Glyph.Break) return this.lineBreak();
    this.beginMark();
    if (glyph === Glyph.Digit) return this.pairs(Run.Digits, runLength(text, index, glyph));
    if (glyph === Glyph.Lower) return this.pairs(Run.Lower, runLength(text, index, glyph));
    if (glyph === Glyph.Ellipsis) return this.mark(Run.EllipsisChars);
    if (glyph === Glyph.Dash) return this.mark(Run.Dash);
    if (glyph === Glyph.Stop) return this.stop(text, index);
    if (glyph === Glyph.CloseQuote) return this.closeQuote();
    if (glyph === Glyph.AsciiQuote && isClosingQuote(text, index)) return this.closeQuote();
    if (glyph === Glyph.Closer) return this.single(Unit.Closer);
    return this.single(Unit.Cell);
  }

  private space(): number {
    // Leading spaces are the writer's own indent, already given by the indent cell, and a run
    // of spaces is one blank: nobody leaves two empty cells on purpose.
    if (this.started) this.pendingSpace = true;
    return 1;
  }

  private lineBreak(): number {
    // A soft line break inside a paragraph starts a new row without an indent. Spaces around
    // it are not written and trailing breaks open no empty rows.
    if (this.started) {
      this.pendingBreaks += 1;
      this.pendingSpace = false;
    }
    return 1;
  }

  private beginMark(): void {
    if (!this.started) this.openParagraph();
    else if (this.pendingSpace || this.pendingBreaks > 0) this.flushGap();
  }

  private openParagraph(): void {
    // Every paragraph starts on a new row and leaves its first cell blank (들여쓰기).
    this.started = true;
    for (const grid of this.grids) {
      grid.rows += 1;
      grid.col = 1;
    }
  }

  private flushGap(): void {
    for (; this.pendingBreaks > 0; this.pendingBreaks -= 1) this.emit(Unit.Break);
    // No blank cell after . or , ("온점과 반점 다음에는 한 칸을 비우지 않는다"): the mark sits
    // in the corner of its cell and already separates the sentences.
    if (this.pendingSpace && !this.afterStop) this.emit(Unit.Space);
    this.pendingSpace = false;
    this.resetRuns();
  }

  private plain(count: number): number {
    this.emitCells(count);
    this.resetRuns();
    return count;
  }

  // Arabic numerals and lowercase Latin letters go two to a cell ("2025" is 20|25, "cm" one
  // cell); a leftover single one takes a cell of its own. Uppercase letters are not paired:
  // practice writes capitals one to a cell ("알파벳 대문자는 한 칸에 한 자씩"), so "AI" is two.
  private pairs(run: Run, count: number): number {
    let unpaired = count;
    if (this.run === run && this.pairOpen) unpaired -= 1;
    this.resetRuns();
    if (unpaired > 0) this.emitCells(Math.ceil(unpaired / 2));
    this.run = run;
    this.pairOpen = unpaired % 2 === 1;
    return count;
  }

  // The ellipsis (줄임표, three dots to a cell, six in all) and the dash (줄표) take two cells.
  // Typing "…", "……" or "..." all mean the one mark, so a run of them still takes two cells.
  private mark(run: Run): number {
    if (this.run === run) return 1;
    this.resetRuns();
    this.emitCells(2);
    this.run = run;
    return 1;
  }

  private stop(text: string, index: number): number {
    if (text.charCodeAt(index) === DOT) {
      if (this.run === Run.EllipsisDots) return 1;
      if (text.charCodeAt(index + 1) === DOT && text.charCodeAt(index + 2) === DOT) return this.mark(Run.EllipsisDots);
    }
    this.single(Unit.Closer);
    this.afterStop = true;
    return 1;
  }

  private closeQuote(): number {
    // A closing quote right after . or , shares its cell ("온점으로 끝날 경우, 같은 칸에
    // 따옴표를 씁니다"); after ? or ! it takes the next cell.
    if (this.afterStop) return 1;
    return this.single(Unit.Closer);
  }

  private single(unit: Unit): number {
    this.emit(unit);
    this.resetRuns();
    return 1;
  }

  private resetRuns(): void {
    this.run = Run.None;
    this.pairOpen = false;
    this.afterStop = false;
  }

  private emitCells(count: number): void {
    for (const grid of this.grids) placeCells(grid, count);
  }

  private emit(unit: Unit): void {
    for (const grid of this.grids) {
      if (unit === Unit.Cell) placeCells(grid, 1);
      else if (unit === Unit.Break) placeBreak(grid);
      else placeSpaceOrCloser(grid);
    }
  }
}

// A straight quote closes when it follows a character of the same word, as in 그는 "네"라고.
function isClosingQuote(text: string, index: number): boolean {
  if (index === 0) return false;
  const before = glyphAt(text, index - 1);
  return before !== Glyph.Space && before !== Glyph.Break && before !== Glyph.Opener;
}

// Empty paragraphs take no rows. Practice leaves a blank row only for a deliberate section
// break, but in an editor empty paragraphs are mostly spacing habits (web-style blank lines
// between paragraphs), and counting them would make the sheet count depend on those habits.
function writeParagraph(text: string, grids: readonly Grid[]): void {
  new ParagraphWriter(grids).write(text);
}
