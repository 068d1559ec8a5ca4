import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../state/review.ts';

// A text field of a photo (credit, alt text). What the writer types shows at once and reaches
// the body a moment later, or when the field loses focus: one undo step per pause in typing,
// not one per letter. A change from outside (undo in the body) shows when the field is idle.

const COMMIT_DELAY_MS = 350;

interface CommittedFieldProps {
  label: string;
  value: string;
  maxLength: number;
  multiline?: boolean;
  placeholder?: string;
  // Shown under the field, and read with it: the hint always, the warning while it is empty.
  hint?: string;
  emptyWarning?: string;
  className?: string;
  onCommit(value: string): void;
}

export function CommittedField({ label, value, maxLength, multiline = false, placeholder, hint, emptyWarning, className, onCommit }: CommittedFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ draft, onCommit, value });
  useEffect(() => {
    latest.current = { draft, onCommit, value };
  });

  function commit(): void {
    clearTimeout(timer.current);
    timer.current = undefined;
    const { draft: pending, onCommit: save, value: saved } = latest.current;
    if (pending !== null && pending !== saved) save(pending);
    setDraft(null);
  }

  // A change still waiting when the photo goes away (removed, draft closed) or the window is
  // hidden or closed is not dropped.
  useEffect(() => {
    const flush = () => {
      if (timer.current === undefined) return;
      clearTimeout(timer.current);
      timer.current = undefined;
      const { draft: pending, onCommit: save, value: saved } = latest.current;
      if (pending !== null && pending !== saved) save(pending);
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  function change(next: string): void {
    setDraft(next);
    latest.current = { ...latest.current, draft: next };
    clearTimeout(timer.current);
    timer.current = setTimeout(commit, COMMIT_DELAY_MS);
  }

  // Read-only while suggesting changes: an edit here would not be marked as a suggestion.
  const suggesting = useReview((state) => state.suggestMode);
  const shown = draft ?? value;
  const warning = emptyWarning && shown.trim() === '' ? emptyWarning : null;
  const note = warning ?? hint;
  const noteId = note ? `${id}-note` : undefined;
  const common = {
    id,
    value: shown,
    maxLength,
    placeholder,
    'aria-describedby': noteId,
    'aria-required': emptyWarning ? true : undefined,
    readOnly: suggesting,
    title: suggesting ? t('review.suggestions.photoFieldsReadOnly') : undefined,
    onBlur: commit,
  };
  return (
    <div className={`media-field${className ? ` ${className}` : ''}${warning ? ' is-empty' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          {...common}
          rows={2}
          // Alt text is one paragraph: the field wraps, Enter does not break it.
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) event.preventDefault();
          }}
          onChange={(event) => change(event.target.value.replace(/\s*\n\s*/g, ' '))}
        />
      ) : (
        <input {...common} type="text" onChange={(event) => change(event.target.value)} />
      )}
      {note && (
        <span id={noteId} className={warning ? 'media-warning' : 'media-hint'}>
          {note}
        </span>
      )}
    </div>
  );
}
