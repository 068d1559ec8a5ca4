// A file name made safe to show and to write on any of the three systems the app runs on.
// The name is the writer's (or whoever sent them the file), so it may be a path, may carry
// characters Windows refuses, a reserved device name, or right-to-left overrides that make
// "photo<RLO>gpj.exe" read as "photoexe.jpg".

export const MAX_NAME_BYTES = 255;
const DEFAULT_NAME = 'file';

// C0 and C1 controls, DEL, and the bidirectional overrides and isolates.
// eslint-disable-next-line no-control-regex
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// Refused by Windows in any name.
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
// Device names Windows opens instead of a file, whatever extension follows.
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

export function safeName(raw: string): string {
  // macOS hands out Korean names decomposed (NFD): composed, they compare, sort and display as
  // the same name typed on any other system.
  let name = raw.normalize('NFC');
  // Only the last part of a path is a name.
  const parts = name.split(/[/\\]+/).filter((part) => part.length > 0);
  name = parts.at(-1) ?? '';
  name = name.replace(INVISIBLE_OR_CONTROL, '').replace(WINDOWS_FORBIDDEN, '_');
  // Leading dots hide a file (and make "..") ; trailing dots and spaces Windows drops silently.
  name = name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  const stem = name.split('.')[0]!;
  if (RESERVED.test(stem.trim())) name = `_${name}`;
  name = truncate(name, MAX_NAME_BYTES);
  return name.length > 0 ? name : DEFAULT_NAME;
}

// The extension, lower case and without its dot, when the name has one that looks like an
// extension: a short run of letters and digits. "2025.03.01 회의록" or "v1.2" have none.
export function extensionOf(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const extension = name.slice(dot + 1).toLowerCase();
  return /^[a-z0-9]{1,5}$/.test(extension) && /[a-z]/.test(extension) ? extension : undefined;
}

// Adds an extension, cutting the stem rather than the extension when the whole is too long.
export function withExtension(name: string, extension: string): string {
  const suffix = `.${extension}`;
  return truncate(name, MAX_NAME_BYTES - byteLength(suffix)) + suffix;
}

// Cut to a number of UTF-8 bytes at a character boundary, keeping the extension whole.
function truncate(name: string, maxBytes: number): string {
  if (byteLength(name) <= maxBytes) return name;
  const extension = extensionOf(name);
  const suffix = extension ? name.slice(name.length - extension.length - 1) : '';
  let stem = suffix ? name.slice(0, name.length - suffix.length) : name;
  const budget = maxBytes - byteLength(suffix);
  let kept = '';
  let used = 0;
  for (const char of stem) {
    used += byteLength(char);
    if (used > budget) break;
    kept += char;
  }
  stem = kept.replace(/[\s.]+$/, '');
  return stem + suffix;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
