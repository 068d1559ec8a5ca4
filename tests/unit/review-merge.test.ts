import { describe, expect, it } from 'vitest';
import { type Comment, emptyReview, type Person, ReviewData, type Suggestion, type Thread, type Transition } from '../../electron/model/review.ts';
import { canonicalJson, containsReview, mergeReview, normalizeReview } from '../../electron/services/review/merge.ts';

// Two copies of review data made into one: nobody's comment is lost, and the result does not
// depend on which copy is whose or how often it is merged.

const writer: Person = { siteId: null, userId: 3, name: '조현경' };
const editor: Person = { siteId: null, userId: 2, name: '편집자' };

const at = (minute: number) => `2025-03-10T09:${String(minute).padStart(2, '0')}:00.000Z`;

function comment(id: string, minute: number, text: string, extra: Partial<Comment> = {}): Comment {
  return { id, author: writer, at: at(minute), text, editedAt: null, deleted: false, ...extra };
}

function thread(id: string, comments: Comment[], extra: Partial<Thread> = {}): Thread {
  return { id, quote: '뿌리산업', comments, resolved: false, stateAt: comments[0]?.at ?? at(0), stateBy: null, ...extra };
}

function suggestion(id: string, minute: number, extra: Partial<Suggestion> = {}): Suggestion {
  return { id, kind: 'insert', text: '첨단', author: editor, at: at(minute), status: 'open', decidedAt: null, decidedBy: null, ...extra };
}

function transition(id: string, minute: number, extra: Partial<Transition> = {}): Transition {
  return { id, from: 'draft', to: 'in_review', action: 'submit', by: writer, at: at(minute), note: '', ...extra };
}

function review(extra: Partial<ReviewData>): ReviewData {
  return ReviewData.parse({ ...emptyReview(), ...extra });
}

const same = (a: ReviewData, b: ReviewData) => expect(canonicalJson(a)).toBe(canonicalJson(b));

describe('merging review data', () => {
  it('keeps both sides\' comments when two people comment at once', () => {
    const base = review({ threads: [thread('thread-1', [comment('c1', 1, '처음')])] });
    const mine = review({ threads: [thread('thread-1', [comment('c1', 1, '처음'), comment('c2', 5, '작가 답')]), thread('thread-2', [comment('c3', 6, '새 스레드')])] });
    const theirs = review({ threads: [thread('thread-1', [comment('c1', 1, '처음'), comment('c4', 5, '편집자 답', { author: editor })])] });
    const merged = mergeReview(mine, theirs);
    expect(merged.threads.map((t) => t.id)).toEqual(['thread-1', 'thread-2']);
    expect(merged.threads[0]!.comments.map((c) => c.id)).toEqual(['c1', 'c2', 'c4']);
    expect(containsReview(merged, base)).toBe(true);
    expect(containsReview(merged, mine)).toBe(true);
    expect(containsReview(merged, theirs)).toBe(true);
    expect(containsReview(mine, theirs)).toBe(false);
  });

  it('takes the latest edit of a comment, and a deletion made later', () => {
    const original = comment('c1', 1, '오타 있음');
    const edited = { ...original, text: '오타 고침', editedAt: at(10) };
    const deleted = { ...original, deleted: true, editedAt: at(20) };
    expect(mergeReview(review({ threads: [thread('t', [original])] }), review({ threads: [thread('t', [edited])] })).threads[0]!.comments[0]!.text).toBe('오타 고침');
    const both = mergeReview(review({ threads: [thread('t', [edited])] }), review({ threads: [thread('t', [deleted])] }));
    expect(both.threads[0]!.comments[0]!.deleted).toBe(true);
  });

  it('takes the latest resolve or reopen of a thread', () => {
    const resolved = thread('t', [comment('c1', 1, 'x')], { resolved: true, stateAt: at(10), stateBy: writer });
    const reopened = thread('t', [comment('c1', 1, 'x')], { resolved: false, stateAt: at(20), stateBy: editor });
    expect(mergeReview(review({ threads: [resolved] }), review({ threads: [reopened] })).threads[0]).toMatchObject({ resolved: false, stateAt: at(20), stateBy: editor });
    expect(mergeReview(review({ threads: [reopened] }), review({ threads: [resolved] })).threads[0]).toMatchObject({ resolved: false, stateAt: at(20) });
  });

  it('lets a decision beat an open suggestion, and the later of two decisions win', () => {
    const open = suggestion('s1', 1);
    const accepted = { ...open, status: 'accepted' as const, decidedAt: at(5), decidedBy: writer };
    const rejected = { ...open, status: 'rejected' as const, decidedAt: at(9), decidedBy: editor };
    expect(mergeReview(review({ suggestions: [open] }), review({ suggestions: [accepted] })).suggestions[0]!.status).toBe('accepted');
    expect(mergeReview(review({ suggestions: [accepted] }), review({ suggestions: [open] })).suggestions[0]!.status).toBe('accepted');
    expect(mergeReview(review({ suggestions: [accepted] }), review({ suggestions: [rejected] })).suggestions[0]!.status).toBe('rejected');
  });

  it('unites the timeline in time order and keeps the larger submitted revision', () => {
    const a = review({ timeline: [transition('t2', 20, { from: 'in_review', to: 'changes_requested', action: 'return', by: editor, note: '고쳐 주세요' })], submittedRevision: 7 });
    const b = review({ timeline: [transition('t1', 10), transition('t3', 30, { from: 'changes_requested' })], submittedRevision: 12 });
    const merged = mergeReview(a, b);
    expect(merged.timeline.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(merged.submittedRevision).toBe(12);
    expect(mergeReview(review({ submittedRevision: null }), review({ submittedRevision: 3 })).submittedRevision).toBe(3);
  });

  it('is commutative, idempotent and settles ties the same way on both sides', () => {
    // Same ids changed on both sides at the same moment: the tie is broken by content, not side.
    const left = review({
      threads: [thread('t', [comment('c1', 1, '왼쪽', { editedAt: at(9) })], { resolved: true, stateAt: at(9), stateBy: writer })],
      suggestions: [suggestion('s', 1, { status: 'accepted', decidedAt: at(9), decidedBy: writer })],
      timeline: [transition('x', 3)],
    });
    const right = review({
      threads: [thread('t', [comment('c1', 1, '오른쪽', { editedAt: at(9) })], { resolved: false, stateAt: at(9), stateBy: editor })],
      suggestions: [suggestion('s', 1, { status: 'rejected', decidedAt: at(9), decidedBy: editor })],
      timeline: [transition('x', 3, { note: 'different' })],
    });
    same(mergeReview(left, right), mergeReview(right, left));
    same(mergeReview(left, left), normalizeReview(left));
    const once = mergeReview(left, right);
    same(mergeReview(once, left), once);
    same(mergeReview(once, right), once);
    same(mergeReview(once, once), once);
  });

  it('is associative: three machines end with the same data whatever the order', () => {
    const a = review({ threads: [thread('t1', [comment('a1', 1, 'a')])], suggestions: [suggestion('s1', 2)] });
    const b = review({ threads: [thread('t1', [comment('b1', 3, 'b')], { resolved: true, stateAt: at(4) })], suggestions: [suggestion('s1', 2, { status: 'accepted', decidedAt: at(5) })] });
    const c = review({ threads: [thread('t2', [comment('c1', 6, 'c')])], timeline: [transition('x', 7)] });
    same(mergeReview(mergeReview(a, b), c), mergeReview(a, mergeReview(b, c)));
    same(mergeReview(mergeReview(a, c), b), mergeReview(mergeReview(c, b), a));
  });

  it('gives valid review data', () => {
    const merged = mergeReview(review({ threads: [thread('t', [comment('c', 1, 'x')])] }), review({ suggestions: [suggestion('s', 1)] }));
    expect(ReviewData.parse(merged)).toEqual(merged);
  });
});
