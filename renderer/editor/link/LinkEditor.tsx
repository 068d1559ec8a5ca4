import { $createLinkNode, $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type BaseSelection,
  COMMAND_PRIORITY_LOW,
} from 'lexical';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_LINK_EDITOR_COMMAND } from '../commands.ts';
import { $selectionFromDOM } from '../selection-sync.ts';
import { checkLinkUrl } from './url.ts';

type Problem = 'empty' | 'scheme' | 'invalid';

interface Target {
  selection: BaseSelection;
  // The URL of the link the caret was in, or null when adding a new one.
  existing: string | null;
  collapsed: boolean;
}

// The form that adds, edits and removes a link, shown under the toolbar. It remembers the
// selection it was opened on, because focus (and the DOM selection) move into its field.
export function LinkEditor() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const id = useId();
  const [target, setTarget] = useState<Target | null>(null);
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_LINK_EDITOR_COMMAND,
        () => {
          // Ctrl+K right after Shift+Arrow can come before the browser has told the editor
          // where the selection ended; the link must go on what the writer sees selected.
          const selection = $selectionFromDOM(editor) ?? $getSelection();
          if (!$isRangeSelection(selection)) return false;
          const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode) ?? $findMatchingParent(selection.focus.getNode(), $isLinkNode);
          const existing = link ? link.getURL() : null;
          setTarget({ selection: selection.clone(), existing, collapsed: selection.isCollapsed() });
          setUrl(existing ?? '');
          setProblem(null);
          // Opening again while open (Ctrl+K twice) puts the caret back in the field.
          inputRef.current?.focus();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );

  if (!target) return null;

  function close(): void {
    const saved = target?.selection;
    setTarget(null);
    setProblem(null);
    editor.update(() => {
      if (saved) $setSelection(saved.clone());
    });
    editor.focus();
  }

  function apply(event: FormEvent): void {
    event.preventDefault();
    const check = checkLinkUrl(url);
    if (!check.ok) {
      setProblem(check.reason);
      inputRef.current?.focus();
      return;
    }
    const saved = target!;
    editor.update(() => {
      $setSelection(saved.selection.clone());
      const selection = $getSelection();
      // Nothing selected and no link to edit: the address itself becomes the linked text.
      if ($isRangeSelection(selection) && saved.collapsed && saved.existing === null) {
        const link = $createLinkNode(check.url, { rel: 'noreferrer' });
        link.append($createTextNode(check.url));
        selection.insertNodes([link]);
      } else {
        editor.dispatchCommand(TOGGLE_LINK_COMMAND, check.url);
      }
    });
    setTarget(null);
    setProblem(null);
    editor.focus();
  }

  function remove(): void {
    const saved = target!;
    editor.update(() => {
      $setSelection(saved.selection.clone());
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
    });
    setTarget(null);
    setProblem(null);
    editor.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      close();
    }
  }

  const errorId = `${id}-error`;
  return (
    <form className="link-editor" aria-label={t('editor.link.label')} onSubmit={apply} onKeyDown={onKeyDown} noValidate>
      <label htmlFor={`${id}-url`} className="link-editor-label">
        {t('editor.link.url')}
      </label>
      <input
        ref={inputRef}
        id={`${id}-url`}
        className="link-editor-input"
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://"
        value={url}
        // The form opens because the writer asked for it (Ctrl+K or the Link button).
        autoFocus
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        onChange={(event) => {
          setUrl(event.target.value);
          if (problem) setProblem(null);
        }}
      />
      <button type="submit" className="button-primary">
        {t('editor.link.apply')}
      </button>
      {target.existing !== null && (
        <button type="button" onClick={remove}>
          {t('editor.link.remove')}
        </button>
      )}
      <button type="button" onClick={close}>
        {t('editor.link.cancel')}
      </button>
      {problem && (
        <p id={errorId} role="alert" className="link-editor-error">
          {t(`editor.link.${problem}`)}
        </p>
      )}
    </form>
  );
}
