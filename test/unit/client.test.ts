import { afterEach, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fetch from 'node-fetch';
import { PlyrError } from '../../src/core/model/errors';
import { Credentials } from '../../src/core/api/signer';
import { parseTokenName } from '../../src/core/model/token';
import { DEMO_CHIPS, DEMO_CREDENTIALS, DEMO_NFT_CONTRACT, DEMO_USERS, demoAddress, LIMITED_CREDENTIALS } from '../../simulator/demoData';
import { PAGE_BEHAVIOUR, Simulator, startSimulator } from '../../simulator/server';
import { ClientHarness, clientHarness, ClientHarnessOptions, failure, FAST_RETRY, id } from '../support/clientHarness';

const DEMO: Credentials = { apiKey: DEMO_CREDENTIALS.apiKey, secretKey: DEMO_CREDENTIALS.secretKey };
const PLAYER123_GAMR = '9007199.254740993123456789';
const ADDRESS = DEMO_USERS[0].primaryAddress;

describe('PlyrClient against the simulator', () => {
  let sim: Simulator;
  let closed: boolean;

  const harness = (options: ClientHarnessOptions = {}): ClientHarness => clientHarness(sim.url, DEMO, options);


  const statuses = () => sim.requests.map((r) => r.status);
  const paths = () => sim.requests.map((r) => r.path);
  const logged = () => sim.requests.map(({ method, path, status, signed }) => ({ method, path, status, signed }));

  beforeEach(async () => {
    sim = await startSimulator();
    closed = false;
  });

  afterEach(async () => {
    if (!closed) {
      await sim.close();
    }
  });

  describe('success', () => {
    it('reads the balances of a PLYR ID exactly', async () => {
      const { client } = harness();
      const result = await client.getBalances(id('Player123'), undefined);
      assert.equal(result.balances.gamr, PLAYER123_GAMR);
      assert.equal(result.balances.plyr, '1234.5');
      assert.equal(result.balances.usdc, '250.75');
      assert.equal(result.network, 'custom');
      assert.deepEqual(logged(), [{ method: 'GET', path: '/api/user/balance/player123', status: 200, signed: true }]);
    });

    it('reads one token of a PLYR ID', async () => {
      const { client } = harness();
      const result = await client.getBalances(id('player123'), 'gamr');
      assert.deepEqual({ ...result.balances }, { gamr: PLAYER123_GAMR });
      assert.equal(result.token, 'gamr');
      assert.deepEqual(paths(), ['/api/user/balance/player123/gamr']);
    });

    it('reads an address on /api/balance/{address}', async () => {
      const { client } = harness();
      const result = await client.getBalances(id(ADDRESS.toLowerCase()), undefined);
      assert.equal(result.balances.plyr, '1.5');
      assert.equal(result.balances.avax, '0.02');
      assert.equal(result.balances.gamr, '0');
      assert.deepEqual(paths(), [`/api/balance/${ADDRESS}`]);
    });

    it('filters an address lookup to one token', async () => {
      const { client } = harness();
      const result = await client.getBalances(id(ADDRESS), 'plyr');
      assert.deepEqual({ ...result.balances }, { plyr: '1.5' });
      assert.deepEqual(paths(), [`/api/balance/${ADDRESS}`]);
    });

    it('is not sent to the user route for good by one plain 404 from a proxy on the address route', async () => {
      const { client } = harness();
      sim.fault({ kind: 'html', status: 404, path: '/api/balance/', times: 1 });
      // The real server refuses addresses on the user route: this one answer is an error.
      await assert.rejects(client.getBalances(id(ADDRESS), undefined), { name: 'PlyrError', code: 'userNotFound' });
      const result = await client.getBalances(id(ADDRESS), undefined);
      assert.equal(result.balances.plyr, '1.5');
      assert.deepEqual(paths(), [`/api/balance/${ADDRESS}`, `/api/user/balance/${ADDRESS}`, `/api/balance/${ADDRESS}`]);
    });

    it('filters an address lookup to a token given by its contract address, keyed as given', async () => {
      const { client } = harness();
      const gamr = (await client.getTokenList()).find((t) => t.apiId === 'gamr');
      assert.ok(gamr);
      const result = await client.getBalances(id(ADDRESS), gamr.address);
      assert.deepEqual({ ...result.balances }, { [gamr.address]: '0' });
    });

    it('looks a token contract address up in the shared token list when given one, without asking for its own', async () => {
      const gamr = (await harness().client.getTokenList()).find((t) => t.apiId === 'gamr');
      assert.ok(gamr);
      const shared: (AbortSignal | undefined)[] = [];
      const { client } = harness({ client: { tokens: async (signal) => (shared.push(signal), [gamr]) } });
      const asked = sim.requests.length;
      const result = await client.getBalances(id(ADDRESS), gamr.address);
      assert.deepEqual({ ...result.balances }, { [gamr.address]: '0' });
      assert.equal(shared.length, 1);
      assert.deepEqual(paths().slice(asked), [`/api/balance/${ADDRESS}`]);
    });

    it('fails once with the token list\'s own error when the list cannot be read, without asking for the balances again', async () => {
      const gamr = (await harness().client.getTokenList()).find((t) => t.apiId === 'gamr');
      assert.ok(gamr);
      const listDown = new PlyrError('network', 'Could not reach the PLYR API (the token list).');
      const { client } = harness({ client: { tokens: async () => Promise.reject(listDown) } });
      const asked = sim.requests.length;
      await assert.rejects(client.getBalances(id(ADDRESS), gamr.address), (error) => error === listDown);
      assert.deepEqual(paths().slice(asked), [`/api/balance/${ADDRESS}`], 'the balances, asked once: the list failing is no reason to ask them again');
    });

    it("maps a token contract address with the list of the server that answered, not of a network switched to meanwhile", async () => {
      const gamr = (await harness().client.getTokenList()).find((t) => t.apiId === 'gamr');
      assert.ok(gamr);
      const shared: string[] = [];
      // The other network's list names that address otherwise: read by mistake, plyr's 1.5 would come back.
      const otherNetwork = [{ ...gamr, apiId: 'plyr' }];
      const { client, config } = harness({
        client: {
          tokens: async () => (shared.push(config.customBaseUrl ?? ''), otherNetwork),
          fetch: async (url, init) => {
            const response = await fetch(url, init);
            if (String(url).includes('/api/balance/')) {
              config.customBaseUrl = 'http://127.0.0.1:9/'; // the user switched servers while the balances came
            }
            return response;
          },
        },
      });
      const result = await client.getBalances(id(ADDRESS), gamr.address);
      assert.deepEqual({ ...result.balances }, { [gamr.address]: '0' });
      assert.deepEqual(shared, [], 'the shared list is of the server in use now');
      assert.equal(paths().at(-1), '/api/tokenlist', "the list was asked of the server that answered");
    });

    it('filters an address lookup by the contract address of a token the list marks disabledOnUI (its balance still comes)', async () => {
      sim.configure({ disabledOnUI: ['gamr'] });
      const { client } = harness();
      const gamr = (await client.getTokenList()).find((t) => t.apiId === 'gamr');
      assert.equal(gamr?.disabledOnUI, true);
      const result = await client.getBalances(id(ADDRESS), gamr.address);
      assert.deepEqual({ ...result.balances }, { [gamr.address]: '0' });
    });

    it('tells a PLYR ID filtered by an address that is no token contract so, once, not as a server error to try again', async () => {
      const { client } = harness();
      const notAToken = '0x000000000000000000000000000000000000dEaD';
      const error = await failure(client.getBalances(id('player123'), notAToken));
      assert.equal(error.code, 'invalidToken');
      assert.match(error.message, /is not a token contract on the PLYR chain/);
      assert.doesNotMatch(error.message, /server error|Try again|viem|0x/);
      assert.deepEqual(logged(), [{ method: 'GET', path: `/api/user/balance/player123/${notAToken}`, status: 500, signed: true }]);
    });

    it("tells a contract that is no ERC-20 (an NFT's decimals reverts) so too, and reads a game chip's balance by its address", async () => {
      const { client } = harness();
      const error = await failure(client.getBalances(id('player123'), DEMO_NFT_CONTRACT));
      assert.equal(error.code, 'invalidToken');
      assert.equal(sim.requests.length, 1, 'not asked again');
      const tgold = DEMO_CHIPS.find((c) => c.symbol === 'TGOLD')!.chip;
      assert.deepEqual({ ...(await client.getBalances(id('player123'), tgold)).balances }, { [tgold]: '1500' });
    });

    it('reads the token list without signing', async () => {
      const { client } = harness({ credentials: undefined });
      const tokens = await client.getTokenList();
      assert.deepEqual(tokens.map((t) => t.apiId), ['plyr', 'gamr', 'avax', 'usdc', 'floki']);
      assert.deepEqual(logged(), [{ method: 'GET', path: '/api/tokenlist', status: 200, signed: false }]);
    });

    it('never logs the secret or the whole API key', async () => {
      const { client, logs } = harness();
      await client.getBalances(id('player123'), undefined);
      assert.ok(logs.length > 0);
      for (const line of logs) {
        assert.ok(!line.includes(DEMO.secretKey), line);
        assert.ok(!line.includes(DEMO.apiKey), line);
      }
      assert.ok(logs.some((line) => line.includes('…0001')));
    });
  });

  describe('the published page behaviour', () => {
    beforeEach(() => sim.configure(PAGE_BEHAVIOUR));

    it('accepts the wrapped shape and learns the null signing convention with one retry', async () => {
      const { client } = harness();
      const first = await client.getBalances(id('player123'), undefined);
      assert.equal(first.balances.gamr, PLAYER123_GAMR);
      assert.deepEqual(statuses(), [401, 200]);

      sim.requests.splice(0);
      const second = await client.getBalances(id('player123'), 'gamr');
      assert.deepEqual({ ...second.balances }, { gamr: PLAYER123_GAMR });
      assert.deepEqual(statuses(), [200]);
    });

    it("learns the convention from a 401 of the server's own past the signature check (Invalid tokenName) too", async () => {
      const { client } = harness();
      const error = await failure(client.getBalances(id('player123'), 'nosuchtoken'));
      assert.equal(error.code, 'invalidToken');
      assert.match(error.message, /does not know the token 'nosuchtoken'\./, 'names the token asked for');
      assert.deepEqual(statuses(), [401, 401], 'Invalid signature, then Invalid tokenName signed the other way');
      sim.requests.splice(0);
      await client.getBalances(id('player123'), undefined);
      assert.deepEqual(statuses(), [200], 'signed the way that passed, at once');
    });

    it('falls back from /api/balance to the user route for an address, and remembers it', async () => {
      const { client } = harness({ config: { signing: 'null' } });
      const first = await client.getBalances(id(ADDRESS), undefined);
      assert.equal(first.balances.gamr, PLAYER123_GAMR);
      assert.deepEqual(sim.requests.map((r) => [r.path, r.status]), [
        [`/api/balance/${ADDRESS}`, 404],
        [`/api/user/balance/${ADDRESS}`, 200],
      ]);

      sim.requests.splice(0);
      await client.getBalances(id(ADDRESS), 'gamr');
      assert.deepEqual(sim.requests.map((r) => [r.path, r.status]), [[`/api/user/balance/${ADDRESS}/gamr`, 200]]);
    });

    it('does the fallback and the signing switch together', async () => {
      const { client } = harness();
      await client.getBalances(id(ADDRESS), undefined);
      assert.deepEqual(statuses(), [404, 401, 200]);
      sim.requests.splice(0);
      await client.getBalances(id(ADDRESS), undefined);
      assert.deepEqual(statuses(), [200]);
    });

    it('reports invalidSignature when the other convention may not be tried', async () => {
      const { client } = harness({ config: { retryOtherConvention: false } });
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'invalidSignature');
      assert.deepEqual(statuses(), [401]);
    });
  });

  describe('authentication errors', () => {
    it('reports a wrong secret as invalidSignature without revealing it', async () => {
      const secretKey = 'wrong-secret-value-1234';
      const { client, logs } = harness({ credentials: { apiKey: DEMO.apiKey, secretKey } });
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'invalidSignature');
      assert.equal(error.fix, 'setCredentials');
      assert.ok(!error.message.includes(secretKey));
      assert.ok(!logs.join('\n').includes(secretKey));
      // One retry with the other convention, then the error.
      assert.deepEqual(statuses(), [401, 401]);
    });

    it('reports an unknown key as invalidApiKey', async () => {
      const { client } = harness({ credentials: { apiKey: 'nobody-knows-this-key', secretKey: 'x' } });
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'invalidApiKey');
      assert.equal(error.fix, 'setCredentials');
    });

    it('reports a key whose role the server does not recognise as forbidden', async () => {
      const { client } = harness({ credentials: { apiKey: LIMITED_CREDENTIALS.apiKey, secretKey: LIMITED_CREDENTIALS.secretKey } });
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'forbidden');
      assert.deepEqual(statuses(), [403]);
    });

    it('reports missing credentials without making a request', async () => {
      const { client } = harness({ credentials: undefined });
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'noCredentials');
      assert.equal(error.fix, 'setCredentials');
      const byAddress = await failure(client.getBalances(id(ADDRESS), undefined));
      assert.equal(byAddress.code, 'noCredentials');
      assert.equal(sim.requests.length, 0);
    });

    it('passes on credentials that cannot be read (a locked keyring) as they are, without making a request', async () => {
      const locked = new PlyrError('credentialsUnreadable', 'Could not read the PLYR API credentials from the system keyring.', { fix: 'readCredentialsAgain' });
      const { client } = harness({ client: { credentials: () => Promise.reject(locked) } });
      assert.equal(await failure(client.getBalances(id('player123'), undefined)), locked);
      assert.equal(await failure(client.getBalances(id(ADDRESS), undefined)), locked);
      assert.equal(sim.requests.length, 0);
      // As with none set, a server not allowed is the first thing to fix.
      const refusal = new PlyrError('serverNotConfirmed', 'not allowed yet', { fix: 'allowServer' });
      const refuse = () => {
        throw refusal;
      };
      const unconfirmed = harness({ client: { credentials: () => Promise.reject(locked), assertServerAllowed: refuse } }).client;
      assert.equal(await failure(unconfirmed.getBalances(id('player123'), undefined)), refusal);
    });

    it('corrects for a clock 10 minutes behind the server', async () => {
      sim.configure({ clockOffsetMs: 10 * 60 * 1000 });
      const { client, skews } = harness();
      const result = await client.getBalances(id('player123'), undefined);
      assert.equal(result.balances.gamr, PLAYER123_GAMR);
      assert.deepEqual(statuses(), [401, 200]);
      assert.equal(skews.length, 1);
      assert.ok(Math.abs(skews[0] - 600_000) < 5000, `offset ${skews[0]}`);

      sim.requests.splice(0);
      await client.getBalances(id('player123'), undefined);
      assert.deepEqual(statuses(), [200]);
      assert.equal(skews.length, 1);
    });

    it('keeps the correction to the server it was learned from: another is signed by this clock', async () => {
      sim.configure({ clockOffsetMs: 10 * 60 * 1000 });
      const { client, config } = harness();
      await client.getBalances(id('player123'), undefined);
      const other = await startSimulator();
      try {
        config.customBaseUrl = other.url;
        await client.getBalances(id('player123'), undefined);
        assert.deepEqual(other.requests.map((r) => r.status), [200], 'signed with the first server\'s clock, it would be refused first');
      } finally {
        await other.close();
      }
    });

    it('corrects for no clock more than an hour off: a server cannot have signatures timed days ahead', async () => {
      sim.configure({ clockOffsetMs: 2 * 24 * 3_600_000 });
      const { client, skews } = harness();
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'requestExpired');
      assert.match(error.message, /Correct the system clock/);
      assert.deepEqual(statuses(), [401]);
      assert.deepEqual(skews, []);
    });
  });

  describe('lookup errors', () => {
    it('reports an unknown PLYR ID as userNotFound', async () => {
      const { client } = harness();
      const error = await failure(client.getBalances(id('nobody-here'), undefined));
      assert.equal(error.code, 'userNotFound');
      assert.deepEqual(statuses(), [404]);
    });

    it('reports an unknown token as invalidToken', async () => {
      const { client } = harness();
      const error = await failure(client.getBalances(id('player123'), 'nosuchtoken'));
      assert.equal(error.code, 'invalidToken');
      assert.match(error.message, /does not know the token 'nosuchtoken'\./, 'names the token asked for');
      assert.deepEqual(statuses(), [401]);
    });

    it('reads a PLYR ID that starts with 0x on the user route, lower-cased', async () => {
      const { client } = harness();
      const result = await client.getBalances(id('0xGamer'), undefined);
      assert.equal(result.identifier.kind, 'plyrId');
      assert.equal(result.balances.gamr, '250');
      assert.deepEqual(paths(), ['/api/user/balance/0xgamer']);
    });

    it('says that a 0x PLYR ID without an account, 39 hex digits long, is not a valid address either', async () => {
      const { client } = harness();
      const lookalike = `0x${ADDRESS.slice(2, 41).toLowerCase()}`;
      const error = await failure(client.getBalances(id(lookalike), undefined));
      assert.equal(error.code, 'userNotFound');
      assert.equal(error.message, `No PLYR account was found for ${lookalike}. Check the spelling of the PLYR ID or address. It is not a valid wallet address either: it has 39 hex digits after 0x, and an address has 40.`);
      assert.deepEqual(paths(), [`/api/user/balance/${lookalike}`]);
      // The treasury wallet mistyped with a letter that is not hex: named, with its place.
      const misspelt = await failure(client.getBalances(id('0x742d35Cc6634C0532925a3b844Bc454e4438f4g'), undefined));
      assert.match(misspelt.message, /It is not a valid wallet address either: it has 39 characters after 0x, and 'g' \(U\+0067\), character 39, is not a hex digit\.$/);
      const plain = await failure(client.getBalances(id('0xnobody'), undefined));
      assert.equal(plain.message, 'No PLYR account was found for 0xnobody. Check the spelling of the PLYR ID or address.', 'the account named: a notification of Check Balance shows nothing else that does');
    });

    it('sends a token address checksummed, however it was typed, and the strict server takes it', async () => {
      const { client } = harness();
      const gamr = (await client.getTokenList()).find((t) => t.apiId === 'gamr');
      assert.ok(gamr);
      const typedUpper = `0x${gamr.address.slice(2).toUpperCase()}`;
      for (const typed of [gamr.address.toLowerCase(), typedUpper]) {
        const token = parseTokenName(typed);
        assert.ok(token.ok && token.value !== undefined);
        const result = await client.getBalances(id('player123'), token.value);
        assert.deepEqual({ ...result.balances }, { [gamr.address]: PLAYER123_GAMR });
      }
      assert.deepEqual(statuses(), [200, 200, 200]);
      assert.equal(paths()[1], `/api/user/balance/player123/${gamr.address}`);
    });

    it('refuses a configuration that would send credentials in clear text, before any request', async () => {
      const { client } = harness({ config: { customBaseUrl: 'http://example.com' } });
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'badConfiguration');
      assert.equal(sim.requests.length, 0);
    });
  });

  describe('server trouble and retries', () => {
    it('retries a 429 with Retry-After 0 once, then succeeds', async () => {
      sim.fault({ kind: 'status', status: 429, retryAfter: '0', error: 'Too many requests', times: 1 });
      const { client, sleeps } = harness();
      const result = await client.getBalances(id('player123'), undefined);
      assert.equal(result.balances.gamr, PLAYER123_GAMR);
      assert.deepEqual(statuses(), [429, 200]);
      assert.deepEqual(sleeps, [0]);
    });

    it('does not wait for a Retry-After of a day', async () => {
      sim.fault({ kind: 'status', status: 429, retryAfter: '86400', error: 'Too many requests' });
      const { client, sleeps } = harness();
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'rateLimited');
      assert.equal(error.retryAfterMs, 86_400_000);
      assert.deepEqual(sleeps, []);
      assert.equal(sim.requests.length, 1);
    });

    it('sends nothing more to a server that asked for two minutes of quiet: every request until then fails at once, saying when', async () => {
      sim.fault({ kind: 'status', status: 429, retryAfter: '120', error: 'Too many requests', times: 1 });
      const { client, sleeps } = harness();
      const errors = [];
      for (const name of ['player123', 'zero-hero', 'tester-01', 'crypto-fennec']) {
        errors.push(await failure(client.getBalances(id(name), undefined)));
      }
      assert.deepEqual(errors.map((e) => e.code), ['rateLimited', 'rateLimited', 'rateLimited', 'rateLimited']);
      assert.ok(errors.every((e) => e.retryAfterMs !== undefined && e.retryAfterMs > 100_000 && /Try again in/.test(e.message)));
      assert.deepEqual(paths(), ['/api/user/balance/player123']);
      assert.deepEqual(sleeps, []);
    });

    it('tells of each 2xx answer, and of no failure nor refusal (what asks failed rows again)', async () => {
      let answers = 0;
      const { client } = harness({ client: { onAnswer: () => void answers++ } });
      sim.fault({ kind: 'status', status: 500, times: 1 });
      await failure(client.getBalances(id('player123'), undefined));
      await failure(client.getBalances(id('no-such-player'), undefined));
      assert.equal(answers, 0, 'a 500 and a 404 say nothing of the server being back');
      await client.getBalances(id('player123'), undefined);
      assert.equal(answers, 1);
    });

    it('gives up on a 503 after exactly three requests', async () => {
      sim.fault({ kind: 'status', status: 503, error: 'Service unavailable' });
      const { client, sleeps } = harness();
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'serverError');
      assert.equal(error.status, 503);
      assert.deepEqual(statuses(), [503, 503, 503]);
      assert.equal(sleeps.length, 2);
      for (const ms of sleeps) {
        assert.ok(ms >= 0 && ms <= FAST_RETRY.maxDelayMs, `slept ${ms}`);
      }
    });

    it('reports an HTML 502 from a proxy as a server error', async () => {
      sim.fault({ kind: 'html', status: 502 });
      const { client } = harness();
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'serverError');
      assert.match(error.message, /HTML/);
      assert.ok(!error.message.includes('<'));
    });

    it('does not retry a 500', async () => {
      sim.fault({ kind: 'status', status: 500 });
      const { client } = harness();
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'serverError');
      assert.equal(sim.requests.length, 1);
    });

    it("retries a 500 that is viem's failure to reach the chain node, and says so without the node's URL when it lasts", async () => {
      // The server's error handler answers a thrown viem error as 500 with its message.
      const said = 'HTTP request failed.\n\nURL: https://rpc.example/ext/bc/secret-token/rpc\nRequest body: {"method":"eth_call"}\n\nDetails: fetch failed\nVersion: viem@2.21.0';
      sim.fault({ kind: 'status', status: 500, error: said, times: 1 });
      const { client } = harness();
      assert.equal((await client.getBalances(id('player123'), undefined)).balances.gamr, '9007199.254740993123456789');
      assert.deepEqual(statuses(), [500, 200], 'asked again after a brief failure of the chain node');
      sim.reset();
      sim.fault({ kind: 'status', status: 500, error: 'The request took too long to respond.\n\nURL: https://rpc.example/x' });
      const error = await failure(harness().client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'chainUnavailable');
      assert.deepEqual(statuses(), [500, 500, 500], 'as often as any failure on the way');
      assert.match(error.message, /could not reach its blockchain node \("The request took too long to respond\."\)/);
      assert.doesNotMatch(error.message, /rpc\.example/, "only viem's headline, not the node's address");
    });

    it("reads viem's failure to reach the chain node whatever status the server answers it with (the node's own: 503, 429)", async () => {
      // The error handler answers `err.status || 500`, and viem's HttpRequestError carries the node's status.
      const said = (status: number) => `HTTP request failed.\n\nStatus: ${status}\nURL: https://rpc.example/ext/bc/secret-token/rpc\nRequest body: {"method":"eth_getBalance"}\n\nVersion: viem@2.21.0`;
      sim.fault({ kind: 'status', status: 503, error: said(503), times: 1 });
      assert.equal((await harness().client.getBalances(id('player123'), undefined)).balances.gamr, '9007199.254740993123456789');
      assert.deepEqual(statuses(), [503, 200]);
      sim.reset();
      sim.fault({ kind: 'status', status: 503, error: said(503) });
      const error = await failure(harness().client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'chainUnavailable');
      assert.doesNotMatch(error.message, /rpc\.example|secret-token/, "only viem's headline, not the node's address");
      sim.reset();
      sim.fault({ kind: 'status', status: 429, error: said(429), times: 1 });
      assert.equal((await harness().client.getBalances(id('player123'), undefined)).balances.plyr, '1234.5', "the node's 429 asked again");
      sim.reset();
      sim.fault({ kind: 'status', status: 429, error: said(429) });
      const lasting = await failure(harness().client.getBalances(id('player123'), undefined));
      assert.equal(lasting.code, 'chainUnavailable', "said as the chain node's failure, not as the API's rate limit");
    });

    it('logs the final failure with its message, the details a "see the PLYR log" error promises, once', async () => {
      sim.configure({ extraBalances: { weird: 42 } });
      const { client, logs } = harness();
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'malformedResponse');
      assert.equal(error.fix, 'showLog');
      const failures = logs.filter((line) => line.includes('failed:'));
      assert.deepEqual(failures, [`Balances of player123 failed: malformedResponse: ${error.message}`]);
      assert.match(failures[0], /the amount for "weird" is a number/);
    });

    it('reports broken JSON as malformedResponse', async () => {
      sim.fault({ kind: 'malformedJson' });
      const { client } = harness();
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'malformedResponse');
      assert.equal(sim.requests.length, 1);
    });

    it('refuses an oversized response', async () => {
      sim.fault({ kind: 'oversized' });
      const { client } = harness();
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'responseTooLarge');
    });

    for (const declareLength of [false, true]) {
      it(`refuses a 50 MB body ${declareLength ? 'declared in Content-Length' : 'sent without a length'}, and hangs up on it`, async () => {
        sim.fault({ kind: 'oversized', bytes: 50 * 1024 * 1024, declareLength });
        // A long timeout: its abort would hang up too, and hide a client that did not.
        const { client } = harness({ config: { timeoutMs: 30_000 } });
        const error = await failure(client.getBalances(id('player123'), undefined));
        assert.equal(error.code, 'responseTooLarge');
        assert.equal(sim.requests.length, 1, 'not retried');
        // An unread body left open would keep the server sending (and the connection taken) until the
        // 30 s timeout: 10 s tells the two apart on any machine, without timing the hang-up itself.
        for (const deadline = Date.now() + 10_000; sim.streamingBodies > 0 && Date.now() < deadline; ) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        assert.equal(sim.streamingBodies, 0, 'the client hung up');
        assert.ok(sim.streamedBytes < 8 * 1024 * 1024, `the server produced ${sim.streamedBytes} bytes of 50 MB`);
      });
    }

    it('times out a server that never answers', async () => {
      sim.fault({ kind: 'hang' });
      const { client } = harness({ config: { timeoutMs: 300 } });
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'timeout');
    });

    it('reports a caller cancellation during a hang as cancelled', async () => {
      sim.fault({ kind: 'hang' });
      const { client } = harness({ config: { timeoutMs: 5000 } });
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 100);
      try {
        // Cancelled, not timed out: the 5 s timeout did not have to run out first.
        const error = await failure(client.getBalances(id('player123'), undefined, controller.signal));
        assert.equal(error.code, 'cancelled');
      } finally {
        clearTimeout(timer);
      }
    });

    it('reports a connection reset mid-body as a network error, after retrying', async () => {
      sim.fault({ kind: 'reset' });
      const { client } = harness();
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'network');
      assert.equal(sim.requests.length, 3);
    });

    it('recovers from one connection reset', async () => {
      sim.fault({ kind: 'reset', times: 1 });
      const { client } = harness();
      const result = await client.getBalances(id('player123'), undefined);
      assert.equal(result.balances.gamr, PLAYER123_GAMR);
    });

    it('reports a closed server as a refused connection', async () => {
      const { client, sleeps } = harness();
      await sim.close();
      closed = true;
      const error = await failure(client.getBalances(id('player123'), undefined));
      assert.equal(error.code, 'network');
      assert.match(error.message, /refused/);
      assert.equal(sleeps.length, 2);
    });
  });

  describe('a hostile or unconfirmed server (issue 15)', () => {
    it('sends no request of any kind while assertServerAllowed refuses: signed, owner, token list, probe', async () => {
      const refusal = new PlyrError('serverNotConfirmed', 'not allowed yet', { fix: 'allowServer' });
      const roots: string[] = [];
      const { client } = harness({
        client: {
          assertServerAllowed: (root) => {
            roots.push(root.href);
            throw refusal;
          },
        },
      });
      for (const call of [() => client.getBalances(id('player123'), undefined), () => client.getPlyrIdForAddress(ADDRESS), () => client.getTokenList(), () => client.probeServer()]) {
        const error = await failure(call());
        assert.equal(error.code, 'serverNotConfirmed');
      }
      assert.deepEqual(sim.requests, [], 'the server heard nothing');
      assert.ok(roots.length >= 4 && roots.every((r) => r === `${sim.url}/api/`), roots.join(', '));
    });

    it('removes the API key, the secret and the signature that a server echoes, from the error and the log', async () => {
      sim.fault({ kind: 'echoHeaders' });
      const { client, logs } = harness();
      const error = await failure(client.getBalances(id('player123'), undefined));
      const signature = sim.requests[0].signature;
      assert.ok(signature);
      for (const text of [error.message, ...logs]) {
        assert.ok(!text.includes(DEMO.apiKey) && !text.includes(DEMO.secretKey) && !text.includes(signature), text);
      }
      assert.match(error.message, /apikey=\[redacted\] signature=\[redacted\]/);
    });

    it('removes the API key a server spells out between characters Markdown could hide, from the error and the log', async () => {
      sim.fault({ kind: 'status', status: 500, error: `your key: ${[...DEMO.apiKey].join('*')}` });
      const { client, logs } = harness();
      const error = await failure(client.getBalances(id('player123'), undefined));
      for (const text of [error.message, ...logs]) {
        assert.ok(!text.includes(DEMO.apiKey), text);
      }
      assert.match(error.message, /"your key: \[redacted\]"/);
    });
  });

  describe('getPlyrIdForAddress', () => {
    it('names the PLYR ID whose primary wallet the address is, without signing', async () => {
      const { client } = harness();
      assert.equal(await client.getPlyrIdForAddress(ADDRESS), 'player123');
      assert.deepEqual(logged(), [{ method: 'GET', path: `/api/user/basic/${ADDRESS}`, status: 200, signed: false }]);
      assert.equal(sim.requests[0].signed, false);
      assert.equal(sim.requests[0].signature, undefined);
    });

    it('needs no credentials', async () => {
      const { client } = harness({ credentials: undefined });
      assert.equal(await client.getPlyrIdForAddress(DEMO_USERS[1].primaryAddress), 'crypto-fennec');
      assert.deepEqual(statuses(), [200]);
      assert.equal(sim.requests[0].signed, false);
    });

    it('finds an address written in lower case', async () => {
      const { client } = harness();
      assert.equal(await client.getPlyrIdForAddress(ADDRESS.toLowerCase()), 'player123');
    });

    it('answers undefined for an address without a PLYR account', async () => {
      const { client } = harness();
      assert.equal(await client.getPlyrIdForAddress(demoAddress('nobody')), undefined);
      assert.deepEqual(statuses(), [404]);
      assert.equal(sim.requests[0].signed, false);
    });

    it('does not take a mirror address (which holds the balances) for a primary one', async () => {
      const { client } = harness();
      assert.equal(await client.getPlyrIdForAddress(DEMO_USERS[0].mirrorAddress), undefined);
    });

    it('reports a 500 as a server error, without retrying', async () => {
      sim.fault({ kind: 'status', status: 500 });
      const { client, sleeps } = harness();
      const error = await failure(client.getPlyrIdForAddress(ADDRESS));
      assert.equal(error.code, 'serverError');
      assert.equal(error.status, 500);
      assert.equal(sim.requests.length, 1);
      assert.deepEqual(sleeps, []);
    });

    it('retries a 503 and then answers', async () => {
      sim.fault({ kind: 'status', status: 503, error: 'Service unavailable', times: 1 });
      const { client } = harness();
      assert.equal(await client.getPlyrIdForAddress(ADDRESS), 'player123');
      assert.deepEqual(statuses(), [503, 200]);
    });

    it('reports an address the server calls malformed as invalidAddress, URL-encoded in the path', async () => {
      const malformed = '0xnot an/address?x=1#y';
      const { client } = harness();
      const error = await failure(client.getPlyrIdForAddress(malformed));
      assert.equal(error.code, 'invalidAddress');
      assert.equal(error.status, 400);
      assert.deepEqual(logged(), [{ method: 'GET', path: `/api/user/basic/${encodeURIComponent(malformed)}`, status: 400, signed: false }]);
    });

    it('reports a mixed-case address failing its checksum as invalidAddress', async () => {
      const typo = ADDRESS.replace('Cc', 'cC');
      const { client } = harness();
      const error = await failure(client.getPlyrIdForAddress(typo));
      assert.equal(error.code, 'invalidAddress');
      assert.equal(sim.requests.length, 1);
    });

    it('takes an owner whose PLYR ID starts with 0x, as the real server sends it', async () => {
      const gamer = DEMO_USERS.find((u) => u.plyrId === '0xgamer');
      assert.ok(gamer);
      const { client } = harness();
      assert.equal(await client.getPlyrIdForAddress(gamer.primaryAddress), '0xgamer');
    });

    it('reports broken JSON as malformedResponse', async () => {
      sim.fault({ kind: 'malformedJson' });
      const { client } = harness();
      const error = await failure(client.getPlyrIdForAddress(ADDRESS));
      assert.equal(error.code, 'malformedResponse');
    });
  });
});
