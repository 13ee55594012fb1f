/**
 * When the next automatic refresh runs: every interval while the server answers; while it cannot
 * be reached, the wait doubles after each failed round up to a cap (never below the interval), so
 * an offline laptop is not asked to knock every second.
 */
export function nextRefreshDelayMs(intervalMs: number, consecutiveFailures: number, capMs: number): number {
  const cap = Math.max(intervalMs, capMs);
  return Math.min(cap, intervalMs * 2 ** Math.min(consecutiveFailures, 30));
}

/** Error codes that mean "the server could not be reached", as opposed to an answer that was an error. */
export const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['network', 'timeout']);

/**
 * Whether a timer due at `dueAt` (wall clock) has overslept: timers count only the time the machine
 * is awake, so after a night asleep the next round is still far off while the data is hours old.
 */
export function oversleptTimer(dueAt: number | undefined, now: number, graceMs = 1000): boolean {
  return dueAt !== undefined && now > dueAt + graceMs;
}
