import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindMode } from '../commands.ts';
import { matchesShortcut, SHORTCUTS } from '../shortcuts.ts';
import type { FindRequest } from './FindReplacePlugin.tsx';
import { useFind } from './useFind.ts';

interface FindReplacePanelProps {
  request: FindRequest;
  query: string;
  replacement: string;
  onQueryChange(query: string): void;
  onReplacementChange(replacement: string): void;
  onModeChange(mode: FindMode): void;
  onClose(): void;
}

export function FindReplacePanel({ request, query, replacement, onQueryChange, onReplacementChange, onModeChange, onClose }: FindReplacePanelProps) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const id = useId();
  const findRef = useRef<HTMLInputElement>(null);
  const replaceRef = useRef<HTMLInputElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const find = useFind(editor, query);
  const replacing = request.mode === 'replace';
  // The caret goes to the match shown, which may be in a photo's caption rather than the body.
  const close = () => {
    find.focusCurrent();
    onClose();
  };

  // Each Ctrl+F / Ctrl+H lands in its field with the text selected, ready to be typed over.
  useEffect(() => {
    const field = request.mode === 'replace' && findRef.current?.value ? replaceRef.current : findRef.current;
    field?.focus();
    field?.select();
  }, [request]);

  function onPanelKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (matchesShortcut(event, SHORTCUTS.find)) {
      event.preventDefault();
      onModeChange(request.mode);
    } else if (matchesShortcut(event, SHORTCUTS.replace)) {
      event.preventDefault();
      onModeChange('replace');
    }
  }

  function onFindKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    // Enter also ends a Hangul composition; that Enter is the input method's, not "next".
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (event.shiftKey) find.previous();
    else find.next();
  }

  function onReplaceKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    find.replaceOne(replacement);
  }

  const count = find.total > 0 ? t('editor.find.count', { current: find.current + 1, total: find.total }) : query !== '' ? t('editor.find.none') : '';

  return (
    <section role="search" aria-label={t('editor.find.label')} className="find-panel" onKeyDown={onPanelKeyDown}>
      <div className="find-row">
        <label htmlFor={`${id}-find`} className="find-label">
          {t('editor.find.find')}
        </label>
        <input
          ref={findRef}
          id={`${id}-find`}
          className="find-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={query}
          aria-describedby={`${id}-count`}
          onChange={(event) => {
            onQueryChange(event.target.value);
            setAnnouncement('');
          }}
          onKeyDown={onFindKeyDown}
        />
        <span id={`${id}-count`} role="status" className="find-count">
          {announcement || count}
        </span>
        <button type="button" className="toolbar-button" aria-label={t('editor.find.previous')} title={t('editor.find.previous')} disabled={find.total === 0} onClick={find.previous}>
          <span aria-hidden="true">↑</span>
        </button>
        <button type="button" className="toolbar-button" aria-label={t('editor.find.next')} title={t('editor.find.next')} disabled={find.total === 0} onClick={find.next}>
          <span aria-hidden="true">↓</span>
        </button>
        <button
          type="button"
          className="toolbar-button"
          aria-label={t('editor.find.showReplace')}
          title={t('editor.find.showReplace')}
          aria-expanded={replacing}
          aria-controls={`${id}-replace-row`}
          onClick={() => onModeChange(replacing ? 'find' : 'replace')}
        >
          <span aria-hidden="true">⇄</span>
        </button>
        <button type="button" className="toolbar-button" aria-label={t('editor.find.close')} title={t('editor.find.close')} onClick={close}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {replacing && (
        <div className="find-row" id={`${id}-replace-row`}>
          <label htmlFor={`${id}-replace`} className="find-label">
            {t('editor.find.replace')}
          </label>
          <input
            ref={replaceRef}
            id={`${id}-replace`}
            className="find-input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={replacement}
            onChange={(event) => onReplacementChange(event.target.value)}
            onKeyDown={onReplaceKeyDown}
          />
          <button type="button" disabled={!find.currentReplaceable} onClick={() => find.replaceOne(replacement)}>
            {t('editor.find.replaceOne')}
          </button>
          <button
            type="button"
            disabled={find.replaceable === 0}
            onClick={() => {
              const replaced = find.replaceAll(replacement);
              setAnnouncement(t('editor.find.replaced', { count: replaced }));
              // This button is disabled now that nothing matches; focus must not fall to the page.
              replaceRef.current?.focus();
            }}
          >
            {t('editor.find.replaceAll')}
          </button>
          {find.replaceable < find.total && <p className="find-note">{t('editor.find.readOnly', { count: find.total - find.replaceable })}</p>}
        </div>
      )}
    </section>
  );
}
