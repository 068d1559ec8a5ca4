import type { ArticleStatus } from '../../model/article.ts';
import { AppError } from '../../model/errors.ts';
import type { ReviewRole, WorkflowAction } from '../../model/review.ts';
import type { SiteCapabilities } from '../../model/site.ts';

// The editorial workflow as an explicit table: which step may be taken from which status, by
// whom, and where it leads. Pure (no I/O), so the window can ask it which buttons to offer and
// main checks the same table before acting. The site enforces its own rules anyway (a
// contributor's "publish" is refused there too); this keeps the app from offering what the
// site would refuse and records the workflow WordPress itself does not have (changes
// requested, approved).

// What the account may do there decides its part: one that may edit others' posts reviews
// them; one that may publish its own is an author; one that may do neither is a writer.
export function roleOf(capabilities: SiteCapabilities): ReviewRole {
  if (capabilities.editOthers) return 'editor';
  if (capabilities.publish) return 'author';
  return 'writer';
}

interface Rule {
  from: readonly ArticleStatus[];
  by: readonly ReviewRole[];
  to: ArticleStatus;
}

const RULES: Record<WorkflowAction, Rule> = {
  // Anyone may send their article for review, first time or after changes were asked for.
  submit: { from: ['draft', 'changes_requested'], by: ['writer', 'author', 'editor'], to: 'in_review' },
  // Only an editor sends it back, with a note saying what to change.
  return: { from: ['in_review'], by: ['editor'], to: 'changes_requested' },
  approve: { from: ['in_review'], by: ['editor'], to: 'approved' },
  // An approval taken back (a late correction): the article is under review again.
  reopen: { from: ['approved'], by: ['editor'], to: 'in_review' },
  // After approval an editor publishes. An author may publish an approved article of their own:
  // WordPress gives authors publish_posts for their own posts, and approval is the newsroom's
  // gate, not the site's. A writer (contributor) cannot publish on the site at all.
  // The target is 'published', or 'scheduled' when a time is given (see targetOf).
  publish: { from: ['approved'], by: ['editor', 'author'], to: 'published' },
};

export function isAllowed(action: WorkflowAction, status: ArticleStatus, role: ReviewRole): boolean {
  const rule = RULES[action];
  return rule.from.includes(status) && rule.by.includes(role);
}

// The steps the window should offer for a draft in this status to this account.
export function allowedActions(status: ArticleStatus, role: ReviewRole): WorkflowAction[] {
  return (Object.keys(RULES) as WorkflowAction[]).filter((action) => isAllowed(action, status, role));
}

export function targetOf(action: WorkflowAction, scheduleAt?: string | null): ArticleStatus {
  if (action === 'publish' && scheduleAt) return 'scheduled';
  return RULES[action].to;
}

// The status a step leads to, or a refusal the window can show as it is:
// forbidden / review.notAllowed {action, status}.
export function checkTransition(action: WorkflowAction, status: ArticleStatus, role: ReviewRole, scheduleAt?: string | null): ArticleStatus {
  if (!isAllowed(action, status, role)) throw new AppError('forbidden', 'review.notAllowed', { action, status });
  return targetOf(action, scheduleAt);
}
