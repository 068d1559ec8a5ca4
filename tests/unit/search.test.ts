import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getChoseong } from 'es-hangul';
import { describe, expect, it, test } from 'vitest';
import { PostingArena } from '../../electron/services/drafts/search/postings.ts';
import { INITIAL_JAMO, projectText } from '../../electron/services/drafts/search/choseong.ts';
import {
  type SearchDocument,
  type SearchHit,
  SearchIndex,
} from '../../electron/services/drafts/search/index.ts';

const SAMPLE_PATH = resolve(import.meta.dirname, '../../../shared/fixtures/sample-article-ko.txt');

function draft(id: string, fields: Partial<Omit<SearchDocument, 'id'>>): SearchDocument {
  return { id, headline: '', deck: '', body: '', byline: '', tags: [], ...fields };
}

function indexOf(...docs: SearchDocument[]): SearchIndex {
  const index = new SearchIndex();
  for (const doc of docs) index.upsert(doc);
  return index;
}

function ids(hits: SearchHit[]): string[] {
  return hits.map((hit) => hit.id);
}

/** What the UI would mark: the substrings each highlight range covers, per field. */
function marked(hit: SearchHit | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const highlight of hit?.highlights ?? []) {
    out[highlight.field] = highlight.ranges.map(([start, end]) => highlight.text.slice(start, end));
  }
  return out;
}

/** The sample article split into the fields a draft has (see shared/fixtures/README.md). */
function sampleArticle(): SearchDocument {
  const lines = readFileSync(SAMPLE_PATH, 'utf8').split('\n').map((line) => line.trim());
  const bodyStart = lines.indexOf('내용') + 1;
  const bodyEnd = lines.indexOf('작성자');
  return draft('sample', {
    headline: '뿌리산업에 첨단기술 더해 글로벌 경쟁력 높여야',
    deck: '인터뷰-뿌리산업 진흥을 위한 연구모임 조상진 대표 의원',
    body: lines.slice(bodyStart, bodyEnd).filter((line) => line !== '').join('\n\n'),
    byline: lines[bodyEnd + 1] ?? '',
    tags: ['인터뷰', '부산시의회'],
  });
}

describe('SearchIndex: Korean', () => {
  it('finds 부산 inside 부산시의회 in the body and marks exactly 부산', () => {
    const index = indexOf(
      draft('council', { headline: '의원연구단체 활동', body: '올해 제9대 부산시의회는 뿌리산업 연구를 이어간다.' }),
      draft('other', { headline: '서울 소식', body: '서울시의회는 예산을 심의했다.' }),
    );
    const hits = index.search('부산');
    expect(ids(hits)).toEqual(['council']);
    const body = hits[0]!.highlights.find((highlight) => highlight.field === 'body')!;
    expect(body.ranges).toHaveLength(1);
    const [start, end] = body.ranges[0]!;
    expect(body.text.slice(start, end)).toBe('부산');
    expect(body.text.slice(end, end + 3)).toBe('시의회');
  });

  it('finds 부산 from the initials ㅂㅅ and marks the two syllables', () => {
    const index = indexOf(
      draft('busan', { headline: '부산 뿌리산업 현장' }),
      draft('seoul', { headline: '서울 디자인 주간' }),
    );
    const hits = index.search('ㅂㅅ');
    expect(ids(hits)).toEqual(['busan']);
    expect(marked(hits[0]).headline).toEqual(['부산']);
  });

  it('narrows initials as more are typed: ㅂㅅㅅ finds 부산시 but not 부산 alone', () => {
    const index = indexOf(
      draft('city', { body: '부산시는 지역 뿌리산업 성장을 지원한다.' }),
      draft('port', { body: '부산 항만의 물동량이 늘었다.' }),
    );
    expect(ids(index.search('ㅂㅅ')).sort()).toEqual(['city', 'port']);
    const hits = index.search('ㅂㅅㅅ');
    expect(ids(hits)).toEqual(['city']);
    expect(marked(hits[0]).body).toEqual(['부산시']);
  });

  it('finds 산업 inside the compound 뿌리산업', () => {
    const index = indexOf(draft('roots', { headline: '뿌리산업 진흥' }), draft('none', { headline: '연구모임 출범' }));
    const hits = index.search('산업');
    expect(ids(hits)).toEqual(['roots']);
    expect(marked(hits[0]).headline).toEqual(['산업']);
  });

  it('finds a single syllable and marks every occurrence in the headline', () => {
    const index = indexOf(draft('a', { headline: '산과 바다, 부산' }), draft('b', { headline: '바다 풍경' }));
    const hits = index.search('산');
    expect(ids(hits)).toEqual(['a']);
    expect(marked(hits[0]).headline).toEqual(['산', '산']);
  });

  it('matches a syllable-then-initial query such as 부ㅅ (typing in progress)', () => {
    const index = indexOf(
      draft('busan', { headline: '부산 소식' }),
      draft('bugs', { headline: '부가 소식' }),
      draft('sobu', { headline: '수박 소식' }),
    );
    const hits = index.search('부ㅅ');
    expect(ids(hits)).toEqual(['busan']);
    expect(marked(hits[0]).headline).toEqual(['부산']);
    expect(ids(index.search('부산ㅅ'))).toEqual([]);
    index.upsert(draft('city', { body: '부산시 소식' }));
    expect(marked(index.search('부산ㅅ')[0]).body).toEqual(['부산시']);
  });

  it('derives the same initial for every Hangul syllable as es-hangul', () => {
    const syllables = Array.from({ length: 0xd7a3 - 0xac00 + 1 }, (_, i) => String.fromCharCode(0xac00 + i)).join('');
    const projection = projectText(`${syllables} ㅋㅋ abc`)!;
    const decoded = [...projection]
      .map((ch) => (ch.charCodeAt(0) >= 0x80 ? String.fromCharCode(INITIAL_JAMO[ch.charCodeAt(0) - 0x80]!) : ch))
      .join('');
    expect(decoded).toBe(getChoseong(`${syllables} ㅋㅋ abc`, { keepNonHangul: true }));
  });
});

describe('SearchIndex: English and query syntax', () => {
  it('matches English case-insensitively, inside words, and marks the original text', () => {
    const index = indexOf(
      draft('industry', { headline: 'Root Industry Outlook' }),
      draft('music', { headline: 'Indie music' }),
    );
    for (const query of ['dustr', 'DUSTR', 'Industry']) expect(ids(index.search(query))).toEqual(['industry']);
    expect(marked(index.search('DUSTR')[0]).headline).toEqual(['dustr']);
    expect(marked(index.search('industry')[0]).headline).toEqual(['Industry']);
  });

  it('requires every term, each in any field', () => {
    const index = indexOf(
      draft('both', { headline: '부산 뿌리산업', byline: 'Kim Minji' }),
      draft('only-busan', { headline: '부산 항만' }),
      draft('only-kim', { headline: '서울 소식', byline: 'Kim Minji' }),
    );
    const hits = index.search('부산  kim');
    expect(ids(hits)).toEqual(['both']);
    expect(marked(hits[0])).toMatchObject({ headline: ['부산'], byline: ['Kim'] });
    expect(index.search('부산 lee')).toEqual([]);
  });

  it('searches tags and byline', () => {
    const index = indexOf(
      draft('tagged', { headline: '연구모임 인터뷰', tags: ['부산시의회', 'manufacturing'], byline: '조현경' }),
      draft('plain', { headline: '연구모임 소식', byline: '김민지' }),
    );
    expect(ids(index.search('시의회'))).toEqual(['tagged']);
    expect(marked(index.search('manufact')[0]).tags).toEqual(['manufact']);
    expect(index.search('manufact')[0]!.highlights[0]!.text).toBe('부산시의회, manufacturing');
    expect(ids(index.search('조현경'))).toEqual(['tagged']);
    expect(ids(index.search('ㄱㅁㅈ'))).toEqual(['plain']);
  });

  it('treats regex special characters literally', () => {
    const index = indexOf(
      draft('cpp', { headline: 'C++ guide (2판)' }),
      draft('c', { headline: 'C guide' }),
      draft('dots', { headline: 'a.b.c' }),
    );
    expect(ids(index.search('c++'))).toEqual(['cpp']);
    expect(ids(index.search('(2판)'))).toEqual(['cpp']);
    expect(ids(index.search('a.b'))).toEqual(['dots']);
    expect(index.search('.*')).toEqual([]);
    expect(index.search('[a-z]+')).toEqual([]);
    expect(marked(index.search('c++')[0]).headline).toEqual(['C++']);
  });

  it('returns nothing for an empty or blank query', () => {
    const index = indexOf(draft('a', { headline: '부산 industry' }));
    for (const query of ['', ' ', '\t\n', '\u3000']) expect(index.search(query)).toEqual([]);
  });

  it('matches decomposed (NFD) input against composed text and the other way round', () => {
    const index = indexOf(
      draft('nfc', { headline: '부산시의회 연구모임' }),
      draft('nfd', { headline: '뿌리산업 진흥'.normalize('NFD') }),
    );
    expect(ids(index.search('부산'.normalize('NFD')))).toEqual(['nfc']);
    const hits = index.search('산업');
    expect(ids(hits)).toEqual(['nfd']);
    // Highlights point into the composed text the index returns.
    expect(hits[0]!.highlights[0]!.text).toBe('뿌리산업 진흥');
    expect(marked(hits[0]).headline).toEqual(['산업']);
    // Conjoining initials typed without a vowel (macOS) count as ㅂㅅ.
    expect(ids(index.search('\u1107\u1109'))).toEqual(['nfc']);
  });
});

describe('SearchIndex: ranking and updates', () => {
  it('ranks headline matches above deck above body', () => {
    const index = indexOf(
      draft('body', { body: '이 글은 부산 이야기를 다룬다.' }),
      draft('headline', { headline: '부산시의회 연구모임' }),
      draft('deck', { deck: '부산 뿌리산업 현장을 가다' }),
    );
    expect(ids(index.search('부산'))).toEqual(['headline', 'deck', 'body']);
  });

  it('ranks whole-word matches above matches inside a word within the same field', () => {
    const index = indexOf(
      draft('inside', { headline: 'Departure times' }),
      draft('whole', { headline: 'Modern art today' }),
      draft('prefix', { headline: 'Artists at work' }),
    );
    expect(ids(index.search('art'))).toEqual(['whole', 'prefix', 'inside']);
  });

  it('ranks initials matching a whole word above a word start above the inside of a word', () => {
    const index = indexOf(
      draft('inside', { headline: '남부산시 소식' }),
      draft('start', { headline: '부산시는 오늘' }),
      draft('whole', { headline: '오늘 부산시' }),
    );
    expect(ids(index.search('ㅂㅅㅅ'))).toEqual(['whole', 'start', 'inside']);
    const short = indexOf(
      draft('inside', { headline: '대부산 소식' }),
      draft('whole', { headline: '오늘 부산' }),
      draft('start', { headline: '부산은 오늘' }),
    );
    expect(ids(short.search('ㅂㅅ'))).toEqual(['whole', 'start', 'inside']);
  });

  it('reflects removals and replacements immediately', () => {
    const index = indexOf(draft('a', { headline: '부산 뿌리산업' }), draft('b', { headline: '부산 항만' }));
    expect(index.size).toBe(2);
    index.remove('b');
    expect(index.size).toBe(1);
    expect(ids(index.search('부산'))).toEqual(['a']);
    index.upsert(draft('a', { headline: '서울 디자인' }));
    expect(index.size).toBe(1);
    expect(index.search('부산')).toEqual([]);
    expect(ids(index.search('디자인'))).toEqual(['a']);
    index.remove('missing');
    expect(index.size).toBe(1);
  });

  it('restricts results to the given ids and honours the limit', () => {
    const docs = Array.from({ length: 20 }, (_, i) => draft(`d${i}`, { headline: `부산 소식 ${i}` }));
    const index = indexOf(...docs);
    expect(index.search('부산', { limit: 5 })).toHaveLength(5);
    expect(ids(index.search('부산', { ids: new Set(['d3', 'd7', 'nope']) })).sort()).toEqual(['d3', 'd7']);
    expect(index.search('부산', { ids: new Set() })).toEqual([]);
    expect(index.search('부산', { limit: 0 })).toEqual([]);
  });

  it('agrees with a brute-force scan after many saves, removals and a compaction', () => {
    const words = [
      ...['부산', '부산시의회', '뿌리산업', '산업', '연구모임', '조상진', 'industry', 'Busan', '경쟁력', '기술'],
      ...['부산은', '“뿌리산업”', '(산업)', 'industry.', 'Industrial', '산', '시', '부산·경남'],
    ];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = (): string => words[Math.floor(random() * words.length)]!;
    const phrase = (n: number): string => Array.from({ length: n }, pick).join(' ');
    const make = (id: string): SearchDocument =>
      draft(id, { headline: phrase(2), deck: phrase(3), body: phrase(20), byline: pick(), tags: [pick()] });
    const docs = new Map<string, SearchDocument>();
    const index = new SearchIndex();
    for (let i = 0; i < 300; i++) docs.set(`d${i}`, make(`d${i}`));
    for (const doc of docs.values()) index.upsert(doc);
    for (let i = 0; i < 100; i++) {
      const id = `d${Math.floor(random() * 300)}`;
      if (random() < 0.3) {
        docs.delete(id);
        index.remove(id);
      } else {
        docs.set(id, make(id));
        index.upsert(docs.get(id)!);
      }
    }
    const initials = (text: string): string =>
      [...text].map((ch) => (ch >= '가' && ch <= '힣' ? getChoseong(ch) : ch)).join('');
    const fields = (doc: SearchDocument): string[] =>
      [doc.headline, doc.deck, doc.body, doc.byline, doc.tags.join(', ')].map((text) => text.toLowerCase());
    const expected = (query: string): string[] =>
      [...docs.values()]
        .filter((doc) =>
          query.split(' ').every((term) =>
            fields(doc).some((text) => (/^[ㄱ-ㅎ]+$/.test(term) ? initials(text) : text).includes(term)),
          ),
        )
        .map((doc) => doc.id)
        .sort();
    const queries = [
      ...['산', '부산', '산업 기술', 'ㅂㅅ', 'ㅂㅅㅅ', 'dustr', 'busan 조상진', '리산', 'ㄱㅈ', '모임 industry'],
      ...['ㅃㄹㅅㅇ', 'ㅅㅇ', 'industr', '뿌리산업', 'ㅂㅅㅇ', '부산시', '(산업)', 'ㄱㅈㄹ'],
    ];
    const check = (): void => {
      for (const query of queries) {
        const all = index.search(query, { limit: 1000 });
        expect(ids(all).sort(), query).toEqual(expected(query));
        // Best first, and a short page is the head of the full ranking.
        for (let i = 1; i < all.length; i++) expect(all[i]!.score).toBeLessThanOrEqual(all[i - 1]!.score);
        const page = index.search(query, { limit: 5 });
        expect(ids(page), query).toEqual(ids(all.slice(0, 5)));
        expect(page.map((hit) => hit.score)).toEqual(all.slice(0, 5).map((hit) => hit.score));
      }
    };
    check();
    index.compact();
    check();
  });
});

describe('SearchIndex: the sample article as a draft', () => {
  const article = sampleArticle();
  const index = indexOf(article, draft('unrelated', { headline: 'Design week in Seoul', body: '서울 디자인 주간' }));

  it('finds it by headline words, deck words, initials, English terms and the byline', () => {
    for (const query of ['뿌리산업', '첨단기술', '조상진', 'ㅃㄹㅅㅇ', 'iot', 'AI 인공지능', '조현경', '부산시의회 간담회']) {
      expect(ids(index.search(query)), query).toEqual(['sample']);
    }
    expect(article.byline).toBe('조현경');
  });

  it('gives a body snippet of about 120 characters around the first match', () => {
    const hit = index.search('사물인터넷')[0]!;
    const body = hit.highlights.find((highlight) => highlight.field === 'body')!;
    expect(body.text.length).toBeGreaterThan(80);
    expect(body.text.length).toBeLessThanOrEqual(125);
    expect(body.ranges.map(([start, end]) => body.text.slice(start, end))).toEqual(['사물인터넷']);
    const offset = body.offset ?? 0;
    expect(article.body.slice(offset, offset + body.text.length)).toBe(body.text);
  });

  it('marks each 부산 exactly, in the body snippet and the tags', () => {
    const hit = index.search('부산')[0]!;
    for (const highlight of hit.highlights) {
      for (const [start, end] of highlight.ranges) expect(highlight.text.slice(start, end)).toBe('부산');
    }
    expect(hit.highlights.map((highlight) => highlight.field).sort()).toEqual(['body', 'tags']);
  });
});

describe('PostingArena', () => {
  // Regression: a block ending exactly at a chunk's end left the next allocation pointing into a
  // chunk that did not exist, and the next save of a long draft threw inside the index.
  test('keeps allocating after a block ends exactly at a chunk boundary', () => {
    const arena = new PostingArena();
    const full = arena.newGram();
    const block = new Int32Array(1024).fill(1);
    for (let i = 0; i < 1022; i++) arena.appendRun(full, block, 0, 1024);
    const filler = arena.newGram();
    arena.appendRun(filler, new Int32Array([2, 3]), 0, 2);
    const next = arena.newGram();
    expect(() => arena.appendRun(next, new Int32Array([4]), 0, 1)).not.toThrow();
    expect(arena.lengthOf(next)).toBe(1);
    expect(arena.lengthOf(full)).toBe(1022 * 1024);
  });
});
