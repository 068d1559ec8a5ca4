import { Preferences, type PreferencesPatch, type WindowBounds } from '../../model/preferences.ts';

// The file behind the preferences: electron-store in the app, its base class `conf` in tests.
export interface PreferencesFile {
  get store(): Record<string, unknown>;
  set store(value: Record<string, unknown>);
}

export class PreferencesService {
  readonly #file: PreferencesFile;
  #cache: Preferences | undefined;

  constructor(file: PreferencesFile) {
    this.#file = file;
  }

  // A hand-edited or half-written file must not stop the app: fields that fail their schema
  // fall back to defaults, and the file itself is rewritten only when the user changes something.
  get(): Preferences {
    if (this.#cache) return this.#cache;
    const parsed = Preferences.safeParse(this.#file.store);
    this.#cache = parsed.success ? parsed.data : salvage(this.#file.store);
    return this.#cache;
  }

  update(patch: PreferencesPatch): Preferences {
    const current = this.get();
    const next = Preferences.parse({
      ...current,
      ...patch,
      editor: { ...current.editor, ...patch.editor },
      media: { ...current.media, ...patch.media },
    });
    this.#write(next);
    return next;
  }

  setWindowBounds(bounds: WindowBounds): void {
    this.#write({ ...this.get(), window: bounds });
  }

  #write(next: Preferences): void {
    this.#file.store = next as unknown as Record<string, unknown>;
    this.#cache = next;
  }
}

function salvage(raw: Record<string, unknown>): Preferences {
  const fallback = Preferences.parse({});
  const keys = Object.keys(Preferences.shape) as Array<keyof Preferences>;
  const kept: Record<string, unknown> = {};
  for (const key of keys) {
    const field = Preferences.shape[key].safeParse(raw[key]);
    kept[key] = field.success ? field.data : fallback[key];
  }
  return Preferences.parse(kept);
}
