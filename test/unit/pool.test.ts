import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { runPool } from '../../src/core/store/pool';
import { Deferred, deferred } from '../support/deferred';


/**
 * A task whose every run waits for the test to settle it. Counts runs in flight and lets the test
 * wait until a given number of runs have started, without timers.
 */
function controlledTask<T>() {
  const started: T[] = [];
  const pending = new Map<T, Deferred<void>>();
  const waiters: { count: number; done: () => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const task = async (item: T): Promise<void> => {
    // Recorded first, so a second start of one item shows in `started`.
    started.push(item);
    const gate = deferred<void>();
    pending.set(item, gate);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    for (const waiter of waiters.filter((w) => started.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.done();
    }
    try {
      await gate.promise;
    } finally {
      inFlight--;
    }
  };
  return {
    task,
    started,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    startedCount(count: number): Promise<void> {
      return started.length >= count ? Promise.resolve() : new Promise((done) => waiters.push({ count, done }));
    },
    finish(item: T, error?: Error): void {
      const gate = pending.get(item);
      assert.ok(gate, `${String(item)} has not started`);
      if (error) {
        gate.reject(error);
      } else {
        gate.resolve();
      }
    },
  };
}

describe('runPool', () => {
  it('keeps at most `limit` tasks in flight and starts each item once, in order', async () => {
    const items = [0, 1, 2, 3, 4, 5, 6];
    const control = controlledTask<number>();
    let done = false;
    const pool = runPool(items, 3, control.task).then(() => void (done = true));

    assert.deepEqual(control.started, [0, 1, 2]);
    assert.equal(control.inFlight, 3);

    // Settle in an order unlike the start order: each settlement lets exactly one more start.
    const script: [finish: number, nowStarted: number[]][] = [
      [1, [0, 1, 2, 3]],
      [2, [0, 1, 2, 3, 4]],
      [4, [0, 1, 2, 3, 4, 5]],
      [0, [0, 1, 2, 3, 4, 5, 6]],
    ];
    for (const [finish, nowStarted] of script) {
      control.finish(finish);
      await control.startedCount(nowStarted.length);
      assert.deepEqual(control.started, nowStarted);
      assert.equal(control.inFlight, 3);
    }
    for (const last of [6, 3, 5]) {
      // Let every settled promise run on first: a pool that resolved early would show it here.
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(done, false);
      control.finish(last);
    }
    await pool;
    assert.equal(done, true);
    assert.equal(control.maxInFlight, 3);
    assert.equal(control.inFlight, 0);
    assert.deepEqual(control.started, items);
  });

  it('runs one at a time with a limit of 1', async () => {
    const control = controlledTask<string>();
    const pool = runPool(['a', 'b', 'c'], 1, control.task);
    assert.deepEqual(control.started, ['a']);
    control.finish('a');
    await control.startedCount(2);
    assert.deepEqual(control.started, ['a', 'b']);
    control.finish('b');
    await control.startedCount(3);
    control.finish('c');
    await pool;
    assert.equal(control.maxInFlight, 1);
  });

  it('treats a limit below 1 as 1', async () => {
    for (const limit of [0, -3]) {
      const control = controlledTask<string>();
      const pool = runPool(['a', 'b'], limit, control.task);
      assert.deepEqual(control.started, ['a']);
      control.finish('a');
      await control.startedCount(2);
      control.finish('b');
      await pool;
      assert.deepEqual(control.started, ['a', 'b']);
      assert.equal(control.maxInFlight, 1);
    }
  });

  it('keeps going when a task fails, and resolves', async () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const control = controlledTask<string>();
    const pool = runPool(items, 2, control.task);
    control.finish('a', new Error('a failed'));
    await control.startedCount(3);
    control.finish('b', new Error('b failed'));
    await control.startedCount(4);
    control.finish('d');
    await control.startedCount(5);
    control.finish('c', new Error('c failed'));
    control.finish('e', new Error('e failed'));
    assert.equal(await pool, undefined);
    assert.deepEqual(control.started, items);
    assert.equal(control.maxInFlight, 2);
  });

  it('keeps going when tasks reject at once', async () => {
    const seen: number[] = [];
    await runPool([1, 2, 3, 4], 2, async (n) => {
      seen.push(n);
      if (n % 2 === 1) {
        throw new Error(`odd ${n}`);
      }
    });
    assert.deepEqual(seen, [1, 2, 3, 4]);
  });

  it('starts every item at once when the limit exceeds the items', async () => {
    const control = controlledTask<number>();
    const pool = runPool([10, 20, 30], 10, control.task);
    assert.deepEqual(control.started, [10, 20, 30]);
    assert.equal(control.inFlight, 3);
    control.finish(30);
    control.finish(10);
    control.finish(20);
    await pool;
    assert.equal(control.maxInFlight, 3);
    assert.deepEqual(control.started, [10, 20, 30]);
  });

  it('resolves at once for an empty list', async () => {
    let calls = 0;
    await runPool([], 4, async () => void calls++);
    assert.equal(calls, 0);
  });

  it('starts no new item once the signal is aborted', async () => {
    const control = controlledTask<number>();
    const controller = new AbortController();
    const pool = runPool([1, 2, 3, 4, 5], 2, control.task, controller.signal);
    assert.deepEqual(control.started, [1, 2]);
    control.finish(1);
    await control.startedCount(3);
    controller.abort();
    control.finish(2);
    control.finish(3);
    await pool;
    assert.deepEqual(control.started, [1, 2, 3]);
    assert.equal(control.inFlight, 0);
  });

  it('starts nothing with an already-aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    await runPool([1, 2, 3], 2, async () => void calls++, controller.signal);
    assert.equal(calls, 0);
  });
});
