import type { Comment, ReviewData, Suggestion, Thread, Transition } from '../../model/review.ts';

// Two copies of a draft's review data made into one, so that two people commenting at once
// (or one offline for a day) both keep what they wrote. Every record carries its own id and
// times, which makes the merge a union with a rule per kind of record for the case where both
// copies changed the same one:
//
// - threads and comments: by id, none ever dropped; a comment edited or deleted on one side:
//   the latest editedAt wins (never edited counts as oldest);
// - a thread's resolved state: the latest stateAt wins;
// - suggestions: a decision beats an open suggestion; two decisions: the latest decidedAt;
// - the timeline: by id, in time order;
// - submittedRevision: the larger.
//
// Ties (same time on both sides, clocks being what they are) are settled by comparing the two
// records' JSON, so the result does not depend on which copy is "local": merge(a, b) and
// merge(b, a) are the same data, merge(a, a) is a (in canonical order), and merging a result
// again with either input changes nothing. The output is in a canonical order (see below), so
// two merges of the same records are equal as JSON too; that is how a sync tells whether the
// site already has everything.

export function mergeReview(a: ReviewData, b: ReviewData): ReviewData {
  return {
    version: 1,
    threads: byId(a.threads, b.threads, mergeThread).sort(threadOrder),
    suggestions: byId(a.suggestions, b.suggestions, mergeSuggestion).sort((x, y) => compare(x.at, y.at) || compare(x.id, y.id)),
    timeline: byId(a.timeline, b.timeline, (x, y) => larger(x, y)).sort(transitionOrder),
    submittedRevision: maxNullable(a.submittedRevision, b.submittedRevision),
  };
}

// The same data in canonical order: what merging a copy with itself gives.
export function normalizeReview(data: ReviewData): ReviewData {
  return mergeReview(data, data);
}

// Whether `whole` already holds everything in `part` (merging adds nothing to it).
export function containsReview(whole: ReviewData, part: ReviewData): boolean {
  return sameReview(mergeReview(whole, part), whole);
}

export function sameReview(a: ReviewData, b: ReviewData): boolean {
  return canonicalJson(normalizeReview(a)) === canonicalJson(normalizeReview(b));
}

function mergeThread(x: Thread, y: Thread): Thread {
  // The state (resolved, when, by whom) moves as one; the quote is the same on both sides
  // unless a copy was tampered with, and then one of them is taken deterministically.
  const state = laterBy(x, y, (thread) => thread.stateAt);
  const base = larger({ ...x, comments: [] }, { ...y, comments: [] });
  return {
    ...base,
    resolved: state.resolved,
    stateAt: state.stateAt,
    stateBy: state.stateBy,
    comments: byId(x.comments, y.comments, mergeComment).sort((c, d) => compare(c.at, d.at) || compare(c.id, d.id)),
  };
}

function mergeComment(x: Comment, y: Comment): Comment {
  return laterBy(x, y, (comment) => comment.editedAt ?? '');
}

function mergeSuggestion(x: Suggestion, y: Suggestion): Suggestion {
  const xDecided = x.status !== 'open';
  const yDecided = y.status !== 'open';
  if (xDecided !== yDecided) return xDecided ? x : y;
  return laterBy(x, y, (suggestion) => suggestion.decidedAt ?? '');
}

function threadOrder(x: Thread, y: Thread): number {
  return compare(startOf(x), startOf(y)) || compare(x.id, y.id);
}

// When a thread was started: its first comment (a thread always starts with one), else when
// its state was last set.
function startOf(thread: Thread): string {
  let first: string | null = null;
  for (const comment of thread.comments) if (first === null || comment.at < first) first = comment.at;
  return first ?? thread.stateAt;
}

function transitionOrder(x: Transition, y: Transition): number {
  return compare(x.at, y.at) || compare(x.id, y.id);
}

function byId<T extends { id: string }>(xs: readonly T[], ys: readonly T[], both: (x: T, y: T) => T): T[] {
  const merged = new Map<string, T>();
  // A copy holding one id twice (tampered with, or from a buggy client) is merged with itself.
  for (const item of [...xs, ...ys]) {
    const seen = merged.get(item.id);
    merged.set(item.id, seen ? both(seen, item) : item);
  }
  return [...merged.values()];
}

// The record with the later time; the same time: the larger JSON.
function laterBy<T>(x: T, y: T, time: (value: T) => string): T {
  return compare(time(x), time(y)) > 0 ? x : compare(time(x), time(y)) < 0 ? y : larger(x, y);
}

function larger<T>(x: T, y: T): T {
  return compare(canonicalJson(x), canonicalJson(y)) >= 0 ? x : y;
}

function maxNullable(x: number | null, y: number | null): number | null {
  if (x === null) return y;
  if (y === null) return x;
  return Math.max(x, y);
}

// Code-unit order, as ISO times and ids compare; not the locale's.
function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

// JSON with object keys sorted, so two equal records give the same text whatever order their
// keys came in (the site may hand them back in another order).
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}
