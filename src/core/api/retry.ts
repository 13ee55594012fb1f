import { setTimeout as delay } from 'node:timers/promises';

/** Bounded exponential backoff with jitter; a server's Retry-After wins over the schedule. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error goes to the user instead. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 };

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal });

export interface RetryDecision {
  readonly retry: boolean;
  /** The server's Retry-After, in ms, when it sent one. */
  readonly retryAfterMs?: number;
}

export interface RetryOptions {
  readonly policy: RetryPolicy;
  readonly classify: (error: unknown) => RetryDecision;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly signal?: AbortSignal;
  readonly onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

/** The wait before retry number `retry` (1-based): base·2^(retry-1), capped, with equal jitter. */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

export async function withRetry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, classify, sleep = realSleep, random = Math.random, signal, onRetry } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const decision = classify(error);
      if (!decision.retry || attempt >= policy.maxAttempts || signal?.aborted) {
        throw error;
      }
      if (decision.retryAfterMs !== undefined && decision.retryAfterMs > policy.maxRetryAfterMs) {
        throw error;
      }
      const wait = decision.retryAfterMs ?? backoffDelay(policy, attempt, random);
      onRetry?.(attempt, wait, error);
      await sleep(wait, signal);
    }
  }
}

/** Retry-After as seconds or an HTTP date, in ms from `nowMs`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  // Only an HTTP date (RFC 9110 IMF-fixdate): Date.parse alone would read "3.5" or "-1" as dates.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) {
    return undefined;
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
