import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseChips } from '../../src/core/model/chips';
import { PlyrError } from '../../src/core/model/errors';
import { isJsonObject, parseExactJson } from '../../src/core/model/exactJson';
import { toChecksumAddress } from '../../src/core/model/identifier';
import { HOSTILE_INPUTS } from '../support/hostileInputs';

const BIG = '123456789012345678901234567890.123456789';
const chipAddress = (i: number) => toChecksumAddress(i.toString(16).padStart(40, 'c'));
const CHIP_A = chipAddress(1);
const CHIP_B = chipAddress(2);

/** The body as the server sends it: JSON text, read as the client reads it. */
const fromJson = (text: string) => parseChips(parseExactJson(text));

describe('parseChips', () => {
  it('reads games and their chips in the server order, balances exact', () => {
    const body = {
      'space-game': { [CHIP_A]: { name: 'Gold', symbol: 'GLD', image: 'https://ipfs.plyr.network/ipfs/Qm1', balance: BIG } },
      racer: { [CHIP_B]: { name: 'Fuel', symbol: 'FUEL', image: '', balance: '0' } },
    };
    const { value, skipped } = fromJson(JSON.stringify(body));
    assert.deepEqual(value, [
      { gameId: 'space-game', address: CHIP_A, balance: BIG, name: 'Gold', symbol: 'GLD', image: 'https://ipfs.plyr.network/ipfs/Qm1' },
      { gameId: 'racer', address: CHIP_B, balance: '0', name: 'Fuel', symbol: 'FUEL', image: undefined },
    ]);
    assert.deepEqual(skipped, []);
  });

  it('keeps a balance sent as a JSON number with more digits than a float holds, digit for digit', () => {
    const { value } = fromJson(`{"g1": {"${CHIP_A}": {"name": "Gold", "balance": ${BIG}}}}`);
    assert.equal(value[0].balance, BIG);
  });

  it('reads an empty map as no chips', () => {
    assert.deepEqual(fromJson('{}'), { value: [], skipped: [] });
  });

  it('refuses a body that is not a map', () => {
    for (const text of ['[]', '"x"', '42', 'null', 'true']) {
      assert.throws(() => fromJson(text), (error: unknown) => error instanceof PlyrError && error.code === 'malformedResponse' && /not a map of games and their chips/.test(error.message), text);
    }
  });

  it('leaves out, and notes, a chip without a readable balance, an odd game or chip key, and an entry that is not an object', () => {
    const body = {
      g1: {
        [CHIP_A]: { name: 'Gold' },
        [CHIP_B]: { balance: -5 },
        '0xnot-an-address': { balance: '1' },
        [chipAddress(3)]: 'five',
        [chipAddress(4)]: { balance: '4.5' },
      },
      'bad game!': { [CHIP_A]: { balance: '1' } },
      g2: [1, 2],
    };
    const { value, skipped } = fromJson(JSON.stringify(body));
    assert.deepEqual(
      value.map((c) => [c.gameId, c.address, c.balance]),
      [['g1', chipAddress(4), '4.5']],
    );
    assert.deepEqual(skipped, [
      { at: `g1.${CHIP_A}`, reason: '"balance" is missing' },
      { at: `g1.${CHIP_B}`, reason: '"balance" is not a plain non-negative decimal number' },
      { at: 'g1.0xnot-an-address', reason: 'the key is not a wallet address (0x and 40 hex digits)' },
      { at: `g1.${chipAddress(3)}`, reason: 'it is a string, not an object' },
      { at: "['bad game!']", reason: 'the key is not a game ID' },
      { at: 'g2', reason: 'it is a list, not an object' },
    ]);
  });

  it('drops, and notes, an unreadable name or image but keeps the chip; unknown fields are ignored', () => {
    const body = { g1: { [CHIP_A]: { name: 7, symbol: 'x'.repeat(300), image: 'javascript:alert(1)', balance: '1', extra: { deep: true } } } };
    const { value, skipped } = fromJson(JSON.stringify(body));
    assert.deepEqual(value, [{ gameId: 'g1', address: CHIP_A, balance: '1', name: undefined, symbol: undefined, image: undefined }]);
    assert.deepEqual(
      skipped.map((s) => s.at),
      [`g1.${CHIP_A}.name`, `g1.${CHIP_A}.symbol`, `g1.${CHIP_A}.image`],
    );
  });

  it('keeps Markdown, icons and bidi controls in names as data, for the views to make inert', () => {
    const names = ['[x](command:workbench.action.closeWindow)', 'usd\u202ec', '$(alert) **Gold**', '<img src=x onerror=alert(1)>'];
    const body = { g1: Object.fromEntries(names.map((name, i) => [chipAddress(i + 10), { name, symbol: name, balance: '1' }])) };
    const { value } = fromJson(JSON.stringify(body));
    assert.deepEqual(
      value.map((c) => c.name),
      names,
    );
  });

  it('reads __proto__ and constructor keys as ordinary keys, polluting nothing', () => {
    const text = `{"__proto__": {"${CHIP_A}": {"balance": "1"}}, "constructor": {"${CHIP_A}": {"balance": "2"}}, "g1": {"__proto__": {"balance": "3"}}}`;
    const { value, skipped } = fromJson(text);
    // "constructor" passes for a game ID like any other word; "__proto__" does not (it starts with '_').
    assert.deepEqual(
      value.map((c) => [c.gameId, c.balance]),
      [['constructor', '2']],
    );
    assert.deepEqual(
      skipped.map((s) => s.at),
      ['__proto__', 'g1.__proto__'],
    );
    assert.equal(({} as Record<string, unknown>).balance, undefined);
  });

  it('reads 10,000 chips', () => {
    const games = Object.fromEntries(Array.from({ length: 100 }, (_, g) => [`game-${g}`, Object.fromEntries(Array.from({ length: 100 }, (_, c) => [chipAddress(g * 100 + c), { name: `C${c}`, symbol: 'C', balance: `${c}.5` }]))]));
    const { value, skipped } = fromJson(JSON.stringify(games));
    assert.equal(value.length, 10_000);
    assert.equal(skipped.length, 0);
    assert.equal(value[9_999].balance, '99.5');
  });

  it('never throws for a hostile value in any field', () => {
    for (const input of HOSTILE_INPUTS) {
      for (const field of ['name', 'symbol', 'image', 'balance']) {
        const body = { g1: { [CHIP_A]: { name: 'Gold', balance: '1', [field]: input.value } } };
        assert.doesNotThrow(() => parseChips(body), `${field}: ${input.name}`);
      }
      assert.doesNotThrow(() => parseChips({ g1: { [CHIP_A]: input.value } }), input.name);
      assert.doesNotThrow(() => parseChips({ g1: input.value, g2: { [CHIP_A]: { balance: '1' } } }), input.name);
      // Alone, a game that cannot be read leaves nothing readable: an error of its own kind, never another.
      if (!isJsonObject(input.value)) {
        assert.throws(() => parseChips({ g1: input.value }), (error: PlyrError) => error.code === 'malformedResponse', input.name);
      }
    }
  });
});
