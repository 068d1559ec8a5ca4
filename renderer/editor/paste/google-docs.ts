// Google Docs specifics. Docs wraps the entire clipboard fragment in
// <b style="font-weight:normal" id="docs-internal-guid-…">; kept as <b> it would make the whole
// paste bold, so it is unwrapped whatever its style says.

import { elementsWhere, unwrap } from './dom.ts';

export function isDocsWrapper(el: Element): boolean {
  return (el.getAttribute('id') ?? '').startsWith('docs-internal-guid');
}

export function unwrapDocsWrapper(root: Element): void {
  for (const el of elementsWhere(root, isDocsWrapper)) unwrap(el);
}
