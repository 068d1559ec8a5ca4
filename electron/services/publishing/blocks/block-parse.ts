import { parse } from '@wordpress/block-serialization-default-parser';
import { type FigureSource, BlockReader, figureSource } from './html-blocks.ts';
import { type HtmlElement, type HtmlNode, elementsOf, findAll, findElement, hasClass, parseHtml, textContent } from './html-tree.ts';
import { inlineFromHtml, isClassed, plainTextFromHtml } from './inline-parse.ts';
import { type LexicalJson, type ListEntry, type ListType, listNode, paragraphNode, rootNode } from './lexical-json.ts';
import { safeMediaUrl } from './safe-url.ts';

// A post's block markup, read back into an article body and its fields. The core blocks this
// app writes come back as what they were; other blocks keep their words (a paragraph per block
// of text) so a post edited on the web can be continued in the app.

type ParsedBlock = ReturnType<typeof parse>[number];

// A photo the post shows that must be downloaded into the local asset store. Its figure in the
// body carries `placeholder` as its asset id until the caller imports the photo and swaps the
// real id in (fillRemoteMedia in parse-post.ts).
export interface RemoteMediaRef {
  placeholder: string;
  url: string;
  mediaId: number | null;
  alt: string;
  caption: string;
  credit: string;
}

// A file the post offers for download; the caller imports it and adds it to the attachments.
export interface RemoteFileRef {
  url: string;
  mediaId: number | null;
  name: string;
}

export interface MarkupFields {
  kicker?: string;
  deck?: string;
  byline?: string;
  dateWritten?: string;
  source?: string;
  issue?: string;
  publicationName?: string;
  footer?: string;
}

export interface MarkupReading {
  body: { root: LexicalJson & { type: 'root'; children: LexicalJson[] } };
  fields: MarkupFields;
  remoteMedia: RemoteMediaRef[];
  remoteFiles: RemoteFileRef[];
}

export interface MarkupReadOptions {
  classPrefix: string;
  // The publication's caption mark (△), taken off the front of captions: the app adds it when
  // publishing, it is not the writer's text.
  captionPrefix: string;
}

const MAX_GALLERY = 6;
// Blocks nested deeper than this are not an article's; they are left out rather than read
// recursively until the stack runs out.
const MAX_BLOCK_DEPTH = 32;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

class MarkupReader {
  readonly body: LexicalJson[] = [];
  readonly fields: MarkupFields = {};
  readonly remoteMedia: RemoteMediaRef[] = [];
  readonly remoteFiles: RemoteFileRef[] = [];
  readonly #options: MarkupReadOptions;
  readonly #classic: BlockReader;
  readonly #html: BlockReader;

  constructor(options: MarkupReadOptions) {
    this.#options = options;
    this.#classic = new BlockReader({ autop: true, figure: (source) => this.#figure(source) });
    this.#html = new BlockReader({ autop: false, figure: (source) => this.#figure(source) });
  }

  #cls(name: string): string {
    return `${this.#options.classPrefix}-${name}`;
  }

  readBlocks(blocks: readonly ParsedBlock[], depth = 0): void {
    if (depth > MAX_BLOCK_DEPTH) return;
    for (const block of blocks) this.#block(block, depth);
  }

  #block(block: ParsedBlock, depth: number): void {
    const name = block.blockName;
    const attrs = (block.attrs ?? {}) as Record<string, unknown>;
    if (name === null || name === 'core/freeform') {
      // Classic content between blocks (or a whole pre-block post).
      if (block.innerHTML.trim() !== '') this.body.push(...this.#classic.read(parseHtml(captionShortcodes(block.innerHTML))));
      return;
    }
    const html = parseHtml(block.innerHTML);
    switch (name) {
      case 'core/paragraph':
        if (!this.#field(html)) this.body.push(...this.#html.read(html));
        return;
      case 'core/heading':
        if (!findElement(html, isClassedElement(this.#cls('attachments-title')))) this.body.push(...this.#html.read(html));
        return;
      case 'core/list':
        this.#list(block, html);
        return;
      case 'core/quote':
        this.#quote(block, html);
        return;
      case 'core/image':
        this.#image(html, attrs);
        return;
      case 'core/gallery':
        this.#gallery(block, html);
        return;
      case 'core/file':
        this.#file(html, attrs);
        return;
      case 'core/more':
      case 'core/nextpage':
      case 'core/spacer':
        return;
      default:
        // Groups (the attachments among them), columns, covers… are read through for the
        // blocks inside; a block with no inner blocks keeps the words of its HTML.
        if (block.innerBlocks.length > 0) this.readBlocks(block.innerBlocks, depth + 1);
        else this.body.push(...this.#html.read(html));
    }
  }

  // The field paragraphs serialize-article.ts writes; true when `html` was one.
  #field(html: HtmlNode[]): boolean {
    const p = elementsOf(html).find((node) => node.tag === 'p');
    if (!p) return false;
    const is = (name: string) => hasClass(p, this.#cls(name));
    const skipLabel = isClassed(this.#cls('label'));
    const text = (nodes: HtmlNode[] = p.children) => plainTextFromHtml(nodes, skipLabel);
    const part = (name: string) => findElement(p.children, isClassedElement(this.#cls(name)));
    if (is('kicker')) this.fields.kicker = text();
    else if (is('deck')) this.fields.deck = text();
    else if (is('source')) this.fields.source = text();
    else if (is('footer')) this.fields.footer = text();
    else if (is('byline')) {
      const author = part('author');
      if (author) this.fields.byline = text(author.children);
      const time = findElement(p.children, (node) => node.tag === 'time');
      // Accounts without unfiltered_html lose <time> to kses: the date is then in the text.
      const date = ISO_DATE.exec(time?.attrs.datetime ?? '') ?? ISO_DATE.exec(textContent(p.children));
      if (date) this.fields.dateWritten = date[0];
    } else if (is('issue')) {
      const number = part('issue-number');
      const publication = part('publication');
      if (number) this.fields.issue = text(number.children);
      if (publication) this.fields.publicationName = text(publication.children);
    } else return false;
    return true;
  }

  #list(block: ParsedBlock, html: HtmlNode[]): void {
    if (block.innerBlocks.length === 0) {
      // A list saved before list items were blocks (WordPress < 6.1): the HTML says it all.
      this.body.push(...this.#html.read(html));
      return;
    }
    const list = this.#listEntries(block);
    if (list.entries.length > 0) this.body.push(listNode(list.listType, list.start, list.entries));
  }

  #listEntries(block: ParsedBlock, depth = 0): { listType: ListType; start: number; entries: ListEntry[] } {
    const attrs = (block.attrs ?? {}) as Record<string, unknown>;
    const ordered = attrs.ordered === true;
    const start = ordered && typeof attrs.start === 'number' && Number.isInteger(attrs.start) ? attrs.start : 1;
    const entries: ListEntry[] = [];
    for (const item of block.innerBlocks) {
      if (item.blockName !== 'core/list-item') continue;
      // The item's own text is its HTML around the nested list blocks.
      const own = parseHtml(item.innerContent.filter((part): part is string => part !== null).join(''));
      const li = elementsOf(own).find((node) => node.tag === 'li');
      entries.push({
        inline: inlineFromHtml(li ? li.children : own),
        nested: depth < MAX_BLOCK_DEPTH ? item.innerBlocks.filter((inner) => inner.blockName === 'core/list').map((inner) => this.#listEntries(inner, depth + 1)) : [],
      });
    }
    return { listType: ordered ? 'number' : 'bullet', start, entries };
  }

  #quote(block: ParsedBlock, html: HtmlNode[]): void {
    // Since WordPress 6.0 a quote holds blocks; its citation is in its own HTML.
    const nodes: HtmlNode[] =
      block.innerBlocks.length > 0
        ? [...block.innerBlocks.flatMap((inner) => parseHtml(inner.innerHTML)), ...findAll(html, (node) => node.tag === 'cite' || hasClass(node, 'wp-block-quote__citation'))]
        : html;
    const quote = elementsOf(html).find((node) => node.tag === 'blockquote');
    const wrapper: HtmlElement = { kind: 'element', tag: 'blockquote', attrs: quote?.attrs ?? {}, children: block.innerBlocks.length > 0 ? nodes : (quote?.children ?? html) };
    this.body.push(...this.#html.read([wrapper]));
  }

  #image(html: HtmlNode[], attrs: Record<string, unknown>): void {
    const container = elementsOf(html)[0];
    if (!container) return;
    const source = figureSource(container);
    if (source.url === undefined) return;
    const figure = this.#figure({
      ...source,
      url: source.url,
      mediaId: typeof attrs.id === 'number' ? attrs.id : source.mediaId,
      align: typeof attrs.align === 'string' ? attrs.align : source.align,
      width: typeof attrs.width === 'number' ? attrs.width : source.width,
      height: typeof attrs.height === 'number' ? attrs.height : source.height,
    });
    if (figure) this.body.push(figure);
  }

  // The caption's words (the mark and the credit span taken off) and its credit.
  #caption(figcaption: HtmlElement | null): { inline: LexicalJson[]; credit: string } {
    if (!figcaption) return { inline: [], credit: '' };
    const creditClass = isClassed(this.#cls('credit'));
    const credit = findElement(figcaption.children, isClassedElement(this.#cls('credit')));
    const inline = inlineFromHtml(figcaption.children, { trim: true, skip: creditClass });
    const first = inline[0];
    const mark = this.#options.captionPrefix;
    if (mark && first?.type === 'text' && String(first.text).startsWith(mark)) {
      first.text = String(first.text).slice(mark.length);
      if (first.text === '') inline.shift();
    }
    return { inline, credit: credit ? textContent(credit.children).trim() : '' };
  }

  #remote(source: FigureSource, credit: string, captionText: string): RemoteMediaRef | null {
    const url = safeMediaUrl(source.url);
    if (!url) return null;
    const ref: RemoteMediaRef = {
      placeholder: `remote-media:${this.remoteMedia.length}`,
      url,
      mediaId: source.mediaId,
      alt: source.alt.slice(0, 1000),
      caption: captionText,
      credit: credit.slice(0, 300),
    };
    this.remoteMedia.push(ref);
    return ref;
  }

  #figure(source: FigureSource): LexicalJson | null {
    const { inline, credit } = this.#caption(source.figcaption);
    const ref = this.#remote(source, credit, plainText(inline));
    if (!ref) return null;
    const align = source.align;
    return {
      type: 'figure',
      version: 1,
      image: { assetId: ref.placeholder, alt: ref.alt, credit: ref.credit, width: source.width, height: source.height },
      caption: rootNode([paragraphNode(inline)]),
      size: align === 'wide' || align === 'full' ? align : 'inline',
      align: align === 'left' || align === 'right' ? align : 'center',
    };
  }

  #gallery(block: ParsedBlock, html: HtmlNode[]): void {
    const container = elementsOf(html)[0];
    const captionElement = container ? findElement(container.children, isClassedElement('blocks-gallery-caption')) : null;
    // Images are blocks since WordPress 5.9; before that, <li> items of the gallery's own HTML.
    const sources: FigureSource[] =
      block.innerBlocks.length > 0
        ? block.innerBlocks
            .filter((inner) => inner.blockName === 'core/image')
            .flatMap((inner) => {
              const element = elementsOf(parseHtml(inner.innerHTML))[0];
              const source = element ? figureSource(element) : null;
              const id = (inner.attrs as Record<string, unknown> | null)?.id;
              return source?.url !== undefined ? [{ ...source, url: source.url, mediaId: typeof id === 'number' ? id : source.mediaId }] : [];
            })
        : findAll(container ? container.children : html, (node) => node.tag === 'figure' && findElement(node.children, (child) => child.tag === 'img') !== null && !hasClass(node, 'wp-block-gallery')).flatMap((figure) => {
            const source = figureSource(figure);
            return source.url !== undefined ? [{ ...source, url: source.url }] : [];
          });
    const images = sources.flatMap((source) => {
      const credit = this.#caption(source.figcaption).credit;
      const ref = this.#remote(source, credit, '');
      return ref ? [{ assetId: ref.placeholder, alt: ref.alt, credit: ref.credit, width: source.width, height: source.height }] : [];
    });
    const caption = this.#caption(captionElement);
    if (images.length === 1) {
      const [image] = images;
      this.body.push({ type: 'figure', version: 1, image, caption: rootNode([paragraphNode(caption.inline)]), size: 'inline', align: 'center' });
      return;
    }
    // The app's gallery holds two to six photos: a longer one becomes several, the caption
    // under the last.
    const chunks: Array<typeof images> = [];
    for (let index = 0; index < images.length; index += MAX_GALLERY) chunks.push(images.slice(index, index + MAX_GALLERY));
    const last = chunks[chunks.length - 1];
    if (chunks.length > 1 && last && last.length === 1) last.unshift(chunks[chunks.length - 2]!.pop()!);
    chunks.forEach((chunk, index) => {
      const captionInline = index === chunks.length - 1 ? caption.inline : [];
      this.body.push({ type: 'gallery', version: 1, images: chunk, caption: rootNode([paragraphNode(captionInline)]) });
    });
  }

  #file(html: HtmlNode[], attrs: Record<string, unknown>): void {
    const links = findAll(html, (node) => node.tag === 'a');
    const named = links.find((link) => !('download' in link.attrs));
    const url = safeMediaUrl(attrs.href) ?? safeMediaUrl(links.find((link) => 'download' in link.attrs)?.attrs.href) ?? safeMediaUrl(named?.attrs.href);
    if (!url) return;
    const name = (named ? textContent(named.children) : '').replace(/\s+/g, ' ').trim() || fileNameOf(url);
    this.remoteFiles.push({ url, mediaId: typeof attrs.id === 'number' ? attrs.id : null, name: name.slice(0, 255) });
  }
}

// Classic content's captioned photo, [caption align="aligncenter" …]<img …> Words[/caption], as
// the <figure> the block editor would make of it.
function captionShortcodes(html: string): string {
  return html.replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/g, (match, attributes: string, inner: string) => {
    const photo = /^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
    if (!photo) return match;
    const align = /align=["']?(align(?:left|center|right|none))/.exec(attributes)?.[1] ?? '';
    return `<figure class="${align}">${photo[1]}<figcaption>${photo[2]!.trim()}</figcaption></figure>`;
  });
}

function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || 'file';
  } catch {
    return last || 'file';
  }
}

const isClassedElement = (name: string) => (node: HtmlElement) => hasClass(node, name);

function plainText(inline: readonly LexicalJson[]): string {
  return inline
    .map((node) => (node.type === 'text' ? String(node.text) : node.type === 'linebreak' ? '\n' : Array.isArray(node.children) ? plainText(node.children as LexicalJson[]) : ''))
    .join('');
}

export function readMarkup(content: string, options: MarkupReadOptions): MarkupReading {
  const reader = new MarkupReader(options);
  reader.readBlocks(parse(content));
  return { body: rootNode(reader.body), fields: reader.fields, remoteMedia: reader.remoteMedia, remoteFiles: reader.remoteFiles };
}
