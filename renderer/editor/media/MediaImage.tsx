import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureImage } from '../../../electron/model/figure.ts';
import { thumbnailUrl } from './image-json.ts';
import { useAssetState } from './status.ts';

interface MediaImageProps {
  image: FigureImage;
  // Set while a replacement is being imported.
  busy?: boolean;
  onSelect?(event: React.MouseEvent): void;
}

// The photo as the editor shows it: the store's thumbnail (a few hundred pixels, whatever the
// original's size), or a clear notice when the file is gone or damaged.
export function MediaImage({ image, busy = false, onSelect }: MediaImageProps) {
  const { t } = useTranslation();
  const state = useAssetState(image.assetId);
  // The thumbnail that failed to load, so a replaced photo is tried afresh.
  const [failedId, setFailedId] = useState<string | null>(null);
  const failed = failedId === image.assetId;
  const validId = /^[0-9a-f]{64}$/.test(image.assetId);
  const problem = state === 'missing' || state === 'damaged' ? state : failed || !validId ? 'missing' : null;

  return (
    <div className={`media-frame${problem ? ' is-problem' : ''}${busy ? ' is-busy' : ''}`} onClick={onSelect} data-asset-state={problem ?? state}>
      {state === 'unknown' && !problem ? (
        // Until the store has said the file is there, a quiet frame rather than a broken image.
        // Sized as the photo will be (an SVG keeps its viewBox's proportions), so nothing jumps.
        <svg className="media-pending" viewBox={`0 0 ${image.width ?? 4} ${image.height ?? 3}`} aria-hidden="true" />
      ) : problem ? (
        <div className="media-problem">
          <strong>{t(`media.${problem}`)}</strong>
          <span>{t(`media.${problem}Hint`)}</span>
        </div>
      ) : (
        <img
          className="media-img"
          src={thumbnailUrl(image.assetId)}
          alt={image.alt}
          width={image.width ?? undefined}
          height={image.height ?? undefined}
          loading="lazy"
          decoding="async"
          draggable={false}
          onError={() => setFailedId(image.assetId)}
        />
      )}
      {busy && (
        <div className="media-busy" role="status">
          <span>{t('media.replacing')}</span>
          <progress aria-label={t('media.replacing')} />
        </div>
      )}
    </div>
  );
}
