import { FIELD_COUNT } from './types.ts';

// Scores rank by field first (headline over deck over body), then by how whole the match is.
// A term's score is its best field plus a small bonus per other field it also occurs in;
// the bonus is kept below a field step so it never lifts a deck match over a headline match.

// Indexed like FIELDS: headline, deck, body, byline, tags.
const FIELD_BASE = [40, 30, 10, 20, 25];
// Indexed by Quality: none, inside a word, word start, whole word.
const QUALITY_BONUS = [0, 0, 3, 6];
const OTHER_FIELD_BONUS = 0.5;

/** Field bits (1 << field) present in a posting mask. */
export const FIELDS_OF_MASK = new Uint8Array(1 << (FIELD_COUNT * 2));
/** Term score of a posting mask. */
export const SCORE_OF_MASK = new Float64Array(1 << (FIELD_COUNT * 2));

for (let mask = 0; mask < SCORE_OF_MASK.length; mask++) {
  let fields = 0;
  let best = 0;
  let count = 0;
  for (let field = 0; field < FIELD_COUNT; field++) {
    const quality = (mask >> (field * 2)) & 3;
    if (quality === 0) continue;
    fields |= 1 << field;
    count++;
    best = Math.max(best, FIELD_BASE[field]! + QUALITY_BONUS[quality]!);
  }
  FIELDS_OF_MASK[mask] = fields;
  SCORE_OF_MASK[mask] = count === 0 ? 0 : best + OTHER_FIELD_BONUS * (count - 1);
}
