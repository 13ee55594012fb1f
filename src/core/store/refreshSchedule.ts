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

/**
 * How long until the next automatic round, given the last round (any) and the last that refreshed
 * the view's rows too: what is shown decides which one counts. A round for the status bar alone,
 * while the view was hidden, leaves the rows as old as they were: shown again, they are refreshed
 * at once when older than the interval.
 */
export function nextRoundInMs(input: { readonly viewVisible: boolean; readonly lastRoundAt?: number; readonly lastViewRoundAt?: number; readonly intervalMs: number; readonly now: number }): number {
  const last = input.viewVisible ? input.lastViewRoundAt : input.lastRoundAt;
  return last === undefined ? 0 : Math.max(0, last + input.intervalMs - input.now);
}
