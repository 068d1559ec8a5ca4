import { createCommand, type LexicalCommand } from 'lexical';

// Opens the file chooser for photos: each chosen photo as a photo of its own, or all of them
// (two to six) as one gallery.
export type PickMode = 'photo' | 'gallery';
export const OPEN_PHOTO_PICKER_COMMAND: LexicalCommand<PickMode> = createCommand('OPEN_PHOTO_PICKER_COMMAND');
