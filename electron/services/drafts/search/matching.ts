import { matchQuality, type Quality } from './chars.ts';
import { PROJECTED_EDGE } from './choseong.ts';
import { type StoredField, withQuality } from './grams.ts';
import type { QueryTerm } from './normalize.ts';

// Exact matching, run only on candidates the gram filter let through.

/** Offset of the next match of `term` in `field` at or after `from`, or -1. */
export function nextMatch(term: QueryTerm, field: StoredField, from: number): number {
  if (!term.initials) return field.folded.indexOf(term.text, from);
  const { projection, folded } = field;
  if (projection === null) return -1;
  let at = projection.indexOf(term.pattern, from);
  while (at >= 0) {
    let literal = true;
    for (const offset of term.literal) {
      if (folded.charCodeAt(at + offset) !== term.text.charCodeAt(offset)) {
        literal = false;
        break;
      }
    }
    if (literal) return at;
    at = projection.indexOf(term.pattern, at + 1);
  }
  return -1;
}

/** bestQuality for a term of initials only, read off word edges in the projection. */
function initialsQuality(term: QueryTerm, projection: string): Quality {
  const { pattern } = term;
  const at = projection.indexOf(pattern);
  if (at < 0) return 0;
  const last = projection.length - pattern.length;
  const edgeAfter = (start: number): boolean =>
    start === last || projection.charCodeAt(start + pattern.length) === PROJECTED_EDGE;
  const edgeBefore = (start: number): boolean => start === 0 || projection.charCodeAt(start - 1) === PROJECTED_EDGE;
  if (
    projection.includes(term.wholePattern) ||
    (at === 0 && edgeAfter(0)) ||
    (projection.endsWith(pattern) && edgeBefore(last))
  ) {
    return 3;
  }
  return at === 0 || projection.includes(term.startPattern) ? 2 : 1;
}

/** The best quality of any match of `term` in `field`; 0 when it does not occur. */
export function bestQuality(term: QueryTerm, field: StoredField): Quality {
  if (term.initials && term.literal.length === 0) {
    return field.projection === null ? 0 : initialsQuality(term, field.projection);
  }
  let best: Quality = 0;
  for (let at = nextMatch(term, field, 0); at >= 0; at = nextMatch(term, field, at + 1)) {
    const quality = matchQuality(field.folded, at, term.text.length);
    if (quality > best) best = quality;
    if (best === 3) break;
  }
  return best;
}

/** The posting-style quality mask of `term` over the fields whose bit is set in `fields`. */
export function verify(term: QueryTerm, stored: readonly StoredField[], fields: number): number {
  let mask = 0;
  for (let field = 0; field < stored.length; field++) {
    if ((fields & (1 << field)) === 0) continue;
    const quality = bestQuality(term, stored[field]!);
    if (quality > 0) mask = withQuality(mask, field, quality);
  }
  return mask;
}
