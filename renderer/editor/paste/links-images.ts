// Link and image policy. Nothing remote may load in the editor, and a link may only point where
// a reader can safely follow it.

import { elementsByTag, remove, unwrap } from './dom.ts';
import { readStyle } from './inline-style.ts';

const LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

// Raster types only: the app imports these later as files, and an SVG document is a script
// carrier if it is ever opened outside an <img>.
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|bmp|avif)[;,]/i;

// Anything this small is a tracking pixel or a spacer GIF, never content.
const TRACKING_MAX_PX = 2;

/**
 * Returns the normalized URL when its scheme is allowed, else null. The WHATWG parser strips
 * the tabs, newlines and control characters that `java\tscript:` tricks rely on, exactly as the
 * browser would before following the link.
 */
export function allowedHref(raw: string | null): string | null {
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null; // relative or malformed: there is no page to resolve it against
  }
  return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/** Links keep only a safe absolute href; anything else becomes its plain text. */
export function applyLinkPolicy(root: Element): void {
  for (const a of elementsByTag(root, ['a'])) {
    const href = allowedHref(a.getAttribute('href'));
    if (href === null) {
      unwrap(a);
    } else {
      a.setAttribute('href', href);
    }
  }
}

/** Keeps only data: raster images of real size; drops remote, file:, tracking and spacer images. */
export function applyImagePolicy(root: Element): void {
  for (const img of elementsByTag(root, ['img'])) {
    const src = (img.getAttribute('src') ?? '').trim();
    if (!DATA_IMAGE.test(src) || isTrackingSized(img)) remove(img);
  }
}

function isTrackingSized(img: Element): boolean {
  const style = readStyle(img);
  const sizes = [
    img.getAttribute('width'),
    img.getAttribute('height'),
    style.get('width') ?? null,
    style.get('height') ?? null,
  ];
  return sizes.some((size) => size !== null && isTiny(size));
}

// Only absolute pixel-ish lengths count; "50%" or "auto" says nothing about the image.
function isTiny(size: string): boolean {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/i.exec(size);
  return match !== null && Number(match[1]) <= TRACKING_MAX_PX;
}
