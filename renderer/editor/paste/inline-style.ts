// The page's Content-Security-Policy refuses inline styles, and Chromium reports every `style`
// attribute it parses, even in a DOMParser document that is never shown: tens of thousands of
// console errors for a long Word paste. So the raw HTML's style attributes are renamed to this
// before parsing; the passes below read them under this name, and DOMPurify drops it.
export const PASTED_STYLE = 'data-pasted-style';

export function renameStyleAttributes(html: string): string {
  return html.replace(/(<[a-zA-Z][^<>]*?\s)style(\s*=)/gi, `$1${PASTED_STYLE}$2`);
}

// Reads inline `style` attributes by hand. `el.style` is no use here: browsers and jsdom drop
// unknown properties such as `mso-list`, and reject HWP's quoted values (`font-weight:"bold"`).

export type InlineFormat = 'bold' | 'italic' | 'underline' | 'strikethrough';

export type StyleMap = ReadonlyMap<string, string>;

export function readStyle(el: Element): StyleMap {
  return parseInlineStyle(el.getAttribute(PASTED_STYLE));
}

export function parseInlineStyle(style: string | null): Map<string, string> {
  const map = new Map<string, string>();
  if (style === null || style === '') return map;
  for (const declaration of splitDeclarations(style)) {
    const colon = declaration.indexOf(':');
    if (colon <= 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    map.set(property, normalizeValue(declaration.slice(colon + 1)));
  }
  return map;
}

// A plain split on ';' would cut `url(data:image/png;base64,...)` and quoted font names apart.
function splitDeclarations(style: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let depth = 0;
  let start = 0;
  for (let i = 0; i < style.length; i += 1) {
    const ch = style[i];
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '(') {
      depth += 1;
    } else if (ch === ')') {
      depth = Math.max(0, depth - 1);
    } else if (ch === ';' && depth === 0) {
      parts.push(style.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(style.slice(start));
  return parts;
}

// HWP quotes keyword values ("bold", "italic"), and `!important` never changes the meaning.
function normalizeValue(raw: string): string {
  return raw
    .replace(/!\s*important\s*$/i, '')
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2')
    .trim()
    .toLowerCase();
}

export function formatsFromStyle(style: StyleMap): Set<InlineFormat> {
  const formats = new Set<InlineFormat>();
  if (isBoldWeight(style.get('font-weight'))) formats.add('bold');
  if (isItalicStyle(style.get('font-style'))) formats.add('italic');
  const decoration = decorationLines(style);
  if (decoration.has('underline')) formats.add('underline');
  if (decoration.has('line-through')) formats.add('strikethrough');
  return formats;
}

export function isBoldWeight(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (value === 'bold' || value === 'bolder') return true;
  const numeric = Number.parseInt(value, 10);
  return Number.isFinite(numeric) && numeric >= 600;
}

/** True when the style explicitly cancels bold, as Google Docs' wrapper `<b>` does. */
export function isNormalWeight(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (value === 'normal' || value === 'lighter') return true;
  const numeric = Number.parseInt(value, 10);
  return Number.isFinite(numeric) && numeric < 600;
}

function isItalicStyle(value: string | undefined): boolean {
  return value !== undefined && (value.startsWith('italic') || value.startsWith('oblique'));
}

// `text-decoration` is a shorthand (`underline dotted red`), so look at its words;
// `text-decoration-line` is what Chrome writes when it copies computed styles.
function decorationLines(style: StyleMap): Set<string> {
  const words = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
  return new Set(words.split(/[\s,]+/).filter((word) => word !== ''));
}
