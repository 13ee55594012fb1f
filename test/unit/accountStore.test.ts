import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { AccountAnswer, AccountClient, ActivityPage } from '../../src/core/api/accountClient';
import { ActivityEntry } from '../../src/core/model/activity';
import { Allowance } from '../../src/core/model/allowances';
import { Chip } from '../../src/core/model/chips';
import { PlyrError } from '../../src/core/model/errors';
import { Identifier } from '../../src/core/model/identifier';
import { AccountInfo, SecondaryWallet } from '../../src/core/model/wallets';
import { ACCOUNT_SECTIONS, AccountFetch, accountFetchOf, AccountSection, AccountStore, AccountWallets, ActivityLog, SectionChange, SectionValues, withNewest, withPage } from '../../src/core/store/accountStore';
import { deferred } from '../support/deferred';

/** One request the store made, answered (or failed) by the test. */
interface FetchCall {
  readonly section: AccountSection;
  readonly plyrId: string;
  readonly page?: { readonly offset: number; readonly limit: number };
  readonly signal: AbortSignal;
  answer(value: unknown): void;
  fail(error: unknown): void;
}

/** A store over a fake fetch the test answers by hand, with a clock and a scope the test sets. */
function harness() {
  const calls: FetchCall[] = [];
  const clock = { now: 1_000, scope: 'https://api.plyr.network/api/' };
  const events: SectionChange[][] = [];
  // Who waits for a request the store makes once an answer lets it go on (Load more's second read).
  const waiting: { readonly count: number; readonly resolve: (call: FetchCall) => void }[] = [];
  const asked = (count: number): Promise<FetchCall> => new Promise((resolve) => (calls.length >= count ? resolve(calls[count - 1]) : waiting.push({ count, resolve })));
  const call = <T>(section: AccountSection, plyrId: string, signal: AbortSignal, page?: FetchCall['page']): Promise<T> => {
    const result = deferred<T>();
    // An activity page answered without `readTo` is one the server sent exactly those entries for.
    const asSent = (value: unknown) => (page && typeof value === 'object' && value !== null && !('readTo' in value) ? { ...value, readTo: page.offset + (value as ActivityLog).entries.length } : value);
    calls.push({ section, plyrId, page, signal, answer: (value) => result.resolve(asSent(value) as T), fail: (error) => result.reject(error) });
    waiting.filter((w) => w.count === calls.length).forEach((w) => w.resolve(calls[calls.length - 1]));
    return result.promise;
  };
  const fetch: AccountFetch = {
    chips: (plyrId, signal) => call('chips', plyrId, signal),
    allowances: (plyrId, signal) => call('allowances', plyrId, signal),
    activity: (plyrId, page, signal) => call('activity', plyrId, signal, page),
    wallets: (plyrId, signal) => call('wallets', plyrId, signal),
  };
  const store = new AccountStore({ fetch, scope: () => clock.scope, now: () => clock.now });
  store.onDidChange((changes) => void events.push(changes));
  return { store, calls, clock, events, asked, last: () => calls[calls.length - 1] };
}

const CHIPS: readonly Chip[] = [{ gameId: 'tavern', address: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e', name: 'Tavern Gold', symbol: 'TAV', balance: '12.5' }];
const ALLOWANCES: readonly Allowance[] = [{ gameId: 'tavern', token: 'gamr', amount: '100', createdAt: 0, expiresInSeconds: 60, expiresAt: 60_000 }];
const INFO: AccountInfo = { plyrId: 'player123', primaryAddress: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e', mirrorAddress: '0x0000000000000000000000000000000000000001', chainId: 62831, avatarUrl: undefined, createdAt: 0 };
const SECONDARIES: readonly SecondaryWallet[] = [{ address: '0x0000000000000000000000000000000000000002', boundAt: 5 }];
const WALLETS: AccountWallets = { info: INFO, secondaries: SECONDARIES };

/** An activity entry with the server's record id `id`, newest first by `at`. */
function entry(id: string | undefined, at: number): ActivityEntry {
  return { id, action: 'pay', type: 'game', gameId: 'tavern', at, token: 'gamr', chip: undefined, amount: '1', txHash: undefined, succeeded: true, roomId: undefined };
}
/** `count` entries with ids `e<from>`…, newest first. */
function entries(from: number, count: number): ActivityEntry[] {
  return Array.from({ length: count }, (_, i) => entry(`e${from + i}`, 1_000_000 - (from + i)));
}
const ids = (log: Pick<ActivityLog, 'entries'> | undefined) => log?.entries.map((e) => e.id);

const VALUES: { readonly [S in AccountSection]: SectionValues[S] } = { chips: CHIPS, allowances: ALLOWANCES, activity: { entries: entries(0, 3), mayHaveMore: false, readTo: 3 }, wallets: WALLETS };

describe('AccountStore: loading a section', () => {
  for (const section of ACCOUNT_SECTIONS) {
    it(`${section}: asked once while in flight, the answer shared and recorded with its time`, async () => {
      const { store, calls, clock } = harness();
      assert.equal(store.get('player123', section), undefined);
      const first = store.load('player123', section);
      const second = store.load('player123', section);
      assert.equal(calls.length, 1, 'one request for both callers');
      assert.equal(calls[0].section, section);
      assert.equal(calls[0].plyrId, 'player123');
      assert.deepEqual(store.get('player123', section), { loading: true });
      clock.now = 7_000;
      calls[0].answer(VALUES[section]);
      const expected = { value: VALUES[section], fetchedAt: 7_000, loading: false };
      assert.deepEqual(await first, expected);
      assert.deepEqual(await second, expected);
      assert.deepEqual(store.get('player123', section), expected);
      // Loaded, a load asks again (a refresh).
      void store.load('player123', section);
      assert.equal(calls.length, 2);
    });
  }

  it('keeps the last good value when a later load fails, with the error beside it', async () => {
    const { store, calls, clock } = harness();
    const good = store.load('player123', 'chips');
    calls[0].answer(CHIPS);
    await good;
    clock.now = 9_000;
    const failing = store.load('player123', 'chips');
    assert.deepEqual(store.get('player123', 'chips'), { value: CHIPS, fetchedAt: 1_000, loading: true }, 'the value shows while it loads again');
    calls[1].fail(new PlyrError('serverError', 'The PLYR API answered 502.'));
    const failed = await failing;
    assert.deepEqual(failed, { value: CHIPS, fetchedAt: 1_000, loading: false, error: { code: 'serverError', message: 'The PLYR API answered 502.', fix: undefined, at: 9_000 } });
    assert.deepEqual(store.get('player123', 'chips'), failed);
    // A failure with nothing kept: the error alone.
    const first = store.load('player123', 'wallets');
    calls[2].fail(new PlyrError('network', 'Could not reach the PLYR API.'));
    assert.deepEqual(await first, { loading: false, error: { code: 'network', message: 'Could not reach the PLYR API.', fix: undefined, at: 9_000 } });
    // The next good answer clears the error.
    const again = store.load('player123', 'chips');
    calls[3].answer([]);
    assert.deepEqual(await again, { value: [], fetchedAt: 9_000, loading: false });
  });

  it('reports each change as { plyrId, section }: loading, then loaded', async () => {
    const { store, calls, events } = harness();
    const chips = store.load('player123', 'chips');
    const activity = store.load('teammate1', 'activity');
    calls[0].answer(CHIPS);
    calls[1].answer({ entries: [], mayHaveMore: false });
    await Promise.all([chips, activity]);
    assert.deepEqual(events, [[{ plyrId: 'player123', section: 'chips' }], [{ plyrId: 'teammate1', section: 'activity' }], [{ plyrId: 'player123', section: 'chips' }], [{ plyrId: 'teammate1', section: 'activity' }]]);
  });

  it('says which sections of an identifier are known (what a refresh asks again)', async () => {
    const { store, calls } = harness();
    assert.deepEqual(store.loaded('player123'), []);
    const wallets = store.load('player123', 'wallets');
    assert.deepEqual(store.loaded('player123'), ['wallets'], 'loading counts');
    const allowances = store.load('player123', 'allowances');
    calls[0].answer(WALLETS);
    calls[1].fail(new PlyrError('serverError', 'The PLYR API answered 502.'));
    await Promise.all([wallets, allowances]);
    assert.deepEqual(store.loaded('player123'), ['allowances', 'wallets'], 'failed counts too, in the groups order');
    assert.deepEqual(store.loaded('teammate1'), []);
  });
});

describe('AccountStore: the activity log', () => {
  it('a first load asks for one page from the start', async () => {
    const { store, calls } = harness();
    const loading = store.load('player123', 'activity');
    assert.deepEqual(calls[0].page, { offset: 0, limit: 25 });
    calls[0].answer({ entries: entries(0, 25), mayHaveMore: true });
    const loaded = await loading;
    assert.equal(loaded.value?.entries.length, 25);
    assert.equal(loaded.value?.mayHaveMore, true);
  });

  it('Load more asks from as far as the log was read and appends the page; the log stays as old as its top', async () => {
    const { store, calls, clock } = harness();
    const first = store.load('player123', 'activity');
    calls[0].answer({ entries: entries(0, 25), mayHaveMore: true });
    await first;
    clock.now = 961_000;
    const more = store.loadMore('player123');
    assert.deepEqual(calls[1].page, { offset: 25, limit: 25 });
    calls[1].answer({ entries: entries(25, 25), mayHaveMore: true });
    const after = await more;
    assert.deepEqual(ids(after.value), entries(0, 50).map((e) => e.id));
    assert.equal(after.value?.mayHaveMore, true);
    assert.equal(calls.length, 2, 'the page follows on from the last entry shown: the top is not read again');
    assert.equal(after.fetchedAt, 1_000, 'its top was read then, not now');
    const last = store.loadMore('player123');
    assert.deepEqual(calls[2].page, { offset: 50, limit: 25 });
    calls[2].answer({ entries: entries(50, 3), mayHaveMore: false });
    assert.deepEqual(ids((await last).value), entries(0, 53).map((e) => e.id));
    assert.equal(store.get('player123', 'activity')?.value?.mayHaveMore, false, 'the page says whether more may follow');
    assert.equal(store.get('player123', 'activity')?.fetchedAt, 1_000);
  });

  it('Load more whose page repeats an entry shown reads the top again: the entry new there shows first, and the age is of that read', async () => {
    const { store, calls, clock, asked } = harness();
    const first = store.load('player123', 'activity');
    calls[0].answer({ entries: entries(0, 25), mayHaveMore: true });
    await first;
    // An entry logged after the first page was read, with the group closed (a refresh skips it).
    const earned = { ...entry('n0', 2_000_000), action: 'earn', amount: '11' };
    clock.now = 961_000;
    const more = store.loadMore('player123');
    assert.deepEqual(calls[1].page, { offset: 25, limit: 25 });
    // The log moved down by one: the page starts with the last entry shown.
    calls[1].answer({ entries: entries(24, 25), mayHaveMore: true });
    const top = await Promise.race([asked(3), more.then(() => undefined)]);
    assert.ok(top, 'Load more settled without reading the top again');
    assert.deepEqual(top.page, { offset: 0, limit: 50 }, 'the top, as deep as was read and one page more');
    clock.now = 962_000;
    top.answer({ entries: [earned, ...entries(0, 49)], mayHaveMore: true });
    const after = await more;
    assert.deepEqual(ids(after.value), ['n0', ...entries(0, 49).map((e) => e.id)]);
    assert.equal(after.value?.readTo, 50);
    assert.equal(after.fetchedAt, 962_000, 'its top was read just now');
    const last = store.loadMore('player123');
    assert.deepEqual(calls[3].page, { offset: 50, limit: 25 }, 'the next page starts below what was read, repeating none');
    calls[3].answer({ entries: entries(49, 3), mayHaveMore: false });
    assert.deepEqual(ids((await last).value), ['n0', ...entries(0, 52).map((e) => e.id)]);
  });

  it('Load more reading the top again keeps older pages shown below it, when deeper than a request may ask', async () => {
    const { store, calls, asked } = harness();
    const first = store.load('player123', 'activity');
    calls[0].answer({ entries: entries(0, 90), mayHaveMore: true });
    await first;
    const more = store.loadMore('player123');
    calls[1].answer({ entries: entries(88, 25), mayHaveMore: true });
    const top = await Promise.race([asked(3), more.then(() => undefined)]);
    assert.ok(top, 'Load more settled without reading the top again');
    assert.deepEqual(top.page, { offset: 0, limit: 100 }, "no more than the server's page limit");
    const fresh = [entry('n0', 2_000_001), entry('n1', 2_000_000)];
    top.answer({ entries: [...fresh, ...entries(0, 98)], mayHaveMore: true });
    const log = (await more).value;
    assert.deepEqual(ids(log), ['n0', 'n1', ...entries(0, 113).map((e) => e.id)]);
    assert.equal(log?.readTo, 115);
  });

  it('Load more with nothing read starts at the top; entries without an id are told apart by what they say', async () => {
    const { store, calls, asked } = harness();
    const first = store.loadMore('player123');
    assert.deepEqual(calls[0].page, { offset: 0, limit: 25 });
    calls[0].answer({ entries: [entry(undefined, 30), entry(undefined, 20)], mayHaveMore: true });
    await first;
    const more = store.loadMore('player123');
    assert.deepEqual(calls[1].page, { offset: 2, limit: 25 });
    // An entry logged since moved the log down: the page repeats the one at 20, and the top is read again.
    const older = [entry(undefined, 20), { ...entry(undefined, 20), amount: '2' }, entry(undefined, 10)];
    calls[1].answer({ entries: older, mayHaveMore: false });
    (await asked(3)).answer({ entries: [entry(undefined, 40), entry(undefined, 30), ...older], mayHaveMore: false });
    const log = (await more).value!;
    assert.deepEqual(
      log.entries.map((e) => [e.at, e.amount]),
      [
        [40, '1'],
        [30, '1'],
        [20, '1'],
        [20, '2'],
        [10, '1'],
      ],
    );
  });

  it('a Load more asked with nothing read puts its page ahead of a first load that landed meanwhile, newest first', async () => {
    const { store, calls } = harness();
    const more = store.loadMore('player123'); // clicked as the group's first load starts
    const first = store.load('player123', 'activity');
    calls[1].answer({ entries: entries(1, 25), mayHaveMore: true });
    await first;
    // An entry logged between the two requests: the page (asked from the top) has it first.
    calls[0].answer({ entries: [entry('e0', 1_000_000), ...entries(1, 24)], mayHaveMore: true });
    assert.deepEqual(ids((await more).value), ['e0', ...entries(1, 25).map((e) => e.id)]);
  });

  it('a failed Load more keeps what was read, with the error', async () => {
    const { store, calls } = harness();
    const first = store.load('player123', 'activity');
    calls[0].answer({ entries: entries(0, 25), mayHaveMore: true });
    await first;
    const more = store.loadMore('player123');
    calls[1].fail(new PlyrError('timeout', 'The PLYR API did not answer within 15 s.'));
    const failed = await more;
    assert.deepEqual(ids(failed.value), entries(0, 25).map((e) => e.id));
    assert.equal(failed.error?.code, 'timeout');
  });

  for (const [read, limit] of [
    [0, 25],
    [10, 25],
    [25, 25],
    [60, 60],
    [100, 100],
    [130, 100],
  ] as const) {
    it(`a refresh after reading ${read} entries asks for the newest ${limit} (max(25, read) up to 100)`, async () => {
      const { store, calls } = harness();
      const first = store.load('player123', 'activity');
      calls[0].answer({ entries: entries(0, read), mayHaveMore: true });
      await first;
      const refreshed = store.load('player123', 'activity');
      assert.deepEqual(calls[1].page, { offset: 0, limit });
      calls[1].answer({ entries: entries(0, limit), mayHaveMore: true });
      assert.equal((await refreshed).value?.entries.length, Math.max(read, limit), 'the newest read again, the older pages read kept');
    });
  }

  it('a page of entries none of which could be read still moves Load more and a refresh on', async () => {
    const { store, calls } = harness();
    const first = store.load('player123', 'activity');
    // The server sent 25 entries; none was readable.
    calls[0].answer({ entries: [], mayHaveMore: true, readTo: 25 });
    assert.deepEqual((await first).value, { entries: [], mayHaveMore: true, readTo: 25 });
    const more = store.loadMore('player123');
    assert.deepEqual(calls[1].page, { offset: 25, limit: 25 }, 'the next page, not the same one again');
    calls[1].answer({ entries: entries(0, 20), mayHaveMore: true, readTo: 50 });
    assert.deepEqual(ids((await more).value), entries(0, 20).map((e) => e.id));
    const refreshed = store.load('player123', 'activity');
    assert.deepEqual(calls[2].page, { offset: 0, limit: 50 }, 'as deep as was read, not as many as could be read');
    calls[2].answer({ entries: entries(0, 20), mayHaveMore: true, readTo: 50 });
    assert.equal((await refreshed).value?.readTo, 50);
  });
});

describe('AccountStore: Load more during a refresh', () => {
  it('asks for the next page even while a refresh of the first pages runs', async () => {
    const { store, calls } = harness();
    const first = store.load('player123', 'activity');
    calls[0].answer({ entries: entries(0, 25), mayHaveMore: true });
    await first;
    void store.load('player123', 'activity');
    const more = store.loadMore('player123');
    assert.deepEqual(calls.map((c) => c.page), [{ offset: 0, limit: 25 }, { offset: 0, limit: 25 }, { offset: 25, limit: 25 }], 'Load more did not join the refresh');
    calls[2].answer({ entries: entries(25, 25), mayHaveMore: true });
    assert.equal((await more).value?.entries.length, 50);
  });

  /** A log of 25 read, then a refresh and a Load more both asked; `fresh` is what the refresh answers. */
  async function both() {
    const h = harness();
    const first = h.store.load('player123', 'activity');
    h.calls[0].answer({ entries: entries(0, 25), mayHaveMore: true });
    await first;
    const refresh = h.store.load('player123', 'activity');
    const more = h.store.loadMore('player123');
    return { ...h, refresh, more, refreshCall: h.calls[1], moreCall: h.calls[2] };
  }
  /** Two new entries at the top of the log: n0, n1. */
  const withTwoNew = () => [entry('n0', 2_000_000), entry('n1', 1_999_999), ...entries(0, 23)];

  it('keeps the page Load more read when the refresh answers after it', async () => {
    const { store, refresh, more, refreshCall, moreCall } = await both();
    moreCall.answer({ entries: entries(25, 25), mayHaveMore: true });
    await more;
    refreshCall.answer({ entries: withTwoNew(), mayHaveMore: true });
    await refresh;
    const log = store.get('player123', 'activity')?.value;
    assert.deepEqual(ids(log), ['n0', 'n1', ...ids({ entries: entries(0, 50) })!]);
    assert.equal(log?.mayHaveMore, true);
  });

  it('keeps the newest entries when Load more answers after the refresh', async () => {
    const { store, refresh, more, refreshCall, moreCall, asked } = await both();
    refreshCall.answer({ entries: withTwoNew(), mayHaveMore: true });
    await refresh;
    // Asked at offset 25 of the log before the two new ones: its first two entries are shown
    // already, so Load more reads the top again too (not knowing the refresh read it).
    moreCall.answer({ entries: entries(23, 25), mayHaveMore: false });
    (await asked(4)).answer({ entries: [...withTwoNew(), ...entries(23, 25)], mayHaveMore: false });
    await more;
    const log = store.get('player123', 'activity')?.value;
    assert.deepEqual(ids(log), ['n0', 'n1', ...ids({ entries: entries(0, 48) })!]);
    assert.equal(log?.mayHaveMore, false, "the page's word on what follows it");
  });

  it('shows a refresh alone when it does not reach back to the newest entry shown (older ones would follow a gap)', async () => {
    const { store, refresh, more, refreshCall, moreCall } = await both();
    moreCall.answer({ entries: entries(25, 25), mayHaveMore: true });
    await more;
    const busy = Array.from({ length: 25 }, (_, i) => entry(`n${i}`, 2_000_000 - i));
    refreshCall.answer({ entries: busy, mayHaveMore: true });
    await refresh;
    assert.deepEqual(ids(store.get('player123', 'activity')?.value), busy.map((e) => e.id));
  });

  it('leaves out a page whose entry before it a refresh took away (the page would follow a gap)', async () => {
    const { store, refresh, more, refreshCall, moreCall } = await both();
    const busy = Array.from({ length: 25 }, (_, i) => entry(`n${i}`, 2_000_000 - i));
    refreshCall.answer({ entries: busy, mayHaveMore: true });
    await refresh;
    moreCall.answer({ entries: entries(25, 25), mayHaveMore: true });
    await more;
    assert.deepEqual(ids(store.get('player123', 'activity')?.value), busy.map((e) => e.id));
  });

  it('still drops a refresh older than the one shown', async () => {
    const { store, calls } = harness();
    const older = store.load('player123', 'activity');
    const olderCall = calls[0];
    // A second refresh joins the first (same kind, in flight): a new epoch makes it ask again.
    store.newEpoch();
    const newer = store.load('player123', 'activity');
    calls[1].answer({ entries: withTwoNew(), mayHaveMore: true });
    await newer;
    olderCall.answer({ entries: entries(0, 25), mayHaveMore: true });
    await older;
    assert.deepEqual(ids(store.get('player123', 'activity')?.value)?.slice(0, 2), ['n0', 'n1']);
  });
});

describe('AccountStore: forgetting, servers, credentials', () => {
  it('forgets every section of a PLYR ID, drops its late answers, and keeps the others', async () => {
    const { store, calls, events } = harness();
    const chips = store.load('player123', 'chips');
    calls[0].answer(CHIPS);
    await chips;
    const late = store.load('player123', 'activity');
    const other = store.load('teammate1', 'chips');
    events.length = 0;
    store.forget(['player123']);
    assert.deepEqual(events, [[{ plyrId: 'player123', section: 'chips' }], [{ plyrId: 'player123', section: 'activity' }]]);
    assert.deepEqual(store.loaded('player123'), []);
    calls[1].answer({ entries: entries(0, 3), mayHaveMore: false });
    await late;
    assert.equal(store.get('player123', 'activity'), undefined, 'the late answer is dropped');
    assert.deepEqual(store.loaded('player123'), []);
    calls[2].answer(CHIPS);
    assert.equal((await other).value, CHIPS);
    assert.deepEqual(store.loaded('teammate1'), ['chips']);
    // Asked again, it is a new request, not the forgotten one.
    void store.load('player123', 'activity');
    assert.equal(calls.length, 4);
  });

  it('keeps servers apart: another scope shows nothing of the first, and asks for itself', async () => {
    const { store, calls, clock } = harness();
    const mainnet = store.load('player123', 'chips');
    calls[0].answer(CHIPS);
    await mainnet;
    clock.scope = 'http://127.0.0.1:4555/api/';
    assert.equal(store.get('player123', 'chips'), undefined);
    assert.deepEqual(store.loaded('player123'), []);
    const local = store.load('player123', 'chips');
    assert.equal(calls.length, 2, 'not joined with, nor answered from, the other server');
    calls[1].answer([]);
    assert.deepEqual((await local).value, []);
    clock.scope = 'https://api.plyr.network/api/';
    assert.equal(store.get('player123', 'chips')?.value, CHIPS);
  });

  it('after new credentials, a load does not join a request signed with the old ones', async () => {
    const { store, calls } = harness();
    const old = store.load('player123', 'wallets');
    store.newEpoch();
    const fresh = store.load('player123', 'wallets');
    assert.equal(calls.length, 2);
    calls[1].answer(WALLETS);
    await fresh;
    calls[0].answer({ info: { ...INFO, plyrId: 'stale' }, secondaries: [] });
    await old;
    assert.equal(store.get('player123', 'wallets')?.value, WALLETS, 'the older answer does not replace the newer one');
  });
});

describe("AccountStore: the activity log keeps the server's clock", () => {
  // An entry's age is on the server's clock, which timed it: the log keeps the latest answer's offset.
  const log = (from: number, count: number, clockOffsetMs?: number): ActivityLog => ({ entries: entries(from, count), mayHaveMore: true, readTo: from + count, ...(clockOffsetMs === undefined ? {} : { clockOffsetMs }) });

  it('a refresh joined with older pages shown takes its own offset', () => {
    assert.equal(withNewest(log(0, 25, -240_000), log(0, 50, 5_000)).clockOffsetMs, -240_000);
    assert.equal(withNewest(log(0, 25, -240_000), undefined).clockOffsetMs, -240_000);
  });

  it('how far the log was read: never less than what either side read, nor than the entries shown', () => {
    const depth = (from: number, count: number, readTo: number): ActivityLog => ({ ...log(from, count), readTo });
    assert.equal(withNewest(depth(0, 25, 25), depth(0, 50, 60)).readTo, 60, 'a refresh of the newest keeps the depth of the pages below');
    assert.equal(withNewest(depth(0, 25, 30), depth(0, 20, 20)).readTo, 30);
    assert.equal(withNewest(depth(0, 25, 25), depth(10, 30, 30)).readTo, 40, 'two logs joined: at least every entry shown');
    assert.equal(withPage({ ...depth(25, 25, 50), after: entries(24, 1)[0].id }, depth(0, 25, 25)).readTo, 50);
    assert.equal(withPage({ ...depth(25, 25, 50), after: entries(24, 1)[0].id }, depth(0, 60, 60)).readTo, 60, 'a refresh read deeper meanwhile');
    assert.equal(withPage({ ...depth(20, 25, 40), after: entries(24, 1)[0].id }, depth(0, 25, 20)).readTo, 45, 'at least the entries shown');
  });

  it('a page read by Load more takes its offset, or keeps the one shown when its answer had none', () => {
    assert.equal(withPage({ ...log(25, 25, 7_000), after: entries(24, 1)[0].id }, log(0, 25, 5_000)).clockOffsetMs, 7_000);
    assert.equal(withPage({ ...log(25, 25), after: entries(24, 1)[0].id }, log(0, 25, 5_000)).clockOffsetMs, 5_000);
    assert.equal(withPage(log(0, 25, 7_000), undefined).clockOffsetMs, 7_000, 'a first page');
  });
});

describe('accountFetchOf: the client routes as the store asks for them', () => {
  const answer = <T>(value: T): AccountAnswer<T> => ({ value, skipped: [], network: 'mainnet', fetchedAt: 1 });

  function fakeClient() {
    const asked: string[] = [];
    const info = deferred<AccountAnswer<AccountInfo>>();
    const secondaries = deferred<AccountAnswer<SecondaryWallet[]>>();
    const client = {
      getChips: async (plyrId: string, options: { gameId?: string }, signal?: AbortSignal) => (asked.push(`chips ${plyrId} ${JSON.stringify(options)} ${signal?.aborted}`), answer([...CHIPS])),
      getAllowances: async (plyrId: string, signal?: AbortSignal) => (asked.push(`allowances ${plyrId} ${signal?.aborted}`), answer([...ALLOWANCES])),
      getActivity: async (plyrId: string, paging: { offset?: number; limit?: number }, signal?: AbortSignal): Promise<ActivityPage> => {
        asked.push(`activity ${plyrId} ${paging.offset} ${paging.limit} ${signal?.aborted}`);
        return { ...answer(plyrId === 'twice' ? [...entries(0, 2), ...entries(1, 1)] : entries(0, 2)), offset: paging.offset ?? 0, limit: paging.limit ?? 25, mayHaveMore: true, received: plyrId === 'twice' ? 3 : 2 };
      },
      getUserInfo: (identifier: Identifier) => (asked.push(`info ${identifier.kind} ${identifier.value}`), info.promise),
      getSecondaryWallets: (plyrId: string) => (asked.push(`secondary ${plyrId}`), secondaries.promise),
    };
    return { fetch: accountFetchOf(client as unknown as AccountClient), asked, info, secondaries };
  }

  it('hands on the chips, allowances and activity page as answered, with the signal', async () => {
    const { fetch, asked } = fakeClient();
    const signal = new AbortController().signal;
    assert.deepEqual(await fetch.chips('player123', signal), CHIPS);
    assert.deepEqual(await fetch.allowances('player123', signal), ALLOWANCES);
    assert.deepEqual(await fetch.activity('player123', { offset: 25, limit: 50 }, signal), { entries: entries(0, 2), mayHaveMore: true, readTo: 27 });
    assert.deepEqual(asked, ['chips player123 {} false', 'allowances player123 false', 'activity player123 25 50 false']);
  });

  it("hands on the server's clock offset the activity page measured", async () => {
    const client = { getActivity: async (): Promise<ActivityPage> => ({ ...answer(entries(0, 2)), clockOffsetMs: -240_000, offset: 0, limit: 25, mayHaveMore: false, received: 2 }) };
    const fetch = accountFetchOf(client as unknown as AccountClient);
    assert.deepEqual(await fetch.activity('player123', { offset: 0, limit: 25 }, new AbortController().signal), { entries: entries(0, 2), mayHaveMore: false, readTo: 2, clockOffsetMs: -240_000 });
  });

  it('shows an entry a server sends twice in one answer once (a tree\'s row ids must be unique)', async () => {
    const { fetch } = fakeClient();
    assert.deepEqual(await fetch.activity('twice', { offset: 0, limit: 25 }, new AbortController().signal), { entries: entries(0, 2), mayHaveMore: true, readTo: 3 }, 'the entry sent twice counts twice in how far the log was read');
  });

  it('reads the wallets as the account info and its secondary wallets, asked together', async () => {
    const { fetch, asked, info, secondaries } = fakeClient();
    const wallets = fetch.wallets('player123', new AbortController().signal);
    assert.deepEqual(asked, ['info plyrId player123', 'secondary player123'], 'both asked before either answered');
    secondaries.resolve(answer([...SECONDARIES]));
    info.resolve(answer(INFO));
    assert.deepEqual(await wallets, { info: INFO, secondaries: SECONDARIES });
  });

  it('fails the wallets when either request fails', async () => {
    const { fetch, info, secondaries } = fakeClient();
    const wallets = fetch.wallets('player123', new AbortController().signal);
    info.resolve(answer(INFO));
    secondaries.reject(new PlyrError('serverError', 'The PLYR API answered 500.'));
    await assert.rejects(wallets, { code: 'serverError', message: 'The PLYR API answered 500.' });
    const other = fakeClient();
    const infoFailing = other.fetch.wallets('player123', new AbortController().signal);
    other.info.reject(new PlyrError('userNotFound', 'No PLYR account was found.'));
    other.secondaries.resolve(answer([...SECONDARIES]));
    await assert.rejects(infoFailing, { code: 'userNotFound' });
  });
});
