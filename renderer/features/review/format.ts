import { useTranslation } from 'react-i18next';
import type { Person } from '../../../electron/model/review.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(language: string): Intl.DateTimeFormat {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(language, format);
  }
  return format;
}

// Times and people as the review panel shows them, in the interface's language.
export function useReviewFormat() {
  const { t, i18n } = useTranslation();
  const format = formatFor(i18n.language);
  return {
    time(at: string): string {
      const date = new Date(at);
      return Number.isNaN(date.getTime()) ? '' : format.format(date);
    },
    person(person: Person | null | undefined): string {
      return person?.name || t('review.someone');
    },
    name(name: string): string {
      return name || t('review.someone');
    },
  };
}

// A passage quoted in a list, cut short so a long selection does not fill the panel.
export function shortQuote(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
