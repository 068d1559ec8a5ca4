import { describe, expect, it } from 'vitest';
import { ArticleFields, type LexicalDocument } from '../../electron/model/article.ts';
import { serializeArticle } from '../../electron/services/publishing/blocks/index.ts';
import { assetId, body, caption, cell, contextFor, heading, link, p, table, text } from '../support/block-bodies.ts';

// Comments and suggestions live in the body while an article is reviewed; the published page
// never carries them. Comment marks are transparent, and open suggestions are published as if
// they were rejected: insertions left out, deletions kept.

type Json = { type: string; version: number; [key: string]: unknown };

const element = { direction: null, format: '', indent: 0, version: 1 };
const mark = (ids: string[], ...children: Json[]): Json => ({ ...element, type: 'mark', ids, children });
const inserted = (id: string, ...children: Json[]): Json => ({ ...element, type: 'suggestion-insert', suggestionId: id, author: '편집자', at: '2025-03-10T09:00:00.000Z', children });
const deleted = (id: string, ...children: Json[]): Json => ({ ...element, type: 'suggestion-delete', suggestionId: id, author: '편집자', at: '2025-03-10T09:00:00.000Z', children });

function contentOf(blocks: LexicalDocument): string {
  return serializeArticle(ArticleFields.parse({ body: blocks }), contextFor([assetId('1')])).content;
}

describe('published content under review', () => {
  it('publishes the words of a commented passage without the mark', () => {
    const content = contentOf(body(p(text('부산은 '), mark(['thread-aaaa'], text('뿌리산업', 1)), text('의 도시다.'))));
    expect(content).toBe('<!-- wp:paragraph -->\n<p>부산은 <strong>뿌리산업</strong>의 도시다.</p>\n<!-- /wp:paragraph -->');
    expect(content).not.toMatch(/mark|thread-aaaa/);
  });

  it('publishes open suggestions as if rejected: insertions left out, deletions kept', () => {
    const content = contentOf(body(p(text('뿌리산업에 '), inserted('sugg-0001', text('첨단기술을 ')), text('더해 '), deleted('sugg-0002', text('글로벌 ')), text('경쟁력 높여야'))));
    expect(content).toBe('<!-- wp:paragraph -->\n<p>뿌리산업에 더해 글로벌 경쟁력 높여야</p>\n<!-- /wp:paragraph -->');
    expect(content).not.toMatch(/sugg-|첨단기술/);
  });

  it('leaves out a paragraph that is only a suggested insertion', () => {
    const content = contentOf(body(p(text('첫 문단')), p(inserted('sugg-0003', text('제안한 새 문단'))), heading('h2', inserted('sugg-0004', text('제안한 제목')))));
    expect(content).toBe('<!-- wp:paragraph -->\n<p>첫 문단</p>\n<!-- /wp:paragraph -->');
  });

  it('holds inside links, marks within suggestions, tables and captions', () => {
    const content = contentOf(
      body(
        p(link('https://news.example/a', [mark(['t1'], text('링크 ')), inserted('s1', text('추가 '))]), deleted('s2', mark(['t2'], text('남는 말')))),
        table([cell(0, text('칸 '), inserted('s3', text('제안')))]),
        { type: 'figure', version: 1, image: { assetId: assetId('1'), alt: '사진', credit: '', width: null, height: null }, caption: caption(mark(['t3'], text('설명')), inserted('s4', text(' 덧붙임'))), size: 'inline', align: 'center' },
      ),
    );
    expect(content).toContain('<a href="https://news.example/a">링크 </a>남는 말');
    expect(content).toContain('<td>칸 </td>');
    expect(content).toMatch(/<figcaption class="wp-element-caption">△?설명<\/figcaption>/);
    expect(content).not.toMatch(/추가|제안|덧붙임|suggestion|mark/);
  });
});
