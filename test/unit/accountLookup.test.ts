import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { AccountLookup } from '../../src/core/store/accountLookup';
import { Deferred, deferred } from '../support/deferred';


/** What {@link settled} fails with: never the failure a test expects of the promise itself. */
class NotSettled extends Error {}

/** The promise, or a failure if it has not settled within a second (a test must fail, not hang). */
async function settled<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NotSettled('still pending after 1 s: nothing settled it')), 1000);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface FetchCall {
  readonly address: string;
  readonly signal: AbortSignal;
  readonly result: Deferred<string | undefined>;
}

const ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
const OTHER = '0x0000000000000000000000000000000000000001';
const MAX_AGE = 60_000;

/** Asks again, asserting that the answer comes from the cache: no new fetch. */
function fromCache(accounts: AccountLookup, calls: readonly FetchCall[], address = ADDRESS): Promise<string | undefined> {
  const before = calls.length;
  const answer = accounts.plyrIdOf(address, MAX_AGE);
  assert.equal(calls.length, before, 'fetched again instead of answering from the cache');
  return settled(answer);
}

/** An AccountLookup over a fake fetch that records each call and leaves it to the test to settle. */
function lookup(options: { scope?: () => string; ownerMemoryMs?: number } = {}): { accounts: AccountLookup; calls: FetchCall[]; clock: { now: number } } {
  const calls: FetchCall[] = [];
  const clock = { now: 1_000_000 };
  const accounts = new AccountLookup({
    fetch: (address, signal) => {
      const result = deferred<string | undefined>();
      calls.push({ address, signal, result });
      return result.promise;
    },
    scope: options.scope ?? (() => 'mainnet'),
    ownerMemoryMs: options.ownerMemoryMs,
    now: () => clock.now,
  });
  return { accounts, calls, clock };
}

describe('AccountLookup', () => {
  it('fetches the PLYR ID of an address', async () => {
    const { accounts, calls } = lookup();
    const pending = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    assert.equal(calls.length, 1);
    assert.equal(calls[0].address, ADDRESS);
    calls[0].result.resolve('player123');
    assert.equal(await settled(pending), 'player123');
  });

  it('answers from its cache within maxAgeMs', async () => {
    const { accounts, calls, clock } = lookup();
    const first = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    calls[0].result.resolve('player123');
    assert.equal(await settled(first), 'player123');
    clock.now += MAX_AGE - 1;
    assert.equal(await fromCache(accounts, calls), 'player123');
    assert.equal(calls.length, 1);
  });

  it('fetches again once the answer is maxAgeMs old', async () => {
    const { accounts, calls, clock } = lookup();
    const first = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    calls[0].result.resolve('player123');
    assert.equal(await settled(first), 'player123');
    clock.now += MAX_AGE;
    const second = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    assert.equal(calls.length, 2);
    calls[1].result.resolve('renamed-player');
    assert.equal(await settled(second), 'renamed-player');
    // The new answer is cached from the time it arrived.
    clock.now += MAX_AGE - 1;
    assert.equal(await fromCache(accounts, calls), 'renamed-player');
    assert.equal(calls.length, 2);
  });

  it('takes the age limit of each call', async () => {
    const { accounts, calls, clock } = lookup();
    const first = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    calls[0].result.resolve('player123');
    await settled(first);
    clock.now += 10;
    const strict = accounts.plyrIdOf(ADDRESS, 10);
    assert.equal(calls.length, 2);
    calls[1].result.resolve('player123');
    await settled(strict);
    const never = accounts.plyrIdOf(ADDRESS, 0);
    assert.equal(calls.length, 3, 'maxAgeMs 0 answered from the cache');
    calls[2].result.resolve('player123');
    await settled(never);
  });

  it('remembers an owner found for ownerMemoryMs, past the caller’s age limit', async () => {
    const HOUR = 3_600_000;
    const { accounts, calls, clock } = lookup({ ownerMemoryMs: HOUR });
    const first = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    calls[0].result.resolve('player123');
    await settled(first);
    clock.now += HOUR - 1;
    assert.equal(await fromCache(accounts, calls), 'player123');
    clock.now += 1;
    const again = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    assert.equal(calls.length, 2, 'an owner older than ownerMemoryMs was not asked again');
    calls[1].result.resolve('player123');
    await settled(again);
  });

  it('asks the server again after forget', async () => {
    const { accounts, calls } = lookup({ ownerMemoryMs: 3_600_000 });
    const first = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    calls[0].result.resolve('player123');
    await settled(first);
    accounts.forget(ADDRESS);
    const again = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    assert.equal(calls.length, 2);
    calls[1].result.resolve('renamed-player');
    assert.equal(await settled(again), 'renamed-player');
  });

  it('keeps "no account" only for the caller’s age limit, whatever ownerMemoryMs says', async () => {
    const { accounts, calls, clock } = lookup({ ownerMemoryMs: 3_600_000 });
    const first = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    calls[0].result.resolve(undefined);
    await settled(first);
    clock.now += MAX_AGE;
    const again = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    assert.equal(calls.length, 2, 'a missing account was remembered as long as a found owner');
    calls[1].result.resolve('new-player');
    assert.equal(await settled(again), 'new-player');
  });

  it('shares one fetch between concurrent callers', async () => {
    const { accounts, calls } = lookup();
    const first = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    const second = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    const third = accounts.plyrIdOf(ADDRESS, MAX_AGE, new AbortController().signal);
    assert.equal(calls.length, 1);
    calls[0].result.resolve('player123');
    assert.deepEqual(await settled(Promise.all([first, second, third])), ['player123', 'player123', 'player123']);
    assert.equal(calls.length, 1);
  });

  it('caches "no account" too', async () => {
    const { accounts, calls } = lookup();
    const first = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    calls[0].result.resolve(undefined);
    assert.equal(await settled(first), undefined);
    assert.equal(await fromCache(accounts, calls), undefined);
    assert.equal(calls.length, 1, 'an address without an account was fetched again');
  });

  it('keys by address', async () => {
    const { accounts, calls } = lookup();
    const first = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    const other = accounts.plyrIdOf(OTHER, MAX_AGE);
    assert.equal(calls.length, 2);
    assert.deepEqual(calls.map((c) => c.address), [ADDRESS, OTHER]);
    calls[1].result.resolve(undefined);
    calls[0].result.resolve('player123');
    assert.equal(await settled(first), 'player123');
    assert.equal(await settled(other), undefined);
  });

  it('keeps each scope apart', async () => {
    let scope = 'mainnet';
    const { accounts, calls } = lookup({ scope: () => scope });
    const onMainnet = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    calls[0].result.resolve('player123');
    assert.equal(await settled(onMainnet), 'player123');

    scope = 'testnet';
    const onTestnet = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    assert.equal(calls.length, 2, 'another scope was answered from the first scope’s cache');
    calls[1].result.resolve(undefined);
    assert.equal(await settled(onTestnet), undefined);

    scope = 'mainnet';
    assert.equal(await fromCache(accounts, calls), 'player123');
    scope = 'testnet';
    assert.equal(await fromCache(accounts, calls), undefined);
    assert.equal(calls.length, 2);
  });

  it('does not share an in-flight fetch across scopes', async () => {
    let scope = 'mainnet';
    const { accounts, calls } = lookup({ scope: () => scope });
    const onMainnet = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    scope = 'testnet';
    const onTestnet = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    assert.equal(calls.length, 2);
    calls[0].result.resolve('player123');
    calls[1].result.resolve('someone-else');
    assert.equal(await settled(onMainnet), 'player123');
    assert.equal(await settled(onTestnet), 'someone-else');
  });

  it("rejects only the caller whose signal aborts; the fetch goes on for the others and is cached", async () => {
    const { accounts, calls } = lookup();
    const controller = new AbortController();
    const reason = new Error('hover dismissed');
    const leaving = accounts.plyrIdOf(ADDRESS, MAX_AGE, controller.signal);
    const staying = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    assert.equal(calls.length, 1);

    controller.abort(reason);
    await assert.rejects(settled(leaving), (thrown) => thrown === reason);
    assert.equal(calls[0].signal.aborted, false, 'the shared fetch was aborted while another caller waits');

    calls[0].result.resolve('player123');
    assert.equal(await settled(staying), 'player123');
    assert.equal(await fromCache(accounts, calls), 'player123');
    assert.equal(calls.length, 1);
  });

  it('aborts the fetch when its only caller leaves, and fetches afresh next time', async () => {
    const { accounts, calls } = lookup();
    const controller = new AbortController();
    const reason = new Error('hover dismissed');
    const leaving = accounts.plyrIdOf(ADDRESS, MAX_AGE, controller.signal);
    controller.abort(reason);
    await assert.rejects(settled(leaving), (thrown) => thrown === reason);
    assert.equal(calls[0].signal.aborted, true);
    calls[0].result.reject(new Error('aborted'));

    const next = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    assert.equal(calls.length, 2);
    calls[1].result.resolve('player123');
    assert.equal(await settled(next), 'player123');
  });

  it('passes a failure to every caller, remembers it as long as "no account", then asks again', async () => {
    const { accounts, calls, clock } = lookup({ ownerMemoryMs: 60 * MAX_AGE });
    const error = new Error('server down');
    const first = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    const second = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    calls[0].result.reject(error);
    await assert.rejects(settled(first), (thrown) => thrown === error);
    await assert.rejects(settled(second), (thrown) => thrown === error);

    // Hovering the same address again a moment later asks no failing server.
    clock.now += MAX_AGE - 1;
    await assert.rejects(settled(accounts.plyrIdOf(ADDRESS, MAX_AGE)), (thrown) => thrown === error);
    assert.equal(calls.length, 1);

    clock.now += 1;
    const retry = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    assert.equal(calls.length, 2);
    calls[1].result.resolve('player123');
    assert.equal(await settled(retry), 'player123');
  });

  it('keeps the owner it found when a later lookup fails, and after it until one answers', async () => {
    const HOUR = 3_600_000;
    const { accounts, calls, clock } = lookup({ ownerMemoryMs: HOUR });
    const first = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    calls[0].result.resolve('player123');
    await settled(first);
    clock.now += HOUR;
    const failing = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    calls[1].result.reject(new Error('server down'));
    await assert.rejects(settled(failing));
    assert.equal(accounts.knownOwner(ADDRESS), 'player123', 'a failing server does not unmake an owner');
    clock.now += MAX_AGE;
    const failingAgain = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    calls[2].result.reject(new Error('server still down'));
    await assert.rejects(settled(failingAgain));
    assert.equal(accounts.knownOwner(ADDRESS), 'player123');
    clock.now += MAX_AGE;
    const answered = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    calls[3].result.resolve(undefined);
    await settled(answered);
    assert.equal(accounts.knownOwner(ADDRESS), undefined, 'an answer of no account replaces it');
  });

  it('does not remember a cancelled lookup as a failure', async () => {
    const { accounts, calls } = lookup();
    const abort = new AbortController();
    const pending = accounts.plyrIdOf(ADDRESS, MAX_AGE, abort.signal);
    abort.abort();
    calls[0].result.reject(new Error('aborted'));
    // Rejected by the caller's own abort, at once: not left pending.
    await assert.rejects(settled(pending), (error) => error === abort.signal.reason);
    const again = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    assert.equal(calls.length, 2);
    calls[1].result.resolve(undefined);
    assert.equal(await settled(again), undefined);
  });

  it('forgets a remembered failure on Refresh', async () => {
    const { accounts, calls } = lookup();
    const first = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    calls[0].result.reject(new Error('server down'));
    await assert.rejects(settled(first), /server down/);
    accounts.forget(ADDRESS);
    const again = accounts.plyrIdOf(ADDRESS, MAX_AGE);
    assert.equal(calls.length, 2);
    calls[1].result.resolve('0xgamer');
    assert.equal(await settled(again), '0xgamer');
  });
});
