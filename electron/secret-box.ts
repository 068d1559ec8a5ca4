import { safeStorage } from 'electron';
import type { SecretBox } from './services/publishing/secrets.ts';

// Application passwords sealed by the OS keychain through Electron's safeStorage. Only
// available once the app is ready; on Linux without a keyring Electron falls back to a
// hard-coded key ('basic_text'), which the settings show as not secure.
export function createSafeStorageBox(): SecretBox {
  return {
    status() {
      const available = safeStorage.isEncryptionAvailable();
      const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'keychain' : 'dpapi';
      return { available, backend, secure: available && backend !== 'basic_text' && backend !== 'unknown' };
    },
    seal(plain) {
      return Promise.resolve(new Uint8Array(safeStorage.encryptString(plain)));
    },
    open(sealed) {
      return Promise.resolve(safeStorage.decryptString(Buffer.from(sealed)));
    },
  };
}
