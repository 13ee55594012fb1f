import { after, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ActivityJson } from '../../simulator/accountState';
import { MINUTE } from '../../simulator/demoData';
import { Simulator, startSimulator } from '../../simulator/server';
import { signedGet } from '../support/signedGet';

/**
 * The activity log as activityLogsController.getLogs answers it: newest first, paged by offset and
 * limit (25 by default), the PLYR ID matched exactly as sent.
 */
describe('the simulator answers the activity log as the real server does', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator();
  });
  beforeEach(() => sim.reset());
  after(() => sim.close());

  const log = async (path: string): Promise<ActivityJson[]> => {
    const { status, body } = await signedGet(sim.url, `actionLog/${path}`);
    assert.equal(status, 200, path);
    return body as ActivityJson[];
  };
  const whole = () => log('player123?limit=1000');

  it('answers 25 entries by default, newest first, the newest an earn 3 minutes before the start', async () => {
    const page = await log('player123');
    assert.equal(page.length, 25);
    const times = page.map((e) => Date.parse(e.timestamp));
    assert.ok(times.every((t, i) => i === 0 || t < times[i - 1]), 'strictly newest first');
    assert.equal(page[0].action, 'earn');
    assert.equal(times[0], sim.anchorMs - 3 * MINUTE);
    assert.deepEqual(Object.keys(page[0]), ['_id', 'plyrId', 'gameId', 'type', 'action', 'data', 'timestamp', '__v']);
    assert.match(page[0]._id, /^[0-9a-f]{24}$/);
  });

  it('pages with offset and limit through the same list', async () => {
    const all = await whole();
    assert.ok(all.length >= 60, `${all.length} entries`);
    const pages: ActivityJson[] = [];
    for (let offset = 0; offset < all.length; offset += 20) {
      pages.push(...(await log(`player123?offset=${offset}&limit=20`)));
    }
    assert.deepEqual(pages, all);
    assert.deepEqual(await log(`player123?offset=${all.length}`), []);
  });

  it('reads offset and limit as parseInt(x) || default does, and a negative limit as Mongo does', async () => {
    const all = await whole();
    assert.equal((await log('player123?limit=0')).length, 25);
    assert.equal((await log('player123?limit=ten')).length, 25);
    assert.deepEqual(await log('player123?limit=-2'), all.slice(0, 2));
    assert.deepEqual(await log('player123?offset=abc&limit=3.9'), all.slice(0, 3));
    const negative = await signedGet(sim.url, 'actionLog/player123?offset=-1');
    assert.equal(negative.status, 500);
    assert.equal((negative.body as { error: string }).error, 'Skip value must be non-negative, but received: -1');
  });

  it('holds every action the extension shows, with transaction hashes, mixed amounts and one reverted entry', async () => {
    const all = await whole();
    const actions = new Set(all.map((e) => e.action));
    for (const action of ['pay', 'earn', 'joinPay', 'createJoinPay', 'approve', 'revoke', 'deposit', 'login', 'logout', 'register', 'secondaryBind']) {
      assert.ok(actions.has(action), action);
    }
    const onChain = all.filter((e) => ['pay', 'earn', 'joinPay', 'createJoinPay', 'register'].includes(e.action));
    assert.ok(onChain.every((e) => 'hash' in e.data && 'success' in e.data));
    const data = all.map((e) => e.data as Record<string, unknown>);
    assert.ok(data.filter((d) => 'hash' in d).every((d) => /^0x[0-9a-f]{64}$/.test(String(d.hash))));
    assert.ok(data.some((d) => typeof d.amount === 'number') && data.some((d) => typeof d.amount === 'string'));
    assert.deepEqual([...new Set(data.filter((d) => 'success' in d).map((d) => d.success))].sort(), ['reverted', 'success']);
    assert.equal(data.filter((d) => d.success === 'reverted').length, 1);
    assert.deepEqual([...new Set(all.map((e) => e.type))].sort(), ['game', 'user']);
    assert.ok(all.filter((e) => e.action === 'register' || e.action === 'secondaryBind').every((e) => e.gameId === null));
  });

  it('matches the PLYR ID exactly as sent', async () => {
    const stored = await log('Player123');
    assert.deepEqual(
      stored.map((e) => [e.plyrId, e.action]),
      [['Player123', 'approve']],
    );
    assert.deepEqual(await log('PLAYER123'), []);
    assert.ok((await whole()).every((e) => e.plyrId === 'player123'));
  });

  it('shows an entry a test logs first, with the balance change it sets, and forgets both on reset', async () => {
    sim.setHolding('player123', 'gamr', 5_000_000_000_000_000_000n);
    const logged = sim.logActivity('player123', { gameId: 'tavern', action: 'pay', data: { gameId: 'tavern', roomId: '7', token: 'gamr', amount: 12.5, hash: `0x${'ab'.repeat(32)}`, success: 'success' } });
    assert.equal(logged.type, 'game');
    const [newest] = await log('player123?limit=1');
    assert.deepEqual(newest, logged);
    assert.equal(newest.data.amount, 12.5);
    assert.deepEqual(await signedGet(sim.url, 'user/balance/player123/gamr'), { status: 200, body: { gamr: '5' } });
    const login = sim.logActivity('player123', { action: 'login', data: { gameId: 'arena' }, timestamp: sim.anchorMs - MINUTE });
    assert.equal(login.type, 'user');
    assert.equal(login.gameId, null);
    assert.equal((await log('player123?limit=3'))[1]._id, login._id, 'placed by its timestamp');
    sim.reset();
    assert.equal((await log('player123?limit=1'))[0].action, 'earn');
    assert.deepEqual(await signedGet(sim.url, 'user/balance/player123/gamr'), { status: 200, body: { gamr: '9007199.254740993123456789' } });
  });

  it('takes entries and holdings over HTTP too', async () => {
    const post = (path: string, body: unknown) => fetch(`${sim.url}/__sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const created = await post('activity', { plyrId: 'player123', entry: { gameId: 'arena', action: 'earn', data: { gameId: 'arena', token: 'plyr', amount: '3' } } });
    assert.equal(created.status, 201);
    assert.deepEqual((await log('player123?limit=1'))[0], await created.json());
    assert.equal((await post('holdings', { holder: 'player123', token: 'plyr', baseUnits: '2000000000000000000' })).status, 204);
    assert.deepEqual(await signedGet(sim.url, 'user/balance/player123/plyr'), { status: 200, body: { plyr: '2' } });
    assert.equal((await post('activity', { plyrId: 'player123' })).status, 400);
    assert.equal((await post('holdings', { holder: 'player123', token: 'plyr', baseUnits: 2 })).status, 400);
  });
});
