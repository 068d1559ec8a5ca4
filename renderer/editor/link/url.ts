// Which link targets an article may carry. Published pages are read in browsers, so anything
// that runs code or reaches the reader's machine (javascript:, data:, file:) is refused here,
// before it becomes a LinkNode, rather than trusted to the sanitizer of whoever renders it.
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const BARE_HOST = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/u;

export type LinkCheck = { ok: true; url: string } | { ok: false; reason: 'empty' | 'scheme' | 'invalid' };

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function acceptParsed(url: string): LinkCheck {
  const parsed = parse(url);
  if (!parsed) return { ok: false, reason: 'invalid' };
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return { ok: false, reason: 'scheme' };
  if (parsed.protocol === 'mailto:' ? parsed.pathname === '' : parsed.hostname === '') return { ok: false, reason: 'invalid' };
  return { ok: true, url };
}

/**
 * Checks what a writer typed into the link field. A bare address ("example.com/a", "kim@news.kr")
 * gets https: or mailto: put in front, as writers rarely type the scheme; anything with another
 * scheme is refused.
 */
export function checkLinkUrl(input: string): LinkCheck {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  // Whitespace and control characters inside a URL are how scheme filters are usually fooled
  // ("java\tscript:"), and never part of a real address a writer means.
  if (/[\s\p{Cc}]/u.test(text)) return { ok: false, reason: 'invalid' };
  if (HAS_SCHEME.test(text) && !BARE_HOST.test(text)) return acceptParsed(text);
  if (EMAIL.test(text)) return acceptParsed(`mailto:${text}`);
  if (BARE_HOST.test(text)) return acceptParsed(`https://${text}`);
  return { ok: false, reason: 'invalid' };
}

// For Lexical's LinkPlugin, which checks complete URLs (TOGGLE_LINK_COMMAND, pasted URLs).
export function isAllowedLinkUrl(url: string): boolean {
  const check = checkLinkUrl(url);
  return check.ok && check.url === url.trim();
}
