// The three places writer text lands in block markup, each escaped the way WordPress's own
// serializer does it, so the post's markup is byte for byte what the block editor would save and
// nothing the writer types can become markup.

// Control characters other than tab and newline have no business in a page, and some (NUL,
// form feed) break parsers downstream.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function stripControl(text: string): string {
  return text.replace(CONTROL, '').replace(/\r\n?/g, '\n');
}

// Element text: @wordpress/escape-html escapeEditableHTML, what RichText writes (& and <).
// With every < escaped no tag and no `<!-- wp:` delimiter can start inside text.
export function escapeText(text: string): string {
  return stripControl(text).replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

// Attribute values: escapeAttribute (& " >) plus <, so an alt text or a URL can never carry a
// `<!-- wp:` block delimiter, which the block parser would find even inside an attribute.
// Every & is escaped (WordPress leaves ones that already look like entities): the value then
// reads back exactly as given.
export function escapeAttribute(value: string): string {
  return stripControl(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// serializeAttributes in @wordpress/blocks (packages/blocks/src/api/serializer.js):
//   JSON.stringify(attributes).replace(/--/g, '\\u002d\\u002d').replace(/</g, '\\u003c')
//     .replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\\"/g, '\\u0022')
// done in one pass that skips over JSON's own escape pairs, so a value ending in a backslash
// (where WordPress's last step would eat the closing quote) still comes out as valid JSON.
export function serializeBlockAttributes(attributes: Record<string, unknown>): string {
  return JSON.stringify(attributes).replace(/\\.|--|[<>&]/g, (match) => {
    switch (match) {
      case '--':
        return '\\u002d\\u002d';
      case '<':
        return '\\u003c';
      case '>':
        return '\\u003e';
      case '&':
        return '\\u0026';
      case '\\"':
        return '\\u0022';
      default:
        return match;
    }
  });
}

// getCommentDelimitedContent in @wordpress/blocks: core blocks lose their namespace, attributes
// go in only when there are some, and the content sits between the delimiters on its own lines.
export function blockMarkup(name: string, attributes: Record<string, unknown> | null, html: string): string {
  const attrs = attributes && Object.keys(attributes).length > 0 ? `${serializeBlockAttributes(attributes)} ` : '';
  return `<!-- wp:${name} ${attrs}-->\n${html}\n<!-- /wp:${name} -->`;
}

// serialize() joins sibling blocks, top level and inner blocks alike, with a blank line.
export function joinBlocks(blocks: readonly string[]): string {
  return blocks.join('\n\n');
}
