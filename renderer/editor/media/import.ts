import type { AssetInfo, AssetPurpose } from '../../../electron/model/asset.ts';
import { AppError } from '../../../electron/model/errors.ts';
import { api } from '../../bridge.ts';
import { usePreferences } from '../../state/preferences.ts';
import { exceedsLimit } from './files.ts';

const DEFAULT_LIMIT_MB = 100;

export function fileLimitMb(): number {
  return usePreferences.getState().preferences?.media.maxFileMb ?? DEFAULT_LIMIT_MB;
}

// Hands one chosen, dropped or pasted file to the asset store. A file over the limit is refused
// here, before its bytes are read into the page; main checks the limit again, and the content.
export async function importFile(file: File, purpose: AssetPurpose): Promise<AssetInfo> {
  const limitMb = fileLimitMb();
  if (exceedsLimit(file.size, limitMb)) throw new AppError('invalid_input', 'assets.tooLarge', { limitMb });
  const bytes = new Uint8Array(await file.arrayBuffer());
  return api.invoke('assets.import', { name: file.name.slice(0, 1024), bytes, purpose });
}


// Runs `work` over the items with at most `limit` at a time, handing back one promise per item
// in the items' order, so a caller can place results in order as each one lands.
export function inOrder<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Array<Promise<R>> {
  const settlers: Array<{ resolve(value: R): void; reject(reason: unknown): void }> = [];
  const results = items.map(
    () =>
      new Promise<R>((resolve, reject) => {
        settlers.push({ resolve, reject });
      }),
  );
  // A caller that stops early (the editor closed) must not leave rejections unhandled.
  for (const result of results) result.catch(() => undefined);
  let next = 0;
  const runNext = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      try {
        settlers[index]!.resolve(await work(items[index]!));
      } catch (error) {
        settlers[index]!.reject(error);
      }
    }
  };
  for (let worker = 0; worker < Math.min(limit, items.length); worker++) void runNext();
  return results;
}
