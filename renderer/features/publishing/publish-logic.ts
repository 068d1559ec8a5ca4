import { type JobState, PublishAction, type PublishJob, type RemotePost } from '../../../electron/model/publishing.ts';
import type { Site, SiteCapabilities } from '../../../electron/model/site.ts';

// The decisions of the publish panel and the outbox, as plain functions tested alone: what an
// account is offered, what the main button says, which site comes first, what counts as waiting.

// A job still on its way: the panel shows it instead of offering to publish again (main refuses
// a second job for the same draft and site while one is open).
export const OPEN_STATES: ReadonlySet<JobState> = new Set(['queued', 'running', 'waiting', 'conflict']);
// Jobs the outbox still has to send.
export const PENDING_STATES: ReadonlySet<JobState> = new Set(['queued', 'running', 'waiting']);
// What can be cancelled: anything not finished. Retried: what stopped without succeeding.
export const CANCELLABLE_STATES: ReadonlySet<JobState> = OPEN_STATES;
export const RETRYABLE_STATES: ReadonlySet<JobState> = new Set(['waiting', 'failed']);

// The writer's own publish requests. The outbox also carries jobs other parts of the app queue
// (the review notes sent with a post): the outbox lists them, the publish panel does not.
const PUBLISH_ACTIONS: ReadonlySet<string> = new Set<string>(PublishAction.options);

export function isPublishJob(job: Pick<PublishJob, 'action'>): boolean {
  return PUBLISH_ACTIONS.has(job.action);
}

// On the site for readers to see (or about to be, or to logged-in readers): taking it down
// makes sense, saving it "as a draft" there would take it down too.
export function isLive(remote: RemotePost | null | undefined): boolean {
  return remote?.status === 'publish' || remote?.status === 'future' || remote?.status === 'private';
}

// What the writer may ask of a site with this account. Publishing and scheduling need the right
// to publish; anyone may send for review or keep a draft there. A post that is live is updated,
// rescheduled or taken down, never silently turned back into a draft or a review copy.
export function offeredActions(capabilities: SiteCapabilities, remote: RemotePost | null | undefined): PublishAction[] {
  if (capabilities.publish) return isLive(remote) ? ['publish', 'schedule', 'unpublish'] : ['publish', 'schedule', 'pending', 'draft'];
  // A contributor may not change a post that an editor has published.
  return isLive(remote) ? [] : ['pending', 'draft'];
}

// The choice the panel starts with: publishing where the account may, a review request where it
// may not, and for a scheduled post its schedule (publishing it now must be a deliberate choice).
export function defaultAction(offered: readonly PublishAction[], remote: RemotePost | null | undefined): PublishAction | null {
  if (remote?.status === 'future' && offered.includes('schedule')) return 'schedule';
  if (offered.includes('publish')) return 'publish';
  return offered[0] ?? null;
}

export type MainButton = 'publish' | 'update' | 'schedule' | 'pending' | 'draft' | 'unpublish';

// What the main button says: "Update" for a post already live on the site.
export function mainButton(action: PublishAction, remote: RemotePost | null | undefined): MainButton {
  if (action === 'publish' && remote?.status === 'publish') return 'update';
  return action;
}

// The site the panel offers first: the one this draft went to last, else the one used last for
// any draft, else the first configured. Jobs come newest first.
export function lastUsedSiteId(jobs: readonly PublishJob[], sites: readonly Site[], draftId: string): string | null {
  const known = new Set(sites.map((site) => site.id));
  const forDraft = jobs.find((job) => job.draftId === draftId && known.has(job.siteId));
  if (forDraft) return forDraft.siteId;
  const any = jobs.find((job) => known.has(job.siteId));
  return any?.siteId ?? sites[0]?.id ?? null;
}

// The newest publish job of this draft for this site (jobs come newest first).
export function latestJob(jobs: readonly PublishJob[], draftId: string, siteId: string): PublishJob | null {
  return jobs.find((job) => job.draftId === draftId && job.siteId === siteId && isPublishJob(job)) ?? null;
}

// The outbox indicator: jobs still to send, and jobs that stopped and wait for the writer (a
// conflict, or a failure not followed by a newer job for the same draft and site).
export function outboxCounts(jobs: readonly PublishJob[]): { pending: number; attention: number } {
  let pending = 0;
  let attention = 0;
  const seen = new Set<string>();
  for (const job of jobs) {
    const pair = `${job.draftId} ${job.siteId}`;
    const latest = !seen.has(pair);
    seen.add(pair);
    if (PENDING_STATES.has(job.state)) pending++;
    else if (job.state === 'conflict' || (job.state === 'failed' && latest)) attention++;
  }
  return { pending, attention };
}

export interface Progress {
  sent: number;
  total: number;
  // 0–100, whole numbers; null while there is nothing to upload.
  percent: number | null;
}

export function progressOf(job: Pick<PublishJob, 'bytesSent' | 'bytesTotal'>): Progress {
  const total = Math.max(0, job.bytesTotal);
  const sent = Math.min(Math.max(0, job.bytesSent), total);
  return { sent, total, percent: total > 0 ? Math.floor((sent / total) * 100) : null };
}

const pad = (value: number) => String(value).padStart(2, '0');

// A <input type="datetime-local"> value ("2025-03-01T14:05") as the ISO time with this computer's
// offset that main wants ("2025-03-01T14:05:00+09:00"). null for anything else, and for a time
// that does not exist here (skipped by a daylight-saving change).
export function localInputToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(date.getTime())) return null;
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day || date.getHours() !== hour || date.getMinutes() !== minute) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// A time as a datetime-local input shows it, in this computer's time zone.
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// The schedule the panel proposes: the next full hour at least 30 minutes away.
export function proposedSchedule(now: Date): string {
  const at = new Date(now.getTime() + 30 * 60_000);
  at.setMinutes(0, 0, 0);
  at.setHours(at.getHours() + 1);
  return toLocalInput(at);
}

export type PreflightSubject = { kind: 'photo'; photo: number } | { kind: 'file'; name: string } | { kind: 'none' };

// What a pre-flight item is about, for the messages that name it ("Photo 2", "“보고서.pdf”").
export function preflightSubject(params: Record<string, string | number> | undefined): PreflightSubject {
  if (params && typeof params['photo'] === 'number') return { kind: 'photo', photo: params['photo'] };
  if (params && typeof params['name'] === 'string') return { kind: 'file', name: params['name'] };
  return { kind: 'none' };
}
