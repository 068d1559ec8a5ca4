// Top-k selection where some candidates' scores are only upper bounds until verified.
// Verifying a long term means reading the draft's text, and a common term has thousands of
// candidates; ranking by bound and verifying only what reaches the top keeps that to about
// `limit` drafts, plus those whose bound promised more than they hold.

/**
 * Positions of the best `limit` candidates, best first: by score, then by higher document
 * index (the draft saved most recently). `scores` starts as exact scores or upper bounds
 * (where `pending` is set); `settle(position)` returns the exact score, or -1 for a candidate
 * that turns out not to match. Settled scores are written back into `scores`.
 *
 * After `maxSettles` verifications the ranking stops waiting for bounds to be disproved and
 * takes candidates in bound order, verifying only those it returns. This caps the work when
 * thousands of drafts look equally promising (a common term that could be a whole word
 * everywhere but rarely is); the cost is that a whole-word match among them may be missed
 * in favour of a word-start match. Matches returned are always verified and sorted.
 */
export function rankLazily(
  scores: Float64Array,
  docs: Int32Array,
  count: number,
  pending: Uint8Array,
  limit: number,
  settle: (position: number) => number,
  maxSettles: number,
): number[] {
  const heap = new Int32Array(count);
  for (let i = 0; i < count; i++) heap[i] = i;
  let size = count;
  const better = (a: number, b: number): boolean =>
    scores[a]! > scores[b]! || (scores[a] === scores[b] && docs[a]! > docs[b]!);
  const siftDown = (from: number): void => {
    let at = from;
    const item = heap[at]!;
    for (;;) {
      const left = at * 2 + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && better(heap[right]!, heap[left]!) ? right : left;
      if (!better(heap[child]!, item)) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = item;
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);

  const best: number[] = [];
  let settled = 0;
  while (best.length < limit && size > 0) {
    const top = heap[0]!;
    if (pending[top] === 1) {
      pending[top] = 0;
      const score = settle(top);
      settled++;
      if (score >= 0) {
        scores[top] = score;
        if (settled <= maxSettles) {
          // Lower than or equal to the bound, so it can only move down.
          siftDown(0);
          continue;
        }
        best.push(top);
      }
    } else {
      best.push(top);
    }
    heap[0] = heap[--size]!;
    siftDown(0);
  }
  if (settled > maxSettles) best.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  return best;
}
