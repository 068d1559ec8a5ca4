import type { KeyringStatus } from '../../model/site.ts';

// Where application passwords are sealed. In the app this is Electron's safeStorage (the OS
// keychain: Keychain on macOS, DPAPI on Windows, libsecret or KWallet on Linux); tests use a
// real cipher with a key that lives only in memory. Async so the move to safeStorage's async
// API (the sync one goes away in Electron 46) stays inside the implementation.
export interface SecretBox {
  status(): KeyringStatus;
  seal(plain: string): Promise<Uint8Array>;
  open(sealed: Uint8Array): Promise<string>;
}
