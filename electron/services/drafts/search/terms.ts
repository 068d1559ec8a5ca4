import type { CharIds } from './char-ids.ts';
import { isProjectedInitial, PROJECTED_INITIAL } from './choseong.ts';
import type { GramTable } from './gram-table.ts';
import { initialBigramKey, initialUnigramKey, type StoredField } from './grams.ts';
import type { QueryTerm } from './normalize.ts';
import { END_FIELDS, END_SHIFT, gallop, MASK_BITS, type PostingArena, QUALITY_MASK } from './postings.ts';
import { FIELDS_OF_MASK } from './scoring.ts';
import { type InitialTrigrams, termTrigrams } from './trigrams.ts';

// Turning one query term into the drafts that may contain it: which posting lists to
// intersect (a plan), and the intersection itself.

/** What a term is looked up in; the index's own tables. */
export interface GramSource {
  readonly chars: CharIds;
  readonly textGrams: GramTable;
  /** Initial gram key -> gram id. */
  readonly initialGrams: Int32Array;
  readonly arena: PostingArena;
  readonly trigrams: InitialTrigrams;
}

/** The parts of a draft's record a term is checked against. */
export interface Candidate {
  fields: StoredField[];
}

export interface Plan {
  term: QueryTerm;
  /** Gram ids to intersect, shortest list first. */
  grams: number[];
  /** Positions in `grams` of the grams the term starts and ends with, or -1: they bound match quality. */
  first: number;
  last: number;
  /** True when the lists alone decide the match and its quality (terms of one or two characters). */
  exact: boolean;
  /** Initial trigrams every match must have (see trigrams.ts). */
  trigrams: number[];
}

/** Set in a match value whose mask is only an upper bound; the term must still be verified. */
export const PENDING = 1 << 20;
/** Where a pending value keeps the fields to verify. */
export const FIELDS_SHIFT = 10;

export interface TermMatches {
  docs: Int32Array;
  /** Per doc: the exact quality mask, or PENDING | fields << FIELDS_SHIFT | bound mask. */
  values: Int32Array;
  count: number;
}

// Longer terms gain little filtering from more lists, only galloping work.
const MAX_LISTS_PER_TERM = 6;

function textGram(source: GramSource, first: number, second?: number): number | undefined {
  const a = source.chars.lookup(first);
  const b = second === undefined ? 0 : source.chars.lookup(second);
  if (a === 0 || (second !== undefined && b === 0)) return undefined;
  const gram = source.textGrams.lookup(a, b);
  return gram < 0 ? undefined : gram;
}

function initialGram(source: GramSource, key: number): number | undefined {
  const gram = source.initialGrams[key]!;
  return source.arena.lengthOf(gram) === 0 ? undefined : gram;
}

/** The lists a term needs, or null when one of them is empty (no draft can match). */
export function planTerm(term: QueryTerm, source: GramSource): Plan | null {
  const text = term.text;
  // The first entry is the gram at the start of the term, `endAt` the one at its end.
  const grams: Array<number | undefined> = [];
  let startKnown = true;
  let endAt = -1;
  let trigrams: number[] = [];
  if (!term.initials) {
    if (text.length === 1) grams.push(textGram(source, text.charCodeAt(0)));
    for (let i = 0; i + 1 < text.length; i++) grams.push(textGram(source, text.charCodeAt(i), text.charCodeAt(i + 1)));
    endAt = grams.length - 1;
  } else {
    const pattern = term.pattern;
    const initialAt = (i: number): boolean => i < pattern.length && isProjectedInitial(pattern.charCodeAt(i));
    const initialOf = (i: number): number => pattern.charCodeAt(i) - PROJECTED_INITIAL;
    startKnown = initialAt(0) && initialAt(1);
    for (let i = 0; i + 1 < pattern.length; i++) {
      if (!initialAt(i) || !initialAt(i + 1)) continue;
      if (i + 2 === pattern.length) endAt = grams.length;
      grams.push(initialGram(source, initialBigramKey(initialOf(i), initialOf(i + 1))));
    }
    if (grams.length === 0) {
      for (let i = 0; i < pattern.length; i++) {
        if (initialAt(i)) grams.push(initialGram(source, initialUnigramKey(initialOf(i))));
      }
      startKnown = false;
      endAt = -1;
    }
    // The typed syllables and letters of a mixed term (부ㅅ) filter through the text grams.
    const literal = new Set(term.literal);
    for (const i of term.literal) {
      if (literal.has(i + 1)) grams.push(textGram(source, text.charCodeAt(i), text.charCodeAt(i + 1)));
      else if (!literal.has(i - 1)) grams.push(textGram(source, text.charCodeAt(i)));
    }
    trigrams = termTrigrams(pattern);
  }

  const found = grams.filter((gram): gram is number => gram !== undefined);
  if (found.length === 0 || found.length < grams.length) return null;
  const startGram = startKnown ? found[0]! : -1;
  const endGram = endAt >= 0 ? found[endAt]! : -1;
  const byLength = (a: number, b: number): number => source.arena.lengthOf(a) - source.arena.lengthOf(b);
  // The grams bounding quality are read even when they filter little; the rest, shortest first.
  const required = [...new Set([startGram, endGram].filter((gram) => gram >= 0))];
  const others = [...new Set(found)].filter((gram) => !required.includes(gram)).sort(byLength);
  const chosen = [...required, ...others.slice(0, Math.max(0, MAX_LISTS_PER_TERM - required.length))].sort(byLength);
  const exact = term.literal.length === 0 && text.length <= 2;
  return { term, grams: chosen, first: chosen.indexOf(startGram), last: chosen.indexOf(endGram), exact, trigrams };
}

/**
 * The upper bound of a term's quality mask where the lists say it may occur in `fields`:
 * a word start needs the term's first gram at a word start, and a whole word also needs its
 * last gram at a word end (recorded for headline, deck and body only).
 */
function boundMask(fields: number, firstMask: number, lastMask: number, plan: Plan): number {
  let mask = 0;
  for (let field = 0; field < 5; field++) {
    if ((fields & (1 << field)) === 0) continue;
    const start = plan.first < 0 || ((firstMask >> (field * 2)) & 3) >= 2;
    const end = plan.last < 0 || field >= END_FIELDS || (lastMask & (1 << (END_SHIFT + field))) !== 0;
    mask |= (start ? (end ? 3 : 2) : 1) << (field * 2);
  }
  return mask;
}

/**
 * Drafts whose lists contain every gram of the plan in a common field, restricted to
 * `candidates` (sorted) when given. Drives the intersection from the shortest input.
 */
export function matchTerm(
  plan: Plan,
  source: GramSource,
  records: ReadonlyArray<Candidate | undefined>,
  candidates: Int32Array | null,
  candidateCount: number,
): TermMatches {
  const lists = plan.grams.map((gram) => source.arena.read(gram));
  const cursor = new Int32Array(lists.length);
  const shortest = lists[0]!.length;
  const byCandidates = candidates !== null && candidateCount <= shortest;
  const total = byCandidates ? candidateCount : shortest;
  const docs = new Int32Array(total);
  const values = new Int32Array(total);
  let count = 0;
  let candidateCursor = 0;

  for (let k = 0; k < total; k++) {
    let doc: number;
    let mask = 0;
    let fields = 0x1f;
    let firstMask = 0;
    let lastMask = 0;
    let firstProbe = 0;
    if (byCandidates) {
      doc = candidates[k]!;
    } else {
      const posting = lists[0]![k]!;
      doc = posting >>> MASK_BITS;
      mask = posting;
      firstMask = mask;
      lastMask = mask;
      fields = FIELDS_OF_MASK[mask & QUALITY_MASK]!;
      firstProbe = 1;
    }
    const record = records[doc];
    if (record === undefined) continue;

    const target = doc << MASK_BITS;
    let matched = true;
    for (let j = firstProbe; j < lists.length; j++) {
      const list = lists[j]!;
      const at = gallop(list, cursor[j]!, list.length, target);
      cursor[j] = at;
      if (at >= list.length || list[at]! >>> MASK_BITS !== doc) {
        matched = false;
        break;
      }
      const posted = list[at]!;
      if (j === 0) mask = posted;
      if (j === plan.first) firstMask = posted;
      if (j === plan.last) lastMask = posted;
      fields &= FIELDS_OF_MASK[posted & QUALITY_MASK]!;
      if (fields === 0) {
        matched = false;
        break;
      }
    }
    if (!matched) continue;
    if (!byCandidates && candidates !== null) {
      candidateCursor = gallop(candidates, candidateCursor, candidateCount, doc);
      if (candidateCursor >= candidateCount || candidates[candidateCursor] !== doc) continue;
    }
    if (plan.trigrams.length > 0 && !source.trigrams.has(doc, plan.trigrams)) continue;
    docs[count] = doc;
    values[count] = plan.exact
      ? mask & QUALITY_MASK
      : PENDING | (fields << FIELDS_SHIFT) | boundMask(fields, firstMask, lastMask, plan);
    count++;
  }
  return { docs, values, count };
}
