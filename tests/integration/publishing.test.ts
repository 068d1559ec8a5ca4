import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ArticleFields, Draft } from '../../electron/model/article.ts';
import type { PublishJob } from '../../electron/model/publishing.ts';
import { createServices, type Services } from '../../electron/services/index.ts';
import { paragraphsToBody, sampleArticle } from '../support/articles.ts';
import { startFaultProxy } from '../support/fault-proxy.ts';
import { cameraJpeg } from '../support/photos.ts';
import { memorySecretBox } from '../support/secret-box.ts';
import { tempDir } from '../support/temp.ts';
import { hwpSample, useWordPress, type WordPressSite } from '../support/wordpress.ts';

// Publishing to the real WordPress through the app's services: sites, the pre-flight check,
// media, the post in block markup, updates, conflicts and a network that drops.

const wordpress = useWordPress();
const dir = tempDir('pressroom-publish-');
let services: Services;
// The sample article's post, for the test of opening it on another machine.
let firstPostId = 0;

beforeAll(async () => {
  services = createServices({
    dataDir: dir.path,
    preferencesFile: new Conf<Record<string, unknown>>({ cwd: dir.path, configName: 'preferences', projectName: 'pressroom' }),
    events: { emit() {} },
    secrets: memorySecretBox(),
    // Retries at once: the tests are about what is retried, not how long it waits.
    publishingBackoffMs: () => 50,
    assetCollectionDelayMs: 3_600_000,
  });
  services.preferences.update({
    publications: [{ id: 'busan', name: '부산이라좋다', issuePattern: '제YYYYMM호', captionPrefix: '△', footerTemplate: '', defaultSection: '', defaultSource: '' }],
  });
});

afterAll(async () => {
  await services.close();
  dir.remove();
});

const minimalPdf = (tag: string) =>
  new TextEncoder().encode(`%PDF-1.4\n% ${tag}\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n`);

async function articleWithMedia(tag: string): Promise<ArticleFields> {
  const photo = await services.assets.import(`현장-${tag}.jpg`, await cameraJpeg({ width: 1600 + tag.length * 7, height: 1200, gps: true, copyright: '부산광역시의회' }), 'image');
  const pdf = await services.assets.import(`보고서-${tag}.pdf`, minimalPdf(tag), 'attachment');
  const hwp = await services.assets.import(`회의록-${tag}.hwp`, new Uint8Array([...hwpSample(), ...new TextEncoder().encode(tag)]), 'attachment');
  const base = sampleArticle();
  const body = paragraphsToBody(['저출생·고령화 시대, 뿌리산업의 경쟁력을 묻는다.', `두 번째 문단 ${tag}.`]);
  body.root.children.splice(1, 0, {
    type: 'figure',
    version: 1,
    image: { assetId: photo.id, alt: '조상진 의원이 말하고 있다', credit: '사진 부산시의회', width: photo.width, height: photo.height },
    caption: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: '인터뷰 중인 조상진 의원', format: 0, detail: 0, mode: 'normal', style: '' }] }] } },
    size: 'wide',
    align: 'center',
  });
  return {
    ...(services.drafts.get(services.drafts.create('busan').id).article),
    ...base,
    headline: `${base.headline} ${tag}`,
    body,
    tags: ['뿌리산업', `태그-${tag}`],
    footer: 'ⓒ 부산광역시의회',
    attachments: [
      { assetId: pdf.id, name: `보고서-${tag}.pdf`, size: pdf.size, mime: pdf.mime },
      { assetId: hwp.id, name: `회의록-${tag}.hwp`, size: hwp.size, mime: hwp.mime },
    ],
  };
}

function saveDraft(article: ArticleFields): Draft {
  const draft = services.drafts.create('busan');
  services.drafts.save(draft.id, draft.revision, article);
  return services.drafts.get(draft.id);
}

async function settled(jobId: string): Promise<PublishJob> {
  for (let i = 0; i < 600; i++) {
    const job = services.publishing.jobs().find((candidate) => candidate.id === jobId)!;
    if (['done', 'failed', 'conflict', 'cancelled'].includes(job.state)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the job never settled');
}

async function restJson(wp: WordPressSite, route: string): Promise<Record<string, unknown>> {
  const response = await wp.rest(route, { as: 'admin' });
  expect(response.ok, `${route}: ${response.status}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

function assetIdsOf(article: ArticleFields): string[] {
  const photo = (article.body.root.children[1] as unknown as { image: { assetId: string } }).image.assetId;
  return [photo, ...article.attachments.map((attachment) => attachment.assetId)];
}

// Media items on the site carrying this asset's upload token in their file name.
async function mediaWithToken(wp: WordPressSite, assetId: string): Promise<number> {
  const token = `pr${assetId.slice(0, 16)}`;
  const items = (await restJson(wp, `/wp/v2/media?search=${token}&per_page=100&_fields=id,source_url`)) as unknown as Array<{ source_url: string }>;
  return items.filter((item) => item.source_url.includes(token)).length;
}

describe('sites', () => {
  test('an account is checked against the site and its password is never stored in the clear', async () => {
    const wp = wordpress();
    const author = await services.sites.add(wp.url, wp.users.author.username, wp.users.author.appPassword);
    expect(author.capabilities).toEqual({ publish: true, upload: true, editOthers: false });
    expect(author.plugin?.version).toBeTruthy();
    const contributor = await services.sites.add(`${wp.url}/wp-admin/`, wp.users.contributor.username, wp.users.contributor.appPassword);
    expect(contributor.url).toBe(wp.url);
    expect(contributor.capabilities).toMatchObject({ publish: false, upload: false });

    const stored = readFileSync(join(dir.path, 'publishing.db'));
    expect(stored.includes(Buffer.from(wp.users.author.appPassword))).toBe(false);
    expect(stored.includes(Buffer.from(wp.users.author.appPassword.replace(/\s+/g, '')))).toBe(false);
  });

  test('wrong password, a site that is not WordPress, and nobody listening each say what went wrong', async () => {
    const wp = wordpress();
    await expect(services.sites.add(wp.url, wp.users.author.username, 'abcd efgh ijkl mnop qrst uvwx')).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(services.sites.add(`${wp.url}/wp-content/`, wp.users.author.username, wp.users.author.appPassword)).rejects.toMatchObject({ code: 'not_wordpress' });
    await expect(services.sites.add('http://127.0.0.1:9', 'x', 'y')).rejects.toMatchObject({ code: 'offline' });
    await expect(services.sites.add('ftp://example.org', 'x', 'y')).rejects.toMatchObject({ messageKey: 'sites.invalidUrl' });
  });
});

describe('publishing', () => {
  test('the sample article goes out once with its photo, caption, credit, files and fields; an update keeps the post and the media', async () => {
    const wp = wordpress();
    const site = services.sites.list().find((candidate) => candidate.username === wp.users.author.username)!;
    const draft = saveDraft(await articleWithMedia('first'));

    expect((await services.publishing.check(draft.id, site.id, 'publish')).filter((item) => item.severity === 'error')).toEqual([]);
    const job = await settled((await services.publishing.publish(draft.id, site.id, 'publish', null)).id);
    expect(job.error).toBeNull();
    expect(job.state).toBe('done');
    expect(job.bytesSent).toBe(job.bytesTotal);

    const post = await restJson(wp, `/wp/v2/posts/${job.postId}?context=edit`);
    const content = (post['content'] as { raw: string }).raw;
    expect(content).toMatch(/<!-- wp:image \{[^}]*"id":\d+/);
    expect(content).toContain('<figcaption class="wp-element-caption">△인터뷰 중인 조상진 의원');
    expect(content).toContain('사진 부산시의회');
    expect(content).toContain('<!-- wp:file');
    expect(content).toMatch(/class="pressroom-kicker">인터뷰</);
    expect((post['meta'] as Record<string, string>)['pressroom_byline']).toBe('조현경');

    const page = await (await fetch(job.link!)).text();
    expect(page).toContain('뿌리산업에 첨단기술 더해 글로벌 경쟁력 높여야 first');
    expect(page).toContain('alt="조상진 의원이 말하고 있다"');
    expect(page).toMatch(/href="[^"]+\.pdf"/);
    expect(page).toMatch(/href="[^"]+\.hwp"/);

    const latest = services.drafts.get(draft.id);
    services.drafts.save(draft.id, latest.revision, { ...latest.article, headline: `${latest.article.headline} (고침)` });
    const update = await settled((await services.publishing.publish(draft.id, site.id, 'publish', null)).id);
    expect(update.state).toBe('done');
    expect(update.postId).toBe(job.postId);
    expect(update.bytesTotal).toBe(0);
    const updated = await restJson(wp, `/wp/v2/posts/${job.postId}?context=edit`);
    expect((updated['title'] as { raw: string }).raw).toContain('(고침)');
    for (const id of assetIdsOf(latest.article)) expect(await mediaWithToken(wp, id)).toBe(1);

    // Opened again from the site, it is the same article (the stored document, stamped against
    // the content WordPress kept for an author).
    const reopened = await services.publishing.openSitePost(site.id, job.postId!);
    expect(reopened.article.headline).toBe(`${latest.article.headline} (고침)`);
    expect(reopened.article.kicker).toBe('인터뷰');
    expect(reopened.article.body).toEqual(latest.article.body);
    expect(reopened.article.attachments.map((attachment) => attachment.name)).toEqual(latest.article.attachments.map((attachment) => attachment.name));

    firstPostId = job.postId!;
    const down = await settled((await services.publishing.publish(draft.id, site.id, 'unpublish', null)).id);
    expect(down.state).toBe('done');
    expect((await fetch(job.link!)).status).toBe(404);
  });

  test('a post changed on the site is not overwritten until the writer keeps theirs', async () => {
    const wp = wordpress();
    const site = services.sites.list().find((candidate) => candidate.username === wp.users.author.username)!;
    const draft = saveDraft({ ...services.drafts.get(services.drafts.create('busan').id).article, headline: '충돌 시험', byline: '조현경', body: paragraphsToBody(['처음 문단']) });
    const first = await settled((await services.publishing.publish(draft.id, site.id, 'draft', null)).id);
    expect(first.state).toBe('done');

    // An editor changes the title on the web a second later (modified_gmt has one-second steps).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const edit = await wp.rest(`/wp/v2/posts/${first.postId}`, { as: 'editor', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '편집자가 고친 제목' }) });
    expect(edit.status).toBe(200);

    const second = await settled((await services.publishing.publish(draft.id, site.id, 'draft', null)).id);
    expect(second.state).toBe('conflict');
    expect(((await restJson(wp, `/wp/v2/posts/${first.postId}?context=edit`))['title'] as { raw: string }).raw).toBe('편집자가 고친 제목');

    // Before choosing, the writer can see what the site has now.
    const onSite = await services.publishing.siteVersion(second.id);
    expect(onSite).toMatchObject({ fields: { headline: '편집자가 고친 제목', byline: '조현경' }, paragraphs: ['처음 문단'] });

    await services.publishing.retry(second.id, true);
    const kept = await settled(second.id);
    expect(kept.state).toBe('done');
    expect(((await restJson(wp, `/wp/v2/posts/${first.postId}?context=edit`))['title'] as { raw: string }).raw).toBe('충돌 시험');
  });

  test('a contributor is told before anything is sent that photos need an account that can upload', async () => {
    const wp = wordpress();
    const site = services.sites.list().find((candidate) => candidate.username === wp.users.contributor.username)!;
    const draft = saveDraft(await articleWithMedia('contributor'));
    const items = await services.publishing.check(draft.id, site.id, 'pending');
    expect(items).toContainEqual(expect.objectContaining({ severity: 'error', messageKey: 'preflight.cannotUpload' }));
    await expect(services.publishing.publish(draft.id, site.id, 'pending', null)).rejects.toMatchObject({ messageKey: 'publish.preflightFailed' });
  });
});

describe('another machine', () => {
  test("an editor's app opens the writer's post with its photo and files fetched from the site", async () => {
    const wp = wordpress();
    const other = tempDir('pressroom-editor-');
    const editorApp = createServices({
      dataDir: other.path,
      preferencesFile: new Conf<Record<string, unknown>>({ cwd: other.path, configName: 'preferences', projectName: 'pressroom' }),
      events: { emit() {} },
      secrets: memorySecretBox(),
      assetCollectionDelayMs: 3_600_000,
      reviewRefreshMs: 0,
    });
    try {
      const site = await editorApp.sites.add(wp.url, wp.users.editor.username, wp.users.editor.appPassword);
      const draft = await editorApp.publishing.openSitePost(site.id, firstPostId);
      expect(draft.article.kicker).toBe('인터뷰');
      const figure = draft.article.body.root.children.find((block) => block.type === 'figure') as unknown as { image: { assetId: string; alt: string } };
      expect(figure.image.alt).toBe('조상진 의원이 말하고 있다');
      const ids = [figure.image.assetId, ...draft.article.attachments.map((attachment) => attachment.assetId)];
      expect((await editorApp.assets.check(ids)).map((status) => status.state)).toEqual(['ok', 'ok', 'ok']);
      expect(draft.article.attachments.map((attachment) => attachment.name)).toEqual(['보고서-first.pdf', '회의록-first.hwp']);
      const site2 = editorApp.sites.list()[0]!;
      expect((await editorApp.publishing.check(draft.id, site2.id, 'draft')).filter((item) => item.severity === 'error')).toEqual([]);
    } finally {
      editorApp.close();
      other.remove();
    }
  });
});

describe('posts written on the web', () => {
  test('open in the editor with their photo, and publishing updates that post', async () => {
    const wp = wordpress();
    const site = services.sites.list().find((candidate) => candidate.username === wp.users.author.username)!;
    const photo = await cameraJpeg({ width: 1200, height: 800 });
    const uploaded = await wp.rest('/wp/v2/media', {
      as: 'author',
      method: 'POST',
      headers: { 'content-disposition': 'attachment; filename="web-photo.jpg"', 'content-type': 'image/jpeg' },
      body: new Uint8Array(photo),
    });
    expect(uploaded.status).toBe(201);
    const media = (await uploaded.json()) as { id: number; source_url: string };
    const content = [
      '<!-- wp:paragraph -->\n<p>웹에서 쓴 <strong>첫 문단</strong></p>\n<!-- /wp:paragraph -->',
      `<!-- wp:image {"id":${media.id},"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large"><img src="${media.source_url}" alt="웹 사진" class="wp-image-${media.id}"/><figcaption class="wp-element-caption">웹 사진 설명</figcaption></figure>\n<!-- /wp:image -->`,
    ].join('\n\n');
    const created = await wp.rest('/wp/v2/posts', { as: 'author', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '웹에서 시작한 기사', content, status: 'draft' }) });
    expect(created.status).toBe(201);
    const post = (await created.json()) as { id: number };

    const listed = await services.publishing.sitePosts(site.id, '웹에서 시작한');
    expect(listed.map((item) => item.postId)).toContain(post.id);
    const draft = await services.publishing.openSitePost(site.id, post.id);
    expect(draft.article.headline).toBe('웹에서 시작한 기사');
    const blocks = draft.article.body.root.children as unknown as Array<{ type: string; image?: { assetId: string; alt: string } }>;
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'figure']);
    expect(blocks[1]!.image!.alt).toBe('웹 사진');
    expect(await services.assets.check([blocks[1]!.image!.assetId])).toEqual([{ id: blocks[1]!.image!.assetId, state: 'ok' }]);

    services.drafts.save(draft.id, draft.revision, { ...draft.article, byline: '조현경', headline: '앱에서 이어 쓴 기사' });
    const job = await settled((await services.publishing.publish(draft.id, site.id, 'draft', null)).id);
    expect(job.error).toBeNull();
    expect(job.postId).toBe(post.id);
    const after = await restJson(wp, `/wp/v2/posts/${post.id}?context=edit`);
    expect((after['title'] as { raw: string }).raw).toBe('앱에서 이어 쓴 기사');
  });
});

describe('a network that fails halfway', () => {
  test('after dropped connections and server errors there is exactly one post and one media item per file', async () => {
    const wp = wordpress();
    const proxy = await startFaultProxy(wp.url);
    try {
      let mediaUploads = 0;
      let postCreates = 0;
      proxy.rule = ({ method, route }) => {
        if (method === 'POST' && route === '/wp/v2/media') {
          mediaUploads++;
          // The first upload never arrives, the second is done by the site but its answer is lost.
          if (mediaUploads === 1) return 'dropBefore';
          if (mediaUploads === 2) return 'dropAfter';
        }
        if (method === 'POST' && route === '/wp/v2/posts') {
          postCreates++;
          if (postCreates === 1) return 'error500';
          // The post is made, the answer lost: the retry must find it, not make another.
          if (postCreates === 2) return 'dropAfter';
        }
        return 'pass';
      };
      const site = await services.sites.add(proxy.url, wp.users.editor.username, wp.users.editor.appPassword);
      const article = await articleWithMedia('faults');
      const draft = saveDraft(article);
      const job = await settled((await services.publishing.publish(draft.id, site.id, 'publish', null)).id);
      expect(job.error).toBeNull();
      expect(job.state).toBe('done');
      expect(job.attempts).toBeGreaterThanOrEqual(3);

      const posts = (await restJson(wp, `/wp/v2/posts?search=${encodeURIComponent(article.headline)}&status=publish,draft&per_page=100&_fields=id`)) as unknown as Array<{ id: number }>;
      expect(posts.map((post) => post.id)).toEqual([job.postId]);
      for (const id of assetIdsOf(article)) expect(await mediaWithToken(wp, id)).toBe(1);
    } finally {
      await proxy.close();
    }
  });
});
