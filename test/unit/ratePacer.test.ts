import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { Logger } from '../../src/core/api/logger';
import { Cancelled, DECREASE, GateClosed, INCREASE_INTERVAL_MS, MAX_GATE_MS, PACE_MARGIN, PacerAnswer, QUIET_MS, RatePacer, RatePacers } from '../../src/core/api/ratePacer';

/** A clock that moves only when told, and the sleeps that wake as it passes them. */
class FakeTime {
  ms = 1_000_000;
  sleeps = 0;
  private readonly timers: { at: number; wake: () => void }[] = [];

  readonly now = (): number => this.ms;

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    this.sleeps++;
    return new Promise((wake, stop) => {
      const timer = { at: this.ms + ms, wake };
      this.timers.push(timer);
      signal?.addEventListener('abort', () => {
        this.timers.splice(this.timers.indexOf(timer), 1);
        stop(signal.reason);
      });
    });
  };

  /** Sleeps not woken or stopped yet. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves the clock `ms` on without waking anything, as a busy event loop does. */
  stall(ms: number): void {
    this.ms += ms;
  }

  /** Moves the clock `ms` on, waking each sleep at its time and letting what it starts run. */
  async advance(ms: number): Promise<void> {
    const end = this.ms + ms;
    await settle();
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const due = this.timers[0];
      if (!due || due.at > end) {
        break;
      }
      this.timers.shift();
      this.ms = Math.max(this.ms, due.at);
      due.wake();
      await settle();
    }
    this.ms = end;
    await settle();
  }
}

/** Lets every promise continuation that is ready run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await Promise.resolve();
  }
  await new Promise((resolve) => setImmediate(resolve));
}

interface Setup {
  readonly time: FakeTime;
  readonly pacer: RatePacer;
  readonly logs: string[];
}

const ROOT = 'https://api.example/api/';

function setup(maxGateMs = 30_000): Setup {
  const time = new FakeTime();
  const logs: string[] = [];
  const record = (message: string) => void logs.push(message);
  const logger: Logger = { trace: record, debug: record, info: record, warn: record, error: record };
  return { time, logs, pacer: new RatePacer(ROOT, { logger, now: time.now, sleep: time.sleep, maxGateMs }) };
}

/** The server's Date header for a second counted from the fake clock's start. */
const serverSecond = (n: number): string => new Date(Date.UTC(2026, 0, 1, 12, 0, n)).toUTCString();
const ok = (second: number): PacerAnswer => ({ status: 200, serverDate: serverSecond(second) });
const refused = (second: number, retryAfterMs?: number): PacerAnswer => ({ status: 429, serverDate: serverSecond(second), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

/** `count` requests that leave at once and are accepted in the server's second `second`. */
async function acceptedBurst({ pacer }: Setup, count: number, second: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    pacer.record(await pacer.acquire(), ok(second));
  }
}

/** Starts `count` requests; each entry is when it left, once it has. */
function queue(pacer: RatePacer, count: number, signal?: AbortSignal): { left: (number | undefined)[]; done: Promise<unknown> } {
  const left: (number | undefined)[] = Array.from({ length: count }, () => undefined);
  const done = Promise.allSettled(
    left.map((_, i) =>
      pacer.acquire(signal).then((at) => {
        left[i] = at;
      }),
    ),
  );
  return { left, done };
}

/** A pacer that learned a limit of 50 per second, with its gate open at the returned time. */
async function learned50(s: Setup): Promise<number> {
  await acceptedBurst(s, 50, 0);
  s.pacer.record(await s.pacer.acquire(), refused(0, 1000));
  await s.time.advance(1000);
  assert.deepEqual(s.pacer.state(), { limitPerSecond: 50, pacePerSecond: 50 * PACE_MARGIN });
  return s.time.ms;
}

describe('RatePacer', () => {
  it('adds no wait and no timer before any 429', async () => {
    const s = setup();
    const started = s.time.ms;
    for (let i = 0; i < 1000; i++) {
      assert.equal(await s.pacer.acquire(), started);
      s.pacer.record(started, ok(0));
    }
    assert.equal(s.time.sleeps, 0);
    assert.equal(s.pacer.state(), undefined);
    assert.deepEqual(s.logs, []);
  });

  it('closes the gate on the first 429 until its Retry-After, for every request waiting, not only the refused one', async () => {
    const s = setup();
    const refusedAt = s.time.ms;
    s.pacer.record(await s.pacer.acquire(), refused(0, 1500));
    const { left, done } = queue(s.pacer, 5);
    await s.time.advance(1499);
    assert.deepEqual(left, [undefined, undefined, undefined, undefined, undefined], 'nothing leaves before the Retry-After');
    await s.time.advance(1);
    await done;
    // Too few requests in that second to show a per-second limit: the gate alone applies.
    assert.deepEqual(left, Array(5).fill(refusedAt + 1500));
    assert.equal(s.pacer.state(), undefined);
  });

  it('closes the gate for a second on a 429 without Retry-After', async () => {
    const s = setup();
    s.pacer.record(await s.pacer.acquire(), { status: 429 });
    const { left } = queue(s.pacer, 1);
    await s.time.advance(999);
    assert.equal(left[0], undefined);
    await s.time.advance(1);
    assert.ok(left[0] !== undefined);
  });

  it('learns the limit from what the server accepted in the refusal second, and spaces requests at 95% of it', async () => {
    const s = setup();
    await acceptedBurst(s, 50, 0);
    const refusedAt = s.time.ms;
    s.pacer.record(await s.pacer.acquire(), refused(0, 1000));
    const { left, done } = queue(s.pacer, 20);
    await s.time.advance(2000);
    await done;
    const interval = 1000 / (50 * PACE_MARGIN);
    assert.equal(left[0], refusedAt + 1000, 'the first leaves when the gate opens');
    for (let i = 1; i < left.length; i++) {
      assert.ok(Math.abs(left[i]! - left[i - 1]! - interval) < 1.01, `request ${i} left ${left[i]! - left[i - 1]!} ms after the one before`);
    }
    const span = left.at(-1)! - left[0]!;
    assert.ok(Math.abs(span - 19 * interval) < 1.01, `20 requests in ${span} ms`);
    assert.deepEqual(s.pacer.state(), { limitPerSecond: 50, pacePerSecond: 47.5 });
  });

  it('makes up a late turn by 25 ms at most: the next ones come sooner, without a burst', async () => {
    const s = setup();
    const open = await learned50(s);
    const { left } = queue(s.pacer, 4);
    await s.time.advance(0);
    assert.equal(left[0], open);
    s.time.stall(60);
    await s.time.advance(0);
    const interval = 1000 / 47.5;
    assert.deepEqual(left.slice(1, 3), [open + 60, open + 60], 'the second, 39 ms late, and the third, made up');
    await s.time.advance(100);
    assert.ok(Math.abs(left[3]! - (open + 60 - 25 + 2 * interval)) < 1e-6, `the fourth at +${left[3]! - open} ms`);
  });

  it('counts the answers still in flight when the 429 came', async () => {
    const s = setup();
    await acceptedBurst(s, 20, 0);
    await acceptedBurst(s, 15, 1);
    const inFlight = await Promise.all(Array.from({ length: 10 }, () => s.pacer.acquire()));
    s.pacer.record(await s.pacer.acquire(), refused(1, 1000));
    for (const sentAt of inFlight) {
      s.pacer.record(sentAt, ok(1));
    }
    await s.time.advance(1000);
    assert.equal(s.pacer.state()?.limitPerSecond, 25);
  });

  it('counts only the refusal second, the one the server was full in', async () => {
    const s = setup();
    await acceptedBurst(s, 80, 0);
    await acceptedBurst(s, 20, 1);
    s.pacer.record(await s.pacer.acquire(), refused(1, 1000));
    await s.time.advance(1000);
    assert.equal(s.pacer.state()?.limitPerSecond, 20);
  });

  it('counts by its own clock when the server sends no Date', async () => {
    const s = setup();
    for (let i = 0; i < 40; i++) {
      s.pacer.record(await s.pacer.acquire(), { status: 200 });
    }
    s.pacer.record(await s.pacer.acquire(), { status: 429, retryAfterMs: 1000 });
    await s.time.advance(1000);
    assert.equal(s.pacer.state()?.limitPerSecond, 40);
  });

  it('cuts the pace by a fifth on a further 429, once for all the refusals of requests that left before the cut', async () => {
    const s = setup();
    await learned50(s);
    const burst = queue(s.pacer, 3);
    await s.time.advance(100);
    await burst.done;
    for (const sentAt of burst.left) {
      s.pacer.record(sentAt!, refused(1, 1000));
    }
    assert.equal(s.pacer.state()?.pacePerSecond, 47.5 * DECREASE, 'one cut for the three');
    await s.time.advance(1000);
    const later = queue(s.pacer, 1);
    await s.time.advance(100);
    await later.done;
    s.pacer.record(later.left[0]!, refused(2, 1000));
    assert.ok(Math.abs(s.pacer.state()!.pacePerSecond - 47.5 * DECREASE * DECREASE) < 1e-9);
  });

  it('adds 2% of the first pace for each 5 s of waiting requests without a 429, and nothing while idle', async () => {
    const s = setup();
    await learned50(s);
    await s.time.advance(INCREASE_INTERVAL_MS * 2);
    assert.equal(s.pacer.state()?.pacePerSecond, 47.5, 'no request waited: no increase');
    const { done } = queue(s.pacer, 600);
    await s.time.advance(INCREASE_INTERVAL_MS * 2 + 100);
    assert.ok(Math.abs(s.pacer.state()!.pacePerSecond - 47.5 * 1.04) < 1e-9, `pace ${s.pacer.state()!.pacePerSecond}`);
    await s.time.advance(10_000);
    await done;
  });

  it('goes back to unpaced after 30 s without a 429', async () => {
    const s = setup();
    await learned50(s);
    await s.time.advance(QUIET_MS - 1000 - 1);
    assert.ok(s.pacer.state() !== undefined);
    await s.time.advance(1);
    assert.equal(s.pacer.state(), undefined);
    const { left } = queue(s.pacer, 10);
    await settle();
    assert.deepEqual(left, Array(10).fill(s.time.ms), 'all leave at once');
  });

  it('releases a cancelled wait at once, and its turn goes to the next request', async () => {
    const s = setup();
    const open = await learned50(s);
    const abort = new AbortController();
    const first = s.pacer.acquire();
    const cancelled = s.pacer.acquire(abort.signal);
    const third = s.pacer.acquire();
    let reason: unknown;
    cancelled.catch((error: unknown) => (reason = error));
    assert.equal(await first, open);
    abort.abort();
    await settle();
    assert.ok(reason instanceof Cancelled, 'rejected without the clock moving');
    await s.time.advance(100);
    assert.ok(Math.abs((await third) - open - 1000 / 47.5) < 1.01, 'the third takes the second turn');
    await assert.rejects(s.pacer.acquire(abort.signal), Cancelled);
  });

  it('refuses at once a caller that will not wait as long as the gate', async () => {
    const s = setup();
    s.pacer.record(await s.pacer.acquire(), refused(0, 20_000));
    await s.time.advance(5000);
    await assert.rejects(s.pacer.acquire(undefined, 2000), (error) => error instanceof GateClosed && error.remainingMs === 15_000);
  });

  it('holds a Retry-After longer than a request waits too: each fails at once, unsent, until it passes', async () => {
    const s = setup(30_000);
    s.pacer.record(await s.pacer.acquire(), refused(0, 120_000));
    await assert.rejects(s.pacer.acquire(), (error) => error instanceof GateClosed && error.remainingMs === 120_000);
    await s.time.advance(100_000);
    const waited = s.pacer.acquire();
    await s.time.advance(20_000);
    assert.equal(await waited, s.time.ms, 'within 30 s of opening, a request waits for it');
  });

  it('fails a request already waiting when a later 429 closes the gate for longer than it waits', async () => {
    const s = setup(30_000);
    const first = await s.pacer.acquire();
    s.pacer.record(first, refused(0, 1000));
    const waiting = s.pacer.acquire();
    const seen: unknown[] = [];
    waiting.then((at) => seen.push(at), (error: unknown) => seen.push(error));
    await settle();
    assert.equal(seen.length, 0, 'waiting at a 1 s gate');
    s.pacer.record(first, refused(0, 3_600_000)); // an answer already on its way
    await settle();
    const [outcome] = seen;
    assert.ok(outcome instanceof GateClosed && outcome.remainingMs === MAX_GATE_MS, `failed at once, not held: ${String(outcome)}`);
  });

  it('says until when its gate holds requests, and tells each time it closes, moves later, is opened or runs out', async () => {
    const time = new FakeTime();
    const told: string[] = [];
    const logger: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };
    const pacer = new RatePacer(ROOT, { logger, now: time.now, sleep: time.sleep, maxGateMs: 60_000, onGate: (root) => told.push(root) });
    assert.equal(pacer.gateOpensAt(), undefined, 'open before any 429');
    pacer.record(await pacer.acquire(), ok(0));
    assert.deepEqual(told, [], 'an accepted request tells nothing');
    const refusedAt = time.ms;
    pacer.record(refusedAt, refused(0, 20_000));
    assert.equal(pacer.gateOpensAt(), refusedAt + 20_000);
    assert.deepEqual(told, [ROOT]);
    pacer.record(refusedAt, refused(0, 5_000));
    assert.deepEqual(told, [ROOT], 'a shorter Retry-After moves nothing: nothing to tell');
    pacer.record(refusedAt, refused(0, 30_000));
    assert.equal(pacer.gateOpensAt(), refusedAt + 30_000);
    assert.deepEqual(told, [ROOT, ROOT], 'moved later');
    await time.advance(29_999);
    assert.deepEqual(told, [ROOT, ROOT], 'not at the time it was first closed until, nor before its end');
    await time.advance(1);
    assert.equal(pacer.gateOpensAt(), undefined, 'open once its time has passed');
    assert.deepEqual(told, [ROOT, ROOT, ROOT], 'ran out: told once');
    pacer.openGate();
    assert.deepEqual(told, [ROOT, ROOT, ROOT], 'opening an open gate tells nothing');
    pacer.record(time.ms, refused(1, 10_000));
    pacer.openGate();
    assert.equal(pacer.gateOpensAt(), undefined);
    assert.deepEqual(told, [ROOT, ROOT, ROOT, ROOT, ROOT], 'closed, then opened');
    await time.advance(20_000);
    assert.deepEqual(told, [ROOT, ROOT, ROOT, ROOT, ROOT], 'an opened gate does not run out later');
    assert.equal(time.pending, 0, 'no timer left');
  });

  it('keeps no timer for its gate when no one listens', async () => {
    const s = setup(30_000);
    s.pacer.record(await s.pacer.acquire(), refused(0, 20_000));
    assert.equal(s.time.sleeps, 0);
  });

  it('opens a closed gate when told (new credentials), keeping the pace learned', async () => {
    const s = setup(30_000);
    s.pacer.record(await s.pacer.acquire(), refused(0, 120_000));
    await assert.rejects(s.pacer.acquire(), GateClosed);
    s.pacer.openGate();
    assert.equal(await s.pacer.acquire(), s.time.ms);
  });

  it('lets the requests already waiting at a gate go as soon as it is opened, in order, and those after them', async () => {
    const s = setup(30_000);
    s.pacer.record(await s.pacer.acquire(), refused(0, 3_000));
    const opened = s.time.ms;
    const seen: number[] = [];
    const waiting = [s.pacer.acquire(), s.pacer.acquire()].map((p, i) => p.then((at) => (seen.push(i), at)));
    await s.time.advance(100);
    assert.deepEqual(seen, [], 'held at the gate');
    s.pacer.openGate();
    const later = s.pacer.acquire(undefined, 2_000); // Test Connection's probe, which may wait 2 s at most
    await s.time.advance(0);
    assert.deepEqual(seen, [0, 1], 'in their order');
    assert.deepEqual(await Promise.all([...waiting, later]), [opened + 100, opened + 100, opened + 100], 'none held to the old gate (3 s)');
    assert.equal(s.time.pending, 0, "the wait for the old gate's time was stopped");
  });

  it('holds a Retry-After of a day for ten minutes at most', async () => {
    const s = setup(30_000);
    s.pacer.record(await s.pacer.acquire(), refused(0, 86_400_000));
    await assert.rejects(s.pacer.acquire(), (error) => error instanceof GateClosed && error.remainingMs === MAX_GATE_MS);
    await s.time.advance(MAX_GATE_MS);
    assert.equal(await s.pacer.acquire(), s.time.ms);
  });

  it('logs one line per change of the pace, none per request', async () => {
    const s = setup();
    await learned50(s);
    const abort = new AbortController();
    const { left, done } = queue(s.pacer, 1000, abort.signal);
    await s.time.advance(INCREASE_INTERVAL_MS * 3 + 500);
    const latest = Math.max(...left.filter((at) => at !== undefined));
    for (let i = 0; i < 5; i++) {
      s.pacer.record(latest, refused(20, 1000));
    }
    abort.abort();
    await done;
    await s.time.advance(QUIET_MS);
    assert.equal(s.pacer.state(), undefined);
    assert.deepEqual(s.logs, [
      `Rate limited by ${ROOT} (about 50 requests accepted in one second): pacing requests at about 48/s.`,
      // 48.45 is still "about 48".
      `No 429 from ${ROOT} for 5 s: pacing requests at about 49/s.`,
      `No 429 from ${ROOT} for 5 s: pacing requests at about 50/s.`,
      `Rate limited by ${ROOT} again: pacing requests at about 40/s.`,
      `No 429 from ${ROOT} for 30 s: back to unpaced.`,
    ]);
  });
});

describe('RatePacers', () => {
  it('keeps one pacer per API root, origin and path prefix', () => {
    const pacers = new RatePacers({ logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {} } });
    const a = pacers.of(new URL('https://api.example/api/'));
    assert.equal(pacers.of(new URL('https://api.example/api/')), a);
    assert.notEqual(pacers.of(new URL('https://api.example/v2/api/')), a);
    assert.notEqual(pacers.of(new URL('https://other.example/api/')), a);
    assert.equal(pacers.stateOf(new URL('https://unknown.example/api/')), undefined);
    assert.equal(pacers.gateOpensAt(new URL('https://unknown.example/api/')), undefined);
  });
});
