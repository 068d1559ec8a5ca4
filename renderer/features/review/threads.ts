import type { Comment, Thread } from '../../../electron/model/review.ts';

export interface OrderedThreads {
  // Threads whose passage is in the body, in the order the passages appear.
  attached: Thread[];
  // Threads whose passage was deleted: kept, listed after the others, oldest first.
  detached: Thread[];
}

// Orders the draft's threads by where their marks are in the body. A mark with an id that has no
// thread (one being written, or not yet merged in from the site) is skipped.
export function orderThreads(threads: readonly Thread[], markOrder: readonly string[]): OrderedThreads {
  const byId = new Map(threads.map((thread) => [thread.id, thread]));
  const attached: Thread[] = [];
  const seen = new Set<string>();
  for (const id of markOrder) {
    const thread = byId.get(id);
    if (!thread || seen.has(id)) continue;
    seen.add(id);
    attached.push(thread);
  }
  const detached = threads.filter((thread) => !seen.has(thread.id));
  return { attached, detached };
}

export function visibleComments(thread: Thread): Comment[] {
  return thread.comments.filter((comment) => !comment.deleted);
}

// Whether a thread is shown with "show resolved" off: open ones always, and the one the writer
// is looking at, so resolving it does not make it vanish under the cursor.
export function isThreadShown(thread: Thread, showResolved: boolean, activeId: string | null): boolean {
  return showResolved || !thread.resolved || thread.id === activeId;
}
