import { useTranslation } from 'react-i18next';
import { useCounts } from '../../state/counts.ts';
import { formatSheets } from './manuscript.ts';

export function StatusBar() {
  const { t, i18n } = useTranslation();
  const counts = useCounts((state) => state.counts);
  if (!counts) return null;
  const number = new Intl.NumberFormat(i18n.language);
  // Any text at all takes a minute to read; an empty body none.
  const minutes = counts.charsWithoutSpaces === 0 ? 0 : Math.max(1, Math.ceil(counts.readingMinutes));
  return (
    <footer className="status-bar" aria-label={t('counts.label')}>
      <dl>
        <div>
          <dt>{t('counts.chars')}</dt>
          <dd data-count="chars">{number.format(counts.charsWithSpaces)}</dd>
        </div>
        <div>
          <dt>{t('counts.charsNoSpaces')}</dt>
          <dd data-count="chars-no-spaces">{number.format(counts.charsWithoutSpaces)}</dd>
        </div>
        <div>
          <dt>{t('counts.words')}</dt>
          <dd data-count="words">{number.format(counts.words)}</dd>
        </div>
        <div>
          <dt>{t('counts.manuscript200')}</dt>
          <dd data-count="manuscript-200">{t('counts.sheets', { count: formatSheets(counts.manuscript200.sheets) })}</dd>
        </div>
        <div>
          <dt>{t('counts.manuscript150')}</dt>
          <dd data-count="manuscript-150">{t('counts.sheets', { count: formatSheets(counts.manuscript150.sheets) })}</dd>
        </div>
        <div>
          <dt>{t('counts.reading')}</dt>
          <dd data-count="reading">{t('counts.minutes', { count: minutes })}</dd>
        </div>
      </dl>
    </footer>
  );
}
