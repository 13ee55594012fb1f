import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DAY, DEMO_CHAIN_ID, DEMO_USERS } from '../../simulator/demoData';
import { Simulator, startSimulator } from '../../simulator/server';
import { signedGet } from '../support/signedGet';

/** User info and secondary wallets as userController.getUserInfo and getSecondary answer them. */
describe('the simulator answers user info and secondary wallets as the real server does', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator();
  });
  after(() => sim.close());

  const get = (path: string) => signedGet(sim.url, path);
  const player = DEMO_USERS.find((u) => u.plyrId === 'player123')!;
  const fennec = DEMO_USERS.find((u) => u.plyrId === 'crypto-fennec')!;
  const playerInfo = () => ({
    plyrId: 'player123',
    mirrorAddress: player.mirrorAddress,
    primaryAddress: player.primaryAddress,
    chainId: DEMO_CHAIN_ID,
    avatar: 'https://ipfs.plyr.network/ipfs/QmNRjvbBfJ7GpRzjs7uxRUytAAuuXjhBqKhDETbET2h6wR',
    createdAt: new Date(sim.anchorMs - 20 * DAY).toISOString(),
    ippClaimed: false,
    isIPP: false,
  });

  it('finds an account by PLYR ID in any case, or by its primary address checksummed or lower case', async () => {
    for (const asked of ['player123', 'PLAYER123', player.primaryAddress, player.primaryAddress.toLowerCase()]) {
      assert.deepEqual(await get(`user/info/${asked}`), { status: 200, body: playerInfo() }, asked);
    }
  });

  it('answers the avatar as a URL: the default picture for none, ipfs:// through the gateway', async () => {
    const { body } = await get('user/info/crypto-fennec');
    assert.equal((body as { avatar: string }).avatar, 'https://ipfs.plyr.network/ipfs/QmDemoFennecAvatar');
    // user/basic answers the avatar as stored.
    assert.deepEqual(await get(`user/basic/${fennec.primaryAddress}`), { status: 200, body: { plyrId: 'crypto-fennec', avatar: 'ipfs://QmDemoFennecAvatar' } });
  });

  it('answers 404 by kind of lookup and 400 for what is neither an address nor a PLYR ID', async () => {
    assert.deepEqual(await get('user/info/nobody-here'), { status: 404, body: { error: 'PLYR[ID] not found' } });
    assert.deepEqual(await get(`user/info/0x${'1'.repeat(40)}`), { status: 404, body: { error: 'Primary address not found' } });
    // All upper case fails strict isAddress, so it is looked up (lower-cased) as a PLYR ID.
    assert.deepEqual(await get(`user/info/0x${player.primaryAddress.slice(2).toUpperCase()}`), { status: 404, body: { error: 'PLYR[ID] not found' } });
    for (const bad of ['abc', 'no--dash', '-player', '12345']) {
      assert.deepEqual(await get(`user/info/${bad}`), { status: 400, body: { error: 'Invalid PLYR[ID]' } }, bad);
    }
  });

  it('lists the secondary wallets of a PLYR ID in any case, as Mongo documents', async () => {
    const { status, body } = await get('user/secondary/Player123');
    assert.equal(status, 200);
    const wallets = body as { _id: string; plyrId: string; secondaryAddress: string; boundAt: string; __v: number }[];
    assert.equal(wallets.length, 2);
    for (const w of wallets) {
      assert.deepEqual(Object.keys(w), ['_id', 'plyrId', 'secondaryAddress', 'boundAt', '__v']);
      assert.equal(w.plyrId, 'player123');
      assert.match(w.secondaryAddress, /^0x[0-9a-fA-F]{40}$/);
      assert.ok(Date.parse(w.boundAt) < sim.anchorMs);
    }
    assert.notEqual(wallets[0].secondaryAddress, wallets[1].secondaryAddress);
  });

  it('answers an empty list for an unknown account and 400 for an invalid PLYR ID', async () => {
    assert.deepEqual(await get('user/secondary/nobody-here'), { status: 200, body: [] });
    assert.deepEqual(await get('user/secondary/abc'), { status: 400, body: { error: 'Invalid PLYR[ID]' } });
  });
});
