import { after, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { signedHeaders } from '../../src/core/api/signer';
import { DEMO_CREDENTIALS, LIMITED_CREDENTIALS } from '../../simulator/demoData';
import { Simulator, startSimulator } from '../../simulator/server';
import { signedGet } from '../support/signedGet';

/**
 * The account routes sit behind the same signature check and fault switches as the balance route:
 * each bad request is refused exactly as the balance route refuses it.
 */
describe('the simulator guards the account routes as it guards balances', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator();
  });
  beforeEach(() => sim.reset());
  after(() => sim.close());

  const ROUTES = ['game/chip/balance?plyrId=player123', 'game/allowances/player123', 'game/allowanceByGameId/player123/tavern', 'actionLog/player123', 'user/info/player123', 'user/secondary/player123'];
  const BALANCE = 'user/balance/player123';
  const ask = async (path: string, headers: Record<string, string>) => {
    const response = await fetch(`${sim.url}/api/${path}`, { headers });
    return { status: response.status, body: await response.json() };
  };
  const badRequests: Record<string, () => Record<string, string>> = {
    unsigned: () => ({}),
    'no timestamp': () => ({ apikey: DEMO_CREDENTIALS.apiKey, signature: 'ab' }),
    'unknown key': () => signedHeaders({ apiKey: 'nope', secretKey: 'x' }, Date.now(), {}),
    'wrong secret': () => signedHeaders({ apiKey: DEMO_CREDENTIALS.apiKey, secretKey: 'wrong' }, Date.now(), {}),
    'signed null': () => signedHeaders(DEMO_CREDENTIALS, Date.now(), null),
    expired: () => signedHeaders(DEMO_CREDENTIALS, Date.now() - 6 * 60 * 1000, {}),
    'limited key': () => signedHeaders(LIMITED_CREDENTIALS, Date.now(), {}),
  };

  it('answers every route when signed', async () => {
    for (const route of ROUTES) {
      assert.equal((await signedGet(sim.url, route)).status, 200, route);
    }
  });

  it('refuses unsigned and badly signed requests with the balance route status and message', async () => {
    for (const [name, headers] of Object.entries(badRequests)) {
      const expected = await ask(BALANCE, headers());
      assert.ok(expected.status === 401 || expected.status === 403, name);
      for (const route of ROUTES) {
        assert.deepEqual(await ask(route, headers()), expected, `${name}: ${route}`);
      }
    }
  });

  it('verifies the convention it is set to, as for balances', async () => {
    sim.configure({ signing: 'null' });
    for (const route of ROUTES) {
      assert.deepEqual(await ask(route, signedHeaders(DEMO_CREDENTIALS, Date.now(), {})), { status: 401, body: { error: 'Invalid signature' } }, route);
      assert.equal((await ask(route, signedHeaders(DEMO_CREDENTIALS, Date.now(), null))).status, 200, route);
    }
  });

  it('lets a fault target one route by its path prefix, and logs each request', async () => {
    sim.fault({ kind: 'status', status: 503, error: 'Service unavailable', path: '/api/actionLog' });
    for (const route of ROUTES) {
      const expected = route.startsWith('actionLog') ? { status: 503, body: { error: 'Service unavailable' } } : undefined;
      const answer = await signedGet(sim.url, route);
      if (expected) {
        assert.deepEqual(answer, expected);
      } else {
        assert.equal(answer.status, 200, route);
      }
    }
    assert.deepEqual(
      sim.requests.map((r) => [r.path, r.status]),
      ROUTES.map((route) => [`/api/${route.split('?')[0]}`, route.startsWith('actionLog') ? 503 : 200]),
    );
  });

  it('applies every-request faults to each route, and counts them down', async () => {
    for (const route of ROUTES) {
      sim.fault({ kind: 'html', times: 1 });
      const response = await fetch(`${sim.url}/api/${route}`, { headers: signedHeaders(DEMO_CREDENTIALS, Date.now(), {}) });
      assert.equal(response.status, 502, route);
      assert.match(await response.text(), /Bad Gateway/);
      assert.equal((await signedGet(sim.url, route)).status, 200, `${route} after the fault`);
    }
    sim.fault({ kind: 'malformedJson', path: '/api/game/chip/balance' });
    const malformed = await fetch(`${sim.url}/api/${ROUTES[0]}`, { headers: signedHeaders(DEMO_CREDENTIALS, Date.now(), {}) });
    await assert.rejects(malformed.json(), SyntaxError);
    assert.equal((await signedGet(sim.url, 'game/allowances/player123')).status, 200);
  });
});
