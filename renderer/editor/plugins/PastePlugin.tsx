import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import { objectKlassEquals } from '@lexical/utils';
import { $addUpdateTag, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, PASTE_TAG } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $insertPastedHtml } from '../clipboard/insert-html.ts';
import { startPasteJob, type PasteJob } from '../clipboard/paste-job.ts';
import { htmlPieces } from '../clipboard/split-html.ts';
import { pastedImageFiles } from '../media/files.ts';

// Up to this much HTML (a few pages from Word) a paste is done at once, at the selection, as
// Lexical's own paste is. Beyond, it is cut into pieces done a few per task, so the window keeps
// answering: sanitizing and importing cost time linear in the HTML, and a 5 MB clipboard done
// in one go holds the thread for many seconds.
const AT_ONCE_LIMIT = 64 * 1024;
const PIECE_SIZE = 16 * 1024;

// Rich paste goes through the sanitizer; plain text (only text/plain on the clipboard) is
// left to Lexical, which already handles it well.
export function PastePlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const jobRef = useRef<PasteJob | null>(null);

  useEffect(() => {
    const unregister = editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        if (!objectKlassEquals(event, ClipboardEvent)) return false;
        // A copied image or a screenshot goes to the asset store, even when the clipboard
        // holds a scrap of HTML beside it (only an <img>, which the sanitizer would drop).
        const images = pastedImageFiles(event.clipboardData);
        if (images.length > 0) {
          event.preventDefault();
          editor.dispatchCommand(DRAG_DROP_PASTE, images);
          return true;
        }
        const html = event.clipboardData?.getData('text/html') ?? '';
        if (html.trim() === '') return false;
        event.preventDefault();
        if (jobRef.current) return true;
        if (html.length <= AT_ONCE_LIMIT) {
          $addUpdateTag(PASTE_TAG);
          $insertPastedHtml(editor, html);
          return true;
        }
        setProgress(0);
        let consumed = 0;
        const job = startPasteJob(editor, htmlPieces(html, PIECE_SIZE), (characters) => {
          consumed += characters;
          setProgress(Math.min(1, consumed / html.length));
        });
        jobRef.current = job;
        void job.done.finally(() => {
          if (jobRef.current === job) jobRef.current = null;
          setProgress(null);
        });
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    );
    return () => {
      unregister();
      jobRef.current?.cancel();
      jobRef.current = null;
    };
  }, [editor]);

  if (progress === null) return null;
  return (
    <p role="status" className="paste-status">
      {t('editor.paste.busy')} <progress max={1} value={progress} aria-label={t('editor.paste.busy')} />
    </p>
  );
}
