import { CharIds } from './char-ids.ts';
import { GramTable } from './gram-table.ts';
import { DocGrams, type FieldSink, INITIAL_GRAM_KEYS, indexField, type StoredField } from './grams.ts';
import { buildHighlights } from './highlight.ts';
import { verify } from './matching.ts';
import { fold, parseQuery, toNfc } from './normalize.ts';
import { PendingPostings } from './pending.ts';
import { MASK_BITS, MAX_DOC_INDEX, PostingArena, QUALITY_MASK } from './postings.ts';
import { rankLazily } from './ranking.ts';
import { SCORE_OF_MASK } from './scoring.ts';
import {
  type Candidate,
  FIELDS_SHIFT,
  type GramSource,
  matchTerm,
  PENDING,
  type Plan,
  planTerm,
  type TermMatches,
} from './terms.ts';
import { InitialTrigrams } from './trigrams.ts';
import type { SearchDocument, SearchHit, SearchOptions } from './types.ts';

export type { FieldHighlight, SearchDocument, SearchField, SearchHit, SearchOptions } from './types.ts';

// In-memory full-text index over drafts, for the main process.
//
// Search is a candidate filter followed by verification. Each query term is looked up as
// grams (its characters for a one-character term, its adjacent pairs otherwise) in posting
// lists that record, per draft and field, whether the gram occurs there and how (inside a
// word, at a word start, as a whole word, ending a word). For terms of one or two characters
// the lists are exact, so no text is read at all. For longer terms the lists give candidates
// and an upper bound of their score; indexOf confirms them lazily, only for the candidates
// that reach the top of the ranking (ranking.ts). Terms with initial consonants (ㅂㅅ, 부ㅅ)
// run the same way over a projection of the text onto initials (choseong.ts), with a
// per-draft set of initial trigrams (trigrams.ts) to filter ㅇㄱㅁㅇ-like terms.
// A save never updates lists in place: it retires the old version and appends the new one,
// and compact() drops what was retired.

interface DocRecord extends Candidate {
  id: string;
  /** Position in `records`; grows with every save, renumbered by compact(). */
  index: number;
  /** Indexed like FIELDS. */
  fields: StoredField[];
  postings: number;
}

export interface SearchIndexStats {
  documents: number;
  livePostings: number;
  /** Postings of retired versions, dropped by compact(). */
  deadPostings: number;
  postingBytes: number;
  grams: number;
}

const DEFAULT_LIMIT = 50;
// Verifications a search may spend proving bounds wrong before ranking by bound (ranking.ts):
// a few milliseconds on a slow machine.
const MAX_SETTLES = 1000;
// Compaction rewrites every list (tens of ms at 10k drafts), so it waits until retired
// versions make up a third of all postings: thousands of saves in a 10k-draft library.
const MIN_DEAD_TO_COMPACT = 1 << 18;

function fieldTexts(doc: SearchDocument): string[] {
  return [doc.headline, doc.deck, doc.body, doc.byline, doc.tags.join(', ')];
}

/** Values of every term aligned to the final survivors (each term's docs are a superset of them). */
function align(matches: TermMatches, docs: Int32Array, count: number): Int32Array {
  if (matches.docs === docs) return matches.values;
  const values = new Int32Array(count);
  for (let i = 0, j = 0; i < count; i++) {
    while (matches.docs[j] !== docs[i]) j++;
    values[i] = matches.values[j]!;
  }
  return values;
}

export class SearchIndex implements GramSource {
  readonly chars = new CharIds();
  readonly arena = new PostingArena();
  readonly textGrams = new GramTable();
  // All 380 initial grams exist from the start; there are too few to bother creating lazily.
  readonly initialGrams = Int32Array.from({ length: INITIAL_GRAM_KEYS }, () => this.arena.newGram());
  readonly trigrams = new InitialTrigrams();
  private records: Array<DocRecord | undefined> = [];
  private readonly byId = new Map<string, DocRecord>();
  private nextIndex = 0;
  private livePostings = 0;
  private deadPostings = 0;
  private readonly pending = new PendingPostings();
  private readonly sink: FieldSink = {
    chars: this.chars,
    table: this.textGrams,
    arena: this.arena,
    initialGrams: this.initialGrams,
    trigrams: this.trigrams,
    out: new DocGrams(),
  };

  get size(): number {
    return this.byId.size;
  }

  upsert(doc: SearchDocument): void {
    const displays = fieldTexts(doc).map(toNfc);
    const existing = this.byId.get(doc.id);
    // Autosave often stores what is already indexed; skip re-indexing it.
    if (existing !== undefined && existing.fields.every((field, i) => field.display === displays[i])) return;
    if (existing !== undefined) this.retire(existing);
    this.compactIfWasteful();

    if (this.nextIndex > MAX_DOC_INDEX) throw new RangeError(`search index is full (${MAX_DOC_INDEX} drafts)`);

    const index = this.nextIndex++;
    const fields = displays.map((display, i): StoredField => {
      const folded = fold(display);
      return { display, folded, projection: indexField(folded, i, index, this.sink) };
    });
    const postings = this.sink.out.flush(this.pending, index << MASK_BITS);
    if (this.pending.full) this.pending.flush(this.arena);

    const record: DocRecord = { id: doc.id, index, fields, postings };
    this.records[index] = record;
    this.byId.set(doc.id, record);
    this.livePostings += postings;
  }

  remove(id: string): void {
    const record = this.byId.get(id);
    if (record === undefined) return;
    this.retire(record);
    this.compactIfWasteful();
  }

  search(query: string, options?: SearchOptions): SearchHit[] {
    const limit = Math.floor(options?.limit ?? DEFAULT_LIMIT);
    if (!(limit > 0)) return [];
    const terms = parseQuery(query);
    if (terms.length === 0) return [];
    this.pending.flush(this.arena);

    const plans: Plan[] = [];
    for (const term of terms) {
      const plan = planTerm(term, this);
      // A gram no draft has: this term, and so the whole query, matches nothing.
      if (plan === null) return [];
      plans.push(plan);
    }
    // Most selective term first, so later terms only probe its survivors.
    plans.sort((a, b) => this.arena.lengthOf(a.grams[0]!) - this.arena.lengthOf(b.grams[0]!));

    let docs: Int32Array | null = options?.ids === undefined ? null : this.indexesOf(options.ids);
    let count = docs?.length ?? 0;
    const matches: TermMatches[] = [];
    for (const plan of plans) {
      const found = matchTerm(plan, this, this.records, docs, count);
      if (found.count === 0) return [];
      matches.push(found);
      docs = found.docs;
      count = found.count;
    }
    if (docs === null) return [];

    const survivors = docs;
    const values = matches.map((found) => align(found, survivors, count));
    const scores = new Float64Array(count);
    const pending = new Uint8Array(count);
    for (const termValues of values) {
      for (let i = 0; i < count; i++) {
        const value = termValues[i]!;
        scores[i] = scores[i]! + SCORE_OF_MASK[value & QUALITY_MASK]!;
        if ((value & PENDING) !== 0) pending[i] = 1;
      }
    }
    const settle = (position: number): number => {
      const record = this.records[survivors[position]!]!;
      let score = 0;
      for (let t = 0; t < plans.length; t++) {
        const value = values[t]![position]!;
        const plan = plans[t]!;
        let mask = value & QUALITY_MASK;
        if ((value & PENDING) !== 0) {
          mask = verify(plan.term, record.fields, (value >> FIELDS_SHIFT) & 0x1f);
          if (mask === 0) return -1;
        }
        score += SCORE_OF_MASK[mask]!;
      }
      return score;
    };

    return rankLazily(scores, survivors, count, pending, limit, settle, MAX_SETTLES).map((position) => {
      const record = this.records[survivors[position]!]!;
      return { id: record.id, score: scores[position]!, highlights: buildHighlights(record.fields, terms) };
    });
  }

  /** Write postings held back from recent saves (pending.ts) now; searches do this themselves. */
  flush(): void {
    this.pending.flush(this.arena);
  }

  /** Drop retired versions now, e.g. when the app is idle after many saves. */
  compact(): void {
    this.pending.flush(this.arena);
    const remap = new Int32Array(this.nextIndex).fill(-1);
    const records: DocRecord[] = [];
    for (let old = 0; old < this.nextIndex; old++) {
      const record = this.records[old];
      if (record === undefined) continue;
      remap[old] = records.length;
      record.index = records.length;
      records.push(record);
    }
    this.arena.compact(remap);
    this.trigrams.compact(remap, records.length);
    this.records = records;
    this.nextIndex = records.length;
    this.deadPostings = 0;
  }

  stats(): SearchIndexStats {
    this.pending.flush(this.arena);
    return {
      documents: this.byId.size,
      livePostings: this.livePostings,
      deadPostings: this.deadPostings,
      postingBytes: this.arena.bytes + this.trigrams.bytes,
      grams: this.arena.gramCount,
    };
  }

  private retire(record: DocRecord): void {
    this.records[record.index] = undefined;
    this.byId.delete(record.id);
    this.livePostings -= record.postings;
    this.deadPostings += record.postings;
  }

  private compactIfWasteful(): void {
    const dead = this.deadPostings;
    if (this.nextIndex >= MAX_DOC_INDEX || (dead > MIN_DEAD_TO_COMPACT && dead * 2 > this.livePostings)) this.compact();
  }

  private indexesOf(ids: ReadonlySet<string>): Int32Array {
    const indexes: number[] = [];
    for (const id of ids) {
      const record = this.byId.get(id);
      if (record !== undefined) indexes.push(record.index);
    }
    return Int32Array.from(indexes).sort();
  }
}
