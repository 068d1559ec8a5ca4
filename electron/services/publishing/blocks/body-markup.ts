import type { LexicalDocument } from '../../../model/article.ts';
import { SerializedFigure, SerializedGallery } from '../../../model/figure.ts';
import { inlineHtml, isSuggestedInsertion } from './inline-markup.ts';
import { HeaderState } from './lexical-json.ts';
import { blockMarkup, joinBlocks } from './markup-escape.ts';
import { figureMarkup, galleryMarkup } from './media-markup.ts';
import { publishBlockErrors, type SerializeContext } from './publish-context.ts';

// The article body (Lexical's serialized blocks) as core blocks, each written the way its save
// function in packages/block-library writes it.

interface Node {
  type?: unknown;
  children?: unknown;
  tag?: unknown;
  format?: unknown;
  listType?: unknown;
  start?: unknown;
  headerState?: unknown;
  colSpan?: unknown;
  rowSpan?: unknown;
  text?: unknown;
}

const childrenOf = (node: Node): Node[] => (Array.isArray(node.children) ? (node.children as Node[]) : []);

// A suggested insertion not accepted yet is not published, so a paragraph holding only one is
// empty on the page (see inline-markup.ts).
function hasText(nodes: readonly Node[], depth = 0): boolean {
  return (
    depth < 64 &&
    nodes.some((node) => !isSuggestedInsertion(node) && ((typeof node.text === 'string' && node.text !== '') || node.type === 'linebreak' || hasText(childrenOf(node), depth + 1)))
  );
}

// Lexical's element alignment, as core/paragraph's align and core/heading's textAlign.
function alignOf(node: Node): string | null {
  return node.format === 'left' || node.format === 'center' || node.format === 'right' || node.format === 'justify' ? node.format : null;
}

function paragraphMarkup(node: Node): string | null {
  // An empty paragraph is a writer's blank line: on the page it is only a gap.
  if (!hasText(childrenOf(node))) return null;
  const align = alignOf(node);
  const open = align ? `<p class="has-text-align-${align}">` : '<p>';
  return blockMarkup('paragraph', align ? { align } : null, `${open}${inlineHtml(node.children)}</p>`);
}

function headingMarkup(node: Node): string | null {
  if (!hasText(childrenOf(node))) return null;
  const level = typeof node.tag === 'string' && /^h[1-6]$/.test(node.tag) ? Number(node.tag[1]) : 2;
  const align = alignOf(node);
  // Level 2 is the block's default and is left out of the comment, as the editor leaves it.
  const attributes: Record<string, unknown> = {};
  if (align) attributes.textAlign = align;
  if (level !== 2) attributes.level = level;
  const classes = align ? `wp-block-heading has-text-align-${align}` : 'wp-block-heading';
  return blockMarkup('heading', attributes, `<h${level} class="${classes}">${inlineHtml(node.children)}</h${level}>`);
}

const isNestedListItem = (item: Node) => {
  const children = childrenOf(item);
  return children.length > 0 && children.every((child) => child.type === 'list');
};

// Lexical keeps a nested list in an item of its own after its parent item; core/list-item holds
// its nested list inside, after its text.
function listMarkup(node: Node, depth = 0): string | null {
  const items: Array<{ inline: Node[]; nested: string[] }> = [];
  for (const item of childrenOf(node)) {
    if (item.type !== 'listitem') continue;
    if (isNestedListItem(item)) {
      // Deeper than any list a writer makes: a hand-edited file, not read until the stack ends.
      const nested = depth < 32 ? childrenOf(item).map((child) => listMarkup(child, depth + 1)).filter((markup): markup is string => markup !== null) : [];
      if (items.length === 0) items.push({ inline: [], nested: [] });
      items[items.length - 1]!.nested.push(...nested);
    } else {
      items.push({ inline: childrenOf(item), nested: [] });
    }
  }
  if (items.length === 0) return null;
  const ordered = node.listType === 'number';
  const start = typeof node.start === 'number' && Number.isInteger(node.start) ? node.start : 1;
  const attributes: Record<string, unknown> = {};
  if (ordered) attributes.ordered = true;
  if (ordered && start !== 1) attributes.start = start;
  const tag = ordered ? 'ol' : 'ul';
  const startAttribute = ordered && start !== 1 ? ` start="${start}"` : '';
  const inner = items.map((item) => blockMarkup('list-item', null, `<li>${inlineHtml(item.inline)}${item.nested.join('')}</li>`));
  return blockMarkup('list', attributes, `<${tag}${startAttribute} class="wp-block-list">${joinBlocks(inner)}</${tag}>`);
}

// core/quote holds blocks; Lexical's quote holds one run of inline text, which becomes its one
// paragraph (line breaks stay line breaks).
function quoteMarkup(node: Node): string | null {
  if (!hasText(childrenOf(node))) return null;
  const paragraph = blockMarkup('paragraph', null, `<p>${inlineHtml(node.children)}</p>`);
  return blockMarkup('quote', null, `<blockquote class="wp-block-quote">${paragraph}</blockquote>`);
}

function pullQuoteMarkup(node: Node): string | null {
  if (!hasText(childrenOf(node))) return null;
  return blockMarkup('pullquote', null, `<figure class="wp-block-pullquote"><blockquote><p>${inlineHtml(node.children)}</p></blockquote></figure>`);
}

function separatorMarkup(): string {
  return blockMarkup('separator', null, '<hr class="wp-block-separator has-alpha-channel-opacity"/>');
}

function cellHtml(cell: Node, tag: 'th' | 'td'): string {
  // A core/table cell is one run of rich text: the cell's paragraphs become lines.
  const inner = childrenOf(cell)
    .map((paragraph) => (Array.isArray(paragraph.children) ? inlineHtml(paragraph.children) : ''))
    .join('<br>');
  const span = (name: string, value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 1 ? ` ${name}="${value}"` : '');
  return `<${tag}${span('colspan', cell.colSpan)}${span('rowspan', cell.rowSpan)}>${inner}</${tag}>`;
}

const headerBits = (cell: Node) => (typeof cell.headerState === 'number' ? cell.headerState : HeaderState.none);

// Leading rows whose every cell is a row header make the <thead>; header cells elsewhere are
// <th> in the body, which core/table's cell `tag` keeps.
// hasFixedLayout is written out as false: WordPress 6.1 defaults it to false and later versions
// to true, and an explicit value reads the same in both; auto layout suits text tables.
function tableMarkup(node: Node): string | null {
  const rows = childrenOf(node).filter((row) => row.type === 'tablerow');
  if (rows.length === 0) return null;
  let headRows = 0;
  while (headRows < rows.length - 1 && childrenOf(rows[headRows]!).every((cell) => (headerBits(cell) & HeaderState.row) !== 0)) headRows += 1;
  const section = (tag: string, sectionRows: Node[], headCells: boolean) =>
    sectionRows.length === 0
      ? ''
      : `<${tag}>${sectionRows
          .map((row) => `<tr>${childrenOf(row).map((cell) => cellHtml(cell, headCells || headerBits(cell) !== HeaderState.none ? 'th' : 'td')).join('')}</tr>`)
          .join('')}</${tag}>`;
  const table = `<table>${section('thead', rows.slice(0, headRows), true)}${section('tbody', rows.slice(headRows), false)}</table>`;
  return blockMarkup('table', { hasFixedLayout: false }, `<figure class="wp-block-table">${table}</figure>`);
}

function blockOf(node: Node, context: SerializeContext, prefix: string): string | null {
  switch (node.type) {
    case 'paragraph':
      return paragraphMarkup(node);
    case 'heading':
      return headingMarkup(node);
    case 'list':
      return listMarkup(node);
    case 'quote':
      return quoteMarkup(node);
    case 'pullquote':
      return pullQuoteMarkup(node);
    case 'horizontalrule':
      return separatorMarkup();
    case 'table':
      return tableMarkup(node);
    case 'figure': {
      const figure = SerializedFigure.safeParse(node);
      if (!figure.success) throw publishBlockErrors.invalidPhoto();
      return figureMarkup(figure.data, context, prefix);
    }
    case 'gallery': {
      const gallery = SerializedGallery.safeParse(node);
      if (!gallery.success) throw publishBlockErrors.invalidPhoto();
      return galleryMarkup(gallery.data, context, prefix);
    }
    default:
      // A block this version does not know keeps its words as a paragraph rather than vanishing.
      return Array.isArray(node.children) ? paragraphMarkup({ children: node.children }) : null;
  }
}

export function bodyMarkup(body: LexicalDocument, context: SerializeContext, prefix: string): string[] {
  return (body.root.children as Node[]).map((node) => blockOf(node, context, prefix)).filter((markup): markup is string => markup !== null);
}
