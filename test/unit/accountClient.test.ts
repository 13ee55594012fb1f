import { afterEach, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { PlyrClient } from '../../src/core/api/plyrClient';
import { Credentials } from '../../src/core/api/signer';
import { PlyrError } from '../../src/core/model/errors';
import { toChecksumAddress } from '../../src/core/model/identifier';
import { FakePlyrServer, startFakePlyrServer } from '../support/fakePlyrServer';
import { ClientHarness, clientHarness, ClientHarnessOptions, failure, id } from '../support/clientHarness';

const CREDENTIALS: Credentials = { apiKey: 'account-test-key-0001', secretKey: 'account-test-secret-do-not-use' };
const BIG = '123456789012345678901234567890.123456789';
const CHIP = toChecksumAddress('c'.repeat(40));
const MIRROR = toChecksumAddress('b2'.repeat(20));
const PRIMARY = toChecksumAddress('a1'.repeat(20));
const SECOND = toChecksumAddress('d4'.repeat(20));
const TIME = '2024-05-01T12:00:00.000Z';
const HASH = `0x${'ab'.repeat(32)}`;

const CHIPS_PATH = '/api/game/chip/balance';

describe('PlyrClient.account against a fake PLYR API', () => {
  let server: FakePlyrServer;

  const harness = (options: ClientHarnessOptions = {}): ClientHarness => clientHarness(server.url, CREDENTIALS, options);

  const urls = () => server.requests.map((r) => r.url);
  const auths = () => server.requests.map((r) => r.auth);

  beforeEach(async () => {
    server = await startFakePlyrServer(CREDENTIALS);
  });

  afterEach(async () => {
    await server.close();
  });

  describe('getChips', () => {
    const chips = { racer: { [CHIP]: { name: 'Fuel', symbol: 'FUEL', image: '', balance: BIG } } };

    it('asks with the PLYR ID lower-cased, signed, and reads the chips exactly', async () => {
      server.reply(CHIPS_PATH, { body: chips });
      const { client } = harness();
      const before = Date.now();
      const answer = await client.account.getChips('Player123');
      assert.deepEqual(answer.value, [{ gameId: 'racer', address: CHIP, name: 'Fuel', symbol: 'FUEL', image: undefined, balance: BIG }]);
      assert.deepEqual(answer.skipped, []);
      assert.equal(answer.network, 'custom');
      assert.ok(answer.fetchedAt >= before && answer.fetchedAt <= Date.now());
      assert.deepEqual(urls(), [`${CHIPS_PATH}?plyrId=player123`]);
      assert.deepEqual(
        server.requests.map((r) => [r.method, r.signed, r.auth]),
        [['GET', true, 'ok']],
      );
    });

    it('asks for one game, its ID encoded in the query', async () => {
      server.reply(CHIPS_PATH, { body: chips });
      const { client } = harness();
      await client.account.getChips('player123', { gameId: 'a&b=c d#e' });
      assert.equal(server.requests[0].query.get('gameId'), 'a&b=c d#e');
      assert.equal(server.requests[0].query.get('plyrId'), 'player123');
      assert.deepEqual([...server.requests[0].query.keys()], ['plyrId', 'gameId']);
    });

    it('reads 404 "chip not found" as no chips, without retrying', async () => {
      server.reply(CHIPS_PATH, { status: 404, body: { error: 'chip not found' } });
      const { client, sleeps } = harness();
      const answer = await client.account.getChips('player123');
      assert.deepEqual(answer.value, []);
      assert.deepEqual(answer.skipped, []);
      assert.equal(server.requests.length, 1);
      assert.deepEqual(sleeps, []);
    });

    it('reports 404 "user not found" as userNotFound', async () => {
      server.reply(CHIPS_PATH, { status: 404, body: { error: 'user not found' } });
      const { client } = harness();
      const error = await failure(client.account.getChips('nobody-here'));
      assert.equal(error.code, 'userNotFound');
      assert.equal(error.status, 404);
    });

    it('logs the entries it left out, by where they were and why', async () => {
      server.reply(CHIPS_PATH, { body: { ...chips, 'bad game!': {}, g2: { [CHIP]: { balance: 'lots' } } } });
      const { client, logs } = harness();
      const answer = await client.account.getChips('player123');
      assert.equal(answer.value.length, 1);
      assert.equal(answer.skipped.length, 2);
      assert.ok(
        logs.includes(`Chips of player123: 2 unreadable parts left out: ['bad game!']: the key is not a game ID; g2.${CHIP}: "balance" is not a plain non-negative decimal number`),
        logs.join('\n'),
      );
    });

    it('logs the same left-out entries once while they stay so, and again once they change or come back', async () => {
      const bad = { ...chips, g2: { [CHIP]: { balance: 'lots' } } };
      const { client, logs } = harness();
      const leftOut = () => logs.filter((line) => line.startsWith('Chips of player123: ')).length;
      server.reply(CHIPS_PATH, { body: bad });
      await client.account.getChips('player123');
      await client.account.getChips('player123');
      assert.equal(leftOut(), 1, 'the same answer again: not logged again');
      const worse = { ...bad, 'bad game!': {} };
      server.reply(CHIPS_PATH, { body: worse });
      await client.account.getChips('player123');
      assert.equal(leftOut(), 2, 'a new part left out');
      server.reply(CHIPS_PATH, { body: chips });
      await client.account.getChips('player123');
      server.reply(CHIPS_PATH, { body: worse });
      await client.account.getChips('player123');
      assert.equal(leftOut(), 3, 'back after a clean answer');
    });

    it('reports a 200 of which not one game could be read (an error body) as malformed, not as no chips', async () => {
      server.reply(CHIPS_PATH, { body: { error: 'user not found' } });
      const { client } = harness();
      const error = await failure(client.account.getChips('player123'));
      assert.equal(error.code, 'malformedResponse');
      assert.match(error.message, /cannot read: not one game of its answer is readable: /);
    });
  });

  describe('getAllowances', () => {
    it('asks on the PLYR ID lower-cased and URL-encoded, and keeps a JSON-number amount exact', async () => {
      const raw = `{"allowances": [{"plyrId": "a/b?c#d", "gameId": "racer", "token": "gamr", "amount": ${BIG}, "expiresIn": 60, "createdAt": "${TIME}"}]}`;
      server.reply('/api/game/allowances/a%2Fb%3Fc%23d', { body: raw, headers: { 'content-type': 'application/json' } });
      const { client } = harness();
      const answer = await client.account.getAllowances('A/B?c#D');
      assert.deepEqual(urls(), ['/api/game/allowances/a%2Fb%3Fc%23d']);
      assert.equal(answer.value[0].amount, BIG);
      assert.equal(answer.value[0].expiresAt, Date.parse(TIME) + 60_000);
    });

    it('reports the server\'s 500 as a server error, without retrying', async () => {
      server.reply('/api/game/allowances/player123', { status: 500, body: { error: 'db down' } });
      const { client } = harness();
      const error = await failure(client.account.getAllowances('player123'));
      assert.equal(error.code, 'serverError');
      assert.equal(server.requests.length, 1);
    });
  });

  describe('getActivity', () => {
    const entry = (i: number) => ({ _id: i.toString(16).padStart(24, '0'), plyrId: 'player123', gameId: 'racer', type: 'game', action: 'pay', data: { token: 'gamr', amount: `${i}`, hash: HASH, success: 'success' }, timestamp: TIME });

    it('asks for a page with the PLYR ID lower-cased (the server matches it exactly), newest first as sent', async () => {
      server.reply('/api/actionLog/player123', { body: [entry(2), entry(1)] });
      const { client } = harness();
      const page = await client.account.getActivity('PLAYER123', { offset: 25, limit: 25 });
      assert.deepEqual(urls(), ['/api/actionLog/player123?offset=25&limit=25']);
      assert.deepEqual(
        page.value.map((e) => e.amount),
        ['2', '1'],
      );
      assert.equal(page.value[0].txHash, HASH);
      assert.equal(page.value[0].succeeded, true);
      assert.deepEqual([page.offset, page.limit, page.mayHaveMore], [25, 25, false]);
    });

    it('says a full page may have more, counting entries it left out', async () => {
      server.reply('/api/actionLog/player123', { body: [entry(3), 'broken', entry(1)] });
      const { client } = harness();
      const page = await client.account.getActivity('player123', { limit: 3 });
      assert.equal(page.value.length, 2);
      assert.equal(page.skipped.length, 1);
      assert.equal(page.mayHaveMore, true);
      assert.equal(page.received, 3, 'the next page starts after the one left out too');
    });

    it('asks for the server default page without paging, and keeps paging within bounds', async () => {
      server.reply('/api/actionLog/player123', { body: [] });
      const { client } = harness();
      await client.account.getActivity('player123');
      await client.account.getActivity('player123', { offset: -5, limit: 10_000 });
      await client.account.getActivity('player123', { offset: 2.7, limit: 0 });
      await client.account.getActivity('player123', { offset: Number.NaN, limit: Number.POSITIVE_INFINITY });
      assert.deepEqual(urls(), [
        '/api/actionLog/player123?offset=0&limit=25',
        '/api/actionLog/player123?offset=0&limit=100',
        '/api/actionLog/player123?offset=2&limit=1',
        '/api/actionLog/player123?offset=0&limit=25',
      ]);
    });
  });

  describe('getUserInfo and getSecondaryWallets', () => {
    const info = { plyrId: 'player123', mirrorAddress: MIRROR, primaryAddress: PRIMARY, chainId: 62831, avatar: 'https://ipfs.plyr.network/ipfs/Qm1', createdAt: TIME, ippClaimed: false, isIPP: false };

    it('asks by PLYR ID, lower case, or by address, checksummed, and reads the wallets', async () => {
      server.reply('/api/user/info/player123', { body: info });
      server.reply(`/api/user/info/${PRIMARY}`, { body: info });
      const { client } = harness();
      const byId = await client.account.getUserInfo(id('Player123'));
      const byAddress = await client.account.getUserInfo(id(PRIMARY.toLowerCase()));
      assert.deepEqual(urls(), ['/api/user/info/player123', `/api/user/info/${PRIMARY}`]);
      assert.deepEqual(byId.value, { plyrId: 'player123', primaryAddress: PRIMARY, mirrorAddress: MIRROR, chainId: 62831, avatarUrl: 'https://ipfs.plyr.network/ipfs/Qm1', createdAt: Date.parse(TIME) });
      assert.deepEqual(byAddress.value, byId.value);
    });

    it('reports an unknown account as userNotFound, and the server\'s "Invalid PLYR[ID]" as invalidIdentifier', async () => {
      server.reply('/api/user/info/nobody-here', { status: 404, body: { error: 'PLYR[ID] not found' } });
      server.reply('/api/user/secondary/0xgamer', { status: 400, body: { error: 'Invalid PLYR[ID]' } });
      const { client } = harness();
      assert.equal((await failure(client.account.getUserInfo(id('nobody-here')))).code, 'userNotFound');
      const invalid = await failure(client.account.getSecondaryWallets('0xgamer'));
      assert.equal(invalid.code, 'invalidIdentifier');
      assert.equal(invalid.message, 'The PLYR API says this is not a valid PLYR ID.');
    });

    it('reads the secondary wallets of a PLYR ID, lower-cased', async () => {
      server.reply('/api/user/secondary/player123', { body: [{ _id: 'x', plyrId: 'player123', secondaryAddress: SECOND, boundAt: TIME, __v: 0 }] });
      const { client } = harness();
      const answer = await client.account.getSecondaryWallets('PLAYER123');
      assert.deepEqual(answer.value, [{ address: SECOND, boundAt: Date.parse(TIME) }]);
      assert.deepEqual(urls(), ['/api/user/secondary/player123']);
    });
  });

  describe('the shared request path', () => {
    const calls = (client: PlyrClient) => [
      () => client.account.getChips('player123'),
      () => client.account.getAllowances('player123'),
      () => client.account.getActivity('player123'),
      () => client.account.getUserInfo(id('player123')),
      () => client.account.getSecondaryWallets('player123'),
    ];

    it('retries a 503 and a 429 with Retry-After on every route, then reads the answer', async () => {
      for (const path of [CHIPS_PATH, '/api/game/allowances/player123', '/api/actionLog/player123', '/api/user/info/player123', '/api/user/secondary/player123']) {
        const body = path === CHIPS_PATH ? {} : path.includes('allowances') ? { allowances: [] } : path.includes('info') ? { plyrId: 'player123' } : [];
        server.reply(path, { status: 503, body: { error: 'Service unavailable' } }, { status: 429, body: { error: 'slow down' }, headers: { 'retry-after': '0' } }, { body });
      }
      const { client, sleeps } = harness();
      for (const call of calls(client)) {
        await call();
      }
      assert.deepEqual(
        server.requests.map((r) => r.pathname.split('/')[2]),
        ['game', 'game', 'game', 'game', 'game', 'game', 'actionLog', 'actionLog', 'actionLog', 'user', 'user', 'user', 'user', 'user', 'user'],
      );
      assert.equal(sleeps.length, 10);
      assert.equal(sleeps.filter((ms) => ms === 0).length, 5, 'Retry-After 0 is honoured');
    });

    it('gives up after three attempts', async () => {
      server.reply('/api/game/allowances/player123', { status: 502, body: '<html>Bad Gateway</html>' });
      const { client } = harness();
      const error = await failure(client.account.getAllowances('player123'));
      assert.equal(error.code, 'serverError');
      assert.equal(server.requests.length, 3);
    });

    it('falls back to the other signing convention, and the balance route then uses it at once', async () => {
      server.signing = 'null';
      server.reply('/api/user/secondary/player123', { body: [] });
      server.reply('/api/user/balance/player123', { body: { plyr: '1' } });
      const { client } = harness();
      await client.account.getSecondaryWallets('player123');
      assert.deepEqual(auths(), ['Invalid signature', 'ok']);
      server.requests.splice(0);
      await client.getBalances(id('player123'), undefined);
      assert.deepEqual(auths(), ['ok']);
    });

    it('learns the signing convention from the balance route too', async () => {
      server.signing = 'null';
      server.reply('/api/user/balance/player123', { body: { plyr: '1' } });
      server.reply('/api/actionLog/player123', { body: [] });
      const { client } = harness();
      await client.getBalances(id('player123'), undefined);
      server.requests.splice(0);
      await client.account.getActivity('player123');
      assert.deepEqual(auths(), ['ok']);
    });

    it('corrects for a clock 10 minutes behind the server, once', async () => {
      server.clockOffsetMs = 10 * 60 * 1000;
      server.reply(CHIPS_PATH, { body: {} });
      server.reply('/api/game/allowances/player123', { body: { allowances: [] } });
      const { client, skews } = harness();
      await client.account.getChips('player123');
      assert.deepEqual(auths(), ['Request expired', 'ok']);
      assert.equal(skews.length, 1);
      assert.ok(Math.abs(skews[0] - 600_000) < 5000, `offset ${skews[0]}`);
      server.requests.splice(0);
      await client.account.getAllowances('player123');
      assert.deepEqual(auths(), ['ok']);
    });

    it('sends nothing while the server is not allowed, nor without credentials', async () => {
      const refused = harness({
        client: {
          assertServerAllowed: () => {
            throw new PlyrError('serverNotConfirmed', 'not allowed yet', { fix: 'allowServer' });
          },
        },
      });
      for (const call of calls(refused.client)) {
        assert.equal((await failure(call())).code, 'serverNotConfirmed');
      }
      const anonymous = harness({ credentials: undefined });
      for (const call of calls(anonymous.client)) {
        assert.equal((await failure(call())).code, 'noCredentials');
      }
      assert.deepEqual(server.requests, []);
    });

    it('says so when a deployment lacks a route (a plain 404), without retrying', async () => {
      const { client } = harness();
      const error = await failure(client.account.getChips('player123'));
      assert.equal(error.code, 'unsupported');
      assert.equal(error.message, 'This PLYR API server does not offer /api/game/chip/balance: it may be an older or a different deployment than the PLYR game API.');
      assert.equal(server.requests.length, 1);
    });

    it('does not follow a redirect, which would carry the signed headers elsewhere', async () => {
      server.reply('/api/user/info/player123', { status: 302, headers: { location: `${server.url}/elsewhere` }, body: '' });
      server.reply('/elsewhere', { body: { plyrId: 'player123' } });
      const { client } = harness();
      const error = await failure(client.account.getUserInfo(id('player123')));
      assert.equal(error.code, 'httpError');
      assert.match(error.message, /redirect \(302\)/);
      assert.deepEqual(urls(), ['/api/user/info/player123']);
    });

    it('refuses a body over the size cap, and reports one that is not JSON', async () => {
      server.reply('/api/actionLog/player123', { body: `[${'"x",'.repeat(300_000)}"x"]`, headers: { 'content-type': 'application/json' } });
      server.reply('/api/user/secondary/player123', { body: '<html>proxy login</html>' });
      const { client } = harness();
      assert.equal((await failure(client.account.getActivity('player123'))).code, 'responseTooLarge');
      const notJson = await failure(client.account.getSecondaryWallets('player123'));
      assert.equal(notJson.code, 'malformedResponse');
      assert.match(notJson.message, /HTML page/);
    });

    it('times out a server that never answers', async () => {
      server.reply(CHIPS_PATH, { hang: true });
      const { client } = harness({ config: { timeoutMs: 300 } });
      const error = await failure(client.account.getChips('player123'));
      assert.equal(error.code, 'timeout');
    });

    it('never logs the secret or the whole API key', async () => {
      server.reply(CHIPS_PATH, { body: {} });
      const { client, logs } = harness();
      await client.account.getChips('player123');
      assert.ok(logs.length > 0);
      assert.ok(logs.every((line) => !line.includes(CREDENTIALS.secretKey) && !line.includes(CREDENTIALS.apiKey)));
    });
  });
});
