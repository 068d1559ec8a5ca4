import { join } from 'node:path';
import { AssetId } from '../../model/asset.ts';

// Where each file of an asset lives under <dataDir>/assets/. Every path is built from an id
// that has passed the sha256 pattern, so no id, however it was made, names a place outside.
//
//   ab/abcdef…                  the original bytes, never changed once written
//   ab/abcdef….json             what was learnt at import (type, size, pixel size, name)
//   ab/abcdef….thumb.webp       the editor's thumbnail (images)
//   derived/ab/abcdef…-2400-private-removed.jpg   publishing derivatives, a cache
//
// Spread over 256 folders by the first two hex digits, so no folder grows to tens of thousands
// of entries.
export class StoreLayout {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  folder(id: string): string {
    return join(this.root, checked(id).slice(0, 2));
  }

  original(id: string): string {
    return join(this.folder(id), id);
  }

  record(id: string): string {
    return `${this.original(id)}.json`;
  }

  thumbnail(id: string): string {
    return `${this.original(id)}.thumb.webp`;
  }

  get derivedRoot(): string {
    return join(this.root, 'derived');
  }

  derivedFolder(id: string): string {
    return join(this.derivedRoot, checked(id).slice(0, 2));
  }

  derivative(id: string, longEdge: number, stripPrivate: boolean, extension: string): string {
    const edge = Math.trunc(longEdge);
    return join(this.derivedFolder(id), `${id}-${edge}-${stripPrivate ? 'private-removed' : 'as-shot'}.${extension}`);
  }
}

function checked(id: string): string {
  if (!AssetId.safeParse(id).success) throw new Error('not an asset id');
  return id;
}

export const ID_PATTERN = /^[0-9a-f]{64}$/;
export const FOLDER_PATTERN = /^[0-9a-f]{2}$/;
