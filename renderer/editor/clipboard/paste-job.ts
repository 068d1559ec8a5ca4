import {
  $getNodeByKey,
  HISTORY_MERGE_TAG,
  type LexicalEditor,
  type NodeKey,
  PASTE_TAG,
  SKIP_DOM_SELECTION_TAG,
  type UpdateTag,
} from 'lexical';
import { sanitizePastedHtml } from '../paste/sanitize.ts';
import { $createPasteLanding, $insertCleanHtmlAfter } from './insert-html.ts';
import { lockForPaste } from './paste-lock.ts';

export interface PasteJob {
  cancel(): void;
  done: Promise<void>;
}

// Work per task before the browser gets the thread back for input and a frame. Sanitizing is
// most of it; importing what was sanitized runs in the same task, about as long again.
const TASK_BUDGET_MS = 30;

// Lets input and painting through between tasks; a macrotask, unlike a resolved promise.
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Pastes a large clipboard piece by piece, a few pieces per task, as whole blocks after one
 * landing paragraph. Edits are refused meanwhile (see paste-lock.ts). Every update after the
 * first merges into the first one's undo entry, so one undo removes the whole paste, and none
 * but the last moves the browser's selection: placing it makes the browser lay out the page,
 * which on a long body costs more than the piece itself.
 */
export function startPasteJob(
  editor: LexicalEditor,
  pieces: Iterator<string, void>,
  // Called after each task with how many characters of HTML it took in.
  onProgress: (characters: number) => void,
): PasteJob {
  let cancelled = false;
  let landingKey: NodeKey | null = null;
  let cursorKey: NodeKey | null = null;
  let updates = 0;

  function commit(update: () => void, moveSelection = false): void {
    const tags: UpdateTag[] = [PASTE_TAG];
    if (updates > 0) tags.push(HISTORY_MERGE_TAG);
    if (!moveSelection) tags.push(SKIP_DOM_SELECTION_TAG);
    editor.update(update, { tag: tags, discrete: true });
    updates += 1;
  }

  function finish(): void {
    const root = editor.getRootElement();
    // The caret goes after the pasted text, unless the writer has gone elsewhere meanwhile.
    const bodyHasFocus = root !== null && root.contains(document.activeElement);
    commit(() => {
      const landing = landingKey === null ? null : $getNodeByKey(landingKey);
      const last = cursorKey === null ? null : $getNodeByKey(cursorKey);
      if (!last || last.is(landing)) return;
      last.selectEnd();
      if (landing?.isAttached() && landing.getTextContentSize() === 0) landing.remove();
    }, bodyHasFocus);
  }

  const run = async (): Promise<void> => {
    // The paste event returns at once; the work starts in the next task.
    await yieldToBrowser();
    if (cancelled) return;
    const unlock = lockForPaste(editor);
    try {
      for (let next = pieces.next(); !next.done; ) {
        const started = performance.now();
        const clean: string[] = [];
        let consumed = 0;
        do {
          consumed += next.value.length;
          clean.push(sanitizePastedHtml(next.value, window));
          next = pieces.next();
        } while (!next.done && performance.now() - started < TASK_BUDGET_MS);
        commit(() => {
          let cursor = cursorKey === null ? null : $getNodeByKey(cursorKey);
          if (cursor === null) {
            cursor = $createPasteLanding();
            landingKey = cursor.getKey();
          }
          for (const html of clean) cursor = $insertCleanHtmlAfter(editor, html, cursor);
          cursorKey = cursor.getKey();
        });
        onProgress(consumed);
        await yieldToBrowser();
        if (cancelled) return;
      }
      finish();
    } finally {
      unlock();
    }
  };
  return {
    cancel: () => {
      cancelled = true;
    },
    done: run(),
  };
}
