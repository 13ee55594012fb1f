import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { signedHeaders } from '../../src/core/api/signer';
import { DEMO_CHIPS, DEMO_CREDENTIALS, DEMO_NFT_CONTRACT, DEMO_TOKENS, DEMO_USERS } from '../../simulator/demoData';
import { Simulator, startSimulator } from '../../simulator/server';

/**
 * The simulator reads identifiers and token addresses as the real server does (plyr-api.md,
 * "Identifiers"; the server's checkUserExistsInParams, checkTokenInParams and viem's strict
 * isAddress), asked over HTTP with signed requests, as the extension asks.
 */
describe('the simulator reads identifiers as the real server does', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator();
  });
  after(() => sim.close());

  const get = async (path: string): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${sim.url}/api/${path}`, { headers: signedHeaders(DEMO_CREDENTIALS, Date.now(), {}) });
    return { status: response.status, body: await response.json() };
  };
  const gamr = DEMO_TOKENS.find((t) => t.apiId === 'gamr')!.address;
  const gamer = DEMO_USERS.find((u) => u.plyrId === '0xgamer')!;
  /** `gamr` with the case of its first letter flipped: a wrong EIP-55 checksum. */
  const typo = (address: string) => {
    const i = [...address].findIndex((c, n) => n > 1 && /[a-fA-F]/.test(c));
    const c = address[i];
    return address.slice(0, i) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + address.slice(i + 1);
  };

  it('has a demo user whose PLYR ID starts with 0x, with a primary address the owner route names', async () => {
    assert.deepEqual(await get('user/balance/0xgamer/gamr'), { status: 200, body: { gamr: '250' } });
    assert.deepEqual(await get(`user/basic/${gamer.primaryAddress}`), { status: 200, body: { plyrId: '0xgamer', avatar: '' } });
  });

  it('matches a PLYR ID on the balance route exactly as sent, as checkUserExistsInParams does', async () => {
    assert.deepEqual(await get('user/balance/0xGamer'), { status: 404, body: { error: 'User not found' } });
  });

  it('refuses a token address with a wrong checksum, or all upper case, as Invalid tokenName', async () => {
    for (const token of [typo(gamr), `0x${gamr.slice(2).toUpperCase()}`]) {
      assert.deepEqual(await get(`user/balance/player123/${token}`), { status: 401, body: { error: 'Invalid tokenName' } }, token);
    }
  });

  it('takes a token address checksummed or lower case, keyed as sent, and a listed name in any case', async () => {
    assert.deepEqual(await get(`user/balance/player123/${gamr}`), { status: 200, body: { [gamr]: '9007199.254740993123456789' } });
    assert.deepEqual(await get(`user/balance/player123/${gamr.toLowerCase()}`), { status: 200, body: { [gamr.toLowerCase()]: '9007199.254740993123456789' } });
    assert.deepEqual(await get('user/balance/player123/GAMR'), { status: 200, body: { GAMR: '9007199.254740993123456789' } });
  });

  it('crashes as viem does on a well-formed token address that is no token contract (500, its message and a stack)', async () => {
    const dead = '0x000000000000000000000000000000000000dEaD';
    const { status, body } = await get(`user/balance/player123/${dead}`);
    assert.equal(status, 500);
    const { error, stack } = body as { error: string; stack: string };
    assert.match(error, /^The contract function "balanceOf" returned no data \("0x"\)\.\n/);
    assert.ok(error.includes(`address:   ${dead}`));
    assert.match(stack, /^ContractFunctionZeroDataError: /);
  });

  it("reads a game chip (an ERC-20 of 18 decimals) as a token by its address, and crashes on an NFT contract's decimals as viem does", async () => {
    const arena = DEMO_CHIPS.find((c) => c.symbol === 'ARENA')!.chip;
    assert.deepEqual(await get(`user/balance/player123/${arena}`), { status: 200, body: { [arena]: '42.000000000000000001' } });
    const { status, body } = await get(`user/balance/player123/${DEMO_NFT_CONTRACT}`);
    assert.equal(status, 500);
    assert.match((body as { error: string }).error, /^The contract function "decimals" reverted\.\n/);
  });

  it('writes amounts as viem formatUnits does: no ".0" on whole numbers, none on zero', async () => {
    const { body } = await get('user/balance/player123');
    assert.equal((body as Record<string, string>).avax, '0');
    assert.equal((body as Record<string, string>).plyr, '1234.5');
  });

  it('checks the signature before the time, as hmacAuth does: a wrong secret at a wrong time is "Invalid signature"', async () => {
    const tenMinutesAgo = Date.now() - 10 * 60_000;
    const asked = (secretKey: string) => fetch(`${sim.url}/api/user/balance/player123`, { headers: signedHeaders({ ...DEMO_CREDENTIALS, secretKey }, tenMinutesAgo, {}) }).then((r) => r.json());
    assert.deepEqual(await asked('not-the-secret'), { error: 'Invalid signature' });
    assert.deepEqual(await asked(DEMO_CREDENTIALS.secretKey), { error: 'Request expired' });
  });

  it('reads the time as hmacAuth does: a signed time no Date can hold, or no number at all, passes; hex is read as hex', async () => {
    const { createHmac } = await import('node:crypto');
    const asked = (timestamp: string) => {
      const signature = createHmac('sha256', DEMO_CREDENTIALS.secretKey).update(timestamp + JSON.stringify({})).digest('hex');
      return fetch(`${sim.url}/api/user/balance/player123`, { headers: { apikey: DEMO_CREDENTIALS.apiKey, signature, timestamp } }).then((r) => r.status);
    };
    assert.equal(await asked('9999999999999999'), 200, 'past ±8.64e15 ms: an Invalid Date, NaN, not expired');
    assert.equal(await asked('soon'), 200, 'no number: NaN again');
    assert.equal(await asked(`0x${Date.now().toString(16)}`), 200, 'now, in hex');
    assert.equal(await asked(String(Date.now() - 10 * 60_000)), 401, 'ten minutes ago: expired');
  });

  it('answers 400 Invalid address on the address routes for what strict isAddress refuses', async () => {
    const address = DEMO_USERS[0].primaryAddress;
    for (const bad of [typo(address), `0x${address.slice(2).toUpperCase()}`, '0xgamer']) {
      assert.deepEqual(await get(`balance/${bad}`), { status: 400, body: { error: 'Invalid address' } }, bad);
      assert.deepEqual(await get(`user/basic/${bad}`), { status: 400, body: { error: 'Invalid address' } }, bad);
    }
    assert.equal((await get(`balance/${address.toLowerCase()}`)).status, 200);
  });
});
