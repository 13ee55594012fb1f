import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { PlyrError } from '../../src/core/model/errors';
import { parseTokenList } from '../../src/core/api/tokenList';
import { balanceKeyOf } from '../../src/core/store/tokenListStore';
import { parseExactJson } from '../../src/core/model/exactJson';

const GAMR = { chainId: 16180, address: '0xa875625fe8A955406523E52E485f351b92908ce1', name: 'GAMR', symbol: 'GAMR', decimals: 18, logoURI: '', apiId: 'gamr', disabledOnUI: false };
const USDC = { chainId: 16180, address: '0xB97EF9Ef8734C71904D8002F8b6Bc66Dd9c48a6E', name: 'USD Coin', symbol: 'USDC', decimals: 6, logoURI: '', apiId: 'usdc', disabledOnUI: false };

describe('parseTokenList', () => {
  it('keeps valid entries, reduced to what is shown', () => {
    assert.deepEqual(parseTokenList({ name: 'list', tokens: [GAMR, USDC] }), [
      { apiId: 'gamr', symbol: 'GAMR', name: 'GAMR', decimals: 18, address: GAMR.address, chainId: 16180 },
      { apiId: 'usdc', symbol: 'USDC', name: 'USD Coin', decimals: 6, address: USDC.address, chainId: 16180 },
    ]);
  });

  it('keeps an entry disabled on the UI, marked: balance answers still hold it, so its price and address count', () => {
    const list = parseTokenList({ tokens: [{ ...GAMR, disabledOnUI: true, price: '2' }, USDC, { ...USDC, apiId: 'odd', disabledOnUI: 'yes' }] });
    assert.deepEqual(
      list.map((t) => [t.apiId, t.disabledOnUI]),
      [
        ['gamr', true],
        ['usdc', undefined],
        ['odd', undefined],
      ],
    );
    assert.equal(list[0].price?.usd, '2');
    assert.equal(balanceKeyOf(GAMR.address.toLowerCase(), list), 'gamr');
  });

  it('lets an enabled entry take an apiId from a disabled one listed first (an old contract), in its place', () => {
    const list = parseTokenList({ tokens: [{ ...GAMR, disabledOnUI: true, address: '0x00000000000000000000000000000000000000a1' }, USDC, GAMR, { ...GAMR, symbol: 'LATER' }] });
    assert.deepEqual(
      list.map((t) => [t.apiId, t.address, t.disabledOnUI]),
      [
        ['gamr', GAMR.address, undefined],
        ['usdc', USDC.address, undefined],
      ],
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

/** A token list as the server writes it, read as the client reads it (numbers kept as their text). */
function listOf(...tokens: string[]): unknown {
  return parseExactJson(`{ "name": "list", "tokens": [${tokens.join(',')}] }`);
}

/** GAMR's entry with these fields (JSON text) in place of the price fields. */
function gamrWith(fields: string): string {
  return `{ "chainId": 16180, "address": "${GAMR.address}", "name": "GAMR", "symbol": "GAMR", "decimals": 18, "apiId": "gamr", "disabledOnUI": false, ${fields} }`;
}

const PRICED = '"priceSource": "cmc_api", "updatedAt": "2025-06-01T12:00:00.000Z", "nextUpdatedAt": "2025-06-01T12:10:00.000Z"';

describe('parseTokenList: prices', () => {
  it('reads price, priceSource, updatedAt and nextUpdatedAt as the real server sends them (price a string)', () => {
    const [gamr] = parseTokenList(listOf(gamrWith(`"price": "0.5", ${PRICED}`)));
    assert.deepEqual(gamr.price, { usd: '0.5', source: 'cmc_api', updatedAt: Date.UTC(2025, 5, 1, 12, 0) });
    assert.equal(gamr.nextUpdatedAt, Date.UTC(2025, 5, 1, 12, 10));
    assert.equal(gamr.decimals, 18, 'numbers read from their text');
    assert.equal(gamr.chainId, 16180);
  });

  it('reads a JSON number price from its text, digit for digit: never a float', () => {
    const [gamr] = parseTokenList(listOf(gamrWith(`"price": 0.123456789012345678901234567890, ${PRICED}`)));
    assert.equal(gamr.price?.usd, '0.123456789012345678901234567890');
  });

  it('writes out exponent forms, as String(number) makes them for small and large prices', () => {
    const read = (price: string) => parseTokenList(listOf(gamrWith(`"price": ${price}`)))[0].price?.usd;
    assert.equal(read('1.5e-7'), '0.00000015');
    assert.equal(read('"1.5e-7"'), '0.00000015');
    assert.equal(read('"2E+3"'), '2000');
    assert.equal(read('1e21'), '1000000000000000000000');
  });

  it('knows the three sources, and leaves an unknown one out rather than showing it', () => {
    const source = (name: string) => parseTokenList(listOf(gamrWith(`"price": "1", "priceSource": ${name}`)))[0].price?.source;
    assert.equal(source('"cg_api"'), 'cg_api');
    assert.equal(source('"cmc_dex_api"'), 'cmc_dex_api');
    assert.equal(source('"[evil](command:x)"'), undefined);
    assert.equal(source('null'), undefined);
    assert.equal(source('42'), undefined);
  });

  it('has no price for null (no source had one), zero, or anything that is not a positive plain number', () => {
    const hostile = ['null', '0', '"0"', '"0.000"', '-1', '"-0.5"', '"NaN"', '"Infinity"', '"-Infinity"', '"0x10"', '" 1"', '"1 "', '"+1"', '"1,5"', '"1_000"', '".5"', '"5."', '"01"', '"1e"', '""', 'true', '{}', '[1]', '{ "usd": 1 }', `"${'9'.repeat(81)}"`, '1e-100', '"1e999"'];
    for (const price of hostile) {
      const [gamr] = parseTokenList(listOf(gamrWith(`"price": ${price}, ${PRICED}`)));
      assert.equal(gamr.price, undefined, `price ${price}`);
      assert.equal(gamr.apiId, 'gamr', `the token stays for ${price}`);
    }
  });

  it('reads fields of the entry itself, never inherited ones or a __proto__ key', () => {
    const [gamr] = parseTokenList(listOf(gamrWith('"__proto__": { "price": "5", "priceSource": "cg_api" }')));
    assert.equal(gamr.price, undefined);
    assert.equal(({} as { price?: unknown }).price, undefined, 'no prototype was touched');
    const [other] = parseTokenList(listOf(gamrWith('"price": { "__proto__": "1" }')));
    assert.equal(other.price, undefined);
  });

  it('drops unreadable times but keeps the price', () => {
    const [gamr] = parseTokenList(listOf(gamrWith('"price": "2", "priceSource": "cg_api", "updatedAt": "yesterday", "nextUpdatedAt": -5')));
    assert.deepEqual(gamr.price, { usd: '2', source: 'cg_api' });
    assert.equal(gamr.nextUpdatedAt, undefined);
  });

  it('reads the price of a plain object only from a string: a float is never taken', () => {
    const [gamr] = parseTokenList({ tokens: [{ ...GAMR, price: 0.5 }] });
    assert.equal(gamr.price, undefined);
    assert.equal(parseTokenList({ tokens: [{ ...GAMR, price: '0.5' }] })[0].price?.usd, '0.5');
  });

  it('adds no price fields to a token without them', () => {
    assert.deepEqual(Object.keys(parseTokenList(listOf(gamrWith('"logoURI": ""')))[0]).sort(), ['address', 'apiId', 'chainId', 'decimals', 'name', 'symbol']);
  });
});
