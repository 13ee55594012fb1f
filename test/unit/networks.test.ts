import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { apiRoot, isLoopbackHost, MAX_URL_LENGTH, NETWORKS } from '../../src/core/api/networks';

function rootOf(network: 'mainnet' | 'testnet' | 'custom', custom = ''): string {
  const result = apiRoot(network, custom);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.url.href;
}

function refusal(custom: string): string {
  const result = apiRoot('custom', custom);
  assert.equal(result.ok, false, `expected ${custom} to be refused`);
  return result.ok ? '' : result.message;
}

describe('apiRoot', () => {
  it('gives the mainnet and testnet API roots', () => {
    assert.equal(rootOf('mainnet'), 'https://api.plyr.network/api/');
    assert.equal(rootOf('testnet'), 'https://api-testnet.plyr.network/api/');
  });

  it('ignores the custom URL unless the network is custom', () => {
    assert.equal(rootOf('mainnet', 'http://127.0.0.1:4555'), 'https://api.plyr.network/api/');
  });

  const custom: [string, string][] = [
    ['http://127.0.0.1:4555', 'http://127.0.0.1:4555/api/'],
    ['http://127.0.0.1:4555/', 'http://127.0.0.1:4555/api/'],
    ['http://127.0.0.1:4555/api', 'http://127.0.0.1:4555/api/'],
    ['http://127.0.0.1:4555/api/', 'http://127.0.0.1:4555/api/'],
    ['  http://127.0.0.1:4555  ', 'http://127.0.0.1:4555/api/'],
    ['http://localhost:4555', 'http://localhost:4555/api/'],
    ['http://[::1]:8080', 'http://[::1]:8080/api/'],
    ['http://127.1.2.3', 'http://127.1.2.3/api/'],
    ['https://example.com', 'https://example.com/api/'],
    ['https://example.com/plyr/api?x=1#y', 'https://example.com/plyr/api/'],
  ];
  for (const [input, expected] of custom) {
    it(`normalises custom ${JSON.stringify(input)} to ${expected}`, () => {
      assert.equal(rootOf('custom', input), expected);
    });
  }

  it('builds endpoint URLs under the root', () => {
    assert.equal(new URL('user/balance/player123', rootOf('custom', 'http://127.0.0.1:4555/api')).href, 'http://127.0.0.1:4555/api/user/balance/player123');
  });

  const refused: [string, string, RegExp][] = [
    ['plain http to another host', 'http://example.com', /must use https/],
    ['plain http to a look-alike loopback name', 'http://127.0.0.1.example.com', /must use https/],
    ['plain http to localhost.example', 'http://localhost.example.com', /must use https/],
    ['an empty URL', '', /is empty/],
    ['a blank URL', '   ', /is empty/],
    ['a user name and password', 'https://user:pass@example.com', /user name or password/],
    ['a user name on loopback', 'http://user@127.0.0.1:4555', /user name or password/],
    ['not a URL', 'not a url', /not a valid URL/],
    ['another scheme', 'ftp://127.0.0.1', /must use https/],
    ['a javascript: URL', 'javascript:alert(1)', /must use https/],
  ];
  for (const [label, input, pattern] of refused) {
    it(`refuses ${label}`, () => {
      const message = refusal(input);
      assert.match(message, pattern);
      assert.match(message, /plyr\.customBaseUrl/);
    });
  }
});

describe('isLoopbackHost', () => {
  it('accepts this machine only', () => {
    for (const host of ['localhost', '127.0.0.1', '127.255.0.9', '[::1]']) {
      assert.equal(isLoopbackHost(host), true, host);
    }
    for (const host of ['example.com', '128.0.0.1', '127.0.0.1.example.com', '::1x', '10.0.0.1', '0.0.0.0']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });
});

describe('NETWORKS', () => {
  it('has the documented chain ids and explorers', () => {
    assert.equal(NETWORKS.mainnet.chainId, 16180);
    assert.equal(NETWORKS.testnet.chainId, 62831);
    assert.equal(NETWORKS.mainnet.explorerUrl, 'https://explorer.plyr.network');
    assert.equal(NETWORKS.testnet.explorerUrl, 'https://subnets-test.avax.network/plyr');
  });
});

describe('apiRoot with a hostile custom URL', () => {
  it('refuses a URL over 2,048 characters at once, naming the setting', () => {
    const message = refusal(`https://evil.example/${'/'.repeat(100_000)}x`);
    assert.equal(message, `plyr.customBaseUrl is ${21 + 100_001} characters long; a server URL has at most ${MAX_URL_LENGTH}.`);
    assert.ok(apiRoot('custom', `https://api.example.com/${'a'.repeat(MAX_URL_LENGTH - 24)}`).ok, 'exactly the limit is fine');
  });

  it('trims many trailing slashes within the limit, with or without /api', () => {
    assert.equal(rootOf('custom', `https://api.example.com/v1${'/'.repeat(2000)}`), 'https://api.example.com/v1/api/');
    assert.equal(rootOf('custom', `https://api.example.com/api${'/'.repeat(2000)}`), 'https://api.example.com/api/');
  });
});
