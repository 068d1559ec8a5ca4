import type { ArticleStatus } from '../../../electron/model/article.ts';
import type { ReviewRole, WorkflowAction } from '../../../electron/model/review.ts';
import { localInputToIso } from '../publishing/publish-logic.ts';

// What the workflow bar offers: the steps the draft's status allows, for the account's role on
// the site. The same table as main's (electron/services/review/workflow.ts), which checks every
// step again, as the site does; this only keeps impossible buttons away.

// A button of the bar. 'approvePublish' is one click that runs two steps: approve, then publish.
// 'schedule' is a publish at a chosen time (the site's "scheduled", WordPress's future post).
export type WorkflowChoice = WorkflowAction | 'approvePublish' | 'schedule';

// The steps an approve-and-publish runs, in order.
export function stepsOf(choice: WorkflowChoice): WorkflowAction[] {
  if (choice === 'approvePublish') return ['approve', 'publish'];
  if (choice === 'schedule') return ['publish'];
  return [choice];
}

const FROM: Record<WorkflowChoice, readonly ArticleStatus[]> = {
  submit: ['draft', 'changes_requested'],
  return: ['in_review'],
  approve: ['in_review'],
  approvePublish: ['in_review'],
  reopen: ['approved'],
  publish: ['approved'],
  schedule: ['approved'],
};

const BY: Record<WorkflowChoice, readonly ReviewRole[]> = {
  submit: ['writer', 'author', 'editor'],
  return: ['editor'],
  approve: ['editor'],
  approvePublish: ['editor'],
  reopen: ['editor'],
  // An author may publish an approved article of their own (WordPress lets authors publish).
  publish: ['editor', 'author'],
  schedule: ['editor', 'author'],
};

export const CHOICE_ORDER: readonly WorkflowChoice[] = ['submit', 'return', 'approve', 'approvePublish', 'reopen', 'publish', 'schedule'];

export function availableChoices(status: ArticleStatus, role: ReviewRole): WorkflowChoice[] {
  return CHOICE_ORDER.filter((choice) => FROM[choice].includes(status) && BY[choice].includes(role));
}

// A return to the writer must say why.
export function noteRequired(choice: WorkflowChoice): boolean {
  return choice === 'return';
}

// Whether a step asks for a publication time: always for "Schedule…", on request for "Approve
// and publish" (publishing later rather than now), never for the others.
export function timeOffer(choice: WorkflowChoice): 'required' | 'optional' | 'none' {
  if (choice === 'schedule') return 'required';
  if (choice === 'approvePublish') return 'optional';
  return 'none';
}

// What a step sends as scheduleAt: the datetime-local field's value as an ISO time with this
// computer's offset when the step publishes later; undefined when it publishes now (or does not
// publish); null when a time is wanted but the field holds none (empty, or a time skipped by a
// daylight-saving change). A time in the past is sent as it is: main refuses it and says why.
export function scheduleAtOf(choice: WorkflowChoice, later: boolean, value: string): string | null | undefined {
  const offer = timeOffer(choice);
  if (offer === 'none' || (offer === 'optional' && !later)) return undefined;
  return localInputToIso(value);
}

// The path a draft normally takes, for the status line: draft → in review → … → published.
export const WORKFLOW_PATH: readonly ArticleStatus[] = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published'];
