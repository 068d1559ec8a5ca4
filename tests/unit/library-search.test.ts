import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SearchResult } from '../../electron/model/search.ts';
import { paragraphsToBody } from '../support/articles.ts';
import { servicesIn } from '../support/services.ts';
import { type TempDir, tempDir } from '../support/temp.ts';

// A search shows its best hundred matches. The library's filters narrow the search itself, not
// that first hundred: an editor asking for the published drafts about 부산 gets every one.

let dir: TempDir;
let run: ReturnType<typeof servicesIn>;
beforeEach(() => {
  dir = tempDir();
  run = servicesIn(dir.path);
});
afterEach(() => {
  run.services.close();
  dir.remove();
});

async function search(input: Record<string, unknown>): Promise<SearchResult[]> {
  const result = await run.dispatch('drafts.search', { scope: 'active', ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as SearchResult[];
}

describe('searching the library with filters', () => {
  test('a filter applies before the limit, so every matching draft is found', async () => {
    const { drafts } = run.services;
    for (let index = 0; index < 150; index++) {
      const draft = drafts.create();
      drafts.save(draft.id, draft.revision, { ...draft.article, headline: `항만 소식 ${index}`, byline: index % 2 ? '조현경' : '박서연', body: paragraphsToBody([`부산항 물동량 기사 ${index}`]) });
      if (index >= 140) drafts.setStatus(draft.id, 'published');
    }

    expect(await search({ query: '부산' })).toHaveLength(100);
    const published = await search({ query: '부산', filters: { status: 'published' } });
    expect(published.map((result) => result.draft.headline).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `항만 소식 ${140 + i}`).sort());
    expect(published.every((result) => result.highlights.some((highlight) => highlight.field === 'body'))).toBe(true);
    const both = await search({ query: '부산', filters: { status: 'published', byline: '조현경' } });
    expect(both.map((result) => result.draft.headline).sort()).toEqual(['항만 소식 141', '항만 소식 143', '항만 소식 145', '항만 소식 147', '항만 소식 149']);
    expect(await search({ query: '부산', filters: { section: '없는 분류' } })).toEqual([]);
  });

  test('a filter the contract does not know is refused', async () => {
    const result = await run.dispatch('drafts.search', { query: '부산', scope: 'active', filters: { headline: '항만' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
