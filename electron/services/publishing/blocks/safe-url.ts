// Which addresses may appear in published markup. The editor already refuses other schemes
// (renderer/editor/link/url.ts), but a body can come from an old draft, an import or a post
// read back from the site, so the markup is checked again where it is made and where it is read.

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MEDIA_PROTOCOLS = new Set(['http:', 'https:']);

// Whitespace and control characters inside an address are how scheme filters are fooled
// ("java\tscript:"), and never part of a real one.
const SUSPICIOUS = /[\s\p{Cc}]/u;

function check(value: unknown, protocols: ReadonlySet<string>): string | null {
  if (typeof value !== 'string') return null;
  const url = value.trim();
  if (url === '' || url.length > 4000 || SUSPICIOUS.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!protocols.has(parsed.protocol)) return null;
  if (parsed.protocol === 'mailto:' ? parsed.pathname === '' : parsed.hostname === '') return null;
  // The address as written, not URL's normalized form: it must read back unchanged.
  return url;
}

// A link a reader follows: http, https or mailto, absolute.
export function safeLinkUrl(value: unknown): string | null {
  return check(value, LINK_PROTOCOLS);
}

// A photo or file the page loads or downloads: http or https, absolute.
export function safeMediaUrl(value: unknown): string | null {
  return check(value, MEDIA_PROTOCOLS);
}
