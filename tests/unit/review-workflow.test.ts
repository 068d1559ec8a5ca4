import { describe, expect, it } from 'vitest';
import { ArticleStatus } from '../../electron/model/article.ts';
import { ReviewRole, WorkflowAction } from '../../electron/model/review.ts';
import { allowedActions, checkTransition, isAllowed, roleOf } from '../../electron/services/review/workflow.ts';

// The editorial workflow as a table: every action from every status for every role.

describe('roles from the site', () => {
  it('reads the account part from what it may do there', () => {
    expect(roleOf({ publish: false, upload: false, editOthers: false })).toBe('writer');
    expect(roleOf({ publish: true, upload: true, editOthers: false })).toBe('author');
    expect(roleOf({ publish: true, upload: true, editOthers: true })).toBe('editor');
  });
});

describe('the state machine', () => {
  // action → role → from → to; anything not listed is refused.
  const expected: Record<string, string> = {
    'submit writer draft': 'in_review',
    'submit writer changes_requested': 'in_review',
    'submit author draft': 'in_review',
    'submit author changes_requested': 'in_review',
    'submit editor draft': 'in_review',
    'submit editor changes_requested': 'in_review',
    'return editor in_review': 'changes_requested',
    'approve editor in_review': 'approved',
    'reopen editor approved': 'in_review',
    'publish editor approved': 'published',
    'publish author approved': 'published',
  };

  it('allows exactly the listed steps', () => {
    for (const action of WorkflowAction.options) {
      for (const role of ReviewRole.options) {
        for (const status of ArticleStatus.options) {
          const key = `${action} ${role} ${status}`;
          expect(isAllowed(action, status, role), key).toBe(key in expected);
          if (key in expected) expect(checkTransition(action, status, role), key).toBe(expected[key]);
          else expect(() => checkTransition(action, status, role), key).toThrow(expect.objectContaining({ code: 'forbidden', messageKey: 'review.notAllowed', params: { action, status } }));
        }
      }
    }
  });

  it('schedules instead of publishing when a time is given', () => {
    expect(checkTransition('publish', 'approved', 'editor', '2030-01-01T09:00:00+09:00')).toBe('scheduled');
    expect(checkTransition('publish', 'approved', 'editor', null)).toBe('published');
  });

  it('offers each account only what it may do', () => {
    expect(allowedActions('draft', 'writer')).toEqual(['submit']);
    expect(allowedActions('in_review', 'writer')).toEqual([]);
    expect(allowedActions('in_review', 'author')).toEqual([]);
    expect(allowedActions('in_review', 'editor')).toEqual(['return', 'approve']);
    expect(allowedActions('approved', 'editor')).toEqual(['reopen', 'publish']);
    expect(allowedActions('approved', 'writer')).toEqual([]);
    expect(allowedActions('published', 'editor')).toEqual([]);
  });
});
