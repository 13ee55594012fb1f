import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { apiKeyTail, getBody, otherConvention, redactApiKey, sign, signedHeaders } from '../../src/core/api/signer';

const TIMESTAMP = '1700000000000';
const SECRET = 'test-secret';
// Computed once with node:crypto over the literal strings below, then frozen here.
const HEX_EMPTY_OBJECT = 'a9ac3c6e3b3f80104f0cb589a9f3571e0d0671fbf216390f2ba7da859314af45';
const HEX_NULL = 'dc8bcf2a6c83eebb2c9065c1f3eaefd0761495899028a69e36ea0e65c6e66268';

function independentHmac(message: string): string {
  return createHmac('sha256', SECRET).update(message).digest('hex');
}

describe('sign', () => {
  it('signs timestamp + "{}" for an empty-object body', () => {
    assert.equal(independentHmac('1700000000000{}'), HEX_EMPTY_OBJECT);
    assert.equal(sign(SECRET, TIMESTAMP, {}), HEX_EMPTY_OBJECT);
  });

  it('signs timestamp + "null" for a null body', () => {
    assert.equal(independentHmac('1700000000000null'), HEX_NULL);
    assert.equal(sign(SECRET, TIMESTAMP, null), HEX_NULL);
  });

  it('gives different signatures for {} and null', () => {
    assert.notEqual(sign(SECRET, TIMESTAMP, {}), sign(SECRET, TIMESTAMP, null));
  });

  it('produces 64 lower-case hex digits', () => {
    assert.match(sign(SECRET, TIMESTAMP, {}), /^[0-9a-f]{64}$/);
  });

  it('depends on the secret and the timestamp', () => {
    assert.notEqual(sign('other-secret', TIMESTAMP, {}), HEX_EMPTY_OBJECT);
    assert.notEqual(sign(SECRET, '1700000000001', {}), HEX_EMPTY_OBJECT);
  });
});

describe('getBody / otherConvention', () => {
  it('maps conventions to bodies and swaps them', () => {
    assert.deepEqual(getBody('emptyObject'), {});
    assert.equal(getBody('null'), null);
    assert.equal(otherConvention('emptyObject'), 'null');
    assert.equal(otherConvention('null'), 'emptyObject');
  });
});

describe('signedHeaders', () => {
  const credentials = { apiKey: 'my-api-key', secretKey: SECRET };

  it('gives exactly apikey, signature and timestamp, all strings', () => {
    const headers = signedHeaders(credentials, 1700000000000, {});
    assert.deepEqual(Object.keys(headers).sort(), ['apikey', 'signature', 'timestamp']);
    for (const value of Object.values(headers)) {
      assert.equal(typeof value, 'string');
    }
    assert.deepEqual({ ...headers }, { apikey: 'my-api-key', signature: HEX_EMPTY_OBJECT, timestamp: TIMESTAMP });
  });

  it('signs null differently from {}', () => {
    const withNull = signedHeaders(credentials, 1700000000000, null);
    assert.equal(withNull.signature, HEX_NULL);
    assert.notEqual(withNull.signature, signedHeaders(credentials, 1700000000000, {}).signature);
  });

  it('sends the timestamp as a whole number of milliseconds', () => {
    const headers = signedHeaders(credentials, 1700000000000.4, {});
    assert.equal(headers.timestamp, TIMESTAMP);
    assert.equal(headers.signature, HEX_EMPTY_OBJECT);
  });

  it('never puts the secret in a header', () => {
    const headers = signedHeaders(credentials, 1700000000000, {});
    for (const value of Object.values(headers)) {
      assert.ok(!value.includes(SECRET));
    }
  });
});

describe('redactApiKey', () => {
  it('shows only the last four characters', () => {
    assert.equal(redactApiKey('demo-api-key-0001'), 'key …0001');
    assert.ok(!redactApiKey('demo-api-key-0001').includes('demo'));
  });

  it('names a key shorter than 16 characters, of which four would be a large share, by its length alone', () => {
    assert.equal(redactApiKey('abcd'), 'a key of 4 characters');
    assert.equal(redactApiKey('secret'), 'a key of 6 characters');
    assert.equal(redactApiKey('short-key'), 'a key of 9 characters');
    assert.equal(redactApiKey('fifteen-chars-k'), 'a key of 15 characters');
    assert.equal(redactApiKey('sixteen-chars-ky'), 'key …s-ky');
  });

  it('never ends on a bare ellipsis, nor shows any character of a short key', () => {
    // Keys of letters that "a key of N characters" does not hold: none may show through.
    for (const key of ['Q', 'QZXWV', 'QZXWVQZXWVQZXWV']) {
      const hint = redactApiKey(key);
      assert.equal(apiKeyTail(key), undefined);
      assert.doesNotMatch(hint, /…$/, hint);
      assert.doesNotMatch(hint, /[QZXWV]/, hint);
    }
  });
});
