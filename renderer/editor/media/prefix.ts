import { useDraft } from '../../state/draft.ts';
import { usePreferences } from '../../state/preferences.ts';

// The open article's publication's caption mark (△), or none for an article without one.
export function useCaptionPrefix(): string {
  const publicationId = useDraft((state) => state.article?.publicationId ?? '');
  return usePreferences((state) => state.preferences?.publications.find((publication) => publication.id === publicationId)?.captionPrefix ?? '');
}
