import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MAX_TAG_LENGTH, maxLengthOf, type TextField, toSlug } from '../../electron/model/article.ts';
import { servicesIn } from '../support/services.ts';
import { type TempDir, tempDir } from '../support/temp.ts';

// What the article's fields let a writer type is what a save takes: a field the contract would
// refuse stops every save of the draft, body included, so the inputs stop at the contract's own
// limits and the slug is made valid as it is typed.

let dir: TempDir;
let run: ReturnType<typeof servicesIn>;
beforeEach(() => {
  dir = tempDir();
  run = servicesIn(dir.path, () => new Date('2025-04-01T08:30:00+09:00'));
});
afterEach(() => {
  run.services.close();
  dir.remove();
});

const FIELDS: TextField[] = ['issue', 'section', 'kicker', 'headline', 'deck', 'byline', 'source', 'slug', 'excerpt', 'footer'];

async function saveWith(fields: Record<string, unknown>) {
  const draft = run.services.drafts.create();
  return run.dispatch('drafts.save', { id: draft.id, baseRevision: draft.revision, article: { ...draft.article, body: JSON.stringify(draft.article.body), ...fields } });
}

describe('the article fields', () => {
  test('a field filled to its input\'s limit saves, one character more is refused', async () => {
    for (const field of FIELDS) {
      const full = field === 'slug' ? toSlug('부'.repeat(maxLengthOf(field) + 40)) : '부'.repeat(maxLengthOf(field));
      expect(full).toHaveLength(maxLengthOf(field));
      expect(await saveWith({ [field]: full }), field).toMatchObject({ ok: true });
      expect(await saveWith({ [field]: `${full}산` }), field).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await saveWith({ tags: ['가'.repeat(MAX_TAG_LENGTH)] })).toMatchObject({ ok: true });
  });

  test('whatever is typed into the slug becomes one a save takes', async () => {
    const typed = ['Busan-Port', '부산 원도심 재생', 'Hello_World 2025!', 'A/B?c=d#e', 'ÉCOLE', '  ', 'İstanbul', '뿌리산업'];
    expect(typed.map(toSlug)).toEqual(['busan-port', '부산-원도심-재생', 'hello-world-2025', 'abcde', 'école', '-', 'istanbul', '뿌리산업']);
    for (const slug of typed.map(toSlug)) expect(await saveWith({ slug }), slug).toMatchObject({ ok: true });
  });

  test('a new draft is dated the writer\'s day, as its issue number is', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Seoul';
    try {
      run.services.preferences.update({ publications: [{ id: 'busan', name: '부산이라좋다', issuePattern: '제YYYYMM호', captionPrefix: '△', footerTemplate: '', defaultSection: '', defaultSource: '' }] });
      const draft = run.services.drafts.create('busan');
      expect(draft.article.issue).toBe('제202504호');
      expect(draft.article.dateWritten).toBe('2025-04-01');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
