import { AppError } from '../../../model/errors.ts';

// What turning an article into a post needs besides the article: where each photo and file
// now lives on the site, how the publication marks captions, and the words the page shows
// beside the fields, in the site's language.

// A photo after upload: the media item's id and the address of the size the post shows.
// width and height are the media's; the markup leaves them out as WordPress does (the site adds
// them to <img> when it renders the page) but they travel with the record.
export interface RemoteImage {
  id: number;
  url: string;
  width?: number | null;
  height?: number | null;
  // The WordPress size `url` points at (thumbnail, medium, large, full); "large" when not given.
  sizeSlug?: string;
}

// An attachment after upload: the media item's id and the file's address.
export interface RemoteFile {
  id: number;
  url: string;
}

export interface BlockLabels {
  byline: string;
  dateWritten: string;
  source: string;
  issue: string;
  attachments: string;
  download: string;
}

// The words the sample article's page shows (shared/fixtures/sample-article-ko.txt).
export const koreanLabels: BlockLabels = {
  byline: '작성자',
  dateWritten: '작성일자',
  source: '자료출처',
  issue: '제호',
  attachments: '첨부파일',
  download: '다운로드',
};

export const englishLabels: BlockLabels = {
  byline: 'By',
  dateWritten: 'Written',
  source: 'Source',
  issue: 'Issue',
  attachments: 'Attachments',
  download: 'Download',
};

export interface SerializeContext {
  // By asset id: every photo in the body (figures and galleries) must be here.
  media: Readonly<Record<string, RemoteImage>>;
  // By asset id: every attachment must be here.
  files: Readonly<Record<string, RemoteFile>>;
  // The article's publication profile, if it has one: its name goes in the issue line, its
  // caption mark (△) before every caption.
  publication: { name: string; captionPrefix: string } | null;
  labels: BlockLabels;
  // Stem of the class names themes style (pressroom-kicker, pressroom-credit…).
  classPrefix?: string;
}

export const DEFAULT_CLASS_PREFIX = 'pressroom';

// The prefix becomes part of class names and block attributes: kept to a plain CSS identifier.
const CLASS_PREFIX = /^[a-z][a-z0-9-]{0,31}$/;

export function classPrefixOf(prefix: string | undefined): string {
  const value = prefix ?? DEFAULT_CLASS_PREFIX;
  if (!CLASS_PREFIX.test(value)) throw new AppError('invalid_input', 'publish.invalidClassPrefix', { prefix: value.slice(0, 40) });
  return value;
}

export const publishBlockErrors = {
  // A photo or attachment was not uploaded before the post was built: a bug in the caller, or
  // an upload step that was skipped.
  mediaMissing: (assetId: string) => new AppError('invalid_input', 'publish.mediaMissing', { assetId }),
  // The site answered with a media address the page must not load (not http or https).
  unsafeMediaUrl: (assetId: string) => new AppError('invalid_input', 'publish.unsafeMediaUrl', { assetId }),
  // A photo block in the body that does not have the shape the editor writes.
  invalidPhoto: () => new AppError('invalid_input', 'publish.invalidPhoto'),
} as const;

export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
