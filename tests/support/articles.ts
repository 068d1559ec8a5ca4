import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ArticleFields, emptyBody, type LexicalDocument } from '../../electron/model/article.ts';

// Test articles built the way the editor stores them, from plain paragraphs.

export function paragraphsToBody(paragraphs: readonly string[]): LexicalDocument {
  const base = emptyBody();
  return {
    root: {
      ...base.root,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: text ? [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] : [],
      })),
    },
  };
}

// The sample article from shared/fixtures, cut into its fields as its README maps them.
export function sampleArticle(): Partial<ArticleFields> {
  const text = readFileSync(join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'sample-article-ko.txt'), 'utf8');
  const start = text.indexOf('저출생·고령화');
  const end = text.indexOf('작성자');
  const paragraphs = text
    .slice(start, end)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && p !== '23-2' && !p.startsWith('△'));
  return {
    issue: '제202503호',
    kicker: '인터뷰',
    headline: '뿌리산업에 첨단기술 더해 글로벌 경쟁력 높여야',
    deck: '인터뷰-뿌리산업 진흥을 위한 연구모임 조상진 대표 의원',
    byline: '조현경',
    dateWritten: '2025-03-10',
    source: '부산이라좋다',
    body: paragraphsToBody(paragraphs),
  };
}
