import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

// An asset's id is the sha256 of its bytes. Bytes in memory are hashed by WebCrypto, which runs
// on libuv's thread pool, so a 100 MB photo does not hold up every other request in main.
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Buffer.from(digest).toString('hex');
}

// A stored file is hashed as it streams off the disk: never whole in memory.
export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path, { highWaterMark: 1024 * 1024 })
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
