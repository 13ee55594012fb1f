import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { TokenInfo } from '../../src/core/api/tokenList';
import { PlyrError } from '../../src/core/model/errors';
import { balanceKeyOf, priceBookOf, reuseUntil, TOKEN_LIST_DEFAULT_MS, TOKEN_LIST_MAX_MS, TOKEN_LIST_RETRY_MS, TokenListStore } from '../../src/core/store/tokenListStore';
import { deferred, Deferred } from '../support/deferred';

const T0 = Date.UTC(2025, 5, 1, 12, 0);
const MINUTE = 60_000;

/** A token list whose prices the server refreshes next at `next`. */
function list(next: number | undefined, usd = '0.5'): TokenInfo[] {
  const nextUpdatedAt = next === undefined ? {} : { nextUpdatedAt: next };
  return [
    { apiId: 'gamr', symbol: 'GAMR', name: 'GAMR', decimals: 18, address: '0xa875625fe8A955406523E52E485f351b92908ce1', price: { usd, source: 'cmc_dex_api', updatedAt: T0 }, ...nextUpdatedAt },
    { apiId: 'floki', symbol: 'FLOKI', name: 'FLOKI', decimals: 9, address: '', ...nextUpdatedAt },
  ];
}

/** A store over a fetch the test answers by hand, with a clock and a scope the test sets. */
function harness() {
  const calls: Deferred<readonly TokenInfo[]>[] = [];
  const signals: AbortSignal[] = [];
  const clock = { now: T0, scope: 'https://api.plyr.network/api/' };
  const store = new TokenListStore({
    fetch: (signal) => {
      const call = deferred<readonly TokenInfo[]>();
      calls.push(call);
      signals.push(signal);
      return call.promise;
    },
    scope: () => clock.scope,
    now: () => clock.now,
  });
  let changes = 0;
  store.onDidChange(() => void changes++);
  return { store, calls, signals, clock, changes: () => changes, last: () => calls[calls.length - 1] };
}

const serverDown = () => new PlyrError('serverError', 'The PLYR API had a server error: 500. Try again later.', { status: 500 });

describe('TokenListStore: one token list, shared, reused until nextUpdatedAt', () => {
  it('asks once for callers at the same time, and not again until the server refreshes its prices', async () => {
    const { store, calls, clock, last } = harness();
    const a = store.load();
    const b = store.load();
    assert.equal(calls.length, 1, 'one request for both');
    last().resolve(list(T0 + 10 * MINUTE));
    const [first, second] = await Promise.all([a, b]);
    assert.equal(first, second);
    assert.equal(store.prices()?.priceOf('gamr')?.usd, '0.5');
    clock.now = T0 + 10 * MINUTE - 1;
    await store.load();
    assert.equal(calls.length, 1, 'reused until nextUpdatedAt');
    assert.equal(store.isDue(), false);
    clock.now = T0 + 10 * MINUTE;
    assert.equal(store.isDue(), true);
    const again = store.load();
    assert.equal(calls.length, 2, 'asked again once nextUpdatedAt is reached');
    assert.equal(store.prices()?.priceOf('gamr')?.usd, '0.5', 'the prices stay shown while the next answer comes');
    last().resolve(list(T0 + 20 * MINUTE, '0.75'));
    await again;
    assert.equal(store.prices()?.priceOf('gamr')?.usd, '0.75');
  });

  it('takes the earliest nextUpdatedAt of the tokens', () => {
    const tokens = [...list(T0 + 10 * MINUTE), { ...list(T0 + 3 * MINUTE)[1], apiId: 'avax' }];
    assert.equal(reuseUntil(tokens, T0), T0 + 3 * MINUTE);
  });

  it('reuses an answer whose nextUpdatedAt has passed (a late or stopped server timer) for a minute, not a request per call', async () => {
    const { store, calls, clock, last } = harness();
    const loading = store.load();
    last().resolve(list(T0 - 5 * MINUTE));
    await loading;
    clock.now = T0 + TOKEN_LIST_RETRY_MS - 1;
    for (let i = 0; i < 50; i++) {
      await store.load();
    }
    assert.equal(calls.length, 1);
    clock.now = T0 + TOKEN_LIST_RETRY_MS;
    void store.load();
    assert.equal(calls.length, 2);
  });

  it('reuses an answer without any nextUpdatedAt (no prices on that server) for 10 minutes, and a far one for at most an hour', () => {
    assert.equal(reuseUntil(list(undefined), T0), T0 + TOKEN_LIST_DEFAULT_MS);
    assert.equal(reuseUntil(list(Date.UTC(9999, 0, 1)), T0), T0 + TOKEN_LIST_MAX_MS);
    assert.equal(reuseUntil([], T0), T0 + TOKEN_LIST_DEFAULT_MS);
  });

  it('takes the prices away on a failure, keeps the tokens, and asks again only after the retry floor', async () => {
    const { store, calls, clock, last } = harness();
    const first = store.load();
    last().resolve(list(T0 + 10 * MINUTE));
    await first;
    clock.now = T0 + 10 * MINUTE;
    const failing = store.load();
    last().reject(serverDown());
    const entry = await failing;
    assert.equal(entry.error?.code, 'serverError');
    assert.equal(store.prices(), undefined, 'no value rather than one from old prices');
    assert.deepEqual((await store.tokens()).map((t) => t.apiId), ['gamr', 'floki'], 'the token step still has the last good list');
    assert.equal(calls.length, 2, 'tokens() asked nothing more');
    clock.now += TOKEN_LIST_RETRY_MS - 1;
    await store.load();
    assert.equal(calls.length, 2, 'no request before the retry floor');
    clock.now += 1;
    const retry = store.load();
    assert.equal(calls.length, 3);
    last().resolve(list(clock.now + 10 * MINUTE, '0.6'));
    await retry;
    assert.equal(store.prices()?.priceOf('gamr')?.usd, '0.6', 'values back with the next good answer');
  });

  it('says why there are no prices, and asks again at once when told to (a refresh), not before; a good list is reused as it was', async () => {
    const { store, calls, last } = harness();
    const first = store.load();
    last().resolve(list(T0 + 10 * MINUTE));
    await first;
    assert.equal(store.failure(), undefined);
    store.askAgain();
    assert.equal(store.isDue(), false, 'a refresh does not ask for prices the server has not refreshed');
    await store.load();
    assert.equal(calls.length, 1);
    // A list asked when due, and failing.
    const due = harness();
    const loading = due.store.load();
    due.last().reject(serverDown());
    await loading;
    assert.equal(due.store.failure(), 'The PLYR API had a server error: 500. Try again later.');
    assert.equal(due.store.isDue(), false, 'a render does not ask again for a minute');
    due.store.askAgain(); // Refresh: the server may answer again
    assert.equal(due.store.isDue(), true);
    const retry = due.store.load();
    assert.equal(due.calls.length, 2);
    due.last().resolve(list(T0 + 10 * MINUTE));
    await retry;
    assert.equal(due.store.failure(), undefined);
    assert.equal(due.store.prices()?.priceOf('gamr')?.usd, '0.5', 'the values back at once');
  });

  it('throws the failure from tokens() when no list was ever had, without asking again', async () => {
    const { store, calls, last } = harness();
    const loading = store.tokens();
    last().reject(serverDown());
    await assert.rejects(loading, (error: unknown) => error instanceof PlyrError && error.code === 'serverError');
    await assert.rejects(store.tokens(), (error: unknown) => error instanceof PlyrError && error.code === 'serverError');
    assert.equal(calls.length, 1);
  });

  it('asks again after a failure that never reached the server once told that what held it back is gone, and not before', async () => {
    const { store, calls, last } = harness();
    for (const code of ['serverNotConfirmed', 'noCredentials'] as const) {
      const loading = store.load();
      last().reject(new PlyrError(code, 'Not asked.'));
      assert.equal((await loading).error?.code, code);
      // Every surface renders on the failure and asks for prices: asked again at once, that is a loop.
      assert.equal(store.isDue(), false);
      assert.equal((await store.load()).error?.code, code, 'the failure, without asking');
      store.askAgain(); // the server allowed, credentials set
      assert.equal(store.isDue(), true);
    }
    // The server is allowed now: values come at once, not a minute later.
    const loading = store.load();
    assert.equal(calls.length, 3);
    last().resolve(list(T0 + 5 * MINUTE));
    assert.ok((await loading).value);
  });

  it('waits the retry floor after a bad server setting, which every surface rendering on a change would ask again in a loop', async () => {
    const { store, clock, last } = harness();
    const loading = store.load();
    last().reject(new PlyrError('badConfiguration', 'plyr.customBaseUrl is empty.'));
    await loading;
    assert.equal(store.isDue(), false);
    clock.now += TOKEN_LIST_RETRY_MS;
    assert.equal(store.isDue(), true);
  });

  it('never cancels the request for a caller that stops waiting: its answer serves the next caller', async () => {
    const { store, calls, signals, last } = harness();
    const abort = new AbortController();
    const waiting = store.load(abort.signal);
    abort.abort();
    await assert.rejects(waiting, (error: unknown) => error instanceof PlyrError && error.code === 'cancelled');
    assert.equal(signals[0].aborted, false, 'the shared request goes on');
    last().resolve(list(T0 + 10 * MINUTE));
    await store.load();
    assert.equal(calls.length, 1);
    assert.ok(store.prices());
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(store.load(aborted.signal), (error: unknown) => error instanceof PlyrError && error.code === 'cancelled');
  });

  it('keeps one list per server', async () => {
    const { store, calls, clock, last } = harness();
    const mainnet = store.load();
    last().resolve(list(T0 + 10 * MINUTE));
    await mainnet;
    clock.scope = 'https://api-testnet.plyr.network/api/';
    assert.equal(store.prices(), undefined, 'the other server has no list yet');
    assert.equal(store.isDue(), true);
    const testnet = store.load();
    assert.equal(calls.length, 2);
    last().resolve(list(T0 + 10 * MINUTE, '0.1'));
    await testnet;
    assert.equal(store.prices()?.priceOf('gamr')?.usd, '0.1');
    clock.scope = 'https://api.plyr.network/api/';
    assert.equal(store.prices()?.priceOf('gamr')?.usd, '0.5');
  });

  it('tells listeners when the list was asked for and when it answered', async () => {
    const { store, changes, last } = harness();
    const loading = store.load();
    assert.equal(store.get()?.loading, true);
    last().resolve(list(T0 + 10 * MINUTE));
    await loading;
    assert.equal(store.get()?.loading, false);
    assert.equal(changes(), 2);
  });
});

describe('priceBookOf', () => {
  it('finds a price by API name or contract address, in any case; a token without a price has none', () => {
    const prices = priceBookOf(list(T0));
    assert.equal(prices.priceOf('gamr')?.usd, '0.5');
    assert.equal(prices.priceOf('0xA875625FE8A955406523E52E485F351B92908CE1')?.usd, '0.5');
    assert.equal(prices.priceOf('floki'), undefined);
    assert.equal(prices.priceOf(''), undefined, 'an empty address names nothing');
  });

  it('lets no token price another through an address field that is a name', () => {
    const [gamr] = list(T0);
    const evil: TokenInfo = { apiId: 'evil', symbol: 'EVIL', name: 'EVIL', decimals: 18, address: 'gamr', price: { usd: '1000' } };
    const prices = priceBookOf([evil, gamr]);
    assert.equal(prices.priceOf('gamr')?.usd, '0.5');
    assert.equal(prices.priceOf('evil')?.usd, '1000');
  });
});

describe('balanceKeyOf', () => {
  it("maps a listed token's contract address, in any case, to its API name: the key of a full balance map", () => {
    assert.equal(balanceKeyOf('0xa875625fe8a955406523e52e485f351b92908ce1', list(T0)), 'gamr');
    assert.equal(balanceKeyOf('0xA875625fe8A955406523E52E485f351b92908ce1', list(T0)), 'gamr');
  });

  it('leaves a name, an unlisted address, and any address while no list is known as they are', () => {
    const unlisted = '0x742d35cc6634c0532925a3b844bc454e4438f44e';
    assert.equal(balanceKeyOf('gamr', list(T0)), 'gamr');
    assert.equal(balanceKeyOf(unlisted, list(T0)), unlisted);
    assert.equal(balanceKeyOf('0xa875625fe8a955406523e52e485f351b92908ce1', undefined), '0xa875625fe8a955406523e52e485f351b92908ce1');
    assert.equal(balanceKeyOf('', list(T0)), '', 'the empty address of a token without one matches nothing');
  });

  it('reads the last good list of the store, asking nothing', async () => {
    const { store, calls } = harness();
    assert.equal(store.balanceKeyOf('0xa875625fe8a955406523e52e485f351b92908ce1'), '0xa875625fe8a955406523e52e485f351b92908ce1');
    assert.equal(calls.length, 0);
    const loaded = store.load();
    calls[0].resolve(list(T0 + MINUTE));
    await loaded;
    assert.equal(store.balanceKeyOf('0xa875625fe8a955406523e52e485f351b92908ce1'), 'gamr');
  });
});
