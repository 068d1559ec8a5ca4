import type { BenchRow } from './harness.ts';
import { percentile, round } from './harness.ts';
import { $createParagraphNode, $createTextNode, $getRoot, $isTextNode, createEditor, type ElementNode } from 'lexical';
import { changedBlockKeys } from '../renderer/editor/changed-blocks.ts';
import { BlockCounts } from '../renderer/features/counts/block-counts.ts';
import { countText } from '../renderer/features/counts/manuscript.ts';

// The status bar counts the whole draft when it opens (after that, only the blocks an edit
// changed), so countText must stay well inside a frame even for a long feature. 200 timed runs
// after a short warm-up, so the p95 reflects optimised code rather than the first, interpreted
// calls, and not the one run in twenty that a collection or the other processes land in.
const PARAGRAPHS = 1_000;
const RUNS = 200;
const WARMUP_RUNS = 5;
const RECOUNT_RUNS = 400;

const KOREAN_SENTENCES = [
  '부산시의회는 지역 뿌리산업의 경쟁력 강화를 목표로 활발한 활동을 펼치고 있다.',
  '2023년 2월 결성된 연구모임은 학계 등과 협력해 다양한 정책을 발굴·추진하고 있다.',
  '조 의원은 “현장 방문과 간담회를 통해 산업 현장의 목소리를 듣고 이를 정책에 반영했다”고 강조했다.',
  'AI(인공지능)와 IoT(사물인터넷) 같은 첨단기술을 도입하는 스마트 제조 지원 방안도 논의했다.',
  '올해는 연구 성과를 바탕으로 구체적인 실행 계획 마련에 중점을 둘 예정이다.',
  '‘비즈 플랫폼’ 구축, 친환경 첨단 소성가공 부품생산기지 등 사업을 추진하고 있다.',
];

const ENGLISH_SENTENCES = [
  'The council formed a research group in February 2023 to strengthen local manufacturing.',
  "Members visited 12 sites and met engineers who said the industry's workforce is ageing.",
  'The group proposed a regional alliance — a network of firms, schools and labs.',
  'Funding for smart-factory pilots rose by 18% compared with the previous year.',
];

// Rare characters outside the fast-path alphabet, so the draft also exercises Intl.Segmenter.
const RARE_EXTRAS = ['👍', 'ㅋㅋ', 'café', '中國'];

// A small linear congruential generator: the same draft on every machine and every run.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

export function makeDraft(paragraphs = PARAGRAPHS, seed = 2025): string[] {
  const random = seededRandom(seed);
  const draft: string[] = [];
  for (let i = 0; i < paragraphs; i += 1) {
    const sentences = i % 4 === 3 ? ENGLISH_SENTENCES : KOREAN_SENTENCES;
    const parts: string[] = [];
    const count = 2 + Math.floor(random() * 4);
    for (let s = 0; s < count; s += 1) parts.push(pick(sentences, random));
    if (i % 25 === 0) parts.push(pick(RARE_EXTRAS, random));
    draft.push(parts.join(' '));
  }
  return draft;
}

export async function run(): Promise<BenchRow[]> {
  const draft = makeDraft();
  for (let i = 0; i < WARMUP_RUNS; i += 1) countText(draft);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    countText(draft);
    samples.push(performance.now() - start);
  }
  const recounts = recountAfterEdits(draft);
  return [
    {
      name: 'counts: 1,000-paragraph draft p95',
      value: round(percentile(samples, 95)),
      unit: 'ms',
      budget: 5,
      better: 'lower',
    },
    // What the status bar does when the writer pauses: count again the blocks the edit changed.
    // No budget in the issue; a millisecond is ours.
    {
      name: 'counts: recount after an edit in a 1,000-paragraph draft (editor state, per block), p95',
      value: round(percentile(recounts, 95), 3),
      unit: 'ms',
      budget: 1,
      better: 'lower',
    },
  ];
}

// The draft in a Lexical editor (headless, as in main's tests); each run types into one
// paragraph, then times the recount from the editor state.
function recountAfterEdits(draft: readonly string[]): number[] {
  const editor = createEditor({ namespace: 'bench', onError: (error) => { throw error; } });
  const counts = new BlockCounts();
  editor.registerUpdateListener((update) => counts.noteChanges(changedBlockKeys(update)));
  editor.update(() => {
    for (const text of draft) $getRoot().append($createParagraphNode().append($createTextNode(text)));
  }, { discrete: true });
  counts.count(editor.getEditorState());
  const random = seededRandom(7);
  const samples: number[] = [];
  // More runs than above: each edit allocates a new editor state, and the collections that
  // garbage brings land inside a few of the timed recounts.
  for (let i = 0; i < WARMUP_RUNS + RECOUNT_RUNS; i += 1) {
    editor.update(() => {
      const leaf = $getRoot().getChildAtIndex<ElementNode>(Math.floor(random() * draft.length))!.getFirstDescendant();
      if ($isTextNode(leaf)) leaf.setTextContent(`${leaf.getTextContent()} 가`);
    }, { discrete: true });
    const start = performance.now();
    counts.count(editor.getEditorState());
    if (i >= WARMUP_RUNS) samples.push(performance.now() - start);
  }
  return samples;
}
