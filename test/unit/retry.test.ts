import { describe, it, mock } from 'node:test';
import * as assert from 'node:assert/strict';
import { backoffDelay, parseRetryAfter, RetryDecision, RetryPolicy, withRetry } from '../../src/core/api/retry';

const POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 30_000 };

class Failure extends Error {
  constructor(readonly retryable: boolean, readonly retryAfterMs?: number, label = 'failure') {
    super(label);
  }
}

const classify = (error: unknown): RetryDecision =>
  error instanceof Failure ? { retry: error.retryable, retryAfterMs: error.retryAfterMs } : { retry: false };

function recordingSleep(): { delays: number[]; sleep: (ms: number) => Promise<void> } {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('backoffDelay', () => {
  it('doubles from the base delay with equal jitter', () => {
    assert.equal(backoffDelay(POLICY, 1, () => 0), 50);
    assert.equal(backoffDelay(POLICY, 1, () => 1), 100);
    assert.equal(backoffDelay(POLICY, 2, () => 0), 100);
    assert.equal(backoffDelay(POLICY, 2, () => 1), 200);
    assert.equal(backoffDelay(POLICY, 3, () => 0.5), 300);
  });

  it('caps the delay at maxDelayMs', () => {
    assert.equal(backoffDelay(POLICY, 10, () => 1), 1000);
    assert.equal(backoffDelay(POLICY, 10, () => 0), 500);
    assert.equal(backoffDelay(POLICY, 60, () => 1), 1000);
  });

  it('stays between half and all of the exponential delay', () => {
    for (let retry = 1; retry <= 8; retry++) {
      const exp = Math.min(POLICY.maxDelayMs, POLICY.baseDelayMs * 2 ** (retry - 1));
      for (const r of [0, 0.1, 0.5, 0.9, 1]) {
        const delay = backoffDelay(POLICY, retry, () => r);
        assert.ok(delay >= exp / 2 && delay <= exp, `retry ${retry}, random ${r}: ${delay}`);
      }
    }
  });
});

describe('withRetry', () => {
  it('returns the first success without sleeping', async () => {
    const { delays, sleep } = recordingSleep();
    assert.equal(await withRetry(async () => 'ok', { policy: POLICY, classify, sleep }), 'ok');
    assert.deepEqual(delays, []);
  });

  it('retries retryable errors with backoff until one succeeds', async () => {
    const { delays, sleep } = recordingSleep();
    const attempts: number[] = [];
    const result = await withRetry(
      async (attempt) => {
        attempts.push(attempt);
        if (attempt < 3) {
          throw new Failure(true);
        }
        return attempt;
      },
      { policy: POLICY, classify, sleep, random: () => 1 },
    );
    assert.equal(result, 3);
    assert.deepEqual(attempts, [1, 2, 3]);
    assert.deepEqual(delays, [100, 200]);
  });

  it('stops after maxAttempts and throws the last error', async () => {
    const { delays, sleep } = recordingSleep();
    let calls = 0;
    await assert.rejects(
      withRetry(
        async () => {
          calls++;
          throw new Failure(true, undefined, `failure ${calls}`);
        },
        { policy: POLICY, classify, sleep, random: () => 0 },
      ),
      { message: 'failure 4' },
    );
    assert.equal(calls, 4);
    assert.deepEqual(delays, [50, 100, 200]);
  });

  it("waits the server's Retry-After instead of the backoff", async () => {
    const { delays, sleep } = recordingSleep();
    let calls = 0;
    const result = await withRetry(
      async () => {
        if (++calls === 1) {
          throw new Failure(true, 7000);
        }
        return 'done';
      },
      { policy: POLICY, classify, sleep, random: () => 0 },
    );
    assert.equal(result, 'done');
    assert.deepEqual(delays, [7000]);
  });

  it('honours a Retry-After of 0', async () => {
    const { delays, sleep } = recordingSleep();
    let calls = 0;
    await withRetry(
      async () => {
        if (++calls === 1) {
          throw new Failure(true, 0);
        }
      },
      { policy: POLICY, classify, sleep, random: () => 1 },
    );
    assert.deepEqual(delays, [0]);
  });

  const givesUpAtOnce: [string, Failure][] = [
    ['a Retry-After above maxRetryAfterMs', new Failure(true, 30_001)],
    ['a non-retryable error', new Failure(false)],
  ];
  for (const [what, error] of givesUpAtOnce) {
    it(`throws ${what} at once, without waiting`, async () => {
      const { delays, sleep } = recordingSleep();
      let calls = 0;
      await assert.rejects(
        withRetry(
          async () => {
            calls++;
            throw error;
          },
          { policy: POLICY, classify, sleep },
        ),
        (thrown) => thrown === error,
      );
      assert.equal(calls, 1);
      assert.deepEqual(delays, []);
    });
  }

  it('stops retrying once the signal is aborted', async () => {
    const { delays, sleep } = recordingSleep();
    const controller = new AbortController();
    let calls = 0;
    await assert.rejects(
      withRetry(
        async () => {
          calls++;
          controller.abort();
          throw new Failure(true);
        },
        { policy: POLICY, classify, sleep, signal: controller.signal },
      ),
      { message: 'failure' },
    );
    assert.equal(calls, 1);
    assert.deepEqual(delays, []);
  });

  it('passes the signal to sleep and reports each retry', async () => {
    const controller = new AbortController();
    const seen: (AbortSignal | undefined)[] = [];
    const reported: [number, number][] = [];
    let calls = 0;
    await withRetry(
      async () => {
        if (++calls < 3) {
          throw new Failure(true);
        }
      },
      {
        policy: POLICY,
        classify,
        random: () => 1,
        signal: controller.signal,
        sleep: async (_ms, signal) => void seen.push(signal),
        onRetry: (attempt, delayMs) => reported.push([attempt, delayMs]),
      },
    );
    assert.deepEqual(seen, [controller.signal, controller.signal]);
    assert.deepEqual(reported, [
      [1, 100],
      [2, 200],
    ]);
  });

  it('waits with the real default sleep, driven by mock timers', async () => {
    const slow: RetryPolicy = { maxAttempts: 2, baseDelayMs: 60_000, maxDelayMs: 60_000, maxRetryAfterMs: 30_000 };
    const settle = async () => {
      for (let i = 0; i < 10; i++) {
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      let calls = 0;
      const promise = withRetry(
        async () => {
          if (++calls === 1) {
            throw new Failure(true);
          }
          return calls;
        },
        { policy: slow, classify, random: () => 1 },
      );
      await settle();
      assert.equal(calls, 1);
      mock.timers.tick(59_999);
      await settle();
      assert.equal(calls, 1, 'retried before the 60 s backoff had passed');
      mock.timers.tick(1);
      await settle();
      // A 60 s wait on a real timer would not have retried yet.
      assert.equal(calls, 2, 'retried once the mocked 60 s had passed');
      assert.equal(await promise, 2);
    } finally {
      mock.timers.reset();
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2024, 0, 1, 12, 0, 0);

  it('reads delay-seconds', () => {
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter(' 120 ', now), 120_000);
    assert.equal(parseRetryAfter('0', now), 0);
  });

  it('reads an HTTP date relative to now', () => {
    assert.equal(parseRetryAfter(new Date(now + 10_000).toUTCString(), now), 10_000);
    assert.equal(parseRetryAfter('Mon, 01 Jan 2024 12:00:10 GMT', now), 10_000);
  });

  it('gives 0 for an HTTP date in the past', () => {
    assert.equal(parseRetryAfter('Mon, 01 Jan 2024 11:00:00 GMT', now), 0);
  });

  it('gives undefined when absent or unreadable', () => {
    assert.equal(parseRetryAfter('garbage', now), undefined);
    // Date.parse alone reads these as dates; they are not HTTP dates, so no wait is derived.
    for (const lenient of ['3.5', 'foo 12', '-1', '2024-01-01']) {
      assert.equal(parseRetryAfter(lenient, now), undefined, lenient);
    }
    assert.equal(parseRetryAfter('', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});
