// Runs at most `limit` tasks at once, the rest waiting their turn in order. Thirty photos dropped
// at once would otherwise decode together: thirty 12-megapixel images are over a gigabyte of
// pixels in main at the same moment, on a machine with two cores to share them.
export function limitConcurrency(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
