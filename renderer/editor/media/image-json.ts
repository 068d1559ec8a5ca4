import type { z } from 'zod';
import type { AssetInfo } from '../../../electron/model/asset.ts';
import { FigureAlign, FigureImage, FigureSize } from '../../../electron/model/figure.ts';

export type FigureSizeValue = z.infer<typeof FigureSize>;
export type FigureAlignValue = z.infer<typeof FigureAlign>;

// Reads the parts of a stored photo block leniently: a draft written by another version, or
// edited by hand, still opens; a value that makes no sense falls back to its default, and a
// bad asset id shows as a missing photo instead of stopping the whole body from loading.

export function readImage(raw: unknown): FigureImage {
  const parsed = FigureImage.safeParse(raw);
  if (parsed.success) return parsed.data;
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
  const dimension = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null);
  return {
    assetId: typeof record.assetId === 'string' ? record.assetId : '',
    alt: text(record.alt, 1000),
    credit: text(record.credit, 300),
    width: dimension(record.width),
    height: dimension(record.height),
  };
}

export function readSize(raw: unknown): FigureSizeValue {
  const parsed = FigureSize.safeParse(raw);
  return parsed.success ? parsed.data : 'inline';
}

export function readAlign(raw: unknown): FigureAlignValue {
  const parsed = FigureAlign.safeParse(raw);
  return parsed.success ? parsed.data : 'center';
}

export function thumbnailUrl(assetId: string): string {
  return `/assets/${assetId}/thumb`;
}

// A stored photo as a block's image; a replacement keeps the alt text and credit it is given.
export function imageFromAsset(info: AssetInfo, keep?: Pick<FigureImage, 'alt' | 'credit'>): FigureImage {
  return { assetId: info.id, alt: keep?.alt ?? '', credit: keep?.credit ?? '', width: info.width, height: info.height };
}
