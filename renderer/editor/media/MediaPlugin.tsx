import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $getSelection,
  $isNodeSelection,
  COMMAND_PRIORITY_LOW,
  DRAGOVER_COMMAND,
  HISTORY_MERGE_TAG,
  KEY_ENTER_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { type ChangeEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetInfo } from '../../../electron/model/asset.ts';
import { AppError } from '../../../electron/model/errors.ts';
import { useDraft } from '../../state/draft.ts';
import { $createFigureNode, $isFigureNode, FigureNode } from '../nodes/FigureNode.tsx';
import { $createGalleryNode, $isGalleryNode, GalleryNode } from '../nodes/GalleryNode.tsx';
import { OPEN_PHOTO_PICKER_COMMAND, type PickMode } from './commands.ts';
import { requestAttach } from '../../features/attachments/attach-requests.ts';
import { GALLERY_MAX, GALLERY_MIN, isImageFile } from './files.ts';
import { focusCaption } from './focus.ts';
import { imageFromAsset } from './image-json.ts';
import { importFile, inOrder } from './import.ts';
import { $captureInsertionPoint, $insertMediaBlock, type InsertionPoint } from './insert.ts';
import { checkAssets, mediaImports, setAssetStates, useMediaImports } from './status.ts';
import { asAppError } from '../../errors.ts';

// Photos at once in flight to main: enough to keep sharp busy, few enough that thirty dropped
// photos do not hold thirty files' bytes in the page together.
const IMPORT_PARALLELISM = 3;

interface InsertRequest {
  files: File[];
  mode: PickMode;
  point: InsertionPoint;
  // Chosen from the toolbar: the caption of the first photo takes focus, ready to describe it.
  focus: boolean;
}

// Whether the writer is still at the editor (its toolbar or body), so that moving focus to the
// new photo's caption does not pull them out of another field they went on to.
function stillAtEditor(editor: LexicalEditor): boolean {
  const active = document.activeElement;
  const shell = editor.getRootElement()?.closest('.editor-shell');
  return active === null || active === document.body || Boolean(shell?.contains(active));
}

// Imports the photos, then puts them in the body in the order given, each as soon as it and
// those before it are stored. Nothing touches the body for a photo that failed.
async function importAndInsert(editor: LexicalEditor, request: InsertRequest, isLive: () => boolean): Promise<void> {
  const images = request.files.filter(isImageFile);
  // Other files dropped or pasted on the body (a PDF, an HWP document) go to the attachments.
  const others = request.files.filter((file) => !isImageFile(file));
  if (!requestAttach(others)) {
    for (const file of others) mediaImports.fail(file.name, new AppError('invalid_input', 'media.notAnImage'));
  }
  if (images.length === 0) return;
  const asGallery = request.mode === 'gallery' && images.length >= GALLERY_MIN;
  if (asGallery && images.length > GALLERY_MAX) {
    mediaImports.fail(null, new AppError('invalid_input', 'media.galleryTooMany', { max: GALLERY_MAX }));
    return;
  }
  const draftId = useDraft.getState().draftId;
  const stillHere = () => isLive() && useDraft.getState().draftId === draftId;
  mediaImports.begin(images.map((file) => file.name));
  const pending = inOrder(images, IMPORT_PARALLELISM, async (file) => {
    try {
      return await importFile(file, 'image');
    } finally {
      mediaImports.finish();
    }
  });

  const stored: AssetInfo[] = [];
  let previousKey: NodeKey | null = null;
  let first = true;
  for (let index = 0; index < images.length; index++) {
    let info: AssetInfo;
    try {
      info = await pending[index]!;
    } catch (error) {
      if (stillHere()) mediaImports.fail(images[index]!.name, asAppError(error));
      continue;
    }
    setAssetStates([{ id: info.id, state: 'ok' }]);
    if (!stillHere()) return;
    if (asGallery) {
      stored.push(info);
      continue;
    }
    const image = imageFromAsset(info);
    const insertedKey = insertNodes(editor, [() => $createFigureNode({ image })], request.point, previousKey, !first);
    if (request.focus && first && insertedKey && stillAtEditor(editor)) focusCaption(insertedKey);
    previousKey = insertedKey ?? previousKey;
    first = false;
  }
  if (asGallery && stillHere() && stored.length > 0) {
    const create =
      stored.length >= GALLERY_MIN
        ? () => $createGalleryNode({ images: stored.map((info) => imageFromAsset(info)) })
        : () => $createFigureNode({ image: imageFromAsset(stored[0]!) });
    const key = insertNodes(editor, [create], request.point, null, false);
    if (request.focus && key && stillAtEditor(editor)) focusCaption(key);
  }
}

// One body update per photo. The photos after the first merge into its undo step, so one undo
// takes the whole drop away.
function insertNodes(editor: LexicalEditor, creators: Array<() => LexicalNode>, point: InsertionPoint, previousKey: NodeKey | null, merge: boolean): NodeKey | null {
  let key: NodeKey | null = null;
  editor.update(
    () => {
      let previous = previousKey ? $getNodeByKey(previousKey) : null;
      for (const create of creators) {
        const node = create();
        $insertMediaBlock(node, point, previous);
        previous = node;
        key = node.getKey();
      }
    },
    merge ? { tag: HISTORY_MERGE_TAG, discrete: true } : { discrete: true },
  );
  return key;
}

// Photos into the body from the toolbar's file chooser, a drop from the OS, or a paste; the
// status line under the toolbar shows imports under way and any that failed.
export function MediaPlugin() {
  const [editor] = useLexicalComposerContext();
  const inputRef = useRef<HTMLInputElement>(null);
  const pickRef = useRef<{ mode: PickMode; point: InsertionPoint } | null>(null);
  const liveRef = useRef(true);

  useEffect(() => {
    liveRef.current = true;
    // Problems reported about another draft's photos are not this one's.
    mediaImports.clear();
    const isLive = () => liveRef.current;
    const start = (files: File[], mode: PickMode, point: InsertionPoint, focus: boolean) => {
      void importAndInsert(editor, { files, mode, point, focus }, isLive);
    };
    return mergeRegister(
      () => {
        liveRef.current = false;
      },
      editor.registerCommand(
        OPEN_PHOTO_PICKER_COMMAND,
        (mode) => {
          const input = inputRef.current;
          if (!input) return false;
          pickRef.current = { mode, point: editor.getEditorState().read($captureInsertionPoint) };
          input.value = '';
          input.click();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      // Rich text turns a drop (at the drop point) and a paste of files into this command.
      editor.registerCommand(
        DRAG_DROP_PASTE,
        (files) => {
          start(files, 'photo', $captureInsertionPoint(), false);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      // Files dragged over the body may be dropped anywhere in it.
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!event.dataTransfer?.types.includes('Files')) return false;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      // Enter on a selected photo goes to its caption.
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          const selection = $getSelection();
          if (!$isNodeSelection(selection)) return false;
          const [node] = selection.getNodes();
          if (selection.getNodes().length !== 1 || !($isFigureNode(node) || $isGalleryNode(node))) return false;
          event?.preventDefault();
          focusCaption(node.getKey());
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      // Whether the photos' files are still in the store: those in the body when it opens, and
      // each one that arrives later (a paste from another draft, an undo).
      ...[FigureNode, GalleryNode].map((klass) =>
        editor.registerMutationListener(klass, (mutations) => {
          const ids = new Set<string>();
          editor.getEditorState().read(() => {
            for (const [key, mutation] of mutations) {
              if (mutation !== 'created') continue;
              const node = $getNodeByKey(key);
              if ($isFigureNode(node)) ids.add(node.getImage().assetId);
              else if ($isGalleryNode(node)) for (const image of node.getImages()) ids.add(image.assetId);
            }
          });
          checkAssets([...ids].filter((id) => /^[0-9a-f]{64}$/.test(id)));
        }),
      ),
    );
  }, [editor]);

  function onChosen(event: ChangeEvent<HTMLInputElement>): void {
    const files = Array.from(event.target.files ?? []);
    const pick = pickRef.current;
    pickRef.current = null;
    event.target.value = '';
    if (!pick || files.length === 0) return;
    void importAndInsert(editor, { files, mode: pick.mode, point: pick.point, focus: true }, () => liveRef.current);
  }

  return (
    <>
      <input ref={inputRef} type="file" accept="image/*,.heic,.heif" multiple hidden tabIndex={-1} aria-hidden="true" onChange={onChosen} />
      <MediaStatusLine />
    </>
  );
}

function MediaStatusLine() {
  const { t } = useTranslation();
  const { total, done, current, problems } = useMediaImports();
  return (
    <>
      <div role="status" className="media-status">
        {total > 0 && (
          <>
            <span>{current ? t('media.addingNamed', { name: current }) : t('media.adding', { done: Math.min(done + 1, total), total })}</span>
            {total > 1 ? <progress max={total} value={done} aria-hidden="true" /> : <progress aria-hidden="true" />}
          </>
        )}
      </div>
      {problems.length > 0 && (
        <div className="media-problems" role="alert">
          {problems.map((problem) => (
            <p key={problem.id} className="media-problem-line">
              <span>
                {problem.name
                  ? t('media.failedNamed', { name: problem.name, reason: t(problem.error.messageKey, problem.error.params ?? {}) })
                  : t(problem.error.messageKey, problem.error.params ?? {})}
              </span>
              <button type="button" onClick={() => mediaImports.dismiss(problem.id)} aria-label={t('media.dismiss')}>
                ×
              </button>
            </p>
          ))}
        </div>
      )}
    </>
  );
}
