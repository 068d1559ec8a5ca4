import { describe, expect, it } from 'vitest';
import { ArticleFields } from '../../electron/model/article.ts';
import { parsePost } from '../../electron/services/publishing/blocks/index.ts';
import { br, caption, cell, heading, link, list, p, pullquote, quote, table, text } from '../support/block-bodies.ts';

// Posts written by WordPress itself (the block editor, older editors, the classic editor), read
// into the app. The markup is Gutenberg's own serialization fixtures
// (test/integration/fixtures/blocks/core__*.serialized.html) where one exists.

function bodyOf(content: string, options = {}) {
  const parsed = parsePost({ title: 'T', content }, options);
  expect(ArticleFields.safeParse(parsed.article).success).toBe(true);
  return parsed;
}
const blocksOf = (content: string, options = {}) => bodyOf(content, options).article.body.root.children;

describe('block markup from the WordPress editor', () => {
  it('a list saved before list items were blocks (core__list__ul)', () => {
    const content =
      '<!-- wp:list -->\n<ul class="wp-block-list"><li>Text &amp; Headings</li><li>Images &amp; Videos</li><li>Galleries</li><li>Embeds, like YouTube, Tweets, or other WordPress posts.</li>' +
      '<li>Layout blocks, like Buttons, Hero Images, Separators, etc.</li><li>And <em>Lists</em> like this one of course :)</li></ul>\n<!-- /wp:list -->\n';
    expect(blocksOf(content)).toEqual([
      list('bullet', 1, [
        [text('Text & Headings')],
        [text('Images & Videos')],
        [text('Galleries')],
        [text('Embeds, like YouTube, Tweets, or other WordPress posts.')],
        [text('Layout blocks, like Buttons, Hero Images, Separators, etc.')],
        [text('And '), text('Lists', 2), text(' like this one of course :)')],
      ]),
    ]);
  });

  it('a heading recorded before the class (core__heading__h4-em)', () => {
    expect(blocksOf('<!-- wp:heading {"level":4} -->\n<h4>The <em>Inserter</em> Tool</h4>\n<!-- /wp:heading -->\n')).toEqual([heading('h4', text('The '), text('Inserter', 2), text(' Tool'))]);
  });

  it('a quote with its citation (core__quote__style-1)', () => {
    const content =
      '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>The editor will endeavour to create a new page and post building experience.</p>\n<!-- /wp:paragraph -->' +
      '<p class="wp-block-quote__citation">Matt Mullenweg, 2017</p></blockquote>\n<!-- /wp:quote -->\n';
    expect(blocksOf(content)).toEqual([quote(text('The editor will endeavour to create a new page and post building experience.'), br(), text('Matt Mullenweg, 2017'))]);
  });

  it('a pull quote with its citation (core__pullquote)', () => {
    const content =
      '<!-- wp:pullquote -->\n<figure class="wp-block-pullquote"><blockquote><p>Testing pullquote block...</p><cite class="wp-block-pullquote__citation wp-element-cite">...with a caption</cite></blockquote></figure>\n<!-- /wp:pullquote -->\n';
    expect(blocksOf(content)).toEqual([pullquote(text('Testing pullquote block...'), br(), text('...with a caption'))]);
  });

  it('a table with a header section (core__table)', () => {
    const content =
      '<!-- wp:table -->\n<figure class="wp-block-table"><table class="has-fixed-layout"><thead><tr><th>Version</th><th>Musician</th><th>Date</th></tr></thead><tbody>' +
      '<tr><td><a href="https://wordpress.org/news/2003/05/wordpress-now-available/">.70</a></td><td>No musician chosen.</td><td>May 27, 2003</td></tr>' +
      '<tr><td><a href="https://wordpress.org/news/2004/01/wordpress-10/">1.0</a></td><td>Miles Davis</td><td>January 3, 2004</td></tr></tbody></table></figure>\n<!-- /wp:table -->\n';
    expect(blocksOf(content)).toEqual([
      table(
        [cell(1, text('Version')), cell(1, text('Musician')), cell(1, text('Date'))],
        [cell(0, link('https://wordpress.org/news/2003/05/wordpress-now-available/', [text('.70')])), cell(0, text('No musician chosen.')), cell(0, text('May 27, 2003'))],
        [cell(0, link('https://wordpress.org/news/2004/01/wordpress-10/', [text('1.0')])), cell(0, text('Miles Davis')), cell(0, text('January 3, 2004'))],
      ),
    ]);
  });

  it('a gallery of image blocks (core__gallery-with-caption)', () => {
    const content =
      '<!-- wp:gallery {"ids":[],"shortCodeTransforms":[],"linkTo":"none","className":"columns-2"} -->\n<figure class="wp-block-gallery has-nested-images columns-default has-caption is-cropped columns-2">' +
      '<!-- wp:image {"id":1421,"sizeSlug":"large","linkDestination":"none"} -->\n<figure class="wp-block-image size-large"><img src="https://sergioestevaofolio.files.wordpress.com/2016/09/cropped-img_9054-1.jpg?w=190" alt="Image gallery image" class="wp-image-1421"/></figure>\n<!-- /wp:image -->\n\n' +
      '<!-- wp:image {"id":1440,"sizeSlug":"large","linkDestination":"none"} -->\n<figure class="wp-block-image size-large"><img src="https://sergioestevaofolio.files.wordpress.com/2017/09/cropped-l1001498-1.jpg?w=580" alt="Image gallery image" class="wp-image-1440"/></figure>\n<!-- /wp:image -->' +
      '<figcaption class="blocks-gallery-caption wp-element-caption">Gallery Caption</figcaption></figure>\n<!-- /wp:gallery -->\n';
    const parsed = bodyOf(content);
    expect(parsed.remoteMedia).toEqual([
      { placeholder: 'remote-media:0', url: 'https://sergioestevaofolio.files.wordpress.com/2016/09/cropped-img_9054-1.jpg?w=190', mediaId: 1421, alt: 'Image gallery image', caption: '', credit: '' },
      { placeholder: 'remote-media:1', url: 'https://sergioestevaofolio.files.wordpress.com/2017/09/cropped-l1001498-1.jpg?w=580', mediaId: 1440, alt: 'Image gallery image', caption: '', credit: '' },
    ]);
    expect(parsed.article.body.root.children).toEqual([
      {
        type: 'gallery',
        version: 1,
        images: [
          { assetId: 'remote-media:0', alt: 'Image gallery image', credit: '', width: null, height: null },
          { assetId: 'remote-media:1', alt: 'Image gallery image', credit: '', width: null, height: null },
        ],
        caption: caption(text('Gallery Caption')),
      },
    ]);
  });

  it('an image in the markup of WordPress 5.0 (div wrapper, center caption)', () => {
    const content =
      '<!-- wp:image {"align":"center"} -->\n<div class="wp-block-image"><figure class="aligncenter"><img src="https://example.org/a.png" alt=""/><figcaption>Give it a try. Press the "really wide" button on the image toolbar.</figcaption></figure></div>\n<!-- /wp:image -->\n';
    const parsed = bodyOf(content);
    expect(parsed.article.body.root.children).toEqual([
      {
        type: 'figure',
        version: 1,
        image: { assetId: 'remote-media:0', alt: '', credit: '', width: null, height: null },
        caption: caption(text('Give it a try. Press the "really wide" button on the image toolbar.')),
        size: 'inline',
        align: 'center',
      },
    ]);
    expect(parsed.remoteMedia[0]).toMatchObject({ url: 'https://example.org/a.png', mediaId: null, caption: 'Give it a try. Press the "really wide" button on the image toolbar.' });
  });

  it('an image whose address is data: is left out (core__image__center-caption)', () => {
    const content =
      '<!-- wp:image {"align":"center"} -->\n<figure class="wp-block-image aligncenter has-caption"><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAACklEQVR4nGMAAQAABQABDQottAAAAABJRU5ErkJggg==" alt=""/>' +
      '<figcaption class="wp-element-caption">Give it a try.</figcaption></figure>\n<!-- /wp:image -->\n';
    const parsed = bodyOf(content);
    expect(parsed.article.body.root.children).toEqual([]);
    expect(parsed.remoteMedia).toEqual([]);
  });

  it('a file block (core__file__new-window)', () => {
    const content =
      '<!-- wp:file {"href":"http://localhost:8888/wp-content/uploads/2018/05/keycodes.js"} -->\n<div class="wp-block-file"><a id="wp-block-file--media-_clientId_0" href="http://localhost:8888/wp-content/uploads/2018/05/keycodes.js" target="_blank" rel="noreferrer noopener">6546</a>' +
      '<a href="http://localhost:8888/wp-content/uploads/2018/05/keycodes.js" class="wp-block-file__button" download aria-describedby="wp-block-file--media-_clientId_0">Download</a></div>\n<!-- /wp:file -->\n';
    const parsed = bodyOf(content);
    expect(parsed.remoteFiles).toEqual([{ url: 'http://localhost:8888/wp-content/uploads/2018/05/keycodes.js', mediaId: null, name: '6546' }]);
    expect(parsed.article.attachments).toEqual([]);
  });

  it('blocks the app does not know keep their words', () => {
    const content =
      '<!-- wp:columns -->\n<div class="wp-block-columns"><!-- wp:column -->\n<div class="wp-block-column"><!-- wp:paragraph -->\n<p>Left</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:column -->\n\n' +
      '<!-- wp:column -->\n<div class="wp-block-column"><!-- wp:paragraph -->\n<p><strong>Middle</strong></p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:column --></div>\n<!-- /wp:columns -->\n\n' +
      '<!-- wp:embed {"url":"https://youtu.be/x"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://youtu.be/x\n</div></figure>\n<!-- /wp:embed -->\n\n' +
      '<!-- wp:html -->\n<div class="box">\n  <p>Custom <b>HTML</b></p>\n  <script>alert(1)</script>\n</div>\n<!-- /wp:html -->\n\n<!-- wp:spacer -->\n<div style="height:100px" aria-hidden="true" class="wp-block-spacer"></div>\n<!-- /wp:spacer -->';
    expect(blocksOf(content)).toEqual([p(text('Left')), p(text('Middle', 1)), p(text('https://youtu.be/x')), p(text('Custom '), text('HTML', 1))]);
  });
});

describe('fields from their blocks', () => {
  const fields =
    '<!-- wp:paragraph {"className":"pressroom-kicker"} -->\n<p class="pressroom-kicker">인터뷰</p>\n<!-- /wp:paragraph -->\n\n' +
    '<!-- wp:paragraph {"className":"pressroom-deck"} -->\n<p class="pressroom-deck">첫 줄<br>둘째 줄</p>\n<!-- /wp:paragraph -->\n\n' +
    '<!-- wp:paragraph -->\n<p>본문</p>\n<!-- /wp:paragraph -->\n\n' +
    // As kses leaves it for an author without unfiltered_html: <time> is not an allowed tag.
    '<!-- wp:paragraph {"className":"pressroom-byline"} -->\n<p class="pressroom-byline"><span class="pressroom-label">작성자</span> <span class="pressroom-author">조현경</span> <span class="pressroom-label">작성일자</span> 2025-03-10</p>\n<!-- /wp:paragraph -->';

  it('reads kicker, deck, byline and a date whose <time> kses removed', () => {
    const parsed = bodyOf(fields);
    expect(parsed.article).toMatchObject({ kicker: '인터뷰', deck: '첫 줄\n둘째 줄', byline: '조현경', dateWritten: '2025-03-10' });
    expect(parsed.article.body.root.children).toEqual([p(text('본문'))]);
  });

  it('falls back to the meta for a field the markup no longer has', () => {
    const parsed = parsePost({ title: 'T', content: fields, meta: { pressroom_source: '부산이라좋다', pressroom_kicker: 'stale', pressroom_issue: '제202503호' } });
    expect(parsed.article).toMatchObject({ kicker: '인터뷰', source: '부산이라좋다', issue: '제202503호' });
  });

  it('cuts a field edited past its length on the web to fit the model', () => {
    const long = 'ㄱ'.repeat(150);
    const parsed = bodyOf(`<!-- wp:paragraph {"className":"pressroom-kicker"} -->\n<p class="pressroom-kicker">${long}</p>\n<!-- /wp:paragraph -->`);
    expect(parsed.article.kicker).toBe('ㄱ'.repeat(100));
  });

  it('reads the title, excerpt, slug and terms WordPress keeps', () => {
    const parsed = parsePost({
      title: 'A &amp; B &lt;C&gt;',
      content: '',
      excerpt: '<p>Short &hellip;</p>',
      slug: '%eb%bf%8c%eb%a6%ac%ec%82%b0%ec%97%85',
      tags: ['부산', ' 부산 ', ''],
      categories: ['인터뷰'],
    });
    expect(parsed.article).toMatchObject({ headline: 'A & B <C>', excerpt: 'Short …', slug: '뿌리산업', tags: ['부산'], section: '인터뷰' });
    expect(parsePost({ title: '', content: '', slug: 'Has Spaces' }).article.slug).toBe('');
  });

  it('splits a gallery longer than six photos', () => {
    const image = (n: number) => `<!-- wp:image {"id":${n}} -->\n<figure class="wp-block-image"><img src="https://s.example/${n}.jpg" alt="" class="wp-image-${n}"/></figure>\n<!-- /wp:image -->`;
    const content = `<!-- wp:gallery -->\n<figure class="wp-block-gallery">${[1, 2, 3, 4, 5, 6, 7].map(image).join('\n\n')}</figure>\n<!-- /wp:gallery -->`;
    const sizes = blocksOf(content).map((block) => (block.images as unknown[]).length);
    expect(sizes).toEqual([5, 2]);
  });
});

describe('classic content', () => {
  it('splits paragraphs on blank lines and keeps line breaks, lists, headings and captioned photos', () => {
    const content =
      'First paragraph\nsecond line\n\nSecond <strong>bold</strong> paragraph\n\n<h2>Heading</h2>\n<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>\n\n' +
      '[caption id="attachment_5" align="aligncenter" width="300"]<img class="size-medium wp-image-5" src="https://s.example/x-300x200.jpg" alt="X" width="300" height="200" /> The <em>caption</em>[/caption]\n\n' +
      '<p style="text-align: right">Right</p>';
    const parsed = bodyOf(content);
    expect(parsed.article.body.root.children).toEqual([
      p(text('First paragraph'), br(), text('second line')),
      p(text('Second '), text('bold', 1), text(' paragraph')),
      heading('h2', text('Heading')),
      list('bullet', 1, [[text('one')], [text('two')]]),
      {
        type: 'figure',
        version: 1,
        image: { assetId: 'remote-media:0', alt: 'X', credit: '', width: 300, height: 200 },
        caption: caption(text('The '), text('caption', 2)),
        size: 'inline',
        align: 'center',
      },
      { ...p(text('Right')), format: 'right' },
    ]);
    expect(parsed.remoteMedia).toEqual([{ placeholder: 'remote-media:0', url: 'https://s.example/x-300x200.jpg', mediaId: 5, alt: 'X', caption: 'The caption', credit: '' }]);
  });
});
