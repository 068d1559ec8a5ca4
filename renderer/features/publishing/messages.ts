import type { TFunction } from 'i18next';
import type { ErrorPayload } from '../../../electron/model/errors.ts';
import type { PreflightItem, PublishJob } from '../../../electron/model/publishing.ts';
import { preflightSubject } from './publish-logic.ts';

// Errors from main arrive as a message key and its parameters; the writer reads them in their
// language. Anything else (a bug, a dropped bridge) reads as the generic internal error.

export function errorText(t: TFunction, error: Pick<ErrorPayload, 'messageKey' | 'params'>): string {
  return t(error.messageKey, { ...error.params });
}

// A pre-flight item names what it is about: a photo by its number, an attachment by its name.
export function preflightText(t: TFunction, item: PreflightItem): string {
  const subject = preflightSubject(item.params);
  const named =
    subject.kind === 'photo'
      ? t('publishing.check.photo', { photo: subject.photo })
      : subject.kind === 'file'
        ? t('publishing.check.file', { name: subject.name })
        : t('publishing.check.aFile');
  return t(item.messageKey, { ...item.params, subject: named });
}

// What a finished job did: "Published on 부산이라좋다.", "Scheduled on … for 3 Mar 2025, 14:05."
export function doneText(t: TFunction, job: Pick<PublishJob, 'action' | 'scheduleAt'>, site: string, locale: string): string {
  const time = job.scheduleAt ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(job.scheduleAt)) : '';
  return t(`publishing.job.done.${job.action}`, { site, time });
}
