import { after, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import nodeFetch from 'node-fetch';
import { silentLogger } from '../../src/core/api/logger';
import { PlyrClient } from '../../src/core/api/plyrClient';
import { TokenListStore } from '../../src/core/store/tokenListStore';
import { DEMO_CREDENTIALS, PRICE_REFRESH_MS } from '../../simulator/demoData';
import { Simulator, startSimulator } from '../../simulator/server';

/** The token list's prices as tokenListService adds them to every token (plyr-api.md; the server's source). */
describe('the simulator token list carries prices in the real shape', () => {
  let sim: Simulator;
  let client: PlyrClient;
  before(async () => {
    sim = await startSimulator();
    client = new PlyrClient({
      fetch: nodeFetch,
      config: () => ({ network: 'custom', customBaseUrl: sim.url, timeoutMs: 5000, signing: 'emptyObject', retryOtherConvention: true }),
      credentials: async () => DEMO_CREDENTIALS,
      logger: silentLogger,
    });
  });
  beforeEach(() => sim.reset());
  after(() => sim.close());

  const raw = async () => ((await (await fetch(`${sim.url}/api/tokenlist`)).json()) as { tokens: Record<string, unknown>[] }).tokens;

  it('sends each price as the server writes it (a string), null where no source had one, with its source and times 10 minutes apart', async () => {
    const tokens = await raw();
    const byId = Object.fromEntries(tokens.map((t) => [t.apiId, t]));
    assert.deepEqual([byId.plyr.price, byId.gamr.price, byId.usdc.price, byId.avax.price, byId.floki.price], ['0.0123', '0.5', '1', '35.2', null]);
    assert.deepEqual([byId.plyr.priceSource, byId.gamr.priceSource, byId.usdc.priceSource, byId.floki.priceSource], ['cmc_api', 'cmc_dex_api', 'cg_api', null]);
    for (const token of tokens) {
      const updatedAt = Date.parse(token.updatedAt as string);
      assert.equal(Date.parse(token.nextUpdatedAt as string) - updatedAt, PRICE_REFRESH_MS);
      assert.ok(updatedAt <= Date.now() && Date.now() - updatedAt < PRICE_REFRESH_MS);
    }
  });

  it('is read by the client exactly, the null price left out', async () => {
    const tokens = await client.getTokenList();
    assert.deepEqual(Object.fromEntries(tokens.map((t) => [t.apiId, t.price?.usd])), { plyr: '0.0123', gamr: '0.5', avax: '35.2', usdc: '1', floki: undefined });
    assert.equal(tokens.find((t) => t.apiId === 'usdc')?.price?.source, 'cg_api');
  });

  it('changes the prices on the switch (configure, or POST /__sim/config), as a price refresh', async () => {
    const before = Date.parse((await raw())[0].updatedAt as string);
    sim.configure({ prices: { plyr: 0.02, gamr: '1.5e-7', floki: '3' }, priceRefreshMs: 2000 });
    const tokens = await client.getTokenList();
    assert.deepEqual(Object.fromEntries(tokens.map((t) => [t.apiId, t.price?.usd])), { plyr: '0.02', gamr: '0.00000015', avax: undefined, usdc: undefined, floki: '3' });
    const [plyr] = tokens;
    assert.ok((plyr.price?.updatedAt ?? 0) >= before);
    assert.equal((plyr.nextUpdatedAt ?? 0) - (plyr.price?.updatedAt ?? 0), 2000);
    const answer = await fetch(`${sim.url}/__sim/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prices: { usdc: '0.99' } }) });
    assert.equal(answer.status, 200);
    assert.equal((await client.getTokenList()).find((t) => t.apiId === 'usdc')?.price?.usd, '0.99');
  });

  it('lets a shared store ask once within the list validity', async () => {
    const store = new TokenListStore({ fetch: (signal) => client.getTokenList(signal), scope: () => sim.url });
    await Promise.all([store.load(), store.load(), store.tokens()]);
    await store.load();
    assert.equal(sim.requests.filter((r) => r.path === '/api/tokenlist').length, 1);
    assert.equal(store.prices()?.priceOf('gamr')?.usd, '0.5');
  });
});
