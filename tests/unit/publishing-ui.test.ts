import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, test } from 'vitest';
import { JobState, JobStep, type PublishAction, PublishAction as PublishActionSchema, PublishJob, type RemotePost } from '../../electron/model/publishing.ts';
import type { Site } from '../../electron/model/site.ts';
import { formatSize } from '../../renderer/features/attachments/format.ts';
import { errorText, preflightText } from '../../renderer/features/publishing/messages.ts';
import {
  defaultAction,
  lastUsedSiteId,
  latestJob,
  localInputToIso,
  mainButton,
  offeredActions,
  outboxCounts,
  progressOf,
  proposedSchedule,
  toLocalInput,
} from '../../renderer/features/publishing/publish-logic.ts';
import { en } from '../../renderer/i18n/en.ts';
import { ko } from '../../renderer/i18n/ko.ts';

// The publishing UI's decisions (what an account is offered, what the main button says, which
// site comes first, what the outbox counts) and its words: every message key main can send
// about sites and publishing has a translation in both languages.

const root = join(import.meta.dirname, '..', '..');
const author = { publish: true, upload: true, editOthers: false };
const contributor = { publish: false, upload: false, editOthers: false };

const remote = (status: string, siteId = SITE_A): RemotePost => ({ siteId, postId: 7, status, link: 'https://example.com/?p=7', modifiedGmt: '2025-01-01T00:00:00', revision: 3 });

const SITE_A = '00000000-0000-4000-8000-00000000000a';
const SITE_B = '00000000-0000-4000-8000-00000000000b';
const SITE_GONE = '00000000-0000-4000-8000-00000000000c';
const DRAFT_1 = '10000000-0000-4000-8000-000000000001';
const DRAFT_2 = '10000000-0000-4000-8000-000000000002';

const site = (id: string): Site => ({ id, url: 'https://example.com', name: id, username: 'kim', capabilities: author, plugin: null, verifiedAt: '2025-01-01T00:00:00Z' });

let clock = 0;
function job(patch: Partial<PublishJob>): PublishJob {
  clock++;
  const at = new Date(Date.UTC(2025, 0, 1, 0, 0, clock)).toISOString();
  return {
    id: `job-${clock}`,
    draftId: DRAFT_1,
    siteId: SITE_A,
    action: 'publish',
    scheduleAt: null,
    revision: 1,
    state: 'done',
    step: 'finish',
    attempts: 1,
    nextAttemptAt: null,
    bytesSent: 0,
    bytesTotal: 0,
    error: null,
    postId: null,
    link: null,
    createdAt: at,
    updatedAt: at,
    ...patch,
  };
}
// Newest first, as outbox.list gives them.
const newestFirst = (...jobs: PublishJob[]) => jobs.reverse();

describe('what an account is offered', () => {
  test('an author publishes, schedules, sends for review or keeps a draft on the site', () => {
    expect(offeredActions(author, null)).toEqual(['publish', 'schedule', 'pending', 'draft']);
    expect(defaultAction(offeredActions(author, null), null)).toBe('publish');
  });

  test('a contributor may only send for review or save a draft there: never publish or schedule', () => {
    const offered = offeredActions(contributor, null);
    expect(offered).toEqual(['pending', 'draft']);
    expect(offered).not.toContain('publish');
    expect(offered).not.toContain('schedule');
    expect(defaultAction(offered, null)).toBe('pending');
    // A post already under review is sent again for review.
    expect(offeredActions(contributor, remote('pending'))).toEqual(['pending', 'draft']);
  });

  test('a live post is updated, rescheduled or taken down, not quietly turned into a draft', () => {
    expect(offeredActions(author, remote('publish'))).toEqual(['publish', 'schedule', 'unpublish']);
    expect(offeredActions(author, remote('future'))).toEqual(['publish', 'schedule', 'unpublish']);
    // A scheduled post keeps its schedule unless the writer chooses to publish it now.
    expect(defaultAction(offeredActions(author, remote('future')), remote('future'))).toBe('schedule');
    expect(defaultAction(offeredActions(author, remote('publish')), remote('publish'))).toBe('publish');
    // A contributor may not touch a post an editor published.
    expect(offeredActions(contributor, remote('publish'))).toEqual([]);
    expect(defaultAction([], remote('publish'))).toBeNull();
  });

  test('the main button says Update for a post that is live, and what it does otherwise', () => {
    expect(mainButton('publish', null)).toBe('publish');
    expect(mainButton('publish', remote('draft'))).toBe('publish');
    expect(mainButton('publish', remote('publish'))).toBe('update');
    expect(mainButton('pending', null)).toBe('pending');
    expect(mainButton('schedule', remote('future'))).toBe('schedule');
    expect(mainButton('unpublish', remote('publish'))).toBe('unpublish');
    expect(mainButton('draft', null)).toBe('draft');
  });
});

describe('the site offered first', () => {
  const sites = [site(SITE_A), site(SITE_B)];

  test('the one this draft went to last, else the one used last, else the first', () => {
    const jobs = newestFirst(job({ draftId: DRAFT_1, siteId: SITE_B }), job({ draftId: DRAFT_2, siteId: SITE_A }));
    expect(lastUsedSiteId(jobs, sites, DRAFT_1)).toBe(SITE_B);
    expect(lastUsedSiteId(jobs, sites, DRAFT_2)).toBe(SITE_A);
    expect(lastUsedSiteId(jobs, sites, 'another-draft')).toBe(SITE_A);
    expect(lastUsedSiteId([], sites, DRAFT_1)).toBe(SITE_A);
    expect(lastUsedSiteId([], [], DRAFT_1)).toBeNull();
  });

  test('a removed site is skipped', () => {
    const jobs = newestFirst(job({ siteId: SITE_B }), job({ siteId: SITE_GONE }));
    expect(lastUsedSiteId(jobs, sites, DRAFT_1)).toBe(SITE_B);
  });

  test('the newest job of a draft on a site is the one the panel shows', () => {
    const older = job({ state: 'failed' });
    const newer = job({ state: 'done' });
    expect(latestJob(newestFirst(older, newer), DRAFT_1, SITE_A)).toBe(newer);
    expect(latestJob([older], DRAFT_1, SITE_B)).toBeNull();
    // Jobs the app queues by itself (review notes sent after a post) are not the writer's publish.
    const notes = job({ action: 'review' as string as PublishJob['action'], state: 'running' });
    expect(latestJob(newestFirst(older, newer, notes), DRAFT_1, SITE_A)).toBe(newer);
  });
});

describe('the outbox indicator', () => {
  test('counts what is still to send and what waits for the writer', () => {
    const jobs = newestFirst(
      job({ state: 'done' }),
      job({ draftId: DRAFT_2, state: 'failed' }),
      job({ state: 'queued', siteId: SITE_B }),
      job({ state: 'waiting', draftId: DRAFT_2, siteId: SITE_B }),
      job({ state: 'running', draftId: 'x' }),
      job({ state: 'conflict', draftId: 'y' }),
      job({ state: 'cancelled', draftId: 'z' }),
    );
    expect(outboxCounts(jobs)).toEqual({ pending: 3, attention: 2 });
  });

  test('a failure followed by a newer job for the same draft and site no longer asks for attention', () => {
    expect(outboxCounts(newestFirst(job({ state: 'failed' }), job({ state: 'done' })))).toEqual({ pending: 0, attention: 0 });
    expect(outboxCounts([])).toEqual({ pending: 0, attention: 0 });
  });
});

describe('progress', () => {
  test('bytes sent out of the total, in whole percent, never past the end', () => {
    expect(progressOf({ bytesSent: 0, bytesTotal: 0 })).toEqual({ sent: 0, total: 0, percent: null });
    expect(progressOf({ bytesSent: 512, bytesTotal: 2048 })).toEqual({ sent: 512, total: 2048, percent: 25 });
    expect(progressOf({ bytesSent: 5000, bytesTotal: 4000 })).toEqual({ sent: 4000, total: 4000, percent: 100 });
    expect(progressOf({ bytesSent: 1, bytesTotal: 3 }).percent).toBe(33);
  });

  test('sizes read as the attachment list writes them', () => {
    expect(`${formatSize(1_258_291, 'en')} / ${formatSize(4 * 1024 * 1024, 'en')}`).toBe('1.2 MB / 4 MB');
    expect(formatSize(1536, 'ko')).toBe('1.5 KB');
  });
});

describe('the schedule', () => {
  test('a datetime-local value becomes an ISO time with this computer’s offset, the same instant', () => {
    const iso = localInputToIso('2030-03-01T14:05');
    expect(iso).toMatch(/^2030-03-01T14:05:00[+-]\d{2}:\d{2}$/);
    expect(Date.parse(iso!)).toBe(new Date(2030, 2, 1, 14, 5).getTime());
    expect(localInputToIso('2030-03-01T14:05:30')).toMatch(/^2030-03-01T14:05:30[+-]\d{2}:\d{2}$/);
  });

  test('anything else is refused', () => {
    for (const value of ['', '2030-03-01', '2030-02-30T10:00', '2030-13-01T10:00', '14:05', '2030-03-01 14:05', '2030-03-01T25:00']) {
      expect(localInputToIso(value), value).toBeNull();
    }
  });

  test('the proposed time is a full hour at least half an hour away, shown as the input wants', () => {
    const now = new Date(2030, 5, 10, 9, 40);
    expect(proposedSchedule(now)).toBe('2030-06-10T11:00');
    expect(proposedSchedule(new Date(2030, 5, 10, 9, 10))).toBe('2030-06-10T10:00');
    expect(proposedSchedule(new Date(2030, 11, 31, 23, 50))).toBe('2031-01-01T01:00');
    expect(toLocalInput(new Date(2030, 0, 2, 3, 4))).toBe('2030-01-02T03:04');
  });
});

// Every file under a folder, for the scans below.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

type Tree = { [key: string]: string | Tree };

function lookup(messages: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return node;
}

// A key is there as itself or as its plural forms.
function has(messages: Tree, key: string): boolean {
  if (typeof lookup(messages, key) === 'string') return true;
  return typeof lookup(messages, `${key}_one`) === 'string' && typeof lookup(messages, `${key}_other`) === 'string';
}

describe('the words', () => {
  const backend = sources(join(root, 'electron')).map((path) => readFileSync(path, 'utf8'));
  // Message keys main sends: in errors it throws, and in the pre-flight check's items.
  const backendKeys = new Set<string>();
  for (const text of backend) {
    for (const match of text.matchAll(/AppError\(\s*'[a-z_]+',\s*'([A-Za-z]+\.[A-Za-z.]+)'/g)) backendKeys.add(match[1]!);
    for (const match of text.matchAll(/\b(?:error|warning)\('(preflight\.[A-Za-z]+)'/g)) backendKeys.add(match[1]!);
  }

  test('every message key about sites and publishing that main can send reads in English and Korean', () => {
    const publishing = [...backendKeys].filter((key) => /^(remote|sites|publish|preflight|outbox)\./.test(key));
    // The scan finds them: the check would pass vacuously otherwise.
    expect(publishing.length).toBeGreaterThan(35);
    expect(publishing).toEqual(expect.arrayContaining(['remote.unauthorized', 'remote.restDisabled', 'sites.noKeyring', 'publish.preflightFailed', 'preflight.noAltText', 'outbox.conflictNeedsChoice']));
    for (const key of [...publishing, 'errors.internal', 'errors.invalidInput']) {
      expect(has(en, key), `en: ${key}`).toBe(true);
      expect(has(ko as unknown as Tree, key), `ko: ${key}`).toBe(true);
    }
  });

  test('every key the publishing UI asks for exists, the ones built from states and actions too', () => {
    const ui = [...sources(join(root, 'renderer', 'features', 'publishing')), join(root, 'renderer', 'state', 'publishing.ts')].map((path) => readFileSync(path, 'utf8'));
    const literal = new Set<string>();
    for (const text of ui) for (const match of text.matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)) literal.add(match[1]!);
    expect(literal.size).toBeGreaterThan(60);
    const built = [
      ...JobState.options.map((state) => `publishing.job.state.${state}`),
      ...JobState.options.map((state) => `publishing.announce.${state}`),
      ...JobStep.options.map((step) => `publishing.job.step.${step}`),
      // Every action a job can carry, including those the app queues by itself.
      ...PublishJob.shape.action.options.map((action) => `publishing.actions.${action}`),
      ...PublishJob.shape.action.options.map((action) => `publishing.job.done.${action}`),
      ...(['publish', 'update', 'schedule', 'pending', 'draft', 'unpublish'] satisfies ReturnType<typeof mainButton>[]).map((button) => `publishing.button.${button}`),
      ...['publish', 'future', 'pending', 'draft', 'private', 'other'].map((status) => `publishing.onSite.${status}`),
      'publishing.check.error',
      'publishing.check.warning',
    ];
    for (const key of [...literal, ...built]) expect(has(en, key), key).toBe(true);
  });

  test('a pre-flight item names its photo or file, in either language', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', interpolation: { escapeValue: false } });
    const t = instance.t;
    expect(preflightText(t, { severity: 'error', messageKey: 'preflight.noAltText', params: { photo: 2 }, blockIndex: 3 })).toBe('Photo 2 has no alt text.');
    expect(preflightText(t, { severity: 'error', messageKey: 'preflight.assetMissing', params: { name: '보고서.pdf' } })).toBe(
      '“보고서.pdf”: the file is missing from the app’s store. Replace it or remove it.',
    );
    expect(preflightText(t, { severity: 'error', messageKey: 'preflight.noByline' })).toBe('The byline is empty. Fill it in under Article details.');
    expect(errorText(t, { messageKey: 'publish.preflightFailed', params: { count: 2 } })).toBe('The check found 2 problems to fix before this can go to the site.');
    await instance.changeLanguage('ko');
    expect(preflightText(t, { severity: 'warning', messageKey: 'preflight.noCredit', params: { photo: 1 } })).toBe('사진 1에 출처(크레디트)가 없습니다.');
    expect(errorText(t, { messageKey: 'remote.offline', params: { host: 'example.com' } })).toContain('example.com에 연결하지 못했습니다');
  });

  test('actions the backend knows are the ones the UI offers words for', () => {
    const all: PublishAction[] = PublishActionSchema.options;
    expect(all.every((action) => typeof lookup(ko as unknown as Tree, `publishing.actions.${action}`) === 'string')).toBe(true);
  });
});
