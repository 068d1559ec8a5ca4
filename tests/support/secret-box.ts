import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '../../electron/services/publishing/secrets.ts';

// safeStorage stands for the OS keychain, which tests have none of. This seals for real
// (AES-256-GCM) with a key that exists only in this process, so a test can still check that
// no password is ever written in the clear.
export function memorySecretBox(): SecretBox {
  const key = randomBytes(32);
  return {
    status: () => ({ available: true, backend: 'test-memory', secure: true }),
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Promise.resolve(new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body])));
    },
    open(sealed) {
      const bytes = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Promise.resolve(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'));
    },
  };
}
