import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { type ChangeEvent, type MouseEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../electron/model/errors.ts';
import type { FigureImage } from '../../../electron/model/figure.ts';
import { $createFigureNode } from '../nodes/FigureNode.tsx';
import { $isGalleryNode, type GalleryNode } from '../nodes/GalleryNode.tsx';
import { ToolbarButton } from '../toolbar/ToolbarButton.tsx';
import { PHOTO_CHANGE_COMMAND } from './commands.ts';
import { removeMediaBlock } from './insert.ts';
import type { Caption } from './caption.ts';
import { CaptionField } from './CaptionField.tsx';
import { CommittedField } from './CommittedField.tsx';
import { GALLERY_MAX, GALLERY_MIN, isImageFile, moveItem } from './files.ts';
import { focusCaption } from './focus.ts';
import { useLexicalGuard } from './guard.ts';
import { imageFromAsset } from './image-json.ts';
import { importFile, inOrder } from './import.ts';
import { MediaImage } from './MediaImage.tsx';
import { CaptionFormatButtons, MediaToolbar, ToolbarSeparator } from './MediaToolbar.tsx';
import { useCaptionPrefix } from './prefix.ts';
import { setAssetStates } from './status.ts';
import { asAppError } from '../../errors.ts';

interface GalleryViewProps {
  nodeKey: NodeKey;
  images: readonly FigureImage[];
  caption: Caption;
}

// Keys that follow each photo through a reorder (the same photo may appear twice).
function itemKeys(images: readonly FigureImage[]): string[] {
  const seen = new Map<string, number>();
  return images.map((image) => {
    const count = seen.get(image.assetId) ?? 0;
    seen.set(image.assetId, count + 1);
    return `${image.assetId}#${count}`;
  });
}

type Busy = { kind: 'adding' } | { kind: 'replacing'; key: string } | null;

export function GalleryView({ nodeKey, images, caption }: GalleryViewProps) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const prefix = useCaptionPrefix();
  const guardRef = useLexicalGuard<HTMLElement>();
  const listRef = useRef<HTMLOListElement>(null);
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<AppError | null>(null);
  const addRef = useRef<HTMLInputElement>(null);
  const replaceRef = useRef<HTMLInputElement>(null);
  const replaceIndex = useRef(0);
  // The control to focus once a move or removal has re-rendered the list: moving a focused
  // element in the page takes its focus away.
  const focusAfterRender = useRef<string | null>(null);
  const keys = itemKeys(images);
  const count = images.length;

  useEffect(() => {
    const wanted = focusAfterRender.current;
    if (!wanted) return;
    const target = listRef.current?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(wanted)}"]`);
    if (!target) return;
    focusAfterRender.current = null;
    target.focus();
  });

  function update(change: (node: GalleryNode) => void): void {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isGalleryNode(node)) change(node);
    });
  }

  function select(event: MouseEvent): void {
    if (!event.shiftKey) clearSelection();
    setSelected(true);
  }

  function move(index: number, delta: -1 | 1): void {
    const target = index + delta;
    if (target < 0 || target >= count || editor.dispatchCommand(PHOTO_CHANGE_COMMAND, undefined)) return;
    update((node) => node.setImages(moveItem(node.getImages(), index, target)));
    // The button pressed stays under focus while it can; at an end, its opposite takes over.
    const edge = target === 0 || target === count - 1;
    focusAfterRender.current = `${keys[index]}:${edge ? (delta < 0 ? 'later' : 'earlier') : delta < 0 ? 'earlier' : 'later'}`;
  }

  function removeImage(index: number): void {
    if (editor.dispatchCommand(PHOTO_CHANGE_COMMAND, undefined)) return;
    if (count > GALLERY_MIN) {
      update((node) => node.setImages(node.getImages().filter((_, position) => position !== index)));
      const neighbour = keys[index + 1] ?? keys[index - 1];
      focusAfterRender.current = neighbour ? `${neighbour}:remove` : null;
      return;
    }
    // One photo left is a photo, not a gallery: it keeps the caption.
    let figureKey: NodeKey | null = null;
    editor.update(
      () => {
        const node = $getNodeByKey(nodeKey);
        if (!$isGalleryNode(node)) return;
        const rest = node.getImages().filter((_, position) => position !== index);
        const figure = $createFigureNode({ image: rest[0]!, caption: node.getCaption().committed });
        node.replace(figure);
        figureKey = figure.getKey();
      },
      { discrete: true },
    );
    if (figureKey) focusCaption(figureKey);
  }

  function setField(index: number, patch: Partial<FigureImage>): void {
    update((node) => node.setImages(node.getImages().map((image, position) => (position === index ? { ...image, ...patch } : image))));
  }

  function removeGallery(): void {
    removeMediaBlock(editor, nodeKey);
  }

  async function add(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const files = Array.from(event.target.files ?? []).filter(isImageFile);
    event.target.value = '';
    if (files.length === 0) return;
    const room = GALLERY_MAX - count;
    // Photos beyond six are left out, and the writer told so.
    setProblem(files.length > room ? new AppError('invalid_input', 'media.galleryFull', { max: GALLERY_MAX }) : null);
    if (room <= 0) return;
    setBusy({ kind: 'adding' });
    const added: FigureImage[] = [];
    for (const pending of inOrder(files.slice(0, room), 3, (file) => importFile(file, 'image'))) {
      try {
        const info = await pending;
        setAssetStates([{ id: info.id, state: 'ok' }]);
        added.push(imageFromAsset(info));
      } catch (error) {
        setProblem(asAppError(error));
      }
    }
    setBusy(null);
    if (added.length > 0) update((node) => node.setImages([...node.getImages(), ...added].slice(0, GALLERY_MAX)));
  }

  async function replace(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    const index = replaceIndex.current;
    const key = keys[index];
    if (!file || key === undefined) return;
    setProblem(null);
    setBusy({ kind: 'replacing', key });
    try {
      const info = await importFile(file, 'image');
      setAssetStates([{ id: info.id, state: 'ok' }]);
      update((node) => node.setImages(node.getImages().map((image, position) => (position === index ? imageFromAsset(info, image) : image))));
    } catch (error) {
      setProblem(asAppError(error));
    } finally {
      setBusy(null);
    }
  }

  const full = count >= GALLERY_MAX;
  return (
    <figure ref={guardRef} className={`media-gallery${isSelected ? ' is-selected' : ''}`} aria-label={t('media.galleryLabel', { count })} data-media="gallery">
      <MediaToolbar label={t('media.galleryOptions')}>
        <CaptionFormatButtons caption={caption} />
        <ToolbarSeparator />
        <ToolbarButton label={full ? t('media.galleryFull', { max: GALLERY_MAX }) : t('media.addToGallery')} glyph={t('media.addShort')} disabled={full || busy !== null} onPress={() => editor.dispatchCommand(PHOTO_CHANGE_COMMAND, undefined) || addRef.current?.click()} />
        <ToolbarButton label={t('media.removeGallery')} glyph={t('media.removeGallery')} onPress={removeGallery} />
      </MediaToolbar>
      {busy?.kind === 'adding' && (
        <p role="status" className="media-status-inline">
          {t('media.addingToGallery')} <progress aria-hidden="true" />
        </p>
      )}
      {problem && (
        <p role="alert" className="media-error">
          <span>{t(problem.messageKey, problem.params ?? {})}</span>
          <button type="button" onClick={() => setProblem(null)} aria-label={t('media.dismiss')}>
            ×
          </button>
        </p>
      )}
      <ol ref={listRef} className="media-gallery-grid">
        {images.map((image, index) => {
          const key = keys[index]!;
          const position = { index: index + 1, count };
          return (
            <li key={key} className="media-gallery-item">
              <div role="group" aria-label={t('media.galleryItem', position)}>
                <MediaImage image={image} busy={busy?.kind === 'replacing' && busy.key === key} onSelect={select} />
                <div className="media-gallery-actions">
                  <button type="button" data-focus={`${key}:earlier`} aria-label={t('media.moveEarlier', position)} title={t('media.moveEarlier', position)} aria-disabled={index === 0 || undefined} onClick={() => move(index, -1)}>
                    <span aria-hidden="true">←</span>
                  </button>
                  <button type="button" data-focus={`${key}:later`} aria-label={t('media.moveLater', position)} title={t('media.moveLater', position)} aria-disabled={index === count - 1 || undefined} onClick={() => move(index, 1)}>
                    <span aria-hidden="true">→</span>
                  </button>
                  <button
                    type="button"
                    data-focus={`${key}:replace`}
                    aria-label={t('media.replaceItem', position)}
                    onClick={() => {
                      replaceIndex.current = index;
                      if (!editor.dispatchCommand(PHOTO_CHANGE_COMMAND, undefined)) replaceRef.current?.click();
                    }}
                  >
                    {t('media.replaceShort')}
                  </button>
                  <button type="button" data-focus={`${key}:remove`} aria-label={t('media.removeItem', position)} onClick={() => removeImage(index)}>
                    {t('media.removeShort')}
                  </button>
                </div>
                <CommittedField className="media-credit" label={t('media.credit')} placeholder={t('media.creditPlaceholder')} value={image.credit} maxLength={300} onCommit={(credit) => setField(index, { credit })} />
                <CommittedField
                  className="media-alt"
                  label={t('media.alt')}
                  value={image.alt}
                  maxLength={1000}
                  multiline
                  emptyWarning={t('media.altMissingShort')}
                  onCommit={(alt) => setField(index, { alt })}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <figcaption className="media-figcaption">
        <CaptionField nodeKey={nodeKey} caption={caption} prefix={prefix} label={t('media.galleryCaption')} />
      </figcaption>
      <input ref={addRef} type="file" accept="image/*,.heic,.heif" multiple hidden tabIndex={-1} aria-hidden="true" onChange={(event) => void add(event)} />
      <input ref={replaceRef} type="file" accept="image/*,.heic,.heif" hidden tabIndex={-1} aria-hidden="true" onChange={(event) => void replace(event)} />
    </figure>
  );
}
