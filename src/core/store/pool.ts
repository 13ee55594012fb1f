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
  const size = Number.isFinite(limit) ? Math.max(1, Math.min(Math.floor(limit), items.length)) : 1;
  const workers = Array.from({ length: size }, worker);
  await Promise.all(workers);
}
