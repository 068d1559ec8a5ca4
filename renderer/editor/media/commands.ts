import { createCommand, type LexicalCommand } from 'lexical';

// Opens the file chooser for photos: each chosen photo as a photo of its own, or all of them
// (two to six) as one gallery.
export type PickMode = 'photo' | 'gallery';
// A photo is about to be added, removed, replaced or moved by its own controls. Dispatched
// first; a handler answering true refuses the change (suggestion mode does: photos are not
// suggested) and says why.
export const PHOTO_CHANGE_COMMAND: LexicalCommand<void> = createCommand('PHOTO_CHANGE_COMMAND');

export const OPEN_PHOTO_PICKER_COMMAND: LexicalCommand<PickMode> = createCommand('OPEN_PHOTO_PICKER_COMMAND');
