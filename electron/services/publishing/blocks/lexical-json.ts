// Lexical's serialized node shapes, built in main without an editor. They mirror what the
// editor's own exportJSON writes (Lexical 0.52), so a body parsed from a WordPress post loads in
// the editor and compares equal to one the editor saved.

export type LexicalJson = { type: string; version: number; [key: string]: unknown };

// Lexical's text format bits (lexical/LexicalConstants).
export const TextFormat = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;

// TableCellHeaderStates in @lexical/table.
export const HeaderState = { none: 0, row: 1, column: 2, both: 3 } as const;

const element = { direction: null, format: '', indent: 0, version: 1 } as const;

export function textNode(text: string, format = 0): LexicalJson {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' };
}

export function lineBreakNode(): LexicalJson {
  return { type: 'linebreak', version: 1 };
}

export interface LinkAttributes {
  url: string;
  target: string | null;
  rel: string | null;
  title: string | null;
}

export function linkNode(link: LinkAttributes, children: LexicalJson[]): LexicalJson {
  return { ...element, type: 'link', url: link.url, target: link.target, rel: link.rel, title: link.title, children };
}

export type BlockAlign = '' | 'left' | 'center' | 'right' | 'justify';

export function paragraphNode(children: LexicalJson[], align: BlockAlign = ''): LexicalJson {
  return { ...element, type: 'paragraph', format: align, textFormat: 0, textStyle: '', children };
}

export type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

export function headingNode(tag: HeadingTag, children: LexicalJson[], align: BlockAlign = ''): LexicalJson {
  return { ...element, type: 'heading', tag, format: align, children };
}

export function quoteNode(children: LexicalJson[]): LexicalJson {
  return { ...element, type: 'quote', children };
}

// renderer/editor/nodes/PullQuoteNode.ts: an element holding inline content.
export function pullQuoteNode(children: LexicalJson[]): LexicalJson {
  return { ...element, type: 'pullquote', children };
}

export function horizontalRuleNode(): LexicalJson {
  return { type: 'horizontalrule', version: 1 };
}

export type ListType = 'bullet' | 'number';

// One entry of a list: its own inline content, then the lists nested under it.
export interface ListEntry {
  inline: LexicalJson[];
  nested: Array<{ listType: ListType; start: number; entries: ListEntry[] }>;
}

// Lexical keeps a nested list in a list item of its own right after its parent item, and
// numbers items the way $updateChildrenListItemValue does: the wrapper takes the next value
// without consuming it.
export function listNode(listType: ListType, start: number, entries: ListEntry[], depth = 0): LexicalJson {
  const children: LexicalJson[] = [];
  let value = start;
  for (const entry of entries) {
    children.push(listItemNode(entry.inline, value, depth));
    value += 1;
    for (const nested of entry.nested) {
      children.push(listItemNode([listNode(nested.listType, nested.start, nested.entries, depth + 1)], value, depth));
    }
  }
  return { ...element, type: 'list', listType, start, tag: listType === 'number' ? 'ol' : 'ul', children };
}

function listItemNode(children: LexicalJson[], value: number, indent: number): LexicalJson {
  return { ...element, type: 'listitem', value, indent, children };
}

export interface TableCellJson {
  headerState: number;
  colSpan: number;
  rowSpan: number;
  inline: LexicalJson[];
}

export function tableNode(rows: TableCellJson[][]): LexicalJson {
  return {
    ...element,
    type: 'table',
    children: rows.map((cells) => ({
      ...element,
      type: 'tablerow',
      children: cells.map((cell) => ({
        ...element,
        type: 'tablecell',
        backgroundColor: null,
        colSpan: cell.colSpan,
        rowSpan: cell.rowSpan,
        headerState: cell.headerState,
        children: [paragraphNode(cell.inline)],
      })),
    })),
  };
}

export function rootNode(children: LexicalJson[]): { root: LexicalJson & { type: 'root'; children: LexicalJson[] } } {
  return { root: { ...element, type: 'root', children } };
}
