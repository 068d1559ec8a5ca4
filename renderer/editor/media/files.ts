// What the photo and attachment code decides about files before any of them reaches main:
// plain functions of names, types and sizes, so they are tested without a browser.

export const GALLERY_MIN = 2;
export const GALLERY_MAX = 6;

const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'jfif', 'png', 'webp', 'gif', 'tif', 'tiff', 'avif', 'heic', 'heif']);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

// Whether a file is meant as a photo. Its type as the OS reports it, or its extension when the
// OS reports none (HEIC from a phone often comes with an empty type). Main reads the bytes and
// has the last word; this only decides where a dropped file goes.
export function isImageFile(file: { name: string; type: string }): boolean {
  if (file.type.startsWith('image/')) return true;
  return file.type === '' || file.type === 'application/octet-stream' ? IMAGE_EXTENSIONS.has(extensionOf(file.name)) : false;
}

export const BYTES_PER_MB = 1024 * 1024;

export function exceedsLimit(size: number, limitMb: number): boolean {
  return size > limitMb * BYTES_PER_MB;
}

// Text a clipboard's HTML would paste, roughly: tags, comments and entities for spaces gone.
function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .trim();
}

interface ClipboardLike {
  files: ArrayLike<File> | Iterable<File>;
  getData(type: string): string;
}

// The photos a paste should import: a screenshot, or an image copied from a browser or a photo
// app (which put the image beside a scrap of HTML holding only an <img>). A copy from Word or
// Excel also carries a picture of the text; there the text wins and no photo is imported.
export function pastedImageFiles(data: ClipboardLike | null): File[] {
  if (!data) return [];
  const images = Array.from(data.files as Iterable<File>).filter(isImageFile);
  if (images.length === 0) return [];
  const html = data.getData('text/html');
  const plain = data.getData('text/plain').trim();
  if (visibleText(html) !== '') return [];
  // A lone file name or URL on text/plain comes with copied images; a sentence does not.
  if (plain !== '' && /\s/.test(plain) && !/^(https?:|file:)/i.test(plain)) return [];
  return images;
}

// The list with one item moved; out-of-range moves give the list back unchanged.
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
