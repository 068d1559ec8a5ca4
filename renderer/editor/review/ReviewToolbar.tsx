import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { IS_APPLE } from 'lexical';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../state/review.ts';
import { COMMENT_SHORTCUT, START_COMMENT_COMMAND } from './commands.ts';

const keyOf = (code: string) => code.replace(/^Key/, '');
const COMMENT_KEYS = IS_APPLE ? `⌘⌥${keyOf(COMMENT_SHORTCUT.code)}` : `Ctrl+Alt+${keyOf(COMMENT_SHORTCUT.code)}`;
const COMMENT_ARIA_KEYS = `${IS_APPLE ? 'Meta' : 'Control'}+Alt+${keyOf(COMMENT_SHORTCUT.code)}`;

function CommentGlyph() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M21 15a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
    </svg>
  );
}

function SuggestGlyph() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M12 20h9" />
      <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z" />
    </svg>
  );
}

// The toolbar's review buttons: comment on the selected words, and the "Suggest changes" toggle.
// They join the toolbar's arrow-key navigation (data-roving) like its other buttons.
export function ReviewToolbarButtons() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const suggestMode = useReview((state) => state.suggestMode);
  const previewing = useReview((state) => state.preview !== 'none');
  const commentLabel = t('review.comments.add');
  return (
    <>
      <button
        type="button"
        className="toolbar-button"
        data-roving=""
        aria-label={commentLabel}
        title={`${commentLabel} (${COMMENT_KEYS})`}
        aria-keyshortcuts={COMMENT_ARIA_KEYS}
        aria-disabled={previewing || undefined}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          if (!previewing) editor.dispatchCommand(START_COMMENT_COMMAND, undefined);
        }}
      >
        <span aria-hidden="true">
          <CommentGlyph />
        </span>
      </button>
      <button
        type="button"
        className={`toolbar-button toolbar-button-text${suggestMode ? ' suggest-on' : ''}`}
        data-roving=""
        aria-label={t('review.suggestions.mode')}
        aria-pressed={suggestMode}
        title={t('review.suggestions.modeHint')}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          const next = !useReview.getState().suggestMode;
          useReview.getState().setSuggestMode(next);
          useReview.getState().announce(t(next ? 'review.suggestions.modeOn' : 'review.suggestions.modeOff'));
        }}
      >
        <span aria-hidden="true">
          <SuggestGlyph />
        </span>{' '}
        {t('review.suggestions.mode')}
      </button>
    </>
  );
}
