import * as assert from 'node:assert/strict';
import { DEMO_USERS } from '../../simulator/demoData';
import { PAGE_BEHAVIOUR, SERVER_BEHAVIOUR, Simulator } from '../../simulator/server';
import { checkBalance, rejection, resetSettings, setDemoCredentials, startAndUseSimulator } from './helpers';

const PLAYER = DEMO_USERS[0];

describe('PLYR: Check Balance against the simulator', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startAndUseSimulator();
    await setDemoCredentials();
  });
  beforeEach(() => sim.reset());
  after(async () => {
    await resetSettings();
    await sim.close();
  });

  it('returns every balance of a PLYR ID as the exact decimal strings received', async () => {
    const result = await checkBalance('player123');
    assert.equal(result.identifier, 'player123');
    assert.deepEqual({ ...result.balances }, { plyr: '1234.5', gamr: '9007199.254740993123456789', avax: '0', usdc: '250.75', floki: '1000000.123456789' });
    assert.deepEqual(sim.requests.map((r) => `${r.path} ${r.status} ${r.signed}`), ['/api/user/balance/player123 200 true']);
  });

  it('lower-cases a PLYR ID before it reaches the server', async () => {
    const result = await checkBalance('  Player123 ');
    assert.equal(result.identifier, 'player123');
    assert.equal(sim.requests[0].path, '/api/user/balance/player123');
  });

  it("reads a wallet address's own balances from /api/balance/{address}", async () => {
    const result = await checkBalance(PLAYER.primaryAddress.toLowerCase());
    assert.equal(result.identifier, PLAYER.primaryAddress, 'the address comes back EIP-55 checksummed');
    assert.equal(result.balances.plyr, '1.5');
    assert.equal(result.balances.avax, '0.02');
    assert.equal(sim.requests[0].path, `/api/balance/${PLAYER.primaryAddress}`);
  });

  it('filters to one token', async () => {
    const result = await checkBalance('player123', 'GAMR');
    assert.deepEqual({ ...result.balances }, { gamr: '9007199.254740993123456789' });
    assert.equal(sim.requests[0].path, '/api/user/balance/player123/gamr');
  });

  it('names the token the PLYR API does not know', async () => {
    const error = await rejection(checkBalance('player123', 'nope'));
    assert.equal(error.code, 'invalidToken');
    assert.equal(error.message, "The PLYR API does not know the token 'nope'. Use a token name from the list (such as plyr or gamr) or a token contract address.");
    assert.deepEqual(sim.requests.map((r) => `${r.path} ${r.status}`), ['/api/user/balance/player123/nope 401']);
  });

  it('filters an address to one token', async () => {
    const result = await checkBalance(PLAYER.primaryAddress, 'plyr');
    assert.deepEqual({ ...result.balances }, { plyr: '1.5' });
  });

  it('keeps 6- and 9-decimal tokens and all-zero users exact', async () => {
    const fennec = await checkBalance('crypto-fennec');
    assert.equal(fennec.balances.usdc, '0.000001');
    assert.equal(fennec.balances.plyr, '42.000000000000000001');
    assert.equal((await checkBalance('game-studio')).balances.floki, '3.14159', '9 decimals');
    const zero = await checkBalance('zero-hero');
    assert.deepEqual({ ...zero.balances }, { plyr: '0', gamr: '0', avax: '0', usdc: '0', floki: '0' }, 'every token, each 0');
  });

  describe('against a deployment that follows the published page', () => {
    before(() => sim.configure(PAGE_BEHAVIOUR));
    beforeEach(() => sim.configure(PAGE_BEHAVIOUR));
    after(() => sim.configure(SERVER_BEHAVIOUR));

    it('reads the { balances } shape, learns the null signature and the address route, then goes straight', async () => {
      const first = await checkBalance(PLAYER.primaryAddress);
      assert.equal(first.balances.gamr, '9007199.254740993123456789', "the page's address route answers the PLYR account's balances");
      const statuses = sim.requests.map((r) => `${r.path} ${r.status}`);
      assert.ok(statuses.includes(`/api/balance/${PLAYER.primaryAddress} 404`), statuses.join(', '));
      assert.equal(statuses.at(-1), `/api/user/balance/${PLAYER.primaryAddress} 200`);
      sim.requests.splice(0);
      await checkBalance(PLAYER.primaryAddress);
      await checkBalance('crypto-fennec');
      assert.deepEqual(sim.requests.map((r) => r.status), [200, 200], 'no second probe, no second signature retry');
    });
  });
});
