import { AppError } from '../../model/errors.ts';

// Every refusal the asset store can give, in one place: each is a code for programs and a
// message key the renderer translates, with the figures the message needs.
export const assetErrors = {
  // The bytes are a known type, but the name says another (a text file named .jpg).
  typeMismatch: (name: string) => new AppError('invalid_input', 'assets.typeMismatch', { name }),
  // Neither the bytes nor the name are a type the article may carry (or not as a photo).
  unsupportedType: (name: string) => new AppError('invalid_input', 'assets.unsupportedType', { name }),
  tooLarge: (limitMb: number) => new AppError('invalid_input', 'assets.tooLarge', { limitMb }),
  // More pixels than decoding can safely hold: a decompression bomb, or a scan far beyond print.
  imageTooLarge: (limitMegapixels: number) => new AppError('invalid_input', 'assets.imageTooLarge', { limitMegapixels }),
  damagedImage: () => new AppError('invalid_input', 'assets.damagedImage'),
  // A container (zip, HWPX, DOCX…) whose directory cannot be read.
  damagedFile: (name: string) => new AppError('invalid_input', 'assets.damagedFile', { name }),
  // The store no longer has the file (removed by hand, or never arrived with a copied draft).
  notFound: () => new AppError('not_found', 'assets.notFound'),
  // The stored file's bytes no longer match its hash: changed or damaged on disk.
  damaged: () => new AppError('storage_corrupt', 'assets.damaged'),
  // The OS has no app for the file, or the app refused it; detail is the OS's own words.
  openFailed: (detail: string) => new AppError('internal', 'assets.openFailed', { detail: detail.slice(0, 300) }),
} as const;

export const archiveErrors = {
  // Not a draft file, or one whose contents do not add up (bad entry names, wrong hashes…).
  invalid: () => new AppError('invalid_input', 'drafts.importInvalid'),
  tooLarge: (limitMb: number) => new AppError('invalid_input', 'drafts.importTooLarge', { limitMb }),
  // Written by a newer Pressroom whose format this one does not know.
  newerFormat: () => new AppError('invalid_input', 'drafts.importNewerFormat'),
} as const;
