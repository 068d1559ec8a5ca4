import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { getChoseong } from 'es-hangul';
import { type SearchDocument, SearchIndex } from '../electron/services/drafts/search/index.ts';
import { type BenchRow, percentile, round } from './harness.ts';

// Search over a 10,000-draft library. Drafts are generated deterministically: Korean ones from
// the words of the sample article plus made-up words built from its syllables (a real library
// has far more distinct words than one article, and distinct character pairs are what the
// index pays for), about a fifth English. Queries are drawn from the same vocabulary.

const DRAFTS = 10_000;
const QUERIES_PER_CLASS = 100;
const SEARCH_BUDGET_MS = 30;
const SAMPLE = new URL('../../shared/fixtures/sample-article-ko.txt', import.meta.url);

const PARTICLES = ['', '', '', '은', '는', '이', '가', '을', '를', '의', '에', '에서', '와', '과', '도', '으로'];
const SURNAMES = ['김', '이', '박', '최', '정', '조', '강', '윤', '장', '한'];
const ENGLISH = (
  'industry manufacturing council research policy city busan harbour technology innovation ' +
  'growth competitiveness foundry welding molding casting plating heat treatment supply chain ' +
  'cluster startup investment export market budget committee member interview report survey ' +
  'workers factory automation robot smart digital platform network energy carbon climate green ' +
  'transport port logistics shipping container tourism culture festival museum library school ' +
  'university student teacher health hospital welfare housing rent price inflation economy ' +
  'regional local national government mayor election vote citizen community volunteer program ' +
  'the of and to in for on with as by from at is was are were has have will would should could ' +
  'about after before during between against under over through into across within without'
).split(' ');

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Vocabulary {
  korean: string[];
  syllables: string[];
}

function vocabulary(random: () => number): Vocabulary {
  const text = readFileSync(SAMPLE, 'utf8');
  const words = new Set<string>();
  for (const match of text.matchAll(/[가-힣]{2,}/g)) words.add(match[0]);
  const syllables = [...new Set(text.match(/[가-힣]/g) ?? [])];
  const korean = [...words];
  // Made-up words: names of places, people and firms a real library is full of.
  for (let i = 0; i < 4000; i++) {
    const length = 2 + Math.floor(random() * 3);
    let word = '';
    for (let j = 0; j < length; j++) word += syllables[Math.floor(random() * syllables.length)]!;
    korean.push(word);
  }
  return { korean, syllables };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function koreanSentence(random: () => number, words: readonly string[], length: number): string {
  const parts: string[] = [];
  for (let i = 0; i < length; i++) parts.push(pick(random, words) + pick(random, PARTICLES));
  return `${parts.join(' ')}.`;
}

function englishSentence(random: () => number, length: number): string {
  const parts: string[] = [];
  for (let i = 0; i < length; i++) parts.push(pick(random, ENGLISH));
  const sentence = parts.join(' ');
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
}

function body(random: () => number, sentence: () => string): string {
  const target = 1500 + Math.floor(random() * 1500);
  const paragraphs: string[] = [];
  let paragraph: string[] = [];
  let length = 0;
  while (length < target) {
    const next = sentence();
    paragraph.push(next);
    length += next.length + 1;
    if (paragraph.length >= 4 + Math.floor(random() * 3)) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
  return paragraphs.join('\n\n');
}

export function generateDrafts(count: number, seed = 20250310): { drafts: SearchDocument[]; vocabulary: Vocabulary } {
  const random = prng(seed);
  const vocab = vocabulary(random);
  const drafts: SearchDocument[] = [];
  for (let i = 0; i < count; i++) {
    const id = `draft-${i.toString().padStart(5, '0')}`;
    if (random() < 0.2) {
      drafts.push({
        id,
        headline: englishSentence(random, 6 + Math.floor(random() * 5)),
        deck: englishSentence(random, 14 + Math.floor(random() * 10)),
        body: body(random, () => englishSentence(random, 8 + Math.floor(random() * 14))),
        byline: `${pick(random, ['Kim', 'Lee', 'Park', 'Choi'])} ${pick(random, ['Minji', 'Jisoo', 'Hyun', 'Sora'])}`,
        tags: [pick(random, ENGLISH), pick(random, ENGLISH)],
      });
    } else {
      drafts.push({
        id,
        headline: koreanSentence(random, vocab.korean, 5 + Math.floor(random() * 4)).slice(0, -1),
        deck: koreanSentence(random, vocab.korean, 10 + Math.floor(random() * 8)),
        body: body(random, () => koreanSentence(random, vocab.korean, 6 + Math.floor(random() * 10))),
        byline: `${pick(random, SURNAMES)}${pick(random, vocab.syllables)}${pick(random, vocab.syllables)}`,
        tags: [pick(random, vocab.korean), pick(random, vocab.korean), pick(random, vocab.korean)],
      });
    }
  }
  return { drafts, vocabulary: vocab };
}

type QueryClass = 'one syllable' | 'two syllables' | 'many syllables' | 'initial consonants' | 'English';

export function queries(random: () => number, vocab: Vocabulary): Record<QueryClass, string[]> {
  const twoOrMore = vocab.korean.filter((word) => word.length >= 2);
  const many = vocab.korean.filter((word) => word.length >= 3);
  const draw = (make: () => string): string[] => Array.from({ length: QUERIES_PER_CLASS }, make);
  return {
    'one syllable': draw(() => pick(random, vocab.syllables)),
    'two syllables': draw(() => {
      const word = pick(random, twoOrMore);
      const at = Math.floor(random() * (word.length - 1));
      return word.slice(at, at + 2);
    }),
    'many syllables': draw(() => pick(random, many)),
    'initial consonants': draw(() => getChoseong(pick(random, twoOrMore).slice(0, 2 + Math.floor(random() * 3)))),
    English: draw(() => {
      const word = pick(random, ENGLISH.filter((candidate) => candidate.length >= 5));
      const length = 3 + Math.floor(random() * (word.length - 2));
      const at = Math.floor(random() * (word.length - length + 1));
      const part = word.slice(at, at + length);
      return random() < 0.5 ? part.toUpperCase() : part;
    }),
  };
}

/** JS heap plus typed-array memory: posting lists live in ArrayBuffers, outside heapUsed. */
function heapAndBuffers(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function collectGarbage(): () => void {
  // bench/run.ts runs without --expose-gc; the flag can still be set at run time.
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? () => void gc() : () => {};
}

export async function run(): Promise<BenchRow[]> {
  const gc = collectGarbage();
  const rows: BenchRow[] = [];
  const { drafts, vocabulary: vocab } = generateDrafts(DRAFTS);

  gc();
  const heapBefore = heapAndBuffers();
  const index = new SearchIndex();
  const started = performance.now();
  for (const draft of drafts) index.upsert(draft);
  // Saves hold some postings back for batching; a fair build time includes writing them.
  index.flush();
  const buildMs = performance.now() - started;
  rows.push({ name: 'search index build (10k drafts)', value: round(buildMs), unit: 'ms', budget: 3000, better: 'lower' });

  // A save: a draft with its body edited to 3,000 characters, re-indexed in the full library.
  const saves: number[] = [];
  const random = prng(42);
  for (let i = 0; i < 200; i++) {
    const draft = drafts[Math.floor(random() * drafts.length)]!;
    const edit = ` 수정 ${i}`;
    const body = `${draft.body} ${draft.body}`.slice(0, 3000 - edit.length) + edit;
    const start = performance.now();
    index.upsert({ ...draft, body });
    saves.push(performance.now() - start);
  }
  rows.push({
    name: 'search index upsert p95: 3,000-char draft (10k drafts)',
    value: round(percentile(saves, 95), 3),
    unit: 'ms',
    budget: 2,
    better: 'lower',
  });

  // Warm up on other queries than the ones measured.
  for (const query of Object.values(queries(prng(8), vocab)).flat()) index.search(query);
  const byClass = queries(prng(7), vocab);
  for (const [name, list] of Object.entries(byClass)) {
    const samples: number[] = [];
    for (const query of list) {
      const start = performance.now();
      index.search(query);
      samples.push(performance.now() - start);
    }
    rows.push({
      name: `search p95: ${name} (10k drafts)`,
      value: round(percentile(samples, 95)),
      unit: 'ms',
      budget: SEARCH_BUDGET_MS,
      better: 'lower',
    });
  }

  // What the index holds once the caller's draft objects are gone, its text copies included.
  drafts.length = 0;
  gc();
  // A second pass after a turn of the event loop frees what the first only finalized.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const heapMb = (heapAndBuffers() - heapBefore) / 2 ** 20;
  rows.push({ name: 'search index heap (10k drafts)', value: round(heapMb, 1), unit: 'MB', budget: 512, better: 'lower' });
  if (index.size !== DRAFTS) throw new Error(`index holds ${index.size} drafts, expected ${DRAFTS}`);
  return rows;
}
