import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDiff } from './article-diff.ts';
import type { ParagraphChange, Part } from './diff.ts';

// Unchanged paragraphs shown around each change; longer unchanged stretches fold into one line,
// so a one-word edit in a long article is found without scrolling through all of it.
const CONTEXT = 1;

function Removed({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <del>
      <span className="visually-hidden">{t('history.removedStart')} </span>
      {children}
      <span className="visually-hidden"> {t('history.removedEnd')}</span>
    </del>
  );
}

function Added({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <ins>
      <span className="visually-hidden">{t('history.addedStart')} </span>
      {children}
      <span className="visually-hidden"> {t('history.addedEnd')}</span>
    </ins>
  );
}

function Parts({ parts }: { parts: readonly Part[] }) {
  return parts.map((part, index) =>
    part.op === 'equal' ? (
      <span key={index}>{part.text}</span>
    ) : part.op === 'delete' ? (
      <Removed key={index}>{part.text}</Removed>
    ) : (
      <Added key={index}>{part.text}</Added>
    ),
  );
}

// An empty paragraph added or removed still needs something to see.
const EMPTY_PARAGRAPH = '¶';

function Paragraph({ change }: { change: ParagraphChange }) {
  switch (change.kind) {
    case 'equal':
      return <p className="diff-equal">{change.text}</p>;
    case 'removed':
      return (
        <p className="diff-removed">
          <Removed>{change.text || EMPTY_PARAGRAPH}</Removed>
        </p>
      );
    case 'added':
      return (
        <p className="diff-added">
          <Added>{change.text || EMPTY_PARAGRAPH}</Added>
        </p>
      );
    case 'changed':
      return (
        <p className="diff-changed">
          <Parts parts={change.parts} />
        </p>
      );
  }
}

function visibleParagraphs(body: readonly ParagraphChange[]): Array<{ index: number } | { skipped: number; at: number }> {
  const near = new Array<boolean>(body.length).fill(false);
  body.forEach((change, index) => {
    if (change.kind === 'equal') return;
    for (let k = Math.max(0, index - CONTEXT); k <= Math.min(body.length - 1, index + CONTEXT); k++) near[k] = true;
  });
  const rows: Array<{ index: number } | { skipped: number; at: number }> = [];
  let skipped = 0;
  body.forEach((_, index) => {
    if (near[index]) {
      if (skipped) rows.push({ skipped, at: index });
      skipped = 0;
      rows.push({ index });
    } else skipped++;
  });
  if (skipped) rows.push({ skipped, at: body.length });
  return rows;
}

// Deletions are struck through and insertions underlined, besides their colours, and the key
// says so in words: the diff does not rely on colour alone.
// `heading` replaces the default "changes from this version to the current text" when the
// two sides are something else (the review panel compares any two versions).
export function DiffView({ diff, heading }: { diff: ArticleDiff; heading?: string }) {
  const { t } = useTranslation();
  const bodyChanged = diff.body.some((change) => change.kind !== 'equal');
  return (
    <div className="diff">
      <h3 className="diff-heading">{heading ?? t('history.compareHeading')}</h3>
      <p className="diff-legend">
        <span>{t('history.legend')}:</span> <span className="diff-key diff-key-removed">{t('history.legendRemoved')}</span>{' '}
        <span className="diff-key diff-key-added">{t('history.legendAdded')}</span>
      </p>
      {!diff.changed && <p className="history-note">{t('history.noChanges')}</p>}
      {diff.fields.length > 0 && (
        <dl className="diff-fields">
          {diff.fields.map(({ field, parts }) => (
            <div key={field} className="diff-field">
              <dt>{t(`history.fields.${field}`)}</dt>
              <dd>
                <Parts parts={parts} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {bodyChanged && (
        <>
          <h4 className="diff-subheading">{t('history.body')}</h4>
          <div className="diff-body">
            {visibleParagraphs(diff.body).map((row) =>
              'skipped' in row ? (
                <p key={`skip-${row.at}`} className="diff-skip">
                  {t('history.unchanged', { count: row.skipped })}
                </p>
              ) : (
                <Paragraph key={row.index} change={diff.body[row.index]!} />
              ),
            )}
          </div>
        </>
      )}
    </div>
  );
}
