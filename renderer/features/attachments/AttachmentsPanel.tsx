import { type DragEvent, type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../electron/model/asset.ts';
import type { AppError } from '../../../electron/model/errors.ts';
import { api } from '../../bridge.ts';
import { moveItem } from '../../editor/media/files.ts';
import { importFile, inOrder } from '../../editor/media/import.ts';
import { useDraft } from '../../state/draft.ts';
import { takeAttachRequests } from './attach-requests.ts';
import { ATTACHMENT_ACCEPT, attachmentKind, formatSize, MAX_ATTACHMENTS, MAX_NAME_LENGTH, renameAttachment } from './format.ts';
import { asAppError } from '../../errors.ts';

const NONE: readonly Attachment[] = [];

type Problem =
  | { id: number; kind: 'failed' | 'openFailed'; name: string; error: AppError }
  | { id: number; kind: 'duplicate'; name: string }
  | { id: number; kind: 'full' };

let problemIds = 0;

function current(): readonly Attachment[] {
  return useDraft.getState().article?.attachments ?? NONE;
}

function save(next: Attachment[]): void {
  useDraft.getState().setField('attachments', next);
}

// The article's attachments (첨부파일): files readers download with it, in the writer's order.
// Kept in the article's fields, so the draft's autosave stores them with everything else.
export function AttachmentsPanel() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const hintId = useId();
  const attachments = useDraft((state) => state.article?.attachments ?? NONE);
  const [pending, setPending] = useState(0);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // The control to focus once the list has re-rendered: moving or removing a row takes focus
  // away from the button pressed.
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => {
    const wanted = focusAfterRender.current;
    if (!wanted) return;
    const target = sectionRef.current?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(wanted)}"]`);
    if (!target) return;
    focusAfterRender.current = null;
    target.focus();
  });

  function report(problem: Problem): void {
    setProblems((list) => [...list, problem].slice(-5));
  }

  async function addFiles(files: File[]): Promise<void> {
    if (files.length === 0) return;
    const draftId = useDraft.getState().draftId;
    setProblems([]);
    setPending((count) => count + files.length);
    const results = inOrder(files, 2, (file) => importFile(file, 'attachment'));
    for (let index = 0; index < files.length; index++) {
      const file = files[index]!;
      try {
        const info = await results[index]!;
        // The writer opened another draft meanwhile: this file was for the one they left.
        if (useDraft.getState().draftId !== draftId) continue;
        const list = current();
        const name = (info.name || file.name).slice(0, MAX_NAME_LENGTH) || file.name.slice(0, MAX_NAME_LENGTH);
        if (list.some((item) => item.assetId === info.id)) {
          report({ id: ++problemIds, kind: 'duplicate', name });
          continue;
        }
        if (list.length >= MAX_ATTACHMENTS) {
          report({ id: ++problemIds, kind: 'full' });
          continue;
        }
        save([...list, { assetId: info.id, name, size: info.size, mime: info.mime.slice(0, 200) }]);
        setAnnouncement(t('attachments.added', { name }));
      } catch (error) {
        if (useDraft.getState().draftId === draftId) report({ id: ++problemIds, kind: 'failed', name: file.name, error: asAppError(error) });
      } finally {
        setPending((count) => count - 1);
      }
    }
  }

  // Files dropped on the body that are not photos are attached here (taken over on each render,
  // so the latest addFiles answers).
  useEffect(() => takeAttachRequests((files) => void addFiles(files)));

  function move(index: number, delta: -1 | 1): void {
    const list = current();
    const target = index + delta;
    const item = list[index];
    if (!item || target < 0 || target >= list.length) return;
    save(moveItem(list, index, target));
    const atEdge = target === 0 || target === list.length - 1;
    const button = delta < 0 ? (atEdge ? 'down' : 'up') : atEdge ? 'up' : 'down';
    focusAfterRender.current = `${item.assetId}:${button}`;
    setAnnouncement(t('attachments.moved', { name: item.name, position: target + 1, count: list.length }));
  }

  function remove(index: number): void {
    const list = current();
    const item = list[index];
    if (!item) return;
    save(list.filter((_, position) => position !== index));
    const neighbour = list[index + 1] ?? list[index - 1];
    focusAfterRender.current = neighbour ? `${neighbour.assetId}:remove` : 'add';
    setAnnouncement(t('attachments.removed', { name: item.name }));
  }

  function rename(index: number, name: string): void {
    const list = current();
    const item = list[index];
    if (!item) return;
    if (name !== item.name) {
      save(list.map((entry, position) => (position === index ? { ...entry, name } : entry)));
      setAnnouncement(t('attachments.renamed', { name }));
    }
    setEditing(null);
    focusAfterRender.current = `${item.assetId}:rename`;
  }

  async function open(item: Attachment): Promise<void> {
    try {
      await api.invoke('assets.open', { id: item.assetId, name: item.name });
    } catch (error) {
      report({ id: ++problemIds, kind: 'openFailed', name: item.name, error: asAppError(error) });
    }
  }

  function hasFiles(event: DragEvent): boolean {
    return event.dataTransfer.types.includes('Files');
  }

  function problemText(problem: Problem): string {
    switch (problem.kind) {
      case 'failed':
      case 'openFailed':
        return t(`attachments.${problem.kind}`, { name: problem.name, reason: t(problem.error.messageKey, problem.error.params ?? {}) });
      case 'duplicate':
        return t('attachments.duplicate', { name: problem.name });
      case 'full':
        return t('attachments.full', { max: MAX_ATTACHMENTS });
    }
  }

  return (
    <section
      ref={sectionRef}
      className={`attachments${dragging ? ' is-dragging' : ''}`}
      aria-labelledby={headingId}
      aria-describedby={hintId}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        void addFiles(Array.from(event.dataTransfer.files));
      }}
    >
      <div className="attachments-header">
        <h2 id={headingId} className="attachments-title">
          {t('attachments.title')}
          {attachments.length > 0 && <span className="attachments-count"> ({attachments.length})</span>}
        </h2>
        <button
          type="button"
          data-focus="add"
          aria-disabled={attachments.length >= MAX_ATTACHMENTS || undefined}
          onClick={() => {
            if (current().length >= MAX_ATTACHMENTS) report({ id: ++problemIds, kind: 'full' });
            else inputRef.current?.click();
          }}
        >
          {t('attachments.add')}
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          hidden
          tabIndex={-1}
          aria-hidden="true"
          accept={ATTACHMENT_ACCEPT}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            void addFiles(files);
          }}
        />
      </div>
      <p id={hintId} className="attachments-hint">
        {dragging ? t('attachments.dropHere') : t('attachments.hint')}
      </p>
      <div role="status" className="attachments-status">
        {pending > 0 && (
          <>
            <span>{t('attachments.adding', { count: pending })}</span> <progress aria-hidden="true" />
          </>
        )}
        <span className="visually-hidden">{announcement}</span>
      </div>
      {problems.length > 0 && (
        <div role="alert" className="attachments-problems">
          {problems.map((problem) => (
            <p key={problem.id}>{problemText(problem)}</p>
          ))}
        </div>
      )}
      {attachments.length === 0 ? (
        <p className="attachments-empty">{t('attachments.empty')}</p>
      ) : (
        <table className="attachments-table" aria-label={t('attachments.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('attachments.name')}</th>
              <th scope="col">{t('attachments.type')}</th>
              <th scope="col" className="attachments-size">
                {t('attachments.size')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('attachments.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {attachments.map((item, index) => (
              <tr key={item.assetId}>
                <th scope="row" className="attachments-name">
                  {editing === item.assetId ? (
                    <RenameForm item={item} onSave={(name) => rename(index, name)} onCancel={() => {
                      setEditing(null);
                      focusAfterRender.current = `${item.assetId}:rename`;
                    }} />
                  ) : (
                    <span>{item.name}</span>
                  )}
                </th>
                <td>{t(`attachments.kind.${attachmentKind(item.name, item.mime)}`)}</td>
                <td className="attachments-size">{formatSize(item.size, i18n.language)}</td>
                <td>
                  <div className="attachments-actions">
                    <button type="button" data-focus={`${item.assetId}:open`} aria-label={t('attachments.openNamed', { name: item.name })} onClick={() => void open(item)}>
                      {t('attachments.open')}
                    </button>
                    <button type="button" data-focus={`${item.assetId}:rename`} aria-label={t('attachments.renameNamed', { name: item.name })} onClick={() => setEditing(item.assetId)}>
                      {t('attachments.rename')}
                    </button>
                    <button
                      type="button"
                      data-focus={`${item.assetId}:up`}
                      aria-label={t('attachments.moveUp', { name: item.name })}
                      title={t('attachments.moveUp', { name: item.name })}
                      aria-disabled={index === 0 || undefined}
                      onClick={() => move(index, -1)}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      data-focus={`${item.assetId}:down`}
                      aria-label={t('attachments.moveDown', { name: item.name })}
                      title={t('attachments.moveDown', { name: item.name })}
                      aria-disabled={index === attachments.length - 1 || undefined}
                      onClick={() => move(index, 1)}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <button type="button" data-focus={`${item.assetId}:remove`} aria-label={t('attachments.removeNamed', { name: item.name })} onClick={() => remove(index)}>
                      {t('attachments.remove')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface RenameFormProps {
  item: Attachment;
  onSave(name: string): void;
  onCancel(): void;
}

// The name, edited in place: Enter or leaving the field saves, Escape leaves it as it was.
function RenameForm({ item, onSave, onCancel }: RenameFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(item.name);
  const [problem, setProblem] = useState<'empty' | 'tooLong' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    input.focus();
    // The name without its extension is what the writer most likely retypes.
    const dot = item.name.lastIndexOf('.');
    input.setSelectionRange(0, dot > 0 ? dot : item.name.length);
  }, [item.name]);

  function submit(event?: FormEvent): void {
    event?.preventDefault();
    const result = renameAttachment(item.name, value);
    if (!result.ok) {
      setProblem(result.reason);
      inputRef.current?.focus();
      return;
    }
    onSave(result.name);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form className="attachments-rename" onSubmit={submit} noValidate>
      <input
        ref={inputRef}
        id={id}
        value={value}
        maxLength={MAX_NAME_LENGTH + 10}
        aria-label={t('attachments.newName', { name: item.name })}
        aria-invalid={problem !== null || undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          // Leaving for the form's own buttons is not leaving the edit.
          if (event.relatedTarget && event.currentTarget.form?.contains(event.relatedTarget)) return;
          if (renameAttachment(item.name, value).ok) submit();
        }}
      />
      <button type="submit">{t('attachments.save')}</button>
      <button type="button" onClick={onCancel}>
        {t('attachments.cancel')}
      </button>
      {problem && (
        <span id={`${id}-problem`} role="alert" className="field-error">
          {t(problem === 'empty' ? 'attachments.nameEmpty' : 'attachments.nameTooLong')}
        </span>
      )}
    </form>
  );
}
