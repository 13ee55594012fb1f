import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { describeApiKey, parseCredentials, validateSecretText } from '../../src/core/api/credentials';

const SECRET = 'Sup3r$ecretValue!';

function rejectedMessage(value: unknown): string {
  const result = parseCredentials(value);
  assert.equal(result.ok, false, `expected ${JSON.stringify(value)} to be rejected`);
  return result.ok ? '' : result.message;
}

describe('parseCredentials', () => {
  it('accepts an API key and secret key', () => {
    assert.deepEqual(parseCredentials({ apiKey: 'k', secretKey: 's' }), { ok: true, value: { apiKey: 'k', secretKey: 's' } });
  });

  it('trims both values', () => {
    assert.deepEqual(parseCredentials({ apiKey: '  key-1\n', secretKey: `\t${SECRET} ` }), { ok: true, value: { apiKey: 'key-1', secretKey: SECRET } });
  });

  it('returns only the two fields', () => {
    const result = parseCredentials({ apiKey: 'k', secretKey: 's', extra: 'x' });
    assert.ok(result.ok);
    assert.deepEqual(Object.keys(result.value).sort(), ['apiKey', 'secretKey']);
  });

  it('accepts 512 visible ASCII characters', () => {
    const long = '~'.repeat(512);
    assert.deepEqual(parseCredentials({ apiKey: long, secretKey: long }), { ok: true, value: { apiKey: long, secretKey: long } });
  });

  const badSecrets: [string, unknown, RegExp][] = [
    ['missing', undefined, /secret key must be text, not /],
    ['empty', '', /secret key cannot be empty/],
    ['blank', '   ', /secret key cannot be empty/],
    ['a number', 12345, /secret key must be text, not a number/],
    ['null', null, /secret key must be text, not null/],
    ['with a space inside', `${SECRET} more`, /only contain visible ASCII characters, without spaces/],
    ['with a control character', `${SECRET}\u0000x`, /only contain visible ASCII/],
    ['with a DEL character', `${SECRET}\u007f`, /only contain visible ASCII/],
    ['with a line break inside', `${SECRET}\r\nInjected: 1`, /only contain visible ASCII/],
    ['with non-ASCII', `${SECRET}\u00e9`, /only contain visible ASCII/],
    ['over 512 characters', `${SECRET}${'x'.repeat(512)}`, /longer than 512 characters/],
  ];
  for (const [label, secretKey, pattern] of badSecrets) {
    it(`rejects a secret key ${label} without echoing it`, () => {
      const message = rejectedMessage({ apiKey: 'good-key', secretKey });
      assert.match(message, pattern);
      assert.ok(!message.includes(SECRET), `message echoes the secret: ${message}`);
    });
  }

  const badKeys: [string, unknown, RegExp][] = [
    ['missing', undefined, /API key must be text/],
    ['empty', '', /API key cannot be empty/],
    ['an object', { key: 'x' }, /API key must be text, not an object/],
    ['with a space', 'my key', /API key can only contain visible ASCII/],
    ['with a tab inside', 'my\tkey', /API key can only contain visible ASCII/],
    ['over 512 characters', 'k'.repeat(513), /API key is longer than 512/],
  ];
  for (const [label, apiKey, pattern] of badKeys) {
    it(`rejects an API key ${label}`, () => {
      const message = rejectedMessage({ apiKey, secretKey: SECRET });
      assert.match(message, pattern);
      assert.ok(!message.includes(SECRET));
    });
  }

  const nonObjects: [string, unknown, RegExp][] = [
    ['a string', SECRET, /must be an object \{ apiKey, secretKey \}, not a string/],
    ['null', null, /not null/],
    ['undefined', undefined, /must be an object/],
    ['a number', 7, /not a number/],
  ];
  for (const [label, value, pattern] of nonObjects) {
    it(`rejects ${label}`, () => {
      const message = rejectedMessage(value);
      assert.match(message, pattern);
      assert.ok(!message.includes(SECRET));
    });
  }

  it('rejects an array as not an object (a key and secret side by side are no credentials object)', () => {
    const message = rejectedMessage([SECRET, SECRET]);
    assert.equal(message, 'Credentials must be an object { apiKey, secretKey }, not a list.');
    assert.ok(!message.includes(SECRET));
  });
});

describe('validateSecretText', () => {
  it('names what it checks', () => {
    const result = validateSecretText('', 'API key');
    assert.deepEqual(result, { ok: false, message: 'The API key cannot be empty.' });
  });
});

describe('describeApiKey', () => {
  it('names a key by its last four characters, and a short one by its length alone', () => {
    assert.equal(describeApiKey('demo-api-key-0001'), 'key …0001');
    assert.equal(describeApiKey('QZXWVQ'), 'a key of 6 characters', 'nothing of a key of 6, not "key …"');
    assert.equal(describeApiKey('QZXWVQZXWVQZXWV'), 'a key of 15 characters');
  });
});
