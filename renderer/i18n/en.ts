// English strings. The Korean file must have exactly these keys; the typecheck enforces it.
export const en = {
  app: {
    name: 'Pressroom',
    skipToEditor: 'Skip to editor',
  },
  library: {
    title: 'Drafts',
    newDraft: 'New draft',
    empty: 'No drafts yet. Start one with “New draft”.',
    untitled: 'Untitled',
    trash: 'Trash',
    active: 'Drafts',
    updated: 'Updated {{time}}',
    listLabel: 'Drafts, newest first',
  },
  status: {
    draft: 'Draft',
    in_review: 'In review',
    changes_requested: 'Changes requested',
    approved: 'Approved',
    scheduled: 'Scheduled',
    published: 'Published',
  },
  article: {
    headline: 'Headline',
    headlinePlaceholder: 'Headline',
    kicker: 'Kicker',
    deck: 'Deck',
    byline: 'Byline',
    section: 'Section',
    issue: 'Issue',
    body: 'Article body',
    bodyPlaceholder: 'Start writing…',
    noDraft: 'Choose a draft on the left or start a new one.',
  },
  save: {
    saved: 'Saved',
    saving: 'Saving…',
    unsaved: 'Unsaved changes',
    failed: 'Not saved: {{reason}}',
  },
  settings: {
    language: 'Language',
    system: 'System',
    korean: '한국어',
    english: 'English',
  },
  errors: {
    unknownChannel: 'The app asked for something it does not know. Please restart the app.',
    forbiddenSender: 'This request came from outside the app and was refused.',
    invalidInput: 'The data sent was not valid and was not saved. ({{detail}})',
    internal: 'Something went wrong inside the app. Your saved work is safe.',
    draftNotFound: 'This draft no longer exists.',
    draftChangedElsewhere: 'This draft was changed in another window. Reload it to continue.',
    purgeOnlyFromTrash: 'Move the draft to the trash before deleting it permanently.',
    storageFull: 'The disk is full. Your text is kept in this window; free some space and it will be saved.',
    storageReadOnly: 'The data folder is read-only. Your text is kept in this window until it can be saved.',
    storageCorrupt: 'The drafts database is damaged. It was set aside, not deleted.',
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Messages = Strings<typeof en>;
