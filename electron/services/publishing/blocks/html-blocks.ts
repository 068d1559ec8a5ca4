import { type HtmlElement, type HtmlNode, classesOf, elementsOf, findAll, findElement, hasClass } from './html-tree.ts';
import { type InlineOptions, inlineFromHtml } from './inline-parse.ts';
import {
  type BlockAlign,
  HeaderState,
  type HeadingTag,
  type LexicalJson,
  type ListEntry,
  type ListType,
  type TableCellJson,
  headingNode,
  horizontalRuleNode,
  lineBreakNode,
  listNode,
  paragraphNode,
  pullQuoteNode,
  quoteNode,
  tableNode,
} from './lexical-json.ts';

// HTML blocks as Lexical blocks: paragraphs, headings, lists, quotes, pull quotes, rules,
// tables and figures. Used for classic (pre-block) content, for the innerHTML of the core
// blocks whose markup says everything (paragraph, heading, table…), and for blocks this app
// does not know, whose words are kept rather than lost.

// Where a photo found in the HTML goes: the caller records it for download and returns the
// figure block that stands for it in the body.
export interface FigureSource {
  url: string;
  alt: string;
  mediaId: number | null;
  width: number | null;
  height: number | null;
  figcaption: HtmlElement | null;
  // WordPress alignment: left, center, right, wide, full, or none.
  align: string | null;
}

export interface BlockReaderOptions {
  // Classic content: blank lines separate paragraphs and newlines break lines (wpautop).
  autop: boolean;
  figure: (source: FigureSource) => LexicalJson | null;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Wrappers read through for the blocks inside them.
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'center', 'nav', 'details']);
const SKIPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'video', 'audio', 'svg', 'math', 'canvas', 'form', 'button', 'input', 'select', 'noscript']);
const BLOCK_TAGS = new Set(['p', 'ul', 'ol', 'blockquote', 'figure', 'table', 'hr', 'pre', 'dl', ...HEADINGS, ...CONTAINERS]);

export function blockAlign(node: HtmlElement): BlockAlign {
  for (const name of classesOf(node)) {
    const match = /^has-text-align-(left|center|right|justify)$/.exec(name);
    if (match) return match[1] as BlockAlign;
  }
  const style = /text-align\s*:\s*(left|center|right|justify)/i.exec(node.attrs.style ?? '');
  return style ? (style[1]!.toLowerCase() as BlockAlign) : '';
}

function hasWords(inline: readonly LexicalJson[]): boolean {
  return inline.some((node) => (node.type === 'text' ? String(node.text).trim() !== '' : Array.isArray(node.children) && hasWords(node.children as LexicalJson[])));
}

function dimension(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(number) && number > 0 && number < 100_000 ? number : null;
}

export function imageAlign(node: HtmlElement): string | null {
  for (const name of classesOf(node)) {
    const match = /^align(left|center|right|wide|full|none)$/.exec(name);
    if (match) return match[1]!;
  }
  return null;
}

// A photo in any of the shapes WordPress wrote over the years: <figure><img><figcaption>,
// a bare <img>, or either inside a link or a wrapping <div class="wp-block-image">.
export function figureSource(container: HtmlElement): Omit<FigureSource, 'url'> & { url: string | undefined } {
  const img = container.tag === 'img' ? container : findElement(container.children, (node) => node.tag === 'img');
  const idClass = img ? classesOf(img).map((name) => /^wp-image-(\d+)$/.exec(name)).find(Boolean) : null;
  const figure = container.tag === 'figure' ? container : findElement(container.children, (node) => node.tag === 'figure');
  return {
    url: img?.attrs.src,
    alt: img?.attrs.alt ?? '',
    mediaId: idClass ? Number(idClass[1]) : dimension(img?.attrs['data-id']),
    width: dimension(img?.attrs.width),
    height: dimension(img?.attrs.height),
    figcaption: findElement(container.children, (node) => node.tag === 'figcaption'),
    align: imageAlign(container) ?? (figure ? imageAlign(figure) : null),
  };
}

export class BlockReader {
  readonly #options: BlockReaderOptions;

  constructor(options: BlockReaderOptions) {
    this.#options = options;
  }

  // Hand-written classic HTML is indented and wrapped, so its edges are trimmed; block markup
  // from the editor is not, and there the writer's spaces are kept as typed.
  get #inline(): InlineOptions {
    return { trim: this.#options.autop, newlineIsBreak: this.#options.autop };
  }

  read(nodes: readonly HtmlNode[]): LexicalJson[] {
    const blocks: LexicalJson[] = [];
    let pending: HtmlNode[] = [];
    const flush = () => {
      blocks.push(...this.#inlineRun(pending, '', true));
      pending = [];
    };
    for (const node of nodes) {
      if (node.kind === 'text') {
        // wpautop: a blank line ends a paragraph.
        const parts = this.#options.autop ? node.text.split(/\n[ \t]*\n/) : [node.text];
        parts.forEach((part, index) => {
          if (index > 0) flush();
          pending.push({ kind: 'text', text: part });
        });
      } else if (SKIPPED.has(node.tag)) {
        continue;
      } else if (BLOCK_TAGS.has(node.tag)) {
        flush();
        blocks.push(...this.#block(node));
      } else {
        pending.push(node);
      }
    }
    flush();
    return blocks;
  }

  // Loose inline content as a paragraph, and the photos in it (classic content puts them in
  // paragraphs, often inside a link to the full size) as figures after it.
  // Text loose between blocks is markup's own whitespace at its edges: always trimmed.
  #inlineRun(nodes: readonly HtmlNode[], align: BlockAlign, loose = false): LexicalJson[] {
    const inline = inlineFromHtml(nodes, loose ? { ...this.#inline, trim: true } : this.#inline);
    const blocks = hasWords(inline) ? [paragraphNode(inline, align)] : [];
    const images = findAll(nodes, (child) => child.tag === 'img');
    return [...blocks, ...images.flatMap((img) => this.#figure(img))];
  }

  #block(node: HtmlElement): LexicalJson[] {
    const tag = node.tag;
    if (tag === 'p') return this.#inlineRun(node.children, blockAlign(node));
    if (HEADINGS.has(tag)) {
      const inline = inlineFromHtml(node.children, this.#inline);
      return hasWords(inline) ? [headingNode(tag as HeadingTag, inline, blockAlign(node))] : [];
    }
    if (tag === 'ul' || tag === 'ol') {
      const list = this.list(node);
      return list ? [list] : [];
    }
    if (tag === 'blockquote') return this.#quote(node);
    if (tag === 'hr') return [horizontalRuleNode()];
    if (tag === 'table') {
      const table = tableFromHtml(node, this.#inline);
      return table ? [table] : [];
    }
    if (tag === 'figure') return this.#figure(node);
    if (tag === 'pre') {
      const inline = inlineFromHtml(node.children, { newlineIsBreak: true });
      return hasWords(inline) ? [paragraphNode(inline)] : [];
    }
    if (tag === 'dl') return elementsOf(node.children).flatMap((child) => this.#inlineRun(child.children, ''));
    // The image block's markup before WordPress 5.x: <div class="wp-block-image"><figure>…
    if (hasClass(node, 'wp-block-image')) return this.#figure(node);
    return this.read(node.children);
  }

  #quote(node: HtmlElement): LexicalJson[] {
    const inline = this.quoteInline(node.children);
    if (!hasWords(inline)) return [];
    return [hasClass(node, 'wp-block-pullquote') ? pullQuoteNode(inline) : quoteNode(inline)];
  }

  // A quote's paragraphs and citation as one run of inline text, a line each: Lexical's quote
  // and pull quote hold inline content only.
  quoteInline(nodes: readonly HtmlNode[]): LexicalJson[] {
    const lines: LexicalJson[][] = [];
    const loose: HtmlNode[] = [];
    const flushLoose = () => {
      const inline = inlineFromHtml(loose, this.#inline);
      if (hasWords(inline)) lines.push(inline);
      loose.length = 0;
    };
    for (const node of nodes) {
      if (node.kind === 'element' && (BLOCK_TAGS.has(node.tag) || node.tag === 'cite')) {
        flushLoose();
        const inline = inlineFromHtml(node.children, this.#inline);
        if (hasWords(inline)) lines.push(inline);
      } else {
        loose.push(node);
      }
    }
    flushLoose();
    return lines.flatMap((line, index) => (index === 0 ? line : [lineBreakNode(), ...line]));
  }

  #figure(node: HtmlElement): LexicalJson[] {
    if (hasClass(node, 'wp-block-pullquote')) {
      const quote = findElement(node.children, (child) => child.tag === 'blockquote');
      const inline = this.quoteInline(quote ? quote.children : node.children);
      return hasWords(inline) ? [pullQuoteNode(inline)] : [];
    }
    const table = node.tag === 'figure' ? findElement(node.children, (child) => child.tag === 'table') : null;
    if (table) {
      const json = tableFromHtml(table, this.#inline);
      return json ? [json] : [];
    }
    const source = figureSource(node);
    if (source.url === undefined) return this.read(node.children);
    const figure = this.#options.figure({ ...source, url: source.url });
    return figure ? [figure] : [];
  }

  list(node: HtmlElement): LexicalJson | null {
    const built = listEntries(node, this.#inline);
    return built.entries.length > 0 ? listNode(built.listType, built.start, built.entries) : null;
  }
}

function listEntries(node: HtmlElement, inline: InlineOptions, depth = 0): { listType: ListType; start: number; entries: ListEntry[] } {
  const listType: ListType = node.tag === 'ol' ? 'number' : 'bullet';
  const start = node.tag === 'ol' ? (dimension(node.attrs.start) ?? 1) : 1;
  const entries: ListEntry[] = [];
  for (const item of elementsOf(node.children)) {
    if (item.tag === 'ul' || item.tag === 'ol') {
      // A list directly inside a list (old editors wrote these) nests under the previous item.
      if (entries.length === 0) entries.push({ inline: [], nested: [] });
      if (depth < 32) entries[entries.length - 1]!.nested.push(listEntries(item, inline, depth + 1));
      continue;
    }
    if (item.tag !== 'li') continue;
    const own = item.children.filter((child) => !(child.kind === 'element' && (child.tag === 'ul' || child.tag === 'ol')));
    const nested = elementsOf(item.children).filter((child) => child.tag === 'ul' || child.tag === 'ol');
    entries.push({ inline: inlineFromHtml(own, inline), nested: depth < 32 ? nested.map((list) => listEntries(list, inline, depth + 1)) : [] });
  }
  return { listType, start, entries };
}

// thead cells are row headers; a column whose body cells are all <th> is a column header too,
// which is how the editor's first-row-and-column header table reads back.
export function tableFromHtml(table: HtmlElement, inline: InlineOptions): LexicalJson | null {
  const sections = elementsOf(table.children);
  const rowsOf = (nodes: readonly HtmlNode[]) => elementsOf(nodes).filter((row) => row.tag === 'tr');
  const head = sections.filter((section) => section.tag === 'thead').flatMap((section) => rowsOf(section.children));
  const body = [
    ...rowsOf(table.children),
    ...sections.filter((section) => section.tag === 'tbody' || section.tag === 'tfoot').flatMap((section) => rowsOf(section.children)),
  ];
  if (head.length + body.length === 0) return null;
  const cellsOf = (row: HtmlElement) => elementsOf(row.children).filter((cell) => cell.tag === 'td' || cell.tag === 'th');
  const headCells = head.map(cellsOf);
  const bodyCells = body.map(cellsOf);
  // Each cell's column in the table's grid, past the cells that rows above span into it.
  const columns = gridColumns([...headCells, ...bodyCells]);
  const bodyColumns = columns.slice(headCells.length);
  // A column is a header column when every body cell starting in it is a <th>.
  const allHeaders = new Map<number, boolean>();
  bodyCells.forEach((cells, row) =>
    cells.forEach((cell, index) => {
      const column = bodyColumns[row]![index]!;
      allHeaders.set(column, (allHeaders.get(column) ?? true) && cell.tag === 'th');
    }),
  );
  const columnHeaders = new Set([...allHeaders].filter(([, headers]) => headers).map(([column]) => column));
  const toCell = (cell: HtmlElement, column: number, inHead: boolean): TableCellJson => ({
    headerState: (inHead ? HeaderState.row : cell.tag === 'th' && !columnHeaders.has(column) ? HeaderState.row : 0) | (columnHeaders.has(column) ? HeaderState.column : 0),
    colSpan: dimension(cell.attrs.colspan) ?? 1,
    rowSpan: dimension(cell.attrs.rowspan) ?? 1,
    inline: inlineFromHtml(cell.children, inline),
  });
  const rows = [...headCells, ...bodyCells].map((cells, row) => cells.map((cell, index) => toCell(cell, columns[row]![index]!, row < headCells.length)));
  return tableNode(rows.filter((row) => row.length > 0));
}

// The grid column each cell starts in: a cell takes the first column not yet taken by a cell
// of a row above that spans down into this one. Markup from a site is not trusted to be sane:
// past a budget of grid places (far beyond any real table), spans are no longer followed.
const GRID_BUDGET = 100_000;

function gridColumns(rows: readonly (readonly HtmlElement[])[]): number[][] {
  const taken = rows.map(() => new Set<number>());
  let budget = GRID_BUDGET;
  return rows.map((cells, row) => {
    let column = 0;
    return cells.map((cell) => {
      while (taken[row]!.has(column)) column += 1;
      const start = column;
      const across = dimension(cell.attrs.colspan) ?? 1;
      const down = Math.min(dimension(cell.attrs.rowspan) ?? 1, rows.length - row);
      if (across * down <= budget) {
        budget -= across * down;
        for (let r = row + 1; r < row + down; r += 1) for (let c = start; c < start + across; c += 1) taken[r]!.add(c);
      }
      column = start + across;
      return start;
    });
  });
}

