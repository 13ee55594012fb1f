import { after, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEMO_CHIPS, HOUR } from '../../simulator/demoData';
import { Simulator, startSimulator } from '../../simulator/server';
import { signedGet } from '../support/signedGet';

/**
 * Game chips and allowances as the real server answers them (chipController.getBalance and
 * gameController's allowance routes; plyr-api.md, "More of an account").
 */
describe('the simulator answers game chips and allowances as the real server does', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator();
  });
  beforeEach(() => sim.reset());
  after(() => sim.close());

  const get = (path: string) => signedGet(sim.url, path);
  const chip = (gameId: string, symbol: string) => DEMO_CHIPS.find((c) => c.gameId === gameId && c.symbol === symbol)!.chip;

  it('answers every chip of every game without gameId, "0" for those not held, the PLYR ID lower-cased', async () => {
    const { status, body } = await get('game/chip/balance?plyrId=Player123');
    assert.equal(status, 200);
    const answer = body as Record<string, Record<string, { name: string; symbol: string; image?: string; balance: string }>>;
    assert.deepEqual(Object.keys(answer), ['tavern', 'arena', 'dungeon']);
    assert.deepEqual(answer.tavern[chip('tavern', 'TGOLD')], { name: 'Tavern Gold', symbol: 'TGOLD', image: `${sim.url}/__sim/images/tgold.svg`, balance: '1500' });
    assert.deepEqual(answer.tavern[chip('tavern', 'ALE')], { name: 'Tavern Ale', symbol: 'ALE', image: '', balance: '3.25' });
    assert.equal(answer.arena[chip('arena', 'ARENA')].balance, '42.000000000000000001');
    assert.deepEqual(answer.arena[chip('arena', 'GLORY')], { name: 'Glory', symbol: 'GLORY', image: 'ipfs://QmDemoGloryChipImage', balance: '0' });
    // Created without a picture: the key is absent, not empty.
    assert.deepEqual(answer.arena[chip('arena', 'TIX')], { name: 'Arena Ticket', symbol: 'TIX', balance: '7' });
    assert.equal(answer.dungeon[chip('dungeon', 'SHARD')].balance, '0');
    assert.equal(Object.values(answer).flatMap((game) => Object.keys(game)).length, DEMO_CHIPS.length);
  });

  it('serves the pictures it names', async () => {
    const response = await fetch(`${sim.url}/__sim/images/tgold.svg`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    assert.match(await response.text(), /<svg[^>]*>.*TGOLD/);
  });

  it('narrows to a game (lower-cased) and to a chip address in any case, wrong checksum included, as getAddress does', async () => {
    const arena = await get('game/chip/balance?plyrId=player123&gameId=ARENA');
    assert.deepEqual(Object.keys(arena.body as object), ['arena']);
    assert.equal(Object.keys((arena.body as Record<string, object>).arena).length, 3);
    const tix = chip('arena', 'TIX');
    const flipped = tix.slice(0, 2) + [...tix.slice(2)].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
    for (const asked of [tix, tix.toLowerCase(), `0x${tix.slice(2).toUpperCase()}`, flipped]) {
      assert.deepEqual(await get(`game/chip/balance?plyrId=player123&chip=${asked}`), { status: 200, body: { arena: { [tix]: { name: 'Arena Ticket', symbol: 'TIX', balance: '7' } } } }, asked);
    }
  });

  it('answers 404 chip not found when the query matches no chip', async () => {
    const notFound = { status: 404, body: { error: 'chip not found' } };
    assert.deepEqual(await get('game/chip/balance?plyrId=player123&gameId=chess'), notFound);
    assert.deepEqual(await get('game/chip/balance?plyrId=player123&gameId='), notFound);
    assert.deepEqual(await get(`game/chip/balance?plyrId=player123&gameId=tavern&chip=${chip('arena', 'TIX')}`), notFound);
  });

  it('answers 400 without a PLYR ID and 404 user not found for an unknown one', async () => {
    assert.deepEqual(await get('game/chip/balance'), { status: 400, body: { error: 'plyrId is required' } });
    assert.deepEqual(await get('game/chip/balance?plyrId=&gameId=tavern'), { status: 400, body: { error: 'plyrId is required' } });
    assert.deepEqual(await get('game/chip/balance?plyrId=nobody-here'), { status: 404, body: { error: 'user not found' } });
  });

  it('answers 500 with the thrown message and a stack for what makes the controller throw', async () => {
    const badChip = await get('game/chip/balance?plyrId=player123&chip=0x12');
    assert.equal(badChip.status, 500);
    const { error, stack } = badChip.body as { error: string; stack: string };
    assert.equal(error.split('\n')[0], 'Address "0x12" is invalid.');
    assert.match(stack, /^InvalidAddressError: /);
    const twice = await get('game/chip/balance?plyrId=player123&plyrId=crypto-fennec');
    assert.equal(twice.status, 500);
    assert.equal((twice.body as { error: string }).error, 'plyrId.toLowerCase is not a function');
  });

  it('shows a chip holding set by the test', async () => {
    sim.setChipHolding('player123', chip('dungeon', 'SHARD').toLowerCase(), 2_500_000_000_000_000_000n);
    const { body } = await get('game/chip/balance?plyrId=player123&gameId=dungeon');
    assert.equal((body as Record<string, Record<string, { balance: string }>>).dungeon[chip('dungeon', 'SHARD')].balance, '2.5');
    const admin = await fetch(`${sim.url}/__sim/holdings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ holder: 'player123', chip: chip('dungeon', 'SHARD'), baseUnits: '1000000000000000000' }) });
    assert.equal(admin.status, 204);
    const after = await get('game/chip/balance?plyrId=player123&gameId=dungeon');
    assert.equal((after.body as Record<string, Record<string, { balance: string }>>).dungeon[chip('dungeon', 'SHARD')].balance, '1');
  });

  it('lists allowances of a PLYR ID in any case, leaving out the expired one, as the server stores them', async () => {
    const { status, body } = await get('game/allowances/PLAYER123');
    assert.equal(status, 200);
    const { allowances } = body as { allowances: { plyrId: string; gameId: string; token: string; amount: unknown; expiresIn: number; createdAt: string }[] };
    assert.deepEqual(
      allowances.map((a) => `${a.gameId}/${a.token}`),
      ['tavern/gamr', 'tavern/plyr', 'arena/usdc', `arena/${allowances[3].token}`],
    );
    assert.match(allowances[3].token, /^0x[0-9a-f]{40}$/);
    for (const a of allowances) {
      assert.deepEqual(Object.keys(a), ['plyrId', 'gameId', 'token', 'amount', 'expiresIn', 'createdAt']);
      assert.equal(a.plyrId, 'player123');
      assert.equal(typeof a.amount, 'number');
    }
    const usdc = allowances[2];
    const expiresAt = Date.parse(usdc.createdAt) + usdc.expiresIn * 1000;
    assert.ok(expiresAt > sim.anchorMs && expiresAt <= sim.anchorMs + HOUR, 'expires within the hour after the start');
    assert.equal(allowances.some((a) => a.gameId === 'arena' && a.token === 'gamr'), false, 'the expired one is left out');
  });

  it('narrows allowances to a game, lower-casing both IDs, and answers an empty list for an unknown account', async () => {
    const { body } = await get('game/allowanceByGameId/Player123/TAVERN');
    assert.deepEqual(
      (body as { allowances: { token: string; amount: number }[] }).allowances.map((a) => [a.token, a.amount]),
      [
        ['gamr', 100],
        ['plyr', 25.5],
      ],
    );
    assert.deepEqual(await get('game/allowances/nobody-here'), { status: 200, body: { allowances: [] } });
    assert.deepEqual(await get('game/allowance/player123/Arena/USDC'), { status: 200, body: { allowance: 50 } });
    assert.deepEqual(await get('game/allowance/player123/arena/gamr'), { status: 200, body: { allowance: 0 } });
  });
});
