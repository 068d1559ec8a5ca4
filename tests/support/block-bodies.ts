import { ArticleFields, type LexicalDocument } from '../../electron/model/article.ts';
import type { FigureImage } from '../../electron/model/figure.ts';
import { koreanLabels, type RemoteFile, type RemoteImage, type SerializeContext } from '../../electron/services/publishing/blocks/index.ts';
import { sampleArticle } from './articles.ts';

// Article bodies for the WordPress block tests, written out as the editor's exportJSON writes
// them (Lexical 0.52), so the tests do not lean on the code under test to build their input.

type Json = { type: string; version: number; [key: string]: unknown };

const element = { direction: null, format: '', indent: 0, version: 1 };

export const text = (value: string, format = 0): Json => ({ type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' });
export const br = (): Json => ({ type: 'linebreak', version: 1 });
export const p = (...children: Json[]): Json => ({ ...element, type: 'paragraph', textFormat: 0, textStyle: '', children });
export const aligned = (format: string, ...children: Json[]): Json => ({ ...p(...children), format });
export const heading = (tag: string, ...children: Json[]): Json => ({ ...element, type: 'heading', tag, children });
export const quote = (...children: Json[]): Json => ({ ...element, type: 'quote', children });
export const pullquote = (...children: Json[]): Json => ({ ...element, type: 'pullquote', children });
export const hr = (): Json => ({ type: 'horizontalrule', version: 1 });
export const link = (url: string, children: Json[], extra: { target?: string | null; rel?: string | null; title?: string | null } = {}): Json => ({
  ...element,
  type: 'link',
  url,
  target: extra.target ?? null,
  rel: extra.rel ?? null,
  title: extra.title ?? null,
  children,
});

// items: inline children of one item, or a nested list (which Lexical keeps in an item of its own).
export function list(listType: 'bullet' | 'number', start: number, items: Array<Json[] | Json>, indent = 0): Json {
  let value = start;
  const children = items.map((item) => {
    const nested = !Array.isArray(item);
    const node = { ...element, type: 'listitem', value, indent, children: nested ? [item] : item };
    if (!nested) value += 1;
    return node;
  });
  return { ...element, type: 'list', listType, start, tag: listType === 'number' ? 'ol' : 'ul', children };
}

export const cell = (headerState: number, ...children: Json[]): Json => ({
  ...element,
  type: 'tablecell',
  backgroundColor: null,
  colSpan: 1,
  rowSpan: 1,
  headerState,
  children: [p(...children)],
});
export const table = (...rows: Json[][]): Json => ({ ...element, type: 'table', children: rows.map((cells) => ({ ...element, type: 'tablerow', children: cells })) });

export const caption = (...children: Json[]) => ({ root: { ...element, type: 'root', children: [p(...children)] } });

export const assetId = (digit: string) => digit.repeat(64);

export function image(id: string, alt = '', credit = ''): FigureImage {
  return { assetId: id, alt, credit, width: null, height: null };
}

export function figure(img: FigureImage, captionChildren: Json[] = [], size = 'inline', align = 'center'): Json {
  return { type: 'figure', version: 1, image: img, caption: caption(...captionChildren), size, align };
}

export function gallery(images: FigureImage[], captionChildren: Json[] = []): Json {
  return { type: 'gallery', version: 1, images, caption: caption(...captionChildren) };
}

export function body(...children: Json[]): LexicalDocument {
  return { root: { ...element, type: 'root', children } };
}

// The media each asset id was uploaded as, for the tests' sites: asset "1…1" is media 101 and so on.
export function contextFor(ids: readonly string[], extra: Partial<SerializeContext> = {}): SerializeContext {
  const media: Record<string, RemoteImage> = {};
  const files: Record<string, RemoteFile> = {};
  for (const id of ids) {
    const number = 100 + parseInt(id[0]!, 16);
    media[id] = { id: number, url: `https://news.example/wp-content/uploads/2025/03/photo-${number}.jpg`, width: 1600, height: 1067 };
    files[id] = { id: number, url: `https://news.example/wp-content/uploads/2025/03/file-${number}.pdf` };
  }
  return { media, files, publication: { name: '부산이라좋다', captionPrefix: '△' }, labels: koreanLabels, ...extra };
}

const FOOTER = '부산이라좋다의 모든 콘텐츠(기사)는 저작권법의 보호를 받은바, 무단 전재, 복사, 배포 등을 금합니다.';
export const PHOTO_CAPTION =
  '부산시의회 의원연구단체 ‘뿌리산업 진흥을 위한 연구모임’은 지역 제조업의 근간인 뿌리산업의 경쟁력 강화를 목표로 활발한 활동을 펼치고 있다(사진은 지난해 10월 8일 개최한 연구용역 최종보고회에서 참가자들이 기념사진을 찍고 있는 모습).';

// The sample article (shared/fixtures/sample-article-ko.txt) as the writer would draft it: the
// photo "23-2" where the page has it, its caption without the △ mark, a PDF and an HWP file,
// and the publication's copyright footer.
export function sampleWithPhoto(): ArticleFields {
  const sample = sampleArticle();
  const paragraphs = (sample.body!.root.children as Json[]).filter((block) => {
    const first = (block.children as Json[])[0];
    return !(first && String(first.text).startsWith('23-2'));
  });
  const photoAt = paragraphs.findIndex((block) => String((block.children as Json[])[0]?.text).startsWith('뿌리산업 현장을'));
  paragraphs.splice(photoAt, 0, figure(image(assetId('1'), '연구용역 최종보고회 참가자들의 기념사진', '부산시의회'), [text(PHOTO_CAPTION)]));
  return ArticleFields.parse({
    ...sample,
    publicationId: 'busan',
    section: '인터뷰',
    tags: ['뿌리산업', '부산시의회'],
    slug: '뿌리산업-첨단기술',
    footer: FOOTER,
    body: body(...paragraphs),
    attachments: [
      { assetId: assetId('2'), name: '연구용역 최종보고서.pdf', size: 120_000, mime: 'application/pdf' },
      { assetId: assetId('3'), name: '뿌리산업 지원사업 안내.hwp', size: 40_000, mime: 'application/x-hwp' },
    ],
  });
}
