import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { type ChangeEvent, type MouseEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../electron/model/errors.ts';
import type { FigureImage } from '../../../electron/model/figure.ts';
import { $isFigureNode, type FigureNode } from '../nodes/FigureNode.tsx';
import { ToolbarButton } from '../toolbar/ToolbarButton.tsx';
import { PHOTO_CHANGE_COMMAND } from './commands.ts';
import { removeMediaBlock } from './insert.ts';
import type { Caption } from './caption.ts';
import { CaptionField } from './CaptionField.tsx';
import { CommittedField } from './CommittedField.tsx';
import { useLexicalGuard } from './guard.ts';
import type { FigureAlignValue, FigureSizeValue } from './image-json.ts';
import { importFile } from './import.ts';
import { MediaImage } from './MediaImage.tsx';
import { AlignGlyph, CaptionFormatButtons, MediaToolbar, ToolbarSeparator } from './MediaToolbar.tsx';
import { useCaptionPrefix } from './prefix.ts';
import { setAssetStates } from './status.ts';
import { asAppError } from '../../errors.ts';

const SIZES: FigureSizeValue[] = ['inline', 'wide', 'full'];
const ALIGNS: FigureAlignValue[] = ['left', 'center', 'right'];
const SIZE_LABEL = { inline: 'media.sizeInline', wide: 'media.sizeWide', full: 'media.sizeFull' } as const;
const ALIGN_LABEL = { left: 'media.alignLeft', center: 'media.alignCenter', right: 'media.alignRight' } as const;

interface FigureViewProps {
  nodeKey: NodeKey;
  image: FigureImage;
  size: FigureSizeValue;
  align: FigureAlignValue;
  caption: Caption;
}

export function FigureView({ nodeKey, image, size, align, caption }: FigureViewProps) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const prefix = useCaptionPrefix();
  const guardRef = useLexicalGuard<HTMLElement>();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const [replacing, setReplacing] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  function update(change: (node: FigureNode) => void): void {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isFigureNode(node)) change(node);
    });
  }

  function select(event: MouseEvent): void {
    if (!event.shiftKey) clearSelection();
    setSelected(true);
  }

  async function replace(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblem(null);
    setReplacing(true);
    try {
      const info = await importFile(file, 'image');
      setAssetStates([{ id: info.id, state: 'ok' }]);
      // The caption, credit and alt text stay: only the picture changes.
      update((node) => node.setImage({ assetId: info.id, width: info.width, height: info.height }));
    } catch (error) {
      setProblem(asAppError(error));
    } finally {
      setReplacing(false);
    }
  }

  function remove(): void {
    removeMediaBlock(editor, nodeKey);
  }

  const alt = image.alt.trim();
  const name = alt ? (alt.length > 80 ? `${alt.slice(0, 79)}…` : alt) : t('media.untitledPhoto');
  return (
    <figure
      ref={guardRef}
      className={`media-figure media-size-${size} media-align-${align}${isSelected ? ' is-selected' : ''}`}
      aria-label={t('media.figureLabel', { name })}
      data-media="figure"
    >
      <MediaToolbar label={t('media.figureOptions')}>
        {SIZES.map((value) => (
          <ToolbarButton key={value} label={t(SIZE_LABEL[value])} glyph={t(SIZE_LABEL[value])} pressed={size === value} onPress={() => update((node) => node.setSize(value))} />
        ))}
        <ToolbarSeparator />
        {ALIGNS.map((value) => (
          <ToolbarButton key={value} label={t(ALIGN_LABEL[value])} glyph={<AlignGlyph align={value} />} pressed={align === value} onPress={() => update((node) => node.setAlign(value))} />
        ))}
        <ToolbarSeparator />
        <CaptionFormatButtons caption={caption} />
        <ToolbarSeparator />
        <ToolbarButton label={t('media.replace')} glyph={t('media.replaceShort')} onPress={() => editor.dispatchCommand(PHOTO_CHANGE_COMMAND, undefined) || fileRef.current?.click()} />
        <ToolbarButton label={t('media.remove')} glyph={t('media.removeShort')} onPress={remove} />
      </MediaToolbar>
      <MediaImage image={image} busy={replacing} onSelect={select} />
      {problem && (
        <p role="alert" className="media-error">
          <span>{t('media.replaceFailed', { reason: t(problem.messageKey, problem.params ?? {}) })}</span>
          <button type="button" onClick={() => setProblem(null)} aria-label={t('media.dismiss')}>
            ×
          </button>
        </p>
      )}
      <figcaption className="media-figcaption">
        <CaptionField nodeKey={nodeKey} caption={caption} prefix={prefix} label={t('media.caption')} />
      </figcaption>
      <div className="media-fields">
        <CommittedField
          className="media-credit"
          label={t('media.credit')}
          placeholder={t('media.creditPlaceholder')}
          value={image.credit}
          maxLength={300}
          onCommit={(credit) => update((node) => node.setImage({ credit }))}
        />
        <CommittedField
          className="media-alt"
          label={t('media.alt')}
          value={image.alt}
          maxLength={1000}
          multiline
          hint={t('media.altHint')}
          emptyWarning={t('media.altMissing')}
          onCommit={(alt) => update((node) => node.setImage({ alt }))}
        />
      </div>
      <input ref={fileRef} type="file" accept="image/*,.heic,.heif" hidden tabIndex={-1} aria-hidden="true" onChange={(event) => void replace(event)} />
    </figure>
  );
}
