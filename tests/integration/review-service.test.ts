import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Draft, LexicalDocument } from '../../electron/model/article.ts';
import type { PublishJob } from '../../electron/model/publishing.ts';
import { emptyReview, type ReviewData } from '../../electron/model/review.ts';
import type { Site } from '../../electron/model/site.ts';
import { createServices, type Services } from '../../electron/services/index.ts';
import { paragraphsToBody } from '../support/articles.ts';
import { body, p, text } from '../support/block-bodies.ts';
import { startFaultProxy } from '../support/fault-proxy.ts';
import { memorySecretBox } from '../support/secret-box.ts';
import { tempDir, type TempDir } from '../support/temp.ts';
import { useWordPress, type WordPressRole, type WordPressSite } from '../support/wordpress.ts';

// Editorial review between two machines through the real WordPress: the author's app and the
// editor's app each have their own data folder (their own drafts, outbox and review data), and
// meet only on the site, as a writer and an editor on two laptops do.

const wordpress = useWordPress();
const tag = `리뷰${Date.now().toString(36)}`;

interface App {
  services: Services;
  dir: TempDir;
  site: Site;
  changed: string[];
  // Lets a test step in before a request leaves this machine.
  beforeFetch: ((url: string, init: RequestInit | undefined) => Promise<void>) | null;
}

const apps: App[] = [];

async function startApp(role: WordPressRole, url?: string): Promise<App> {
  const wp = wordpress();
  const dir = tempDir(`pressroom-review-${role}-`);
  const app = { dir, changed: [] as string[], beforeFetch: null } as unknown as App;
  app.services = createServices({
    dataDir: dir.path,
    preferencesFile: new Conf<Record<string, unknown>>({ cwd: dir.path, configName: 'preferences', projectName: 'pressroom' }),
    events: {
      emit(event, payload) {
        if (event === 'review.changed') app.changed.push((payload as { draftId: string }).draftId);
      },
    },
    secrets: memorySecretBox(),
    publishingBackoffMs: () => 50,
    assetCollectionDelayMs: 3_600_000,
    reviewRefreshMs: 0,
    fetch: async (input, init) => {
      if (app.beforeFetch) await app.beforeFetch(String(input), init);
      return fetch(input, init);
    },
  });
  app.site = await app.services.sites.add(url ?? wp.url, wp.users[role].username, wp.users[role].appPassword);
  apps.push(app);
  return app;
}

let author: App;
let editor: App;
let contributor: App;

beforeAll(async () => {
  author = await startApp('author');
  editor = await startApp('editor');
  contributor = await startApp('contributor');
});

afterAll(() => {
  for (const app of apps) {
    app.services.close();
    app.dir.remove();
  }
});

// Every job this app has queued has run (or is waiting to retry).
async function settle(...which: App[]): Promise<void> {
  await Promise.all(which.map((app) => app.services.publishing.runner.idle()));
}

function done(app: App, job: PublishJob | null): PublishJob {
  expect(job).not.toBeNull();
  const now = app.services.publishing.jobs().find((candidate) => candidate.id === job!.id)!;
  expect(now.error).toBeNull();
  expect(now.state).toBe('done');
  return now;
}

function writeDraft(app: App, headline: string, content: LexicalDocument): Draft {
  const draft = app.services.drafts.create();
  app.services.drafts.save(draft.id, draft.revision, { ...draft.article, headline, byline: '조현경', body: content });
  return app.services.drafts.get(draft.id);
}

async function editAs(wp: WordPressSite, role: WordPressRole, postId: number, json: unknown): Promise<Response> {
  return wp.rest(`/wp/v2/posts/${postId}`, { as: role, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
}

async function postAsAdmin(wp: WordPressSite, postId: number): Promise<{ status: string; content: { raw: string }; meta: Record<string, string>; modified_gmt: string }> {
  const response = await wp.rest(`/wp/v2/posts/${postId}?context=edit`, { as: 'admin' });
  expect(response.status).toBe(200);
  return (await response.json()) as never;
}

async function siteReview(wp: WordPressSite, postId: number): Promise<ReviewData> {
  const meta = (await postAsAdmin(wp, postId)).meta['pressroom_review'];
  return meta ? (JSON.parse(meta) as ReviewData) : emptyReview();
}

type Json = { type: string; version: number; [key: string]: unknown };
const element = { direction: null, format: '', indent: 0, version: 1 };
const mark = (id: string, ...children: Json[]): Json => ({ ...element, type: 'mark', ids: [id], children });
const inserted = (id: string, ...children: Json[]): Json => ({ ...element, type: 'suggestion-insert', suggestionId: id, author: 'Editor', at: '2025-03-10T09:00:00.000Z', children });

const idOf = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 12)}`;

describe('a review between two machines', () => {
  test('submit, comment and suggest, return, accept and resubmit, approve and publish: the page carries none of it', { timeout: 180_000 }, async () => {
    const wp = wordpress();
    const headline = `${tag} 뿌리산업 기사`;
    const draft = writeDraft(author, headline, paragraphsToBody(['부산은 뿌리산업의 도시다.', '기술을 더해 경쟁력을 높여야 한다.']));
    expect(await author.services.review.me(draft.id)).toMatchObject({ role: 'author', person: { name: 'Author', siteId: author.site.id }, siteId: author.site.id });

    // The writer submits: a pending post with the review data (the timeline so far).
    const submitted = await author.services.review.transition(draft.id, author.site.id, 'submit', '');
    expect(submitted.status).toBe('in_review');
    expect(submitted.review.timeline).toMatchObject([{ action: 'submit', from: 'draft', to: 'in_review', by: { name: 'Author' } }]);
    expect(submitted.review.submittedRevision).toBe(author.services.drafts.get(draft.id).revision);
    await settle(author);
    const postId = done(author, submitted.job).postId!;
    expect((await postAsAdmin(wp, postId)).status).toBe('pending');
    expect((await siteReview(wp, postId)).timeline.map((step) => step.action)).toEqual(['submit']);

    // The editor's queue has it; the editor opens it with its review data.
    const queue = await editor.services.review.refresh();
    const item = queue.find((entry) => entry.postId === postId);
    expect(item).toMatchObject({ siteId: editor.site.id, title: headline, draftId: null });
    expect(['Author', '조현경']).toContain(item!.author);
    const opened = await editor.services.review.open(editor.site.id, postId);
    expect(opened.status).toBe('in_review');
    expect(opened.article.headline).toBe(headline);
    expect(editor.services.review.queue().find((entry) => entry.postId === postId)!.draftId).toBe(opened.id);
    expect((await editor.services.review.open(editor.site.id, postId)).id).toBe(opened.id);
    expect(editor.services.review.get(opened.id).timeline.map((step) => step.action)).toEqual(['submit']);
    expect(await editor.services.review.me(opened.id)).toMatchObject({ role: 'editor', person: { name: 'Editor' } });

    // The editor comments on a passage and suggests an insertion (the editor's window puts the
    // mark and the suggestion node in the body and saves it, then records them).
    const threadId = idOf('thread');
    const suggestionId = idOf('sugg');
    const marked = body(p(text('부산은 '), mark(threadId, text('뿌리산업')), text('의 도시다.')), p(inserted(suggestionId, text('첨단')), text('기술을 더해 경쟁력을 높여야 한다.')));
    editor.services.drafts.save(opened.id, editor.services.drafts.get(opened.id).revision, { ...opened.article, body: marked });
    await editor.services.review.startThread(opened.id, threadId, '뿌리산업', '어느 업종을 말하는지 밝혀 주세요.');
    const suggested = await editor.services.review.suggest(opened.id, suggestionId, 'insert', '첨단');
    expect(suggested.threads).toHaveLength(1);
    expect(editor.changed).toContain(opened.id);
    await settle(editor);
    expect((await siteReview(wp, postId)).threads.map((thread) => thread.id)).toEqual([threadId]);

    // The writer's app learns of both from the site.
    author.changed.length = 0;
    const seen = await author.services.review.pull(draft.id);
    expect(seen.threads).toMatchObject([{ id: threadId, quote: '뿌리산업', comments: [{ text: '어느 업종을 말하는지 밝혀 주세요.', author: { name: 'Editor' } }] }]);
    expect(seen.suggestions).toMatchObject([{ id: suggestionId, kind: 'insert', text: '첨단', status: 'open', author: { name: 'Editor' } }]);
    expect(author.changed).toContain(draft.id);

    // The editor returns it with a note: the post leaves the queue (draft on the site) and
    // carries the editor's copy of the article, marks and suggestion included, while its
    // content is the text as if the suggestion were rejected.
    const returned = await editor.services.review.transition(opened.id, editor.site.id, 'return', '근거를 보강해 주세요.');
    expect(returned.status).toBe('changes_requested');
    await settle(editor);
    done(editor, returned.job);
    const afterReturn = await postAsAdmin(wp, postId);
    expect(afterReturn.status).toBe('draft');
    expect(afterReturn.content.raw).toContain('기술을 더해');
    expect(afterReturn.content.raw).not.toMatch(/첨단|suggestion|mark|thread-/);
    expect((await editor.services.review.refresh()).some((entry) => entry.postId === postId)).toBe(false);

    // The writer's app takes the returned article (nothing changed here since the submit) and
    // the new status.
    await author.services.review.pull(draft.id);
    const back = author.services.drafts.get(draft.id);
    expect(back.status).toBe('changes_requested');
    expect(JSON.stringify(back.article.body)).toContain(suggestionId);
    expect(JSON.stringify(back.article.body)).toContain(threadId);
    expect(author.services.review.get(draft.id).timeline.at(-1)).toMatchObject({ action: 'return', note: '근거를 보강해 주세요.', by: { name: 'Editor' } });

    // The writer accepts the suggestion (the window turns it into plain text), answers and
    // resolves the thread, and resubmits.
    const accepted = body(p(text('부산은 '), mark(threadId, text('뿌리산업')), text('의 도시다.')), p(text('첨단기술을 더해 경쟁력을 높여야 한다.')));
    author.services.drafts.save(draft.id, back.revision, { ...back.article, body: accepted });
    await author.services.review.decide(draft.id, suggestionId, 'accepted');
    await author.services.review.reply(draft.id, threadId, '주조·금형 업종입니다.');
    await author.services.review.resolve(draft.id, threadId, true);
    const resubmitted = await author.services.review.transition(draft.id, author.site.id, 'submit', '보강했습니다.');
    expect(resubmitted.status).toBe('in_review');
    await settle(author);
    done(author, resubmitted.job);

    // The editor sees the new text and the decisions, approves and publishes.
    await editor.services.review.pull(opened.id);
    const again = editor.services.drafts.get(opened.id);
    expect(again.status).toBe('in_review');
    expect(JSON.stringify(again.article.body)).toContain('첨단기술을 더해');
    const reviewed = editor.services.review.get(opened.id);
    expect(reviewed.suggestions[0]).toMatchObject({ status: 'accepted', decidedBy: { name: 'Author' } });
    expect(reviewed.threads[0]).toMatchObject({ resolved: true, stateBy: { name: 'Author' } });
    expect(reviewed.threads[0]!.comments.map((comment) => comment.text)).toEqual(['어느 업종을 말하는지 밝혀 주세요.', '주조·금형 업종입니다.']);

    const approved = await editor.services.review.transition(opened.id, editor.site.id, 'approve', '');
    expect(approved).toMatchObject({ status: 'approved', job: null });
    const published = await editor.services.review.transition(opened.id, editor.site.id, 'publish', '');
    // Published once the site has the post, not when the job is queued.
    expect(published.status).toBe('approved');
    expect(editor.services.drafts.get(opened.id).status).toBe('approved');
    await settle(editor);
    expect(editor.services.drafts.get(opened.id).status).toBe('published');
    const live = done(editor, published.job);
    expect(live.postId).toBe(postId);

    // The public page has the accepted text and no trace of the review.
    const page = await (await fetch(live.link!)).text();
    expect(page).toContain('첨단기술을 더해 경쟁력을 높여야 한다.');
    expect(page).toContain('부산은 뿌리산업의 도시다.');
    expect(page).not.toMatch(/어느 업종을|주조·금형|근거를 보강|thread-|sugg-|suggestion|<mark|pressroom_review/);
    const anonymous = (await (await wp.rest(`/wp/v2/posts/${postId}`)).json()) as { meta?: Record<string, unknown>; content: { rendered: string } };
    expect(anonymous.meta?.['pressroom_review']).toBeUndefined();
    expect(anonymous.content.rendered).not.toMatch(/어느 업종을|thread-|sugg-/);

    // The timeline is the same on both machines, and the writer's app follows to "published".
    const timeline = (await siteReview(wp, postId)).timeline.map((step) => `${step.action}:${step.to}`);
    expect(timeline).toEqual(['submit:in_review', 'return:changes_requested', 'submit:in_review', 'approve:approved', 'publish:published']);
    await author.services.review.pull(draft.id);
    expect(author.services.drafts.get(draft.id).status).toBe('published');
    expect(author.services.review.get(draft.id).timeline.map((step) => `${step.action}:${step.to}`)).toEqual(timeline);
  });

  test('two people commenting at once both keep their comments', { timeout: 120_000 }, async () => {
    const wp = wordpress();
    const draft = writeDraft(author, `${tag} 동시 댓글`, paragraphsToBody(['첫 문단.', '둘째 문단.']));
    const submitted = await author.services.review.transition(draft.id, author.site.id, 'submit', '');
    await settle(author);
    const postId = done(author, submitted.job).postId!;
    const opened = await editor.services.review.open(editor.site.id, postId);

    const mine = idOf('thread');
    const theirs = idOf('thread');
    await Promise.all([
      author.services.review.startThread(draft.id, mine, '첫 문단', '작가의 메모'),
      editor.services.review.startThread(opened.id, theirs, '둘째 문단', '편집자의 질문'),
    ]);
    await settle(author, editor);

    const onSite = await siteReview(wp, postId);
    expect(onSite.threads.map((thread) => thread.id).sort()).toEqual([mine, theirs].sort());
    for (const [app, id] of [
      [author, draft.id],
      [editor, opened.id],
    ] as const) {
      const data = await app.services.review.pull(id);
      expect(data.threads.map((thread) => thread.comments[0]!.text).sort()).toEqual(['작가의 메모', '편집자의 질문']);
    }

    // A comment is not an edit: the writer's next update of the post, sent without having
    // seen the editor's latest reply, is no conflict (and brings the reply in on the way).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await editor.services.review.reply(opened.id, mine, '편집자의 답');
    await settle(editor);
    const update = await author.services.publishing.publish(draft.id, author.site.id, 'pending', null);
    await settle(author);
    done(author, update);
    expect(author.services.review.get(draft.id).threads.find((thread) => thread.id === mine)!.comments.map((comment) => comment.text)).toEqual(['작가의 메모', '편집자의 답']);
  });

  test('a stale copy is merged with what was written meanwhile, never written over it', { timeout: 120_000 }, async () => {
    const wp = wordpress();
    const draft = writeDraft(author, `${tag} 낡은 사본`, paragraphsToBody(['본문.']));
    const submitted = await author.services.review.transition(draft.id, author.site.id, 'submit', '');
    await settle(author);
    const postId = done(author, submitted.job).postId!;

    // Between the author's app reading the post and writing its comment, the editor writes one
    // on the site (a second later, so the post's modified time moves).
    const sneaked = idOf('thread');
    let refusedAsStale = 0;
    author.beforeFetch = async (url, init) => {
      if (init?.method !== 'POST' || !url.includes(encodeURIComponent(`/wp/v2/posts/${postId}`))) return;
      author.beforeFetch = async (_url, again) => {
        if (again?.method === 'POST') refusedAsStale++;
      };
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const current = await siteReview(wp, postId);
      const at = new Date().toISOString();
      const thread = { id: sneaked, quote: '본문', comments: [{ id: idOf('c'), author: { siteId: null, userId: 2, name: 'Editor' }, at, text: '그 사이의 댓글', editedAt: null, deleted: false }], resolved: false, stateAt: at, stateBy: null };
      const edit = await editAs(wp, 'editor', postId, { meta: { pressroom_review: JSON.stringify({ ...current, threads: [...current.threads, thread] }) } });
      expect(edit.status).toBe(200);
    };
    try {
      const mine = idOf('thread');
      await author.services.review.startThread(draft.id, mine, '본문', '내 댓글');
      await settle(author);
      // The first write was refused as stale (412), and a second one went out after merging.
      expect(refusedAsStale).toBeGreaterThanOrEqual(1);
      const onSite = await siteReview(wp, postId);
      expect(onSite.threads.map((thread) => thread.id).sort()).toEqual([mine, sneaked].sort());
      // The author's app took the editor's comment in while merging.
      expect(author.services.review.get(draft.id).threads.map((thread) => thread.id).sort()).toEqual([mine, sneaked].sort());
      expect(author.services.publishing.jobs().find((job) => job.draftId === draft.id && job.action === 'review')).toMatchObject({ state: 'done' });
    } finally {
      author.beforeFetch = null;
    }
  });

  test('malformed review data on the site is refused and breaks nothing here', { timeout: 120_000 }, async () => {
    const wp = wordpress();
    const draft = writeDraft(author, `${tag} 망가진 메타`, paragraphsToBody(['본문.']));
    const submitted = await author.services.review.transition(draft.id, author.site.id, 'submit', '');
    await settle(author);
    const postId = done(author, submitted.job).postId!;
    const threadId = idOf('thread');
    await author.services.review.startThread(draft.id, threadId, '본문', '지켜야 할 댓글');
    await settle(author);

    for (const garbage of ['{"version":1,"threads":"다 지움","suggestions":[],"timeline":[]}', '[1,2,3]', '{"version":1,"threads":[{"id":"x","comments":[{"text":""}]}]}']) {
      const edit = await editAs(wp, 'admin', postId, { meta: { pressroom_review: garbage } });
      expect(edit.status).toBe(200);
      const data = await author.services.review.pull(draft.id);
      expect(data.threads.map((thread) => thread.id)).toEqual([threadId]);
      expect(author.services.review.problem(draft.id)).toMatchObject({ code: 'invalid_input', messageKey: 'review.remoteInvalid' });
      expect(author.services.drafts.get(draft.id).status).toBe('in_review');
      expect(author.services.review.get(draft.id).threads[0]!.comments[0]!.text).toBe('지켜야 할 댓글');
      // The readable copy goes back to the site with the next sync, and the warning goes away.
      await settle(author);
      expect((await siteReview(wp, postId)).threads.map((thread) => thread.id)).toEqual([threadId]);
      await author.services.review.pull(draft.id);
      expect(author.services.review.problem(draft.id)).toBeNull();
    }

    // The editor opening it meanwhile is not broken either.
    await editAs(wp, 'admin', postId, { meta: { pressroom_review: '{"version":1}' } });
    const opened = await editor.services.review.open(editor.site.id, postId);
    expect(opened.article.headline).toContain('망가진 메타');
    expect(editor.services.review.problem(opened.id)).toMatchObject({ messageKey: 'review.remoteInvalid' });
  });

  test('an account without the right gets a clear refusal, here and on the site', { timeout: 120_000 }, async () => {
    const wp = wordpress();
    const draft = writeDraft(contributor, `${tag} 기고`, paragraphsToBody(['기고문.']));
    expect(await contributor.services.review.me(draft.id)).toMatchObject({ role: 'writer' });
    await expect(contributor.services.review.transition(draft.id, contributor.site.id, 'publish', '')).rejects.toMatchObject({
      code: 'forbidden',
      messageKey: 'review.notAllowed',
      params: { action: 'publish', status: 'draft' },
    });
    const submitted = await contributor.services.review.transition(draft.id, contributor.site.id, 'submit', '');
    await settle(contributor);
    const postId = done(contributor, submitted.job).postId!;
    await expect(contributor.services.review.transition(draft.id, contributor.site.id, 'approve', '')).rejects.toMatchObject({ code: 'forbidden', messageKey: 'review.notAllowed' });
    expect(contributor.services.drafts.get(draft.id).status).toBe('in_review');

    // An author may not approve either, and an editor must say why a draft goes back.
    const mine = writeDraft(author, `${tag} 작가 승인 시도`, paragraphsToBody(['본문.']));
    await author.services.review.transition(mine.id, author.site.id, 'submit', '');
    await expect(author.services.review.transition(mine.id, author.site.id, 'approve', '')).rejects.toMatchObject({ code: 'forbidden', messageKey: 'review.notAllowed' });
    const opened = await editor.services.review.open(editor.site.id, postId);
    await expect(editor.services.review.transition(opened.id, editor.site.id, 'return', '  ')).rejects.toMatchObject({ messageKey: 'review.noteRequired' });

    // The site refuses review data from someone who may not edit the post (an author, on a
    // contributor's post).
    const byAuthor = await editAs(wp, 'author', postId, { meta: { pressroom_review: JSON.stringify(emptyReview()) } });
    expect(byAuthor.status).toBe(403);
    await settle(author, editor, contributor);
  });
});

describe('the review queue', () => {
  test('is there offline, as last fetched', { timeout: 120_000 }, async () => {
    const wp = wordpress();
    const draft = writeDraft(author, `${tag} 대기열`, paragraphsToBody(['본문.']));
    const submitted = await author.services.review.transition(draft.id, author.site.id, 'submit', '');
    await settle(author);
    const postId = done(author, submitted.job).postId!;

    const proxy = await startFaultProxy(wp.url);
    try {
      const away = await startApp('editor', proxy.url);
      const fetched = await away.services.review.refresh();
      expect(fetched.some((entry) => entry.postId === postId)).toBe(true);
      proxy.rule = () => 'dropBefore';
      expect(await away.services.review.refresh()).toEqual(fetched);
      expect(away.services.review.queue()).toEqual(fetched);
    } finally {
      await proxy.close();
    }
    // Writers have no queue: their sites are not asked.
    expect(await author.services.review.refresh()).toEqual([]);
  });
});
