import { z } from 'zod';
import { MediaPreferences } from './asset.ts';

// A publication profile: what differs between the magazines one newsroom produces.
export const Publication = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  // Tokens: YYYY, MM, DD. Example: 제YYYYMM호 → 제202503호.
  issuePattern: z.string().max(64).default('제YYYYMM호'),
  captionPrefix: z.string().max(8).default('△'),
  footerTemplate: z.string().max(2000).default(''),
  defaultSection: z.string().max(100).default(''),
  defaultSource: z.string().max(200).default(''),
});
export type Publication = z.infer<typeof Publication>;

export const Theme = z.enum(['system', 'light', 'dark']);
export const LocalePreference = z.enum(['system', 'ko', 'en']);

export const WindowBounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export const EditorPreferences = z.object({
  autosaveDelayMs: z.number().int().min(200).max(5000).default(800),
  spellcheck: z.boolean().default(true),
  fontSize: z.number().int().min(12).max(28).default(17),
});

export const Preferences = z.object({
  theme: Theme.default('system'),
  locale: LocalePreference.default('system'),
  window: WindowBounds.optional(),
  editor: EditorPreferences.default({ autosaveDelayMs: 800, spellcheck: true, fontSize: 17 }),
  publications: z.array(Publication).max(100).default([]),
  media: MediaPreferences.default({ maxFileMb: 100, publishLongEdge: 2400, stripPrivateMetadata: true }),
});
export type Preferences = z.infer<typeof Preferences>;

// What the renderer may change: everything but the window bounds, which main tracks itself.
export const PreferencesPatch = z
  .object({
    theme: Theme,
    locale: LocalePreference,
    editor: EditorPreferences.partial(),
    publications: z.array(Publication).max(100),
    media: MediaPreferences.partial(),
  })
  .partial()
  .strict();
export type PreferencesPatch = z.infer<typeof PreferencesPatch>;
