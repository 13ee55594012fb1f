import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { PlyrError } from '../../src/core/model/errors';
import { parseExactJson } from '../../src/core/model/exactJson';
import { toChecksumAddress } from '../../src/core/model/identifier';
import { parseAccountInfo, parseSecondaryWallets } from '../../src/core/model/wallets';
import { HOSTILE_INPUTS } from '../support/hostileInputs';

const PRIMARY = toChecksumAddress('a1'.repeat(20));
const MIRROR = toChecksumAddress('b2'.repeat(20));
const SECOND = toChecksumAddress('c3'.repeat(20));
const THIRD = toChecksumAddress('d4'.repeat(20));
const CREATED = '2024-05-01T12:00:00.000Z';
const CREATED_MS = Date.UTC(2024, 4, 1, 12);

/** Every letter in the other case: mixed case, with every checksum letter wrong. */
const caseFlipped = (address: string) => `0x${[...address.slice(2)].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('')}`;
const malformed = (error: unknown) => error instanceof PlyrError && error.code === 'malformedResponse';
/** `/api/user/info` as the server answers it. */
const info = (fields: Record<string, unknown> = {}) => ({
  plyrId: 'player123',
  mirrorAddress: MIRROR,
  primaryAddress: PRIMARY,
  chainId: 16180,
  avatar: 'https://ipfs.plyr.network/ipfs/QmAvatar',
  createdAt: CREATED,
  ippClaimed: false,
  isIPP: false,
  ...fields,
});

describe('parseAccountInfo', () => {
  it('reads the account and its wallets, checksummed', () => {
    const { value, skipped } = parseAccountInfo(parseExactJson(JSON.stringify(info({ primaryAddress: PRIMARY.toLowerCase() }))));
    assert.deepEqual(value, { plyrId: 'player123', primaryAddress: PRIMARY, mirrorAddress: MIRROR, chainId: 16180, avatarUrl: 'https://ipfs.plyr.network/ipfs/QmAvatar', createdAt: CREATED_MS });
    assert.deepEqual(skipped, []);
  });

  it('reads a PLYR ID that starts with 0x, and lower-cases one that is not', () => {
    assert.equal(parseAccountInfo(parseExactJson(JSON.stringify(info({ plyrId: '0xGamer' })))).value.plyrId, '0xgamer');
  });

  it('refuses an answer without a valid PLYR ID', () => {
    for (const plyrId of [undefined, '', 'ab', 42, '[x](command:x)', 'a--b-c']) {
      assert.throws(() => parseAccountInfo(parseExactJson(JSON.stringify(info({ plyrId })))), malformed, String(plyrId));
    }
    for (const text of ['[]', 'null', '"player123"']) {
      assert.throws(() => parseAccountInfo(parseExactJson(text)), malformed, text);
    }
  });

  it('drops, and notes, a wallet that is not an address, a bad checksum, and an avatar that is not https', () => {
    const body = info({ primaryAddress: caseFlipped(PRIMARY), mirrorAddress: '0x12', avatar: 'ipfs://QmAvatar', chainId: '16180', createdAt: 'then' });
    const { value, skipped } = parseAccountInfo(parseExactJson(JSON.stringify(body)));
    assert.deepEqual(value, { plyrId: 'player123', primaryAddress: undefined, mirrorAddress: undefined, chainId: undefined, avatarUrl: undefined, createdAt: undefined });
    assert.deepEqual(
      skipped.map((s) => s.at),
      ['primaryAddress', 'mirrorAddress', 'chainId', 'avatar', 'createdAt'],
    );
  });

  it('never throws for a hostile value in a wallet field', () => {
    for (const input of HOSTILE_INPUTS) {
      for (const field of ['primaryAddress', 'mirrorAddress', 'chainId', 'avatar', 'createdAt']) {
        assert.doesNotThrow(() => parseAccountInfo(info({ [field]: input.value })), `${field}: ${input.name}`);
      }
    }
  });
});

describe('parseSecondaryWallets', () => {
  /** A secondary wallet as the server lists it (a Mongoose document as JSON). */
  const bound = (secondaryAddress: unknown, fields: Record<string, unknown> = {}) => ({ _id: '6632a1b2c3d4e5f601234567', plyrId: 'player123', secondaryAddress, boundAt: CREATED, __v: 0, ...fields });

  it('reads the bound wallets, checksummed, once each', () => {
    const { value, skipped } = parseSecondaryWallets(parseExactJson(JSON.stringify([bound(SECOND), bound(THIRD.toLowerCase(), { boundAt: undefined }), bound(SECOND.toLowerCase())])));
    assert.deepEqual(value, [
      { address: SECOND, boundAt: CREATED_MS },
      { address: THIRD, boundAt: undefined },
    ]);
    assert.deepEqual(skipped, []);
  });

  it('reads no wallets as an empty list', () => {
    assert.deepEqual(parseSecondaryWallets([]), { value: [], skipped: [] });
  });

  it('leaves out, and notes, an entry without a valid address', () => {
    const { value, skipped } = parseSecondaryWallets(parseExactJson(JSON.stringify([bound('0x12'), bound(undefined), 'x', bound(SECOND)])));
    assert.deepEqual(
      value.map((w) => w.address),
      [SECOND],
    );
    assert.deepEqual(skipped, [
      { at: '[0]', reason: '"secondaryAddress" is not a wallet address (0x and 40 hex digits)' },
      { at: '[1]', reason: '"secondaryAddress" is missing' },
      { at: '[2]', reason: 'it is a string, not an object' },
    ]);
  });

  it('refuses a body that is not a list', () => {
    for (const text of ['{}', '{"error": "Invalid PLYR[ID]"}', 'null']) {
      assert.throws(() => parseSecondaryWallets(parseExactJson(text)), malformed, text);
    }
  });

  it('reads 10,000 wallets, and never throws for a hostile entry', () => {
    const list = Array.from({ length: 10_000 }, (_, i) => bound(toChecksumAddress(i.toString(16).padStart(40, '0'))));
    assert.equal(parseSecondaryWallets(parseExactJson(JSON.stringify(list))).value.length, 10_000);
    for (const input of HOSTILE_INPUTS) {
      assert.doesNotThrow(() => parseSecondaryWallets([input.value, bound(input.value), bound(SECOND, { boundAt: input.value })]), input.name);
    }
  });
});
