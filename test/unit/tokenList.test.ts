import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { PlyrError } from '../../src/core/model/errors';
import { parseTokenList } from '../../src/core/api/tokenList';

const GAMR = { chainId: 16180, address: '0xa875625fe8A955406523E52E485f351b92908ce1', name: 'GAMR', symbol: 'GAMR', decimals: 18, logoURI: '', apiId: 'gamr', disabledOnUI: false };
const USDC = { chainId: 16180, address: '0xB97EF9Ef8734C71904D8002F8b6Bc66Dd9c48a6E', name: 'USD Coin', symbol: 'USDC', decimals: 6, logoURI: '', apiId: 'usdc', disabledOnUI: false };

describe('parseTokenList', () => {
  it('keeps valid entries, reduced to what is shown', () => {
    assert.deepEqual(parseTokenList({ name: 'list', tokens: [GAMR, USDC] }), [
      { apiId: 'gamr', symbol: 'GAMR', name: 'GAMR', decimals: 18, address: GAMR.address, chainId: 16180 },
      { apiId: 'usdc', symbol: 'USDC', name: 'USD Coin', decimals: 6, address: USDC.address, chainId: 16180 },
    ]);
  });

  it('drops entries disabled on the UI', () => {
    assert.deepEqual(
      parseTokenList({ tokens: [{ ...GAMR, disabledOnUI: true }, USDC] }).map((t) => t.apiId),
      ['usdc'],
    );
  });

  it('drops duplicate apiIds, keeping the first', () => {
    const list = parseTokenList({ tokens: [GAMR, { ...GAMR, symbol: 'FAKE' }] });
    assert.equal(list.length, 1);
    assert.equal(list[0].symbol, 'GAMR');
  });

  it('drops hostile or malformed apiIds', () => {
    const hostile = ['../x', 'a/b', '[x](command:foo)', 'GAMR', 'g\u0430mr', '', '-gamr', 'a'.repeat(33), 42, null];
    const list = parseTokenList({ tokens: [...hostile.map((apiId) => ({ ...GAMR, apiId })), USDC] });
    assert.deepEqual(list.map((t) => t.apiId), ['usdc']);
  });

  it('drops entries that are not objects', () => {
    const list = parseTokenList({ tokens: [null, 'gamr', 42, [GAMR], USDC] });
    assert.deepEqual(list.map((t) => t.apiId), ['usdc']);
  });

  it('fills defaults for missing or odd fields', () => {
    assert.deepEqual(parseTokenList({ tokens: [{ apiId: 'floki', decimals: 9.5, chainId: '16180' }] }), [
      { apiId: 'floki', symbol: 'FLOKI', name: 'floki', decimals: 18, address: '', chainId: undefined },
    ]);
  });

  const bad: [string, unknown][] = [
    ['no tokens key', { name: 'list' }],
    ['tokens not a list', { tokens: { gamr: GAMR } }],
    ['a bare array', [GAMR]],
    ['null', null],
    ['a string', 'tokens'],
  ];
  for (const [label, body] of bad) {
    it(`throws malformedResponse for ${label}`, () => {
      assert.throws(() => parseTokenList(body), (error: unknown) => error instanceof PlyrError && error.code === 'malformedResponse');
    });
  }
});
