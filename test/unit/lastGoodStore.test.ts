import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { PlyrError } from '../../src/core/model/errors';
import { LastGoodStore } from '../../src/core/store/lastGoodStore';
import { deferred } from '../support/deferred';

function harness() {
  const clock = { now: 1_000, scope: 'https://api.plyr.network/api/' };
  const store = new LastGoodStore<string>({ scope: () => clock.scope, now: () => clock.now });
  const events: string[][] = [];
  store.onDidChange((keys) => events.push(keys));
  return { clock, store, events };
}

describe('LastGoodStore', () => {
  it('records a good answer with its time, and says which key changed', async () => {
    const { store, events } = harness();
    const entry = await store.load('player123|chips', async () => 'chips');
    assert.deepEqual(entry, { value: 'chips', fetchedAt: 1_000, loading: false });
    assert.deepEqual(store.get('player123|chips'), entry);
    assert.deepEqual(events, [['player123|chips'], ['player123|chips']], 'loading, then loaded');
  });

  it('keeps the last good value when a later load fails, with the error beside it', async () => {
    const { store, clock } = harness();
    await store.load('k', async () => 'good');
    clock.now = 5_000;
    const failed = await store.load('k', async () => {
      throw new PlyrError('serverError', 'The PLYR API answered 502.');
    });
    assert.equal(failed.value, 'good');
    assert.equal(failed.fetchedAt, 1_000, 'the age of the value, not of the failure');
    assert.deepEqual(failed.error, { code: 'serverError', message: 'The PLYR API answered 502.', fix: undefined, at: 5_000 });
    const again = await store.load('k', async () => 'better');
    assert.equal(again.error, undefined, 'a good answer clears the error');
  });

  it('hands the previous value to the fetch (a paged list can keep its length)', async () => {
    const { store } = harness();
    await store.load('k', async () => 'one');
    let seen: string | undefined;
    await store.load('k', async (_signal, previous) => ((seen = previous), 'two'));
    assert.equal(seen, 'one');
  });

  it('shares one request between callers, and applies answers in the order requests started', async () => {
    const { store } = harness();
    const first = deferred<string>();
    let calls = 0;
    const a = store.load('k', () => (calls++, first.promise));
    const b = store.load('k', () => (calls++, Promise.resolve('never')));
    assert.equal(calls, 1);
    first.resolve('shared');
    assert.deepEqual([(await a).value, (await b).value], ['shared', 'shared']);
    // A new epoch (new credentials): the next load does not join, and an older answer arriving
    // after a newer one is not shown.
    const slow = deferred<string>();
    const older = store.load('k', () => slow.promise);
    store.newEpoch();
    await store.load('k', async () => 'newer');
    assert.equal(store.get('k')?.loading, false, 'the older request, still in flight, can no longer be shown: not loading');
    slow.resolve('older');
    assert.equal((await older).value, 'newer');
    assert.equal(store.get('k')?.value, 'newer');
    assert.equal(store.get('k')?.loading, false);
  });

  it('is loading while any load that may still be shown is in flight, whichever settles first', async () => {
    const { store } = harness();
    const older = deferred<string>();
    const first = store.load('k', () => older.promise);
    store.newEpoch();
    const newer = deferred<string>();
    const second = store.load('k', () => newer.promise);
    older.resolve('old');
    await first;
    assert.deepEqual(store.get('k'), { value: 'old', fetchedAt: 1_000, loading: true }, 'shown, and still loading: the newer one is on its way');
    newer.resolve('new');
    await second;
    assert.deepEqual(store.get('k'), { value: 'new', fetchedAt: 1_000, loading: false });
    // Loads of two kinds: the first page answering leaves the next page loading.
    const page = deferred<string>();
    const more = store.load('k', () => page.promise, undefined, 'more');
    await store.load('k', async () => 'refreshed');
    assert.equal(store.get('k')?.loading, true, 'the next page is still in flight');
    page.resolve('page');
    await more;
    assert.equal(store.get('k')?.loading, false);
  });

  it('keeps the order within a kind only, and combines an answer with what is shown when it settles', async () => {
    const { store } = harness();
    await store.load('k', async () => 'a');
    const append = (answer: string, shown: string | undefined) => `${shown ?? ''}+${answer}`;
    const page = deferred<string>();
    const more = store.load('k', () => page.promise, undefined, 'more', append);
    // Another kind, started later, answers first: the page still lands, after it.
    await store.load('k', async () => 'b');
    page.resolve('page');
    assert.equal((await more).value, 'b+page');
  });

  it('dates what is shown by an answer that renews it; one that only adds to it keeps its age', async () => {
    const { store, clock } = harness();
    const append = (answer: string, shown: string | undefined) => `${shown ?? ''}+${answer}`;
    const renews = (answer: string) => answer.startsWith('top');
    clock.now = 2_000;
    assert.equal((await store.load('k', async () => 'page', undefined, 'more', append, renews)).fetchedAt, 2_000, 'nothing shown before: as old as the answer');
    clock.now = 3_000;
    const added = await store.load('k', async () => 'page', undefined, 'more', append, renews);
    assert.deepEqual(added, { value: '+page+page', fetchedAt: 2_000, loading: false });
    clock.now = 4_000;
    assert.equal((await store.load('k', async () => 'top', undefined, 'more', append, renews)).fetchedAt, 4_000);
  });

  it('keeps scopes apart, and drops a forgotten key and its late answer', async () => {
    const { store, clock } = harness();
    await store.load('a|chips', async () => 'mainnet');
    clock.scope = 'http://127.0.0.1:4555/api/';
    assert.equal(store.get('a|chips'), undefined, 'another server shows nothing of the first');
    assert.deepEqual(store.keys(), []);
    clock.scope = 'https://api.plyr.network/api/';
    assert.deepEqual(store.keys(), ['a|chips']);
    const late = deferred<string>();
    const pending = store.load('b|chips', () => late.promise);
    store.forget((key) => key.startsWith('a|') || key.startsWith('b|'));
    late.resolve('late');
    await pending;
    assert.deepEqual(store.keys(), []);
  });

  it("forgets and lists keys on a server whose URL holds a '|', keys holding one too", async () => {
    const { store, clock } = harness();
    clock.scope = 'https://plyr.example/a|b/api/';
    await store.load('player123', async () => 'one');
    await store.load('x|y', async () => 'two');
    assert.deepEqual(store.keys().sort(), ['player123', 'x|y']);
    clock.scope = 'https://plyr.example/a/';
    assert.deepEqual(store.keys(), [], 'another server, whose URL the first one starts with');
    clock.scope = 'https://plyr.example/a|b/api/';
    store.forget((key) => key === 'player123' || key === 'x|y');
    assert.equal(store.get('player123'), undefined);
    assert.equal(store.get('x|y'), undefined);
  });

  it('a cancelled load leaves what was known, without an error', async () => {
    const { store } = harness();
    await store.load('k', async () => 'known');
    const entry = await store.load('k', async () => {
      throw new PlyrError('cancelled', 'Cancelled.');
    });
    assert.deepEqual(entry, { value: 'known', fetchedAt: 1_000, loading: false });
  });
});
