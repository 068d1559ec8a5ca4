import type { EditorThemeClasses } from 'lexical';

// Class names only: the look lives in styles.css, and no inline style ever reaches the body.
export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  heading: { h1: 'ed-h1', h2: 'ed-h2', h3: 'ed-h3' },
  quote: 'ed-quote',
  pullquote: 'ed-pullquote',
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    listitem: 'ed-li',
    nested: { listitem: 'ed-li-nested' },
  },
  link: 'ed-link',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    underline: 'ed-underline',
    strikethrough: 'ed-strike',
    underlineStrikethrough: 'ed-underline-strike',
  },
  table: 'ed-table',
  tableCell: 'ed-td',
  tableCellHeader: 'ed-th',
  hr: 'ed-hr',
  mark: 'ed-mark',
};
