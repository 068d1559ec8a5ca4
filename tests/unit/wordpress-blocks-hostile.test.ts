import { parse } from '@wordpress/block-serialization-default-parser';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ArticleFields } from '../../electron/model/article.ts';
import { fillRemoteMedia, parsePost, serializeArticle } from '../../electron/services/publishing/blocks/index.ts';
import { assetId, body, contextFor, figure, gallery, image, link, p, text } from '../support/block-bodies.ts';

// Whatever a writer types, or a post on the site holds, stays text: no script, no event
// handler, no javascript: link and no block delimiter of its own can come out of the markup.
// The markup is checked with a browser-grade parser (jsdom) and with WordPress's block parser.

const ids = ['1', '2', '3'].map(assetId);
const context = contextFor(ids);

const HOSTILE = [
  '<script>alert(1)</script>',
  '--><!-- wp:html --><script>alert(2)</script><!-- /wp:html -->',
  '" onerror="alert(3)',
  "' onmouseover='alert(4)",
  '<img src=x onerror=alert(5)>',
  '<!-- /wp:paragraph --><!-- wp:html {"a":1} /-->',
  '&lt;script&gt; \u0000\u0007&amp;amp;',
];
const hostile = HOSTILE.join(' ');
// Control characters are dropped from published text; everything else comes back as typed.
const withoutControls = (value: string) => value.replace('\u0000\u0007', '');
const asPublished = withoutControls(hostile);

function hostileArticle(): ArticleFields {
  return ArticleFields.parse({
    kicker: hostile.slice(0, 100),
    headline: hostile,
    deck: hostile,
    byline: hostile.slice(0, 200),
    source: hostile.slice(0, 200),
    issue: '<b>1</b>"--',
    footer: hostile,
    excerpt: hostile,
    tags: ['<script>', '" onload="x'],
    body: body(
      p(text(hostile), link('https://example.com/"><script>alert(6)</script>', [text('quoted link')], { title: '" onclick="alert(7)' })),
      p(link('javascript:alert(8)', [text('script link')]), text(' '), link('data:text/html,<script>alert(9)</script>', [text('data link')]), text(' '), link('java\tscript:alert(10)', [text('tab link')])),
      figure(image(ids[0]!, hostile, hostile.slice(0, 300)), [text(hostile)]),
      gallery([image(ids[1]!, '"><svg onload=alert(11)>', '</figcaption><script>x</script>'), image(ids[2]!, 'ok')], [text(hostile)]),
    ),
    attachments: [{ assetId: ids[1]!, name: '"><script>alert(12)</script>.pdf', size: 1, mime: 'application/pdf' }],
  });
}

function expectInert(content: string): void {
  const { document } = new JSDOM(`<!doctype html><body>${content}</body>`).window;
  expect(document.querySelectorAll('script, style, iframe, object, embed, svg').length).toBe(0);
  for (const element of document.body.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/i);
    for (const name of ['href', 'src']) {
      const value = element.getAttribute(name);
      if (value !== null) expect(value).toMatch(/^(https?:|mailto:)/);
    }
  }
  // Only the blocks the serializer writes: a writer cannot open a wp:html block.
  const names = new Set<string>();
  const walk = (blocks: ReturnType<typeof parse>) =>
    blocks.forEach((block) => {
      if (block.blockName) names.add(block.blockName);
      walk(block.innerBlocks);
    });
  walk(parse(content));
  const written = ['paragraph', 'heading', 'list', 'list-item', 'quote', 'pullquote', 'separator', 'table', 'image', 'gallery', 'file', 'group'];
  for (const name of names) expect(written.map((block) => `core/${block}`)).toContain(name);
}

describe('hostile text from the writer', () => {
  const article = hostileArticle();
  const post = serializeArticle(article, context);

  it('publishes as inert text', () => {
    expectInert(post.content);
    // WordPress prints titles as HTML: the headline goes as escaped text.
    expect(post.title).not.toContain('<');
    expect(post.excerpt).not.toContain('<');
    expect(post.content).not.toContain('javascript:');
    expect(post.content).not.toContain('data:text');
    expect(post.content).not.toMatch(/<!-- wp:html/);
  });

  it('shows the writer exactly what was typed, as text', () => {
    const { document } = new JSDOM(`<!doctype html><body>${post.content}</body>`).window;
    expect(document.querySelector('.pressroom-deck')!.textContent).toBe(asPublished);
    expect(document.querySelector('figcaption')!.textContent).toBe(`△${asPublished} ${asPublished.slice(0, 300).trim()}`);
    expect(document.querySelector('img')!.getAttribute('alt')).toBe(asPublished);
    expect(document.querySelector('a[title]')!.getAttribute('title')).toBe('" onclick="alert(7)');
    // The unsafe links keep their words and lose the link.
    expect([...document.querySelectorAll('a')].map((a) => a.textContent)).not.toContain('script link');
    expect(document.body.textContent).toContain('script link data link tab link');
  });

  it('reads back to the same text', () => {
    const meta: Partial<typeof post.meta> = { ...post.meta };
    delete meta.pressroom_document;
    const parsed = parsePost({ title: post.title, content: post.content, excerpt: post.excerpt, meta, tags: post.terms.tags }, { captionPrefix: '△' });
    const back = fillRemoteMedia(parsed.article, new Map(parsed.remoteMedia.map((ref, index) => [ref.placeholder, ids[index]!])));
    expect(back).toMatchObject({ kicker: withoutControls(article.kicker), deck: asPublished, byline: article.byline, footer: asPublished, issue: article.issue, tags: article.tags });
    expect(back.headline).toBe(asPublished.replace(/\s+/g, ' '));
    const paragraph = back.body.root.children[0] as unknown as { children: Array<{ text?: string; url?: string; title?: string }> };
    expect(paragraph.children[0]!.text).toBe(asPublished);
    expect(paragraph.children[1]).toMatchObject({ url: 'https://example.com/"><script>alert(6)</script>', title: '" onclick="alert(7)' });
    expect(back.body.root.children[2]).toMatchObject({ image: { assetId: ids[0], alt: asPublished, credit: asPublished.slice(0, 300).trim() } });
    expect(parsed.remoteFiles[0]!.name).toBe('"><script>alert(12)</script>.pdf');
  });
});

describe('a hostile post on the site', () => {
  const content = [
    '<!-- wp:paragraph -->\n<p onclick="alert(1)">Hello <script>alert(2)</script><img src=x onerror=alert(3)><a href="javascript:alert(4)">click</a> <a href=" JaVaScRiPt:alert(5)">again</a></p>\n<!-- /wp:paragraph -->',
    '<!-- wp:html -->\n<style>body{display:none}</style><iframe src="https://evil.example"></iframe><svg onload="alert(6)"><text>svg text</text></svg><p>&lt;script&gt;alert(7)&lt;/script&gt;</p>\n<!-- /wp:html -->',
    '<!-- wp:image {"id":1} -->\n<figure class="wp-block-image"><img src="javascript:alert(8)" alt=""/></figure>\n<!-- /wp:image -->',
    '<!-- wp:file {"href":"javascript:alert(9)"} -->\n<div class="wp-block-file"><a href="javascript:alert(9)">f</a></div>\n<!-- /wp:file -->',
    '<p>unclosed <b>bold <i>both</p><p>next</b></i></p><ul><li>a<li>b</ul><table><tr><td>x<td>y</table>',
  ].join('\n\n');

  it('comes in as text only', () => {
    const parsed = parsePost({ title: '<script>alert(10)</script>Title', content });
    expect(ArticleFields.safeParse(parsed.article).success).toBe(true);
    const json = JSON.stringify(parsed.article);
    expect(json).not.toMatch(/javascript|alert\((1|2|3|4|5|6|8|9|10)\)|onclick|onerror|display:none/i);
    expect(json).toContain('<script>alert(7)</script>');
    expect(parsed.article.headline).toBe('Title');
    expect(parsed.remoteMedia).toEqual([]);
    expect(parsed.remoteFiles).toEqual([]);
  });

  it('publishes again as inert markup', () => {
    const parsed = parsePost({ title: 'T', content });
    expectInert(serializeArticle(parsed.article, context).content);
  });

  it('survives deep nesting and huge input', () => {
    const deep = `<!-- wp:paragraph -->\n<p>${'<b>'.repeat(20_000)}deep${'</b>'.repeat(20_000)}</p>\n<!-- /wp:paragraph -->`;
    const parsed = parsePost({ title: 'T', content: deep });
    expect(JSON.stringify(parsed.article.body)).toContain('deep');
    const nested = 20_000;
    const blocks = '<!-- wp:group -->\n<div class="wp-block-group">'.repeat(nested) + '<p>inside</p>' + '</div>\n<!-- /wp:group -->'.repeat(nested);
    expect(() => parsePost({ title: 'T', content: blocks })).not.toThrow();
    const wide = `<p>${'<span>x</span>'.repeat(50_000)}</p>`;
    expect(parsePost({ title: 'T', content: wide }).article.body.root.children).toHaveLength(1);
    // Spans of tens of thousands of rows and columns, in every cell of a long table.
    const spans = `<!-- wp:table -->\n<figure class="wp-block-table"><table><tbody>${'<tr><th rowspan="99999" colspan="99999">x</th><td>y</td></tr>'.repeat(2_000)}</tbody></table></figure>\n<!-- /wp:table -->`;
    expect(parsePost({ title: 'T', content: spans }).article.body.root.children).toHaveLength(1);
  });
});
