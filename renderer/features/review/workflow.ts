import type { ArticleStatus } from '../../../electron/model/article.ts';
import type { ReviewRole, WorkflowAction } from '../../../electron/model/review.ts';

// What the workflow bar offers: the steps the draft's status allows, for the account's role on
// the site. The same table as main's (electron/services/review/workflow.ts), which checks every
// step again, as the site does; this only keeps impossible buttons away.

// A button of the bar. 'approvePublish' is one click that runs two steps: approve, then publish.
export type WorkflowChoice = WorkflowAction | 'approvePublish';

// The steps an approve-and-publish runs, in order.
export function stepsOf(choice: WorkflowChoice): WorkflowAction[] {
  return choice === 'approvePublish' ? ['approve', 'publish'] : [choice];
}

const FROM: Record<WorkflowChoice, readonly ArticleStatus[]> = {
  submit: ['draft', 'changes_requested'],
  return: ['in_review'],
  approve: ['in_review'],
  approvePublish: ['in_review'],
  reopen: ['approved'],
  publish: ['approved'],
};

const BY: Record<WorkflowChoice, readonly ReviewRole[]> = {
  submit: ['writer', 'author', 'editor'],
  return: ['editor'],
  approve: ['editor'],
  approvePublish: ['editor'],
  reopen: ['editor'],
  // An author may publish an approved article of their own (WordPress lets authors publish).
  publish: ['editor', 'author'],
};

export const CHOICE_ORDER: readonly WorkflowChoice[] = ['submit', 'return', 'approve', 'approvePublish', 'reopen', 'publish'];

export function availableChoices(status: ArticleStatus, role: ReviewRole): WorkflowChoice[] {
  return CHOICE_ORDER.filter((choice) => FROM[choice].includes(status) && BY[choice].includes(role));
}

// A return to the writer must say why.
export function noteRequired(choice: WorkflowChoice): boolean {
  return choice === 'return';
}

// The path a draft normally takes, for the status line: draft → in review → … → published.
export const WORKFLOW_PATH: readonly ArticleStatus[] = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published'];
