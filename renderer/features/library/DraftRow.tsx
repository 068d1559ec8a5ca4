import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftSummary } from '../../../electron/model/article.ts';
import type { SearchResult } from '../../../electron/model/search.ts';
import { Highlighted } from './Highlighted.tsx';

interface DraftRowProps {
  draft: DraftSummary;
  highlights: SearchResult['highlights'] | undefined;
  selected: boolean;
  active: boolean;
  position: number;
  total: number;
  // Stable across renders (it takes the id), so the memo holds.
  onOpen(id: string): void;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeFormat(language: string): Intl.DateTimeFormat {
  let format = timeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
    timeFormats.set(language, format);
  }
  return format;
}

// Memoised: an autosave replaces one draft's summary, and only that row should render again.
export const DraftRow = memo(function DraftRow({ draft, highlights, selected, active, position, total, onOpen }: DraftRowProps) {
  const { t, i18n } = useTranslation();
  const headline = highlights?.find((h) => h.field === 'headline');
  const snippet = highlights?.find((h) => h.field !== 'headline');
  return (
    <li
      id={`draft-${draft.id}`}
      role="option"
      aria-selected={selected}
      aria-posinset={position}
      aria-setsize={total}
      className={`draft-item${active ? ' active' : ''}${highlights ? ' with-snippet' : ''}`}
      data-draft-id={draft.id}
      onClick={() => onOpen(draft.id)}
    >
      <span className="draft-headline">
        {headline ? <Highlighted text={headline.text} ranges={headline.ranges} /> : draft.headline || t('library.untitled')}
      </span>
      {snippet && (
        <span className="draft-snippet">
          <Highlighted text={snippet.text} ranges={snippet.ranges} />
        </span>
      )}
      <span className="draft-meta">
        <span className={`status status-${draft.status}`}>{t(`status.${draft.status}`)}</span>
        {draft.section && <span>{draft.section}</span>}
        {draft.issue && <span>{draft.issue}</span>}
        {draft.byline && <span>{draft.byline}</span>}
        <time dateTime={draft.updatedAt}>{timeFormat(i18n.language).format(new Date(draft.updatedAt))}</time>
      </span>
    </li>
  );
});
