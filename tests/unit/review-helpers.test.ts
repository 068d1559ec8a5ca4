import { describe, expect, test } from 'vitest';
import type { LexicalDocument } from '../../electron/model/article.ts';
import { bodyParagraphs } from '../../electron/model/plain-text.ts';
import type { Thread } from '../../electron/model/review.ts';
import type { RevisionSummary } from '../../electron/model/revision.ts';
import { applySuggestions, markIdsInBody, newRecordId, RECORD_ID, suggestionsInBody } from '../../renderer/editor/review/body.ts';
import { comparable, submittedVersion } from '../../renderer/features/review/compare.ts';
import { shortQuote } from '../../renderer/features/review/format.ts';
import { isThreadShown, orderThreads, visibleComments } from '../../renderer/features/review/threads.ts';
import { availableChoices, noteRequired, scheduleAtOf, stepsOf, timeOffer } from '../../renderer/features/review/workflow.ts';

// The review panel's pure helpers: the body read for suggestions and marks, the order of
// threads, the workflow's buttons, and the version a submit sent.

const text = (value: string) => ({ type: 'text', text: value, format: 0, style: '', mode: 'normal', detail: 0, version: 1 });
const inline = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, children, version: 1, format: '', indent: 0, direction: null, ...extra });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, version: 1, format: '', indent: 0, direction: null, textFormat: 0, textStyle: '' });
const doc = (...blocks: unknown[]) => ({ root: { type: 'root', children: blocks, version: 1, format: '', indent: 0, direction: null } }) as unknown as LexicalDocument;
const insert = (id: string, value: string) => inline('suggestion-insert', [text(value)], { suggestionId: id, author: 'Kim', at: '2025-05-01T10:00:00.000Z' });
const del = (id: string, value: string) => inline('suggestion-delete', [text(value)], { suggestionId: id, author: 'Lee', at: '2025-05-01T11:00:00.000Z' });
const mark = (ids: string[], ...children: unknown[]) => inline('mark', children, { ids });

const body = doc(
  paragraph(text('The '), mark(['t1'], text('council')), text(' met'), insert('s1', ' on Monday'), text('.')),
  paragraph(del('s2', 'Old '), text('budget '), mark(['t2', 't3'], text('talks')), insert('s1', ' went on')),
);

describe('the body as if suggestions were decided', () => {
  test('accepted keeps insertions and drops deletions; rejected the reverse; marks stay', () => {
    expect(bodyParagraphs(applySuggestions(body, 'accepted'))).toEqual(['The council met on Monday.', 'budget talks went on']);
    expect(bodyParagraphs(applySuggestions(body, 'rejected'))).toEqual(['The council met.', 'Old budget talks']);
    expect(markIdsInBody(applySuggestions(body, 'accepted'))).toEqual(['t1', 't2', 't3']);
    // The original is not touched.
    expect(suggestionsInBody(body)).toHaveLength(2);
  });

  test('the body’s plain text (search, counts, history) keeps a paragraph with suggestions whole', () => {
    expect(bodyParagraphs(body)).toEqual(['The council met on Monday.', 'Old budget talks went on']);
  });

  test('suggestions are listed once per id, in document order, with their text joined', () => {
    expect(suggestionsInBody(body)).toEqual([
      { id: 's1', kind: 'insert', text: ' on Monday went on', author: 'Kim', at: '2025-05-01T10:00:00.000Z' },
      { id: 's2', kind: 'delete', text: 'Old ', author: 'Lee', at: '2025-05-01T11:00:00.000Z' },
    ]);
  });

  test('a comparison of versions reads suggestions as accepted', () => {
    const article = { body } as Parameters<typeof comparable>[0];
    expect(bodyParagraphs(comparable(article).body)).toEqual(['The council met on Monday.', 'budget talks went on']);
  });
});

describe('record ids', () => {
  test('fit the contract and do not repeat', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newRecordId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(RECORD_ID);
  });
});

const person = (name: string) => ({ siteId: null, userId: null, name });
const thread = (id: string, resolved = false): Thread => ({
  id,
  quote: `quote ${id}`,
  comments: [
    { id: `${id}-c1`, author: person('Kim'), at: '2025-05-01T10:00:00.000Z', text: 'first', editedAt: null, deleted: false },
    { id: `${id}-c2`, author: person('Lee'), at: '2025-05-01T10:05:00.000Z', text: 'gone', editedAt: '2025-05-01T10:06:00.000Z', deleted: true },
  ],
  resolved,
  stateAt: '2025-05-01T10:00:00.000Z',
  stateBy: null,
});

describe('threads in the panel', () => {
  test('follow the order of their passages; threads whose passage is gone come last, never lost', () => {
    const threads = [thread('a'), thread('b'), thread('c'), thread('d')];
    const { attached, detached } = orderThreads(threads, ['c', 'unknown', 'a', 'c']);
    expect(attached.map((t) => t.id)).toEqual(['c', 'a']);
    expect(detached.map((t) => t.id)).toEqual(['b', 'd']);
  });

  test('resolved ones show only when asked, or while being read', () => {
    expect(isThreadShown(thread('a', true), false, null)).toBe(false);
    expect(isThreadShown(thread('a', true), true, null)).toBe(true);
    expect(isThreadShown(thread('a', true), false, 'a')).toBe(true);
    expect(isThreadShown(thread('a'), false, null)).toBe(true);
  });

  test('deleted comments are not shown', () => {
    expect(visibleComments(thread('a')).map((c) => c.text)).toEqual(['first']);
  });

  test('long quotes are cut short on one line', () => {
    expect(shortQuote('a\n  b   c')).toBe('a b c');
    expect(shortQuote('가'.repeat(100), 10)).toBe(`${'가'.repeat(9)}…`);
  });
});

describe('the workflow bar', () => {
  test('offers each role only the steps main allows from the status', () => {
    expect(availableChoices('draft', 'writer')).toEqual(['submit']);
    expect(availableChoices('changes_requested', 'author')).toEqual(['submit']);
    expect(availableChoices('in_review', 'writer')).toEqual([]);
    expect(availableChoices('in_review', 'editor')).toEqual(['return', 'approve', 'approvePublish']);
    expect(availableChoices('approved', 'editor')).toEqual(['reopen', 'publish', 'schedule']);
    expect(availableChoices('approved', 'author')).toEqual(['publish', 'schedule']);
    expect(availableChoices('approved', 'writer')).toEqual([]);
    expect(availableChoices('published', 'editor')).toEqual([]);
  });

  test('approve and publish is two steps; only a return needs a note', () => {
    expect(stepsOf('approvePublish')).toEqual(['approve', 'publish']);
    expect(stepsOf('return')).toEqual(['return']);
    expect(noteRequired('return')).toBe(true);
    expect(noteRequired('approve')).toBe(false);
  });

  test('schedule is a publish at a time; approve and publish may take one; the others never', () => {
    expect(stepsOf('schedule')).toEqual(['publish']);
    expect(timeOffer('schedule')).toBe('required');
    expect(timeOffer('approvePublish')).toBe('optional');
    expect(timeOffer('publish')).toBe('none');
    expect(timeOffer('approve')).toBe('none');
    expect(noteRequired('schedule')).toBe(false);
  });

  test('the time field goes out as an ISO time with this computer’s offset, only when publishing later', () => {
    const iso = scheduleAtOf('schedule', false, '2031-03-01T14:05');
    expect(iso).toMatch(/^2031-03-01T14:05:00[+-]\d{2}:\d{2}$/);
    // The same instant as that wall-clock time here.
    expect(Date.parse(iso!)).toBe(new Date(2031, 2, 1, 14, 5).getTime());
    expect(scheduleAtOf('approvePublish', true, '2031-03-01T14:05')).toBe(iso);
    // Publishing now: no time sent, whatever the field holds.
    expect(scheduleAtOf('approvePublish', false, '2031-03-01T14:05')).toBeUndefined();
    expect(scheduleAtOf('publish', true, '2031-03-01T14:05')).toBeUndefined();
    // A time is wanted and the field holds none.
    expect(scheduleAtOf('schedule', false, '')).toBeNull();
    expect(scheduleAtOf('approvePublish', true, 'tomorrow')).toBeNull();
    // A past time goes out as it is: main refuses it and says why.
    expect(scheduleAtOf('schedule', false, '2001-01-01T09:00')).toMatch(/^2001-01-01T09:00:00/);
  });
});

describe('the version a submit sent', () => {
  const summary = (id: number, revision: number): RevisionSummary => ({
    id,
    draftId: '00000000-0000-4000-8000-000000000000',
    revision,
    reason: 'status',
    status: 'in_review',
    createdAt: '2025-05-01T10:00:00.000Z',
    headline: '',
    words: 0,
    characters: 0,
  });

  test('is the copy of the submitted revision, else the newest before it', () => {
    const list = [summary(5, 12), summary(4, 9), summary(3, 9), summary(2, 4)];
    expect(submittedVersion(list, 9)?.id).toBe(4);
    expect(submittedVersion(list, 10)?.id).toBe(4);
    expect(submittedVersion(list, 12)?.id).toBe(5);
    expect(submittedVersion(list, 3)).toBeNull();
    expect(submittedVersion(list, null)).toBeNull();
  });
});
