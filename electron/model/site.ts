import { z } from 'zod';

// A WordPress site the writer publishes to. The application password is not part of it: it is
// kept apart, encrypted with the OS keychain (safeStorage), and never leaves main.
export const SiteId = z.uuid();

// What the account may do there, read from the site when it is added or checked again. The app
// offers only these; the site enforces them anyway.
export const SiteCapabilities = z.object({
  publish: z.boolean(),
  upload: z.boolean(),
  editOthers: z.boolean(),
});
export type SiteCapabilities = z.infer<typeof SiteCapabilities>;

export const Site = z.object({
  id: SiteId,
  // The site's address as the writer gave it, normalised (scheme, host, path, no trailing slash).
  url: z.string().url(),
  name: z.string(),
  username: z.string(),
  capabilities: SiteCapabilities,
  // The companion plugin adds the article's fields as post meta, lossless round trips, HWP
  // uploads and a server-side check of stale updates; without it the app still publishes.
  plugin: z.object({ version: z.string() }).nullable(),
  verifiedAt: z.string(),
});
export type Site = z.infer<typeof Site>;

export const AddSiteRequest = z
  .object({
    url: z.string().min(1).max(2000),
    username: z.string().min(1).max(200),
    // WordPress shows application passwords in groups of four with spaces; both forms work.
    appPassword: z.string().min(1).max(200),
  })
  .strict();

// How the OS keeps secrets. On Linux without a keyring Electron falls back to 'basic_text',
// which only obfuscates: the settings say so rather than pretend the password is safe.
export const KeyringStatus = z.object({
  available: z.boolean(),
  backend: z.string(),
  secure: z.boolean(),
});
export type KeyringStatus = z.infer<typeof KeyringStatus>;
