import { describe, expect, test } from 'vitest';
import { type ArticleFields, ArticleFields as ArticleSchema, emptyBody } from '../../electron/model/article.ts';
import { diffArticles } from '../../renderer/features/history/article-diff.ts';
import { diffParagraphs, diffSequence, diffWords, type Part, tokenize } from '../../renderer/features/history/diff.ts';

// Reassembling each side from the parts must give back the two texts exactly.
function sides(parts: readonly Part[]): { before: string; after: string } {
  let before = '';
  let after = '';
  for (const part of parts) {
    if (part.op !== 'insert') before += part.text;
    if (part.op !== 'delete') after += part.text;
  }
  return { before, after };
}

const changed = (parts: readonly Part[], op: 'delete' | 'insert') => parts.filter((p) => p.op === op).map((p) => p.text);

describe('tokens', () => {
  test('Hangul, Latin and digits make words; spaces and punctuation stand apart', () => {
    expect(tokenize('부산시의회는 3일, "Busan" 회의를 열었다.')).toEqual([
      '부산시의회는', ' ', '3일', ',', ' ', '"', 'Busan', '"', ' ', '회의를', ' ', '열었다', '.',
    ]);
  });
});

describe('word diff', () => {
  test('identical text has no changes', () => {
    const text = '뿌리산업에 첨단기술 더해 글로벌 경쟁력 높여야';
    expect(diffWords(text, text)).toEqual([{ op: 'equal', text }]);
    expect(diffWords('', '')).toEqual([]);
    expect(diffParagraphs(['a', 'b'], ['a', 'b']).every((c) => c.kind === 'equal')).toBe(true);
  });

  test('an English word swapped shows as one deletion and one insertion', () => {
    const parts = diffWords('The council met on Monday to vote.', 'The council met on Tuesday to vote.');
    expect(changed(parts, 'delete')).toEqual(['Monday']);
    expect(changed(parts, 'insert')).toEqual(['Tuesday']);
    expect(sides(parts)).toEqual({ before: 'The council met on Monday to vote.', after: 'The council met on Tuesday to vote.' });
  });

  test('a Korean 어절 changed shows whole, not as scattered syllables', () => {
    const before = '부산시의회는 뿌리산업 지원 조례를 통과시켰다.';
    const after = '부산시의회가 뿌리산업 지원 조례를 어제 통과시켰다.';
    const parts = diffWords(before, after);
    expect(changed(parts, 'delete')).toEqual(['부산시의회는']);
    // Where the space around an inserted word goes is arbitrary: either side reads the same.
    expect(changed(parts, 'insert').map((text) => text.trim())).toEqual(['부산시의회가', '어제']);
    expect(sides(parts)).toEqual({ before, after });
  });

  test('several neighbouring words replaced read as one change, spaces included', () => {
    const parts = diffWords('시작 하나 둘 셋 끝', '시작 one two three 끝');
    expect(parts).toEqual([
      { op: 'equal', text: '시작 ' },
      { op: 'delete', text: '하나 둘 셋' },
      { op: 'insert', text: 'one two three' },
      { op: 'equal', text: ' 끝' },
    ]);
  });

  test('text added to an empty field, and a field emptied', () => {
    expect(diffWords('', '새 부제')).toEqual([{ op: 'insert', text: '새 부제' }]);
    expect(diffWords('old deck', '')).toEqual([{ op: 'delete', text: 'old deck' }]);
  });

  test('the edit script is minimal and round-trips on mixed random edits', () => {
    const words = ['가', '나', 'cat', 'dog', '1', ',', ' '];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: Math.floor(random() * 30) }, () => words[Math.floor(random() * words.length)]!).join('');
      const b = Array.from({ length: Math.floor(random() * 30) }, () => words[Math.floor(random() * words.length)]!).join('');
      expect(sides(diffWords(a, b))).toEqual({ before: a, after: b });
    }
    // abcabba → cbabac is Myers' own example: 5 edits.
    const steps = diffSequence([...'abcabba'], [...'cbabac']);
    expect(steps.filter((s) => s !== 'equal')).toHaveLength(5);
  });
});

describe('paragraph diff', () => {
  test('an edited paragraph is diffed word by word, a new one is added whole', () => {
    const changes = diffParagraphs(
      ['첫 문단입니다.', 'The second paragraph stays.', '셋째 문단은 고칩니다.'],
      ['첫 문단입니다.', '새로 넣은 문단.', 'The second paragraph stays.', '셋째 문단은 바꿉니다.'],
    );
    expect(changes.map((c) => c.kind)).toEqual(['equal', 'added', 'equal', 'changed']);
    const edited = changes[3]!;
    expect(edited.kind === 'changed' && changed(edited.parts, 'delete')).toEqual(['고칩니다']);
  });

  test('a paragraph rewritten from scratch is a removal and an addition', () => {
    const changes = diffParagraphs(['완전히 다른 내용'], ['Nothing in common here']);
    expect(changes).toEqual([
      { kind: 'removed', text: '완전히 다른 내용' },
      { kind: 'added', text: 'Nothing in common here' },
    ]);
  });

  test('a 1,000-paragraph draft: the right changes, and the time it takes printed', () => {
    const paragraph = (n: number) =>
      `문단 ${n}: 부산시의회 연구모임은 뿌리산업에 첨단기술을 더해 글로벌 경쟁력을 높여야 한다고 밝혔다. Paragraph ${n} of the draft, with some English words mixed in.`;
    const before = Array.from({ length: 1000 }, (_, n) => paragraph(n));
    const after = before.map((text, n) => (n % 97 === 0 ? text.replace('높여야', '키워야') : text));
    after.splice(500, 0, '새 문단이 중간에 들어갔다.');
    after.splice(10, 1);
    // Printed, not asserted: a shared build machine's load is not the code's speed. The best of
    // a few runs after a warm-up is the figure closest to what a writer's machine does.
    const time = (run: () => unknown) => {
      run();
      let best = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 3; round++) {
        const started = performance.now();
        run();
        best = Math.min(best, performance.now() - started);
      }
      return best.toFixed(1);
    };
    const changes = diffParagraphs(before, after);
    console.log(`diff of 1,000 paragraphs (11 edited, 1 added, 1 removed): ${time(() => diffParagraphs(before, after))} ms`);
    expect(changes.filter((c) => c.kind === 'changed')).toHaveLength(11);
    expect(changes.filter((c) => c.kind === 'added')).toHaveLength(1);
    expect(changes.filter((c) => c.kind === 'removed')).toHaveLength(1);

    // The worst case: a word replaced in every paragraph, so no paragraph matches whole.
    // (One paragraph left alone still shows as unchanged, though the paragraph diff gives up.)
    const everywhere = before.map((text, n) => (n === 500 ? text : text.replace('연구모임은', '연구회는')));
    const worst = diffParagraphs(before, everywhere);
    console.log(`diff of 1,000 paragraphs, every one edited: ${time(() => diffParagraphs(before, everywhere))} ms`);
    expect(worst.filter((c) => c.kind === 'changed')).toHaveLength(999);
    expect(worst[500]).toEqual({ kind: 'equal', text: before[500] });
  });
});

describe('article diff', () => {
  const body = (...texts: string[]) => ({
    root: {
      ...emptyBody().root,
      children: texts.map((text) => ({ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] })),
    },
  });
  const article = (fields: Partial<ArticleFields>): ArticleFields => ArticleSchema.parse({ body: emptyBody(), ...fields });

  test('headline, deck, tags and body are compared; identical articles are unchanged', () => {
    const before = article({ headline: '뿌리산업 지원', deck: '부제', tags: ['산업'], body: body('본문 하나') });
    const after = article({ headline: '뿌리산업 육성', deck: '부제', tags: ['산업', '부산'], body: body('본문 하나', '본문 둘') });
    const diff = diffArticles(before, after);
    expect(diff.changed).toBe(true);
    expect(diff.fields.map((f) => f.field)).toEqual(['headline', 'tags']);
    expect(changed(diff.fields[0]!.parts, 'delete')).toEqual(['지원']);
    expect(diff.body.map((c) => c.kind)).toEqual(['equal', 'added']);
    expect(diffArticles(before, before)).toMatchObject({ changed: false, fields: [] });
  });
});
