import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { hwpSample, hwpxSample, useWordPress, type WordPressRole, type WordPressSite, wordPressRoles } from '../support/wordpress.ts';

// The real WordPress the app publishes to (Debian's packages, started by
// scripts/wordpress/wordpress.mjs) with the companion plugin from resources/wordpress/.
const site = useWordPress();

interface Json {
  [key: string]: unknown;
}

async function json(response: Response): Promise<Json> {
  return (await response.json()) as Json;
}

async function upload(wp: WordPressSite, as: WordPressRole, filename: string, body: Uint8Array, query = ''): Promise<Response> {
  return wp.rest(`/wp/v2/media${query}`, {
    as,
    method: 'POST',
    headers: { 'Content-Disposition': `attachment; filename="${filename}"`, 'Content-Type': 'application/octet-stream' },
    body: new Uint8Array(body), // a copy backed by a plain ArrayBuffer, as fetch's types want
  });
}

async function createPost(wp: WordPressSite, as: WordPressRole, fields: Json): Promise<Json> {
  const response = await wp.rest('/wp/v2/posts', {
    as,
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fields),
  });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return json(response);
}

function updatePost(wp: WordPressSite, as: WordPressRole, id: unknown, fields: Json, baseModified?: string, extra: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...extra };
  if (baseModified !== undefined) headers['X-Pressroom-Base-Modified'] = baseModified;
  return wp.rest(`/wp/v2/posts/${String(id)}`, { as, method: 'POST', headers, body: JSON.stringify(fields) });
}

const token = () => `t-${crypto.randomUUID()}`;

// modified_gmt has a one-second resolution: wait for the next second before a change that must
// show in it.
const nextSecond = () => new Promise((r) => setTimeout(r, 1100 - (Date.now() % 1000)));

describe('the local WordPress', () => {
  test('answers the REST index, with Application Passwords and the companion plugin', async () => {
    const response = await site().rest('/');
    expect(response.status).toBe(200);
    const index = await json(response);
    expect(index.namespaces).toEqual(expect.arrayContaining(['wp/v2', 'pressroom/v1']));
    expect(index.authentication).toHaveProperty('application-passwords');
  });

  const expected: Record<WordPressRole, { role: string; can: string[]; cannot: string[] }> = {
    admin: { role: 'administrator', can: ['manage_options', 'upload_files', 'edit_others_posts'], cannot: [] },
    editor: { role: 'editor', can: ['publish_posts', 'upload_files', 'edit_others_posts'], cannot: ['manage_options'] },
    author: { role: 'author', can: ['publish_posts', 'upload_files'], cannot: ['edit_others_posts'] },
    contributor: { role: 'contributor', can: ['edit_posts'], cannot: ['publish_posts', 'upload_files', 'edit_others_posts'] },
  };
  test.each(wordPressRoles)('%s signs in with its application password', async (role) => {
    const response = await site().rest('/wp/v2/users/me?context=edit', { as: role });
    expect(response.status).toBe(200);
    const me = await json(response);
    expect(me.username).toBe(site().users[role].username);
    expect(me.roles).toEqual([expected[role].role]);
    const caps = me.capabilities as Record<string, boolean>;
    for (const cap of expected[role].can) expect(caps[cap], cap).toBe(true);
    for (const cap of expected[role].cannot) expect(caps[cap], cap).toBeFalsy();
  });

  test('a wrong application password is not an error by itself: the request is anonymous', async () => {
    // WordPress 6.1 records the failed password only after checking for authentication errors,
    // so the request goes on as an anonymous one. Verifying an account must ask who it is.
    const headers = { Authorization: `Basic ${Buffer.from('author:wrongwrongwrongwrongwron').toString('base64')}` };
    const me = await fetch(site().restUrl('/wp/v2/users/me'), { headers });
    expect(me.status).toBe(401);
    expect((await json(me)).code).toMatch(/^(rest_not_logged_in|incorrect_password)$/);
    const posts = await fetch(site().restUrl('/wp/v2/posts'), { headers });
    expect([200, 401]).toContain(posts.status);
  });

  test('the contributor may not upload media; the author may', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } }).png().toBuffer();
    const refused = await upload(site(), 'contributor', 'photo.png', png);
    expect([401, 403]).toContain(refused.status);
    const accepted = await upload(site(), 'author', 'photo.png', png);
    expect(accepted.status).toBe(201);
    expect((await json(accepted)).mime_type).toBe('image/png');
  });

  test.each([
    ['document.hwp', hwpSample(), 'application/x-hwp'],
    // libmagic does not always know HWP; the plugin accepts an .hwp it calls an OLE file.
    ['legacy.hwp', hwpSample({ signature: false }), 'application/x-hwp'],
    ['document.hwpx', hwpxSample(), 'application/hwp+zip'],
  ])('the author uploads %s', async (filename, bytes, mime) => {
    const response = await upload(site(), 'author', filename, bytes);
    const media = await json(response);
    expect(response.status, JSON.stringify(media)).toBe(201);
    expect(media.mime_type).toBe(mime);
    const file = await fetch(media.source_url as string);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });

  test('a PNG named .hwp is still refused', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#33c' } }).png().toBuffer();
    const response = await upload(site(), 'author', 'fake.hwp', png);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await json(response)).toMatchObject({ message: expect.stringMatching(/file type/) });
  });

  test('the info route tells what the plugin adds and what the account may do', async () => {
    const anonymous = await site().rest('/pressroom/v1/info');
    expect(anonymous.status).toBe(401);
    const author = await json(await site().rest('/pressroom/v1/info', { as: 'author' }));
    expect(author).toMatchObject({
      plugin: 'pressroom-companion',
      features: expect.arrayContaining(['meta', 'stale-check', 'find-by-token', 'hwp-uploads']),
      staleHeader: 'X-Pressroom-Base-Modified',
      user: { roles: ['author'] },
      capabilities: { publish_posts: true, upload_files: true, edit_others_posts: false, create_tags: false },
    });
    expect(author.maxUploadBytes).toBeGreaterThanOrEqual(100 * 1024 * 1024);
    const contributor = await json(await site().rest('/pressroom/v1/info', { as: 'contributor' }));
    expect(contributor.capabilities).toMatchObject({ publish_posts: false, upload_files: false, edit_posts: true });
    const editor = await json(await site().rest('/pressroom/v1/info', { as: 'editor' }));
    expect(editor.capabilities).toMatchObject({ edit_others_posts: true, create_tags: true, unfiltered_html: true });
  });
});

describe('the article fields as post meta', () => {
  const document = JSON.stringify({
    version: 1,
    blocks: [{ type: 'paragraph', text: '서울 — "인용" \\ 백슬래시, <b>태그</b> & emoji 📰' }],
  });
  const fields = {
    pressroom_kicker: '단독',
    pressroom_deck: '첫 줄\n둘째 줄',
    pressroom_byline: '홍길동 기자',
    pressroom_date_written: '2024-05-01T09:30:00+09:00',
    pressroom_source: '연합뉴스',
    pressroom_footer: '© 2024 Pressroom. 무단 전재 및 재배포 금지',
    pressroom_issue: '제1234호',
    pressroom_publication: 'Pressroom Daily',
    pressroom_document: document,
  };

  test('are kept exactly for the author, shown only with context=edit, never to anonymous readers', async () => {
    const wp = site();
    const post = await createPost(wp, 'author', { title: 'Meta test', content: '<p>Body</p>', status: 'publish', meta: fields });
    const edit = await json(await wp.rest(`/wp/v2/posts/${String(post.id)}?context=edit`, { as: 'author' }));
    expect(edit.meta).toMatchObject(fields);

    const view = await json(await wp.rest(`/wp/v2/posts/${String(post.id)}`, { as: 'author' }));
    expect(Object.keys((view.meta as Json | undefined) ?? {}).filter((k) => k.startsWith('pressroom_'))).toEqual([]);

    const anonymous = await wp.rest(`/wp/v2/posts/${String(post.id)}`);
    expect(anonymous.status).toBe(200);
    const text = await anonymous.text();
    expect(text).not.toContain('pressroom_');
    expect(text).not.toContain('홍길동');
    const anonymousList = await (await wp.rest('/wp/v2/posts?_fields=id,meta&per_page=100')).text();
    expect(anonymousList).not.toContain('pressroom_');
    expect((await wp.rest(`/wp/v2/posts/${String(post.id)}?context=edit`)).status).toBe(401);

    // A contributor reads the published post, but not its fields.
    const contributorView = await wp.rest(`/wp/v2/posts/${String(post.id)}`, { as: 'contributor' });
    expect(contributorView.status).toBe(200);
    expect(await contributorView.text()).not.toContain('pressroom_');
    expect([401, 403]).toContain((await wp.rest(`/wp/v2/posts/${String(post.id)}?context=edit`, { as: 'contributor' })).status);
    const contributorList = await wp.rest('/wp/v2/posts?context=edit&per_page=100', { as: 'contributor' });
    expect(contributorList.status).toBe(200);
    expect(await contributorList.text()).not.toContain('홍길동');
  });

  test('may be written only by users who may edit the post', async () => {
    const wp = site();
    const post = await createPost(wp, 'author', { title: 'Not yours', status: 'publish', meta: { pressroom_kicker: 'Original' } });
    const contributor = await updatePost(wp, 'contributor', post.id, { meta: { pressroom_kicker: 'Changed' } });
    expect([401, 403]).toContain(contributor.status);
    const editor = await updatePost(wp, 'editor', post.id, { meta: { pressroom_kicker: 'Edited' } });
    expect(editor.status).toBe(200);
    expect(((await json(editor)).meta as Json).pressroom_kicker).toBe('Edited');
  });

  test('tags are stripped from the plain-text fields of users without unfiltered_html; JSON must be valid', async () => {
    const wp = site();
    const post = await createPost(wp, 'author', { title: 'Sanitized', meta: { pressroom_kicker: '<script>alert(1)</script>Kicker', pressroom_byline: 'A < B' } });
    const meta = (await json(await wp.rest(`/wp/v2/posts/${String(post.id)}?context=edit`, { as: 'author' }))).meta as Json;
    expect(meta.pressroom_kicker).toBe('Kicker');
    expect(meta.pressroom_byline).toBe('A < B');
    const invalid = await updatePost(wp, 'author', post.id, { meta: { pressroom_document: '{not json' } });
    expect(invalid.status).toBe(400);
    expect((await json(invalid)).code).toBe('pressroom_invalid_json');
    const badDate = await updatePost(wp, 'author', post.id, { meta: { pressroom_date_written: 'yesterday' } });
    expect(badDate.status).toBe(400);
  });
});

describe('stale updates', () => {
  test('an update based on an old modified_gmt gets 412; one based on the current succeeds', async () => {
    const wp = site();
    const post = await createPost(wp, 'author', { title: 'Version 1', status: 'draft' });
    const seen = post.modified_gmt as string;
    expect(seen).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);

    // Someone changes it on the web meanwhile.
    await nextSecond();
    const web = await updatePost(wp, 'editor', post.id, { title: 'Edited on the web' });
    expect(web.status).toBe(200);
    const current = (await json(web)).modified_gmt as string;
    expect(current).not.toBe(seen);

    const stale = await updatePost(wp, 'author', post.id, { title: 'Version 2' }, seen);
    expect(stale.status).toBe(412);
    const error = await json(stale);
    expect(error).toMatchObject({ code: 'pressroom_stale_base', data: { status: 412, modified_gmt: current } });
    const unchanged = await json(await wp.rest(`/wp/v2/posts/${String(post.id)}?context=edit`, { as: 'author' }));
    expect((unchanged.title as Json).raw).toBe('Edited on the web');

    const fresh = await updatePost(wp, 'author', post.id, { title: 'Version 2' }, current);
    expect(fresh.status).toBe(200);
    expect(((await json(fresh)).title as Json).raw).toBe('Version 2');

    // The same base with an explicit UTC offset means the same instant.
    await nextSecond();
    const latest = (await json(await wp.rest(`/wp/v2/posts/${String(post.id)}?context=edit`, { as: 'author' }))).modified_gmt as string;
    expect((await updatePost(wp, 'author', post.id, { title: 'Version 3' }, `${latest}Z`)).status).toBe(200);

    // Without the header WordPress behaves as always; a malformed header is a client error.
    expect((await updatePost(wp, 'author', post.id, { title: 'Version 4' })).status).toBe(200);
    expect((await updatePost(wp, 'author', post.id, { title: 'Version 5' }, 'yesterday')).status).toBe(400);
  });

  test('updates racing each other from the same version: exactly one passes, the rest get 412', async () => {
    // Two people commenting at once both send the version they read; without one critical
    // section around the check and the write, both pass and the later one erases the other.
    // The test site's fault plugin holds each request between the check and the write, as a
    // loaded server would, so that they all reach that window together.
    const slow = { 'X-Pressroom-Test-Pause-Before-Write': '300' };
    const wp = site();
    const post = await createPost(wp, 'editor', { title: 'Race', status: 'draft' });
    await nextSecond();
    const seen = (await json(await updatePost(wp, 'editor', post.id, { title: 'Race, read by all' }))).modified_gmt as string;
    await nextSecond();
    const marks = ['가', '나', '다', '라', '마', '바'];
    const answers = await Promise.all(marks.map((mark) => updatePost(wp, 'editor', post.id, { meta: { pressroom_review: JSON.stringify({ mark }) } }, seen, slow)));
    const statuses = answers.map((answer) => answer.status);
    expect([...statuses].sort()).toEqual([200, 412, 412, 412, 412, 412]);
    // What the site keeps is the one write it said yes to.
    const stored = (await json(await wp.rest(`/wp/v2/posts/${String(post.id)}?context=edit`, { as: 'editor' }))).meta as Json;
    expect(stored['pressroom_review']).toBe(JSON.stringify({ mark: marks[statuses.indexOf(200)] }));
  });

  test('a draft not updated since it was created is current at the modified_gmt the API reported', async () => {
    // Such a draft has no modified_gmt in the database; the API derives one from the local time
    // (the site is in Asia/Seoul, so a mistake here is nine hours off).
    const wp = site();
    const post = await createPost(wp, 'contributor', { title: 'Fresh draft', status: 'draft' });
    const response = await updatePost(wp, 'contributor', post.id, { title: 'Fresh draft, edited' }, post.modified_gmt as string);
    expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  });
});

describe('find by token', () => {
  test('finds the posts and media carrying a token, for users who may edit them', async () => {
    const wp = site();
    const postToken = token();
    const post = await createPost(wp, 'author', { title: 'Lost answer', status: 'draft', meta: { pressroom_token: postToken } });
    const found = await json(await wp.rest(`/pressroom/v1/find?token=${postToken}`, { as: 'author' }));
    expect(found).toEqual([expect.objectContaining({ id: post.id, type: 'post', status: 'draft', modified_gmt: post.modified_gmt })]);

    expect(await json(await wp.rest(`/pressroom/v1/find?token=${postToken}`, { as: 'contributor' }))).toEqual([]);
    expect(await json(await wp.rest(`/pressroom/v1/find?token=${token()}`, { as: 'author' }))).toEqual([]);
    expect((await wp.rest(`/pressroom/v1/find?token=${postToken}`)).status).toBe(401);
    expect((await wp.rest('/pressroom/v1/find?token=bad%20token', { as: 'author' })).status).toBe(400);

    // A media upload carries its token in the query string, as its body is the file.
    const mediaToken = token();
    const media = await json(await upload(wp, 'author', 'tokened.hwp', hwpSample(), `?meta[pressroom_token]=${mediaToken}`));
    expect(await json(await wp.rest(`/pressroom/v1/find?token=${mediaToken}`, { as: 'author' }))).toEqual([
      expect.objectContaining({ id: media.id, type: 'attachment' }),
    ]);
  });
});
