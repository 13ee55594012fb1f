/**
 * Runs `task` over `items` with at most `limit` in flight, in order of the items. Resolves when all
 * have settled; a failing task does not stop the others (tasks report their own errors).
 */
export async function runPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next++];
      await task(item).catch(() => undefined);
    }
  };
  const size = Math.min(concurrencyOf(limit), items.length);
  const workers = Array.from({ length: size }, worker);
  await Promise.all(workers);
}

/** A concurrency setting as a count of tasks: whole, at least 1, and 1 for anything not a finite number. */
export function concurrencyOf(limit: number): number {
  return Number.isFinite(limit) ? Math.max(1, Math.floor(limit)) : 1;
}
