import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { Balances } from '../../src/core/model/balances';
import { BalanceEntry, BalanceStore } from '../../src/core/store/balanceStore';
import { PlyrError } from '../../src/core/model/errors';
import { Identifier } from '../../src/core/model/identifier';
import { BalanceResult } from '../../src/core/api/plyrClient';
import { deferred } from '../support/deferred';


interface FetchCall {
  readonly identifier: Identifier;
  readonly signal: AbortSignal;
  /** Settles the fetch with these balances, fetched at `fetchedAt`. */
  answer(balances: Balances, fetchedAt: number): void;
  fail(error: unknown): void;
}

/** A store over a fake fetch the test answers by hand, a clock and a scope the test sets. */
function harness() {
  const calls: FetchCall[] = [];
  const callWaiters: { count: number; done: () => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const clock = { now: 0, scope: 'https://api.plyr.network/api' };
  const events: string[][] = [];
  const store = new BalanceStore({
    fetch: (identifier, signal) => {
      const result = deferred<BalanceResult>();
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      calls.push({
        identifier,
        signal,
        answer: (balances, fetchedAt) => result.resolve({ identifier, token: undefined, balances, network: 'mainnet', fetchedAt }),
        fail: (error) => result.reject(error),
      });
      for (const waiter of callWaiters.filter((w) => calls.length >= w.count)) {
        callWaiters.splice(callWaiters.indexOf(waiter), 1);
        waiter.done();
      }
      return result.promise.finally(() => void inFlight--);
    },
    now: () => clock.now,
    scope: () => clock.scope,
  });
  store.onDidChange((ids) => void events.push(ids));
  return {
    store,
    calls,
    clock,
    events,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    /** Resolves once `count` fetches have started. */
    fetchesStarted(count: number): Promise<void> {
      return calls.length >= count ? Promise.resolve() : new Promise((done) => callWaiters.push({ count, done }));
    },
  };
}

const player = (value: string): Identifier => ({ kind: 'plyrId', value });
const ALICE = player('alice01');
const BOB = player('bob0001');

describe('BalanceStore', () => {
  it('records the balances and fetchedAt of a refresh, and says which id changed', async () => {
    const { store, calls, events } = harness();
    assert.equal(store.get('alice01'), undefined);
    const refreshed = store.refresh(ALICE);
    assert.equal(calls.length, 1);
    assert.equal(calls[0].identifier, ALICE);
    calls[0].answer({ PLYR: '12.5', GAMR: '0' }, 1_000);
    const entry = await refreshed;
    const expected: BalanceEntry = { balances: { PLYR: '12.5', GAMR: '0' }, fetchedAt: 1_000, loading: false };
    assert.deepEqual(entry, expected);
    assert.deepEqual(store.get('alice01'), expected);
    assert.ok(events.length >= 1);
    assert.deepEqual(events.at(-1), ['alice01']);
    for (const ids of events) {
      assert.deepEqual(ids, ['alice01']);
    }
  });

  it('shows loading while the fetch is in flight, and not after', async () => {
    const { store, calls, events } = harness();
    const refreshed = store.refresh(ALICE);
    assert.equal(store.get('alice01')?.loading, true);
    assert.deepEqual(events, [['alice01']], 'starting to load did not announce a change');
    calls[0].answer({ PLYR: '1' }, 5);
    await refreshed;
    assert.equal(store.get('alice01')?.loading, false);
    assert.equal(events.length, 2);
  });

  it('keeps the old balances visible while a second refresh loads', async () => {
    const { store, calls } = harness();
    const first = store.refresh(ALICE);
    calls[0].answer({ PLYR: '1' }, 10);
    await first;
    const second = store.refresh(ALICE);
    assert.deepEqual(store.get('alice01'), { balances: { PLYR: '1' }, fetchedAt: 10, loading: true });
    calls[1].answer({ PLYR: '2' }, 20);
    assert.deepEqual(await second, { balances: { PLYR: '2' }, fetchedAt: 20, loading: false, changes: { PLYR: '+1' }, changedSince: 10 });
  });

  it('shares one fetch between concurrent refreshes of the same id', async () => {
    const { store, calls } = harness();
    const first = store.refresh(ALICE);
    const second = store.refresh(player('alice01'));
    assert.equal(calls.length, 1);
    const other = store.refresh(BOB);
    assert.equal(calls.length, 2, 'another id joined the first fetch');
    calls[0].answer({ PLYR: '3' }, 30);
    calls[1].answer({ PLYR: '4' }, 40);
    const [a, b, c] = await Promise.all([first, second, other]);
    assert.deepEqual(a, { balances: { PLYR: '3' }, fetchedAt: 30, loading: false });
    assert.deepEqual(b, a);
    assert.deepEqual(c, { balances: { PLYR: '4' }, fetchedAt: 40, loading: false });
    assert.equal(calls.length, 2);
  });

  it('refreshAll keeps at most `concurrency` fetches in flight and fetches each id once', async () => {
    const h = harness();
    const ids = ['id-one1', 'id-two2', 'id-three', 'id-four', 'id-five'].map(player);
    let done = false;
    const all = h.store.refreshAll(ids, 2).then(() => void (done = true));
    assert.equal(h.calls.length, 2);
    assert.equal(h.inFlight, 2);

    h.calls[1].answer({ PLYR: '2' }, 2);
    await h.fetchesStarted(3);
    assert.equal(h.inFlight, 2);
    h.calls[2].answer({ PLYR: '3' }, 3);
    await h.fetchesStarted(4);
    h.calls[0].answer({ PLYR: '1' }, 1);
    await h.fetchesStarted(5);
    assert.equal(h.inFlight, 2);
    h.calls[4].answer({ PLYR: '5' }, 5);
    assert.equal(done, false);
    h.calls[3].fail(new PlyrError('userNotFound', 'No PLYR user id-four.'));
    await all;
    assert.equal(done, true);

    assert.equal(h.maxInFlight, 2);
    assert.deepEqual(
      h.calls.map((c) => c.identifier.value),
      ids.map((id) => id.value),
    );
    for (const [i, id] of ids.entries()) {
      const entry = h.store.get(id.value);
      assert.equal(entry?.loading, false, id.value);
      if (i === 3) {
        assert.equal(entry?.error?.code, 'userNotFound');
      } else {
        assert.deepEqual(entry?.balances, { PLYR: String(i + 1) }, id.value);
      }
    }
  });

  it('records a failure and keeps the earlier balances and fetchedAt', async () => {
    const { store, calls, clock } = harness();
    clock.now = 1_000;
    const first = store.refresh(ALICE);
    calls[0].answer({ PLYR: '7' }, 1_000);
    await first;

    clock.now = 9_000;
    const second = store.refresh(ALICE);
    calls[1].fail(new PlyrError('userNotFound', 'There is no PLYR user alice01.', { fix: 'openSettings' }));
    const entry = await second;
    assert.deepEqual(entry, {
      balances: { PLYR: '7' },
      fetchedAt: 1_000,
      loading: false,
      error: { code: 'userNotFound', message: 'There is no PLYR user alice01.', fix: 'openSettings', at: 9_000 },
    });
    assert.deepEqual(store.get('alice01'), entry);
    assert.equal(store.isFresh('alice01', 60_000), false, 'an entry with an error counts as fresh');
  });

  it('records a failure of a first refresh without inventing balances', async () => {
    const { store, calls, clock } = harness();
    clock.now = 500;
    const refreshed = store.refresh(ALICE);
    calls[0].fail(new PlyrError('userNotFound', 'No such user.'));
    const entry = await refreshed;
    assert.equal(entry.balances, undefined);
    assert.equal(entry.fetchedAt, undefined);
    assert.equal(entry.loading, false);
    assert.equal(entry.error?.code, 'userNotFound');
    assert.equal(entry.error?.message, 'No such user.');
    assert.equal(entry.error?.fix, undefined);
    assert.equal(entry.error?.at, 500);
  });

  it('records an unexpected error as httpError pointing to the log', async () => {
    const { store, calls, clock } = harness();
    clock.now = 42;
    const refreshed = store.refresh(ALICE);
    calls[0].fail(new TypeError('boom'));
    const entry = await refreshed;
    assert.equal(entry.error?.code, 'httpError');
    assert.equal(entry.error?.fix, 'showLog');
    assert.equal(entry.error?.at, 42);
    assert.doesNotMatch(entry.error?.message ?? '', /boom/);
  });

  it('clears the error on the next good answer', async () => {
    const { store, calls } = harness();
    const failing = store.refresh(ALICE);
    calls[0].fail(new PlyrError('rateLimited', 'Slow down.'));
    await failing;
    const good = store.refresh(ALICE);
    calls[1].answer({ PLYR: '1' }, 100);
    const entry = await good;
    assert.equal(Object.hasOwn(entry, 'error'), false);
    assert.deepEqual(entry, { balances: { PLYR: '1' }, fetchedAt: 100, loading: false });
  });

  it('does not record a cancelled refresh as an error', async () => {
    const { store, calls } = harness();
    const first = store.refresh(ALICE);
    calls[0].answer({ PLYR: '8' }, 800);
    await first;
    const cancelled = store.refresh(ALICE);
    assert.equal(store.get('alice01')?.loading, true);
    calls[1].fail(new PlyrError('cancelled', 'Cancelled.'));
    const entry = await cancelled;
    assert.equal(Object.hasOwn(entry, 'error'), false);
    assert.deepEqual(store.get('alice01'), { balances: { PLYR: '8' }, fetchedAt: 800, loading: false });
  });

  it('leaves an identifier unknown when its first refresh is cancelled: no entry of no tokens', async () => {
    const { store, calls } = harness();
    const changes: string[][] = [];
    store.onDidChange((ids) => changes.push(ids));
    const cancelled = store.refresh(ALICE);
    assert.equal(store.get('alice01')?.loading, true);
    calls[0].fail(new PlyrError('cancelled', 'Cancelled.'));
    const entry = await cancelled;
    assert.equal(entry.balances, undefined);
    assert.equal(store.get('alice01'), undefined, 'unknown again');
    assert.deepEqual(changes.at(-1), ['alice01'], 'and said, so that its row shows "not loaded"');
    // Asked again, it loads as a first time.
    const again = store.refresh(ALICE);
    calls[1].answer({ PLYR: '2' }, 200);
    assert.deepEqual(await again, { balances: { PLYR: '2' }, fetchedAt: 200, loading: false });
  });

  it('keeps a failure known when a later refresh is cancelled', async () => {
    const { store, calls } = harness();
    const failing = store.refresh(ALICE);
    calls[0].fail(new PlyrError('rateLimited', 'Slow down.'));
    await failing;
    const cancelled = store.refresh(ALICE);
    calls[1].fail(new PlyrError('cancelled', 'Cancelled.'));
    await cancelled;
    assert.equal(store.get('alice01')?.error?.code, 'rateLimited');
  });

  it('answers a fresh entry without fetching, and fetches a stale one', async () => {
    const { store, calls, clock } = harness();
    clock.now = 1_000;
    const first = store.refresh(ALICE);
    calls[0].answer({ PLYR: '1' }, 1_000);
    await first;

    clock.now = 30_000;
    assert.equal(store.isFresh('alice01', 60_000), true);
    const cached = await store.refresh(ALICE, { maxAgeMs: 60_000 });
    assert.equal(calls.length, 1, 'a fresh entry was fetched again');
    assert.deepEqual(cached, { balances: { PLYR: '1' }, fetchedAt: 1_000, loading: false });

    clock.now = 61_000;
    assert.equal(store.isFresh('alice01', 60_000), false);
    const refreshed = store.refresh(ALICE, { maxAgeMs: 60_000 });
    assert.equal(calls.length, 2, 'a stale entry was not fetched');
    calls[1].answer({ PLYR: '2' }, 61_000);
    assert.deepEqual((await refreshed).balances, { PLYR: '2' });
  });

  it('fetches an unknown id even with maxAgeMs', async () => {
    const { store, calls } = harness();
    assert.equal(store.isFresh('alice01', 60_000), false);
    const refreshed = store.refresh(ALICE, { maxAgeMs: 60_000 });
    assert.equal(calls.length, 1);
    calls[0].answer({}, 0);
    await refreshed;
  });

  it('drops the late answer of a forgotten id', async () => {
    const { store, calls, events } = harness();
    const refreshed = store.refresh(ALICE);
    assert.ok(store.get('alice01'));
    const eventsBeforeForget = events.length;
    store.forget('alice01');
    assert.equal(store.get('alice01'), undefined);
    assert.equal(events.length, eventsBeforeForget + 1, 'forget() did not announce a change');
    assert.deepEqual(events.at(-1), ['alice01']);
    const eventsBefore = events.length;

    calls[0].answer({ PLYR: '9' }, 900);
    await refreshed;
    assert.equal(store.get('alice01'), undefined, 'a forgotten id came back with its late answer');
    assert.equal(events.length, eventsBefore, 'a dropped answer announced a change');
  });

  it('gives back what forget() dropped, and restore() puts it back on its own scope unless newer balances came', async () => {
    const { store, calls, clock } = harness();
    const first = store.refresh(ALICE);
    calls[0].answer({ PLYR: '1' }, 100);
    await first;
    const forgotten = store.forget('alice01');
    assert.deepEqual(forgotten && { balances: forgotten.balances, fetchedAt: forgotten.fetchedAt }, { balances: { PLYR: '1' }, fetchedAt: 100 });
    assert.equal(store.forget('alice01'), undefined, 'nothing left to give back');
    clock.scope = 'B';
    store.restore(forgotten!);
    assert.equal(store.get('alice01'), undefined, 'not shown under another scope');
    clock.scope = 'https://api.plyr.network/api';
    assert.deepEqual(store.get('alice01'), { balances: { PLYR: '1' }, fetchedAt: 100, loading: false });
    const second = store.refresh(ALICE);
    calls[1].answer({ PLYR: '2' }, 200);
    await second;
    store.restore(forgotten!);
    assert.deepEqual(store.get('alice01')?.balances, { PLYR: '2' }, 'newer balances are kept');
  });

  it('announces nothing when forgetting an unknown id', () => {
    const { store, events } = harness();
    store.forget('alice01');
    assert.deepEqual(events, []);
  });

  it('starts a new fetch for an id refreshed after forget, not joining the old one', async () => {
    const { store, calls } = harness();
    const old = store.refresh(ALICE);
    store.forget('alice01');
    const fresh = store.refresh(ALICE);
    assert.equal(calls.length, 2, 'the refresh after forget joined the old request');

    calls[0].answer({ PLYR: '1' }, 100);
    await old;
    assert.deepEqual(store.get('alice01'), { loading: true }, 'the old answer reached the re-added id');

    calls[1].answer({ PLYR: '2' }, 200);
    assert.deepEqual(await fresh, { balances: { PLYR: '2' }, fetchedAt: 200, loading: false });
    assert.deepEqual(store.get('alice01'), { balances: { PLYR: '2' }, fetchedAt: 200, loading: false });
  });

  it('does not join a request from before newEpoch()', async () => {
    const { store, calls } = harness();
    const before = store.refresh(ALICE);
    store.newEpoch();
    const after = store.refresh(ALICE);
    assert.equal(calls.length, 2, 'a refresh after newEpoch joined an older request');
    calls[0].answer({ PLYR: '1' }, 100);
    calls[1].answer({ PLYR: '2' }, 200);
    await Promise.all([before, after]);
    assert.deepEqual(store.get('alice01')?.balances, { PLYR: '2' });
  });

  it('never lets an older answer replace a newer one', async () => {
    const { store, calls } = harness();
    const older = store.refresh(ALICE);
    store.newEpoch();
    const newer = store.refresh(ALICE);

    calls[1].answer({ PLYR: '2' }, 200);
    assert.deepEqual(await newer, { balances: { PLYR: '2' }, fetchedAt: 200, loading: false });

    calls[0].answer({ PLYR: '1' }, 100);
    await older;
    assert.deepEqual(store.get('alice01'), { balances: { PLYR: '2' }, fetchedAt: 200, loading: false });
  });

  it('never lets an older failure replace a newer answer', async () => {
    const { store, calls } = harness();
    const older = store.refresh(ALICE);
    store.newEpoch();
    const newer = store.refresh(ALICE);
    calls[1].answer({ PLYR: '2' }, 200);
    await newer;
    calls[0].fail(new PlyrError('invalidSignature', 'Old credentials.'));
    await older;
    assert.deepEqual(store.get('alice01'), { balances: { PLYR: '2' }, fetchedAt: 200, loading: false });
  });

  it('applies answers in order when the older one arrives first', async () => {
    const { store, calls } = harness();
    const older = store.refresh(ALICE);
    store.newEpoch();
    const newer = store.refresh(ALICE);
    calls[0].answer({ PLYR: '1' }, 100);
    await older;
    assert.deepEqual(store.get('alice01')?.balances, { PLYR: '1' });
    assert.equal(store.get('alice01')?.loading, true, 'still loading: the newer request is in flight');
    calls[1].answer({ PLYR: '2' }, 200);
    await newer;
    assert.deepEqual(store.get('alice01'), { balances: { PLYR: '2' }, fetchedAt: 200, loading: false, changes: { PLYR: '+1' }, changedSince: 100 });
  });

  it('keeps the entries of one scope out of another', async () => {
    const { store, calls, clock } = harness();
    clock.scope = 'https://api.plyr.network/api';
    const onMainnet = store.refresh(ALICE);
    calls[0].answer({ PLYR: '1' }, 100);
    await onMainnet;
    assert.ok(store.get('alice01'));

    clock.scope = 'https://api-testnet.plyr.network/api';
    assert.equal(store.get('alice01'), undefined);
    assert.equal(store.isFresh('alice01', Number.MAX_SAFE_INTEGER), false);
    const onTestnet = store.refresh(ALICE, { maxAgeMs: Number.MAX_SAFE_INTEGER });
    assert.equal(calls.length, 2, 'the other scope answered from the first scope');
    calls[1].answer({ PLYR: '2' }, 200);
    await onTestnet;
    assert.deepEqual(store.get('alice01')?.balances, { PLYR: '2' });

    clock.scope = 'https://api.plyr.network/api';
    assert.deepEqual(store.get('alice01')?.balances, { PLYR: '1' });
  });

  it('does not join a request of another scope, and files its answer under its own scope', async () => {
    const { store, calls, clock } = harness();
    clock.scope = 'A';
    const underA = store.refresh(ALICE);
    clock.scope = 'B';
    const underB = store.refresh(ALICE);
    assert.equal(calls.length, 2);
    calls[0].answer({ PLYR: '1' }, 100);
    await underA;
    assert.equal(store.get('alice01')?.balances, undefined, "scope A's answer showed under scope B");
    calls[1].answer({ PLYR: '2' }, 200);
    await underB;
    assert.deepEqual(store.get('alice01')?.balances, { PLYR: '2' });
    clock.scope = 'A';
    assert.deepEqual(store.get('alice01')?.balances, { PLYR: '1' });
  });

  it("rejects only the caller that cancels its own wait, and still records the answer", async () => {
    const { store, calls } = harness();
    const hover = new AbortController();
    const reason = new Error('hover closed');
    const fromHover = store.refresh(ALICE, { signal: hover.signal });
    const fromRefresh = store.refresh(ALICE);
    hover.abort(reason);
    await assert.rejects(fromHover, (thrown) => thrown === reason);
    assert.equal(calls[0].signal.aborted, false);
    calls[0].answer({ PLYR: '5' }, 500);
    assert.deepEqual(await fromRefresh, { balances: { PLYR: '5' }, fetchedAt: 500, loading: false });
  });

  it('stops announcing changes after dispose()', async () => {
    const { store, calls, events } = harness();
    store.dispose();
    const refreshed = store.refresh(ALICE);
    calls[0].answer({ PLYR: '1' }, 1);
    await refreshed;
    assert.deepEqual(events, []);
    assert.deepEqual(store.get('alice01')?.balances, { PLYR: '1' });
  });

  describe('changes and what is remembered across a restart', () => {
    it('announces the old and new amounts of the tokens a good answer moved', async () => {
      const { store, calls } = harness();
      const moved: unknown[] = [];
      store.onDidChangeBalances((e) => void moved.push(e));
      const first = store.refresh(ALICE);
      calls[0].answer({ plyr: '1', gamr: '2' }, 10);
      await first;
      assert.deepEqual(moved, [], 'a first answer has nothing to compare with');
      const second = store.refresh(ALICE);
      calls[1].answer({ plyr: '1', gamr: '2.000000000000000001' }, 20);
      await second;
      assert.deepEqual(moved, [{ id: 'alice01', changes: [{ token: 'gamr', previous: '2', current: '2.000000000000000001', delta: '+0.000000000000000001' }] }]);
      const third = store.refresh(ALICE);
      calls[2].answer({ plyr: '1', gamr: '2.000000000000000001' }, 30);
      await third;
      assert.equal(moved.length, 1, 'no change, no event');
    });

    it('does not announce a late answer that an earlier-started one overtook, nor a failure', async () => {
      const { store, calls } = harness();
      const moved: unknown[] = [];
      store.onDidChangeBalances((e) => void moved.push(e));
      store.remember('alice01', { balances: { plyr: '1' }, fetchedAt: 5 });
      const older = store.refresh(ALICE);
      store.forget('alice01');
      calls[0].answer({ plyr: '9' }, 10);
      await older;
      store.remember('alice01', { balances: { plyr: '1' }, fetchedAt: 5 });
      const failing = store.refresh(ALICE);
      calls[1].fail(new PlyrError('httpError', 'down'));
      await failing;
      assert.deepEqual(moved, []);
      assert.equal(store.get('alice01')?.balances?.plyr, '1', 'the remembered amount is kept, not replaced by 0');
    });

    it('announces the newer answer only, when an older request answers after it', async () => {
      const { store, calls } = harness();
      const moved: unknown[] = [];
      store.onDidChangeBalances((e) => void moved.push(e));
      store.remember('alice01', { balances: { plyr: '1' }, fetchedAt: 5 });
      const older = store.refresh(ALICE);
      store.newEpoch();
      const newer = store.refresh(ALICE);
      calls[1].answer({ plyr: '2' }, 20);
      await newer;
      calls[0].answer({ plyr: '7' }, 10);
      await older;
      assert.deepEqual(moved, [{ id: 'alice01', changes: [{ token: 'plyr', previous: '1', current: '2', delta: '+1' }] }], 'the overtaken answer is not news');
      assert.equal(store.get('alice01')?.balances?.plyr, '2');
    });

    it('files a change answered by the server the user has just left under that server, and announces none', async () => {
      const { store, calls, clock } = harness();
      const moved: unknown[] = [];
      store.onDidChangeBalances((e) => void moved.push(e));
      store.remember('alice01', { balances: { plyr: '1' }, fetchedAt: 5 });
      const onMainnet = store.refresh(ALICE);
      clock.scope = 'https://api-testnet.plyr.network/api';
      calls[0].answer({ plyr: '2' }, 10);
      await onMainnet;
      assert.deepEqual(moved, [], 'a change on the server left behind was announced');
      clock.scope = 'https://api.plyr.network/api';
      assert.equal(store.get('alice01')?.balances?.plyr, '2', 'the answer is kept for its own server');
    });

    it('compares the first answer after a restart with the remembered one', async () => {
      const { store, calls, events } = harness();
      const moved: { id: string }[] = [];
      store.onDidChangeBalances((e) => void moved.push(e));
      store.remember('alice01', { balances: { plyr: '1' }, fetchedAt: 5 });
      assert.deepEqual(store.get('alice01'), { balances: { plyr: '1' }, fetchedAt: 5, loading: false });
      assert.deepEqual(events.at(-1), ['alice01'], 'the row shows the remembered amount at once');
      const same = store.refresh(ALICE);
      calls[0].answer({ plyr: '1' }, 50);
      assert.equal((await same).changes, undefined, 'unchanged since before the restart: no delta');
      assert.deepEqual(moved, []);
      store.remember('alice01', { balances: { plyr: '7' }, fetchedAt: 1 });
      assert.equal(store.get('alice01')?.balances?.plyr, '1', 'remembering never replaces what is known');
    });

    it('announces a token that appeared with an amount since the remembered answer, and not one that appeared with zero or went', async () => {
      const { store, calls } = harness();
      const moved: unknown[] = [];
      store.onDidChangeBalances((e) => void moved.push(e));
      store.remember('alice01', { balances: { plyr: '1', gone: '4' }, fetchedAt: 5 });
      const afterRestart = store.refresh(ALICE);
      calls[0].answer({ plyr: '1', newtoken: '1', listed: '0' }, 50);
      const entry = await afterRestart;
      assert.deepEqual([entry.changes, entry.changedSince], [{ newtoken: '+1' }, 5]);
      assert.deepEqual(moved, [{ id: 'alice01', changes: [{ token: 'newtoken', previous: '0', current: '1', delta: '+1' }] }]);
      const again = store.refresh(ALICE);
      calls[1].answer({ plyr: '1', newtoken: '1', listed: '0' }, 90);
      assert.equal((await again).changes, undefined, 'the same answer again moved nothing');
      assert.equal(moved.length, 1);
    });

    it('gives remembered balances to a load that began before them (a row asked for as it came back), as what it compares with or keeps', async () => {
      const { store, calls } = harness();
      const failing = store.refresh(ALICE);
      assert.deepEqual(store.get('alice01'), { loading: true });
      store.remember('alice01', { balances: { plyr: '1' }, fetchedAt: 5 });
      assert.deepEqual(store.get('alice01'), { balances: { plyr: '1' }, fetchedAt: 5, loading: true }, 'shown at once, still loading');
      calls[0].fail(new PlyrError('httpError', 'down'));
      const failed = await failing;
      assert.deepEqual([failed.balances, failed.fetchedAt, failed.error?.message], [{ plyr: '1' }, 5, 'down'], 'the failure keeps them as last known');
      store.forget('alice01');
      const answering = store.refresh(ALICE);
      store.remember('alice01', { balances: { plyr: '1' }, fetchedAt: 5 });
      calls[1].answer({ plyr: '2' }, 50);
      const answered = await answering;
      assert.deepEqual([answered.changes, answered.changedSince], [{ plyr: '+1' }, 5], 'the answer is compared with them');
    });

    it('says since when the changes are measured: the previous good answer, across a failure or a restart', async () => {
      const { store, calls } = harness();
      store.remember('alice01', { balances: { plyr: '1' }, fetchedAt: 5 });
      const afterRestart = store.refresh(ALICE);
      calls[0].answer({ plyr: '2' }, 50);
      assert.equal((await afterRestart).changedSince, 5, 'measured from the remembered answer');
      const failing = store.refresh(ALICE);
      calls[1].fail(new PlyrError('httpError', 'down'));
      const failed = await failing;
      assert.equal(failed.changedSince, 5, 'a failure keeps what the last good answer said');
      assert.deepEqual(failed.changes, { plyr: '+1' });
      const recovered = store.refresh(ALICE);
      calls[2].answer({ plyr: '3' }, 90);
      const entry = await recovered;
      assert.deepEqual([entry.changes, entry.changedSince, entry.fetchedAt], [{ plyr: '+1' }, 50, 90], 'from the last good answer, not the failure');
      const still = store.refresh(ALICE);
      calls[3].answer({ plyr: '3' }, 120);
      const unchanged = await still;
      assert.deepEqual([unchanged.changes, unchanged.changedSince], [undefined, undefined], 'nothing moved: nothing to measure');
    });

    it('remembers under the current scope only', () => {
      const { store, clock } = harness();
      store.remember('alice01', { balances: { plyr: '1' }, fetchedAt: 5 });
      clock.scope = 'https://api-testnet.plyr.network/api';
      assert.equal(store.get('alice01'), undefined);
    });
  });
});
