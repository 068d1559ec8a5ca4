// Word-level diff for Korean and English text. Pure functions, no DOM, so the history panel can
// diff a whole article on each selection and the unit tests can time it.

export type Op = 'equal' | 'delete' | 'insert';

export interface Part {
  op: Op;
  text: string;
}

// Runs of letters, marks and digits (Hangul syllables and jamo are letters, so a Korean 어절
// like "부산시의회는" is one token), runs of whitespace, and each other character on its own.
// Splitting on Unicode classes instead of ASCII word boundaries is what makes Hangul work.
const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

// Beyond this many edits Myers' trace would cost too much memory and time for text that has been
// rewritten anyway; the middle is then shown as one deletion and one insertion.
const MAX_EDIT_DISTANCE = 1000;

type Step = 'equal' | 'delete' | 'insert';

// Shortest edit script from a to b (Myers 1986, O((N+M)·D)). The common prefix and suffix are
// peeled off first: an edited draft is mostly unchanged, so that usually leaves little to search.
export function diffSequence<T>(a: readonly T[], b: readonly T[]): Step[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = myers(...intern(a.slice(start, endA), b.slice(start, endB)));
  const tail = a.length - endA;
  return [...repeat('equal', start), ...middle, ...repeat('equal', tail)];
}

// Equal items get equal numbers, so the search compares integers, not whole paragraphs.
function intern<T>(a: readonly T[], b: readonly T[]): [Int32Array, Int32Array] {
  const ids = new Map<T, number>();
  const number = (items: readonly T[]) =>
    Int32Array.from(items, (item) => {
      let id = ids.get(item);
      if (id === undefined) ids.set(item, (id = ids.size));
      return id;
    });
  return [number(a), number(b)];
}

function repeat(step: Step, times: number): Step[] {
  return Array.from({ length: times }, () => step);
}

function myers(a: Int32Array, b: Int32Array): Step[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return repeat('insert', m);
  if (m === 0) return repeat('delete', n);
  // Nothing in common (a paragraph rewritten, every paragraph edited): the answer is known
  // without searching, and the search would run to its limit.
  const inA = new Set(a);
  if (!b.some((item) => inA.has(item))) return [...repeat('delete', n), ...repeat('insert', m)];
  const max = n + m;
  const limit = Math.min(max, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[-d..d] as it was after step d, which is all backtracking needs.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(trace, n, m);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return [...repeat('delete', n), ...repeat('insert', m)];
}

function backtrack(trace: readonly Int32Array[], n: number, m: number): Step[] {
  const steps: Step[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1]!;
    const at = (k: number) => previous[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      steps.push('equal');
      x--;
      y--;
    }
    steps.push(down ? 'insert' : 'delete');
    x = prevX;
    y = prevY;
  }
  for (; x > 0; x--) steps.push('equal');
  return steps.reverse();
}

// The word diff of two strings, as runs of equal, deleted and inserted text. Within a changed
// stretch all deleted text comes before all inserted text, and the lone spaces between changed
// words join the change: "[-a b c-][+x y z+]" reads better than "[-a-][+x+] [-b-][+y+] …".
export function diffWords(before: string, after: string): Part[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : [];
  return diffTokens(tokenize(before), tokenize(after));
}

function diffTokens(a: readonly string[], b: readonly string[]): Part[] {
  const steps = diffSequence(a, b);
  const parts: Part[] = [];
  let deleted = '';
  let inserted = '';
  let pendingSpace = '';
  let i = 0;
  let j = 0;
  const flush = () => {
    if (deleted) parts.push({ op: 'delete', text: deleted });
    if (inserted) parts.push({ op: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  const pushEqual = (text: string) => {
    const last = parts.at(-1);
    if (last?.op === 'equal') last.text += text;
    else parts.push({ op: 'equal', text });
  };
  for (const step of steps) {
    if (step === 'equal') {
      const token = a[i++]!;
      j++;
      const inChange = deleted !== '' || inserted !== '';
      if (inChange && /^\s+$/u.test(token) && pendingSpace === '') {
        pendingSpace = token;
        continue;
      }
      if (pendingSpace) {
        flush();
        pushEqual(pendingSpace);
        pendingSpace = '';
      } else flush();
      pushEqual(token);
      continue;
    }
    if (pendingSpace) {
      deleted += pendingSpace;
      inserted += pendingSpace;
      pendingSpace = '';
    }
    if (step === 'delete') deleted += a[i++]!;
    else inserted += b[j++]!;
  }
  flush();
  if (pendingSpace) pushEqual(pendingSpace);
  return parts;
}

export type ParagraphChange =
  | { kind: 'equal'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'added'; text: string }
  | { kind: 'changed'; parts: Part[] };

// How far ahead an edited paragraph is looked for among the new ones, and how alike two
// paragraphs must be (shared words) to be shown as one edited paragraph rather than as a
// removal and an addition.
const PAIR_WINDOW = 20;
const PAIR_SIMILARITY = 0.4;

// Paragraphs are matched whole first (so a 1,000-paragraph draft with one edit compares one pair
// of paragraphs word by word, not the whole text), then each replaced stretch is paired up and
// diffed word by word.
export function diffParagraphs(before: readonly string[], after: readonly string[]): ParagraphChange[] {
  const steps = diffSequence(before, after);
  const changes: ParagraphChange[] = [];
  let i = 0;
  let j = 0;
  let s = 0;
  while (s < steps.length) {
    if (steps[s] === 'equal') {
      changes.push({ kind: 'equal', text: before[i++]! });
      j++;
      s++;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    for (; s < steps.length && steps[s] !== 'equal'; s++) {
      if (steps[s] === 'delete') removed.push(before[i++]!);
      else added.push(after[j++]!);
    }
    changes.push(...pairUp(removed, added));
  }
  return changes;
}

function pairUp(removed: readonly string[], added: readonly string[]): ParagraphChange[] {
  const changes: ParagraphChange[] = [];
  // Each paragraph is split into tokens once, for both the likeness test and the word diff.
  const addedTokens = new Map<number, { tokens: string[]; words: Set<string> }>();
  const tokensOfAdded = (k: number) => {
    let entry = addedTokens.get(k);
    if (!entry) {
      const tokens = tokenize(added[k]!);
      addedTokens.set(k, (entry = { tokens, words: wordSet(tokens) }));
    }
    return entry;
  };
  let next = 0;
  for (const old of removed) {
    const oldTokens = tokenize(old);
    const oldWords = wordSet(oldTokens);
    let match = -1;
    for (let k = next; k < Math.min(added.length, next + PAIR_WINDOW); k++) {
      if (similarity(oldWords, tokensOfAdded(k).words) >= PAIR_SIMILARITY) {
        match = k;
        break;
      }
    }
    if (match < 0) {
      changes.push({ kind: 'removed', text: old });
      continue;
    }
    for (; next < match; next++) changes.push({ kind: 'added', text: added[next]! });
    // Identical paragraphs land here only when the paragraph diff gave up on a huge rewrite.
    if (old === added[match]) changes.push({ kind: 'equal', text: old });
    else changes.push({ kind: 'changed', parts: diffTokens(oldTokens, tokensOfAdded(match).tokens) });
    next = match + 1;
  }
  for (; next < added.length; next++) changes.push({ kind: 'added', text: added[next]! });
  return changes;
}

const WORD = /^[\p{L}\p{M}\p{N}]/u;

function wordSet(tokens: readonly string[]): Set<string> {
  return new Set(tokens.filter((token) => WORD.test(token)));
}

// Dice coefficient over distinct words: 1 for the same words, 0 for none in common.
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}
