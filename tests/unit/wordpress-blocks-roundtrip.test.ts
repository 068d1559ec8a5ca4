import { createEditor, type SerializedEditorState } from 'lexical';
import { describe, expect, it } from 'vitest';
import { ArticleFields } from '../../electron/model/article.ts';
import { fillRemoteMedia, parsePost, type RemotePost, serializeArticle, type SerializedPost } from '../../electron/services/publishing/blocks/index.ts';
import { SerializedFigure, SerializedGallery } from '../../electron/model/figure.ts';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { PullQuoteNode } from '../../renderer/editor/nodes/PullQuoteNode.ts';
import {
  aligned,
  assetId,
  body,
  br,
  cell,
  contextFor,
  figure,
  gallery,
  heading,
  hr,
  image,
  link,
  list,
  p,
  pullquote,
  quote,
  sampleWithPhoto,
  table,
  text,
} from '../support/block-bodies.ts';

// Article → block markup → article, the way a post published from the app and opened again
// travels. Without the stored document (no companion plugin, or a web edit since) the markup
// alone must give back every field, the same text and the same formatting.

const ids = ['1', '2', '3', '4', '5', '6'].map(assetId);
const context = contextFor(ids);

// What the publisher sends and later reads back: WordPress keeps a non-ASCII slug
// percent-encoded and hands terms back as ids the publisher turns into names again.
function asRemotePost(post: SerializedPost, withDocument: boolean): RemotePost {
  const { pressroom_document: document, ...fields } = post.meta;
  return {
    title: post.title,
    content: post.content,
    excerpt: post.excerpt,
    slug: encodeURIComponent(post.slug).toLowerCase(),
    meta: withDocument ? { ...fields, pressroom_document: document } : fields,
    tags: post.terms.tags,
    categories: post.terms.categories,
  };
}

// The caller's side of remote photos: each one imported and its asset id swapped in. Here the
// "import" finds the asset the test uploaded at that address.
function importPhotos(parsed: ReturnType<typeof parsePost>): ArticleFields {
  const byUrl = new Map(Object.entries(context.media).map(([id, media]) => [media.url, id]));
  return fillRemoteMedia(parsed.article, new Map(parsed.remoteMedia.map((ref) => [ref.placeholder, byUrl.get(ref.url)!])));
}

const richBody = body(
  heading('h2', text('Section')),
  p(text('Plain '), text('bold ', 1), text('both', 3), text(' italic', 2), br(), text('under', 8), text(' '), text('strike', 4), text(' '), text('code', 16), text(' H'), text('2', 32), text('O x'), text('2', 64)),
  p(
    text('Link to '),
    link('https://example.com/a?b=1&c=2', [text('the report', 1)]),
    text(' and '),
    link('https://x.test/', [text('a new window')], { target: '_blank', rel: 'noreferrer noopener' }),
    text(' or '),
    link('mailto:desk@example.com', [text('mail')]),
  ),
  aligned('center', text('Centered')),
  heading('h3', text('Lists')),
  list('bullet', 1, [[text('one')], [text('two')], list('bullet', 1, [[text('two-a')], [text('two-b', 2)]], 1), [text('three')]]),
  list('number', 3, [[text('third')], [text('fourth')]]),
  quote(text('A quote'), br(), text('second line')),
  pullquote(text('Pulled '), text('out', 2)),
  hr(),
  table([cell(3, text('Year')), cell(1, text('Budget'))], [cell(2, text('2024')), cell(0, text('7 '), text('meetings', 1))]),
  // Merged cells, as pasted from Word or HWP: a title row across, a header label down two rows
  // (a header column, so the title over it is a header of both kinds, as the editor makes it).
  table([{ ...cell(3, text('Cargo, 2025')), colSpan: 2 }], [{ ...cell(2, text('Busan')), rowSpan: 2 }, cell(0, text('Containers'))], [cell(0, text('Cruise'))]),
  figure(image(ids[0]!, 'Alt "text"', '김사진'), [text('A '), text('caption', 2)], 'wide'),
  figure(image(ids[3]!, 'Left photo'), [], 'inline', 'left'),
  gallery([image(ids[4]!, 'g1', 'c1'), image(ids[5]!, 'g2')], [text('Two photos')]),
  p(text('Spaces  kept   inside, & < > " \' stay text')),
);

function richArticle(): ArticleFields {
  return ArticleFields.parse({
    ...sampleWithPhoto(),
    excerpt: 'What the interview is about.',
    deck: 'Two lines\nof deck',
    body: richBody,
  });
}

describe('without the stored document', () => {
  it('gives back the sample article: every field, the photo and its caption, the files', () => {
    const article = sampleWithPhoto();
    const post = serializeArticle(article, context);
    const parsed = parsePost(asRemotePost(post, false), { captionPrefix: '△', publicationId: 'busan' });
    expect(parsed.lossless).toBe(false);
    expect(parsed.publicationName).toBe('부산이라좋다');
    expect(importPhotos(parsed)).toEqual({ ...article, attachments: [] });
    expect(parsed.remoteMedia).toEqual([
      expect.objectContaining({ url: context.media[ids[0]!]!.url, mediaId: 101, alt: '연구용역 최종보고회 참가자들의 기념사진', credit: '부산시의회' }),
    ]);
    expect(parsed.remoteMedia[0]!.caption).toMatch(/^부산시의회 의원연구단체/);
    expect(parsed.remoteFiles).toEqual([
      { url: context.files[ids[1]!]!.url, mediaId: 102, name: '연구용역 최종보고서.pdf' },
      { url: context.files[ids[2]!]!.url, mediaId: 103, name: '뿌리산업 지원사업 안내.hwp' },
    ]);
  });

  it('gives back every block type with the same text and formatting', () => {
    const article = richArticle();
    const parsed = parsePost(asRemotePost(serializeArticle(article, context), false), { captionPrefix: '△', publicationId: 'busan' });
    expect(ArticleFields.safeParse(parsed.article).success).toBe(true);
    expect(importPhotos(parsed)).toEqual({ ...article, attachments: [] });
  });

  it('reads into the editor unchanged: the shapes are what Lexical itself exports', () => {
    const parsed = parsePost(asRemotePost(serializeArticle(richArticle(), context), false), { captionPrefix: '△' });
    const blocks = importPhotos(parsed).body.root.children;
    // Photo blocks are the app's own nodes (they need the page's bridge to load), whose shape
    // is the model's: checked against it instead.
    const photos = blocks.filter((block) => block.type === 'figure' || block.type === 'gallery');
    expect(photos.map((block) => (block.type === 'figure' ? SerializedFigure : SerializedGallery).parse(block))).toEqual(photos);
    const text = body(...(blocks.filter((block) => !photos.includes(block)) as never[]));
    const editor = createEditor({
      // renderer/editor/nodes.ts's text nodes.
      nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, TableNode, TableRowNode, TableCellNode, HorizontalRuleNode, PullQuoteNode],
      onError: (error) => {
        throw error;
      },
    });
    editor.setEditorState(editor.parseEditorState(text as unknown as SerializedEditorState));
    expect(editor.getEditorState().toJSON()).toEqual(text);
  });

  it('publishes again to the same markup', () => {
    const post = serializeArticle(richArticle(), context);
    const again = serializeArticle(importPhotos(parsePost(asRemotePost(post, false), { captionPrefix: '△', publicationId: 'busan' })), context);
    expect(again.content).toBe(serializeArticle({ ...richArticle(), attachments: [] }, context).content);
  });
});

describe('with the stored document', () => {
  it('is lossless, keeping what the markup cannot carry', () => {
    const article = ArticleFields.parse({ ...richArticle(), body: body(p(), { ...p(text('indented')), indent: 2 }, ...(richBody.root.children as never[])) });
    const post = serializeArticle(article, context);
    const parsed = parsePost(asRemotePost(post, true));
    expect(parsed).toEqual({ article, remoteMedia: [], remoteFiles: [], publicationName: '부산이라좋다', lossless: true });
  });

  it('is set aside when the post was edited on the web since', () => {
    const post = serializeArticle(richArticle(), context);
    const edited = { ...asRemotePost(post, true), content: post.content.replace('A quote', 'An edited quote') };
    const parsed = parsePost(edited, { captionPrefix: '△' });
    expect(parsed.lossless).toBe(false);
    expect(JSON.stringify(parsed.article.body)).toContain('An edited quote');
  });

  it('takes the title, excerpt and tags edited on the web since, keeping the rest of the document', () => {
    const article = richArticle();
    const post = serializeArticle(article, context);
    const parsed = parsePost({ ...asRemotePost(post, true), title: '편집자가 고친 제목', excerpt: '웹에서 고친 요약', tags: ['부산', '웹'] });
    expect(parsed.lossless).toBe(true);
    expect(parsed.article).toEqual({ ...article, headline: '편집자가 고친 제목', excerpt: '웹에서 고친 요약', tags: ['부산', '웹'] });
  });

  it('is set aside when it is not a valid article', () => {
    const post = serializeArticle(richArticle(), context);
    const document = JSON.parse(post.meta.pressroom_document);
    document.article.slug = 'Not A Slug!';
    const parsed = parsePost({ ...asRemotePost(post, false), meta: { pressroom_document: JSON.stringify(document) } });
    expect(parsed.lossless).toBe(false);
    expect(parsePost({ ...asRemotePost(post, false), meta: { pressroom_document: '{not json' } }).lossless).toBe(false);
  });
});
