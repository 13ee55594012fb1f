import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { deltaMap, listChanges, parseBalances, splitTokens } from '../../src/core/model/balances';
import { PlyrError } from '../../src/core/model/errors';

function malformed(body: unknown): PlyrError {
  let caught: unknown;
  assert.throws(
    () => parseBalances(body),
    (error: unknown) => {
      caught = error;
      return error instanceof PlyrError && error.code === 'malformedResponse';
    },
  );
  return caught as PlyrError;
}

describe('parseBalances: shapes', () => {
  it('reads the flat map and the wrapped shape to the same record', () => {
    const flat = parseBalances({ plyr: '12.5', gamr: '0.0' });
    const wrapped = parseBalances({ balances: { plyr: '12.5', gamr: '0.0' } });
    assert.deepEqual(flat, { plyr: '12.5', gamr: '0.0' });
    assert.deepEqual(wrapped, flat);
  });

  it('reads an empty map as no balances', () => {
    assert.deepEqual(parseBalances({}), {});
    assert.deepEqual(parseBalances({ balances: {} }), {});
  });

  it('keeps amounts exactly, digit for digit', () => {
    const huge = '115792089237316195423570985008687907853269984665640564039457584007913129639935';
    const result = parseBalances({ plyr: '1234.000000000000000001', gamr: huge, usdc: '9007199254740993.5' });
    assert.equal(result.plyr, '1234.000000000000000001');
    assert.equal(result.gamr, huge);
    assert.equal(result.usdc, '9007199254740993.5');
  });
});

describe('parseBalances: rejections', () => {
  const badValues: [string, unknown][] = [
    ['a number', 12],
    ['null', null],
    ['an object', { value: '1.0' }],
    ['an array', ['1.0']],
    ['an exponent', '1e21'],
    ['a negative amount', '-5'],
    ['a leading space', ' 1'],
    ['a trailing dot', '1.'],
    ['a leading dot', '.5'],
    ['hex', '0x10'],
    ['an empty string', ''],
    ['a comma', '1,000'],
    ['Arabic-Indic digits', '\u0661\u0662'],
    ['a 201-character amount', '1'.repeat(201)],
  ];
  for (const [label, value] of badValues) {
    it(`rejects ${label} as an amount`, () => {
      malformed({ plyr: value });
      malformed({ balances: { plyr: value } });
    });
  }

  const badBodies: [string, unknown][] = [
    ['an array', [{ plyr: '1.0' }]],
    ['a string', '{"plyr":"1.0"}'],
    ['null', null],
    ['a number', 7],
    ['undefined', undefined],
  ];
  for (const [label, body] of badBodies) {
    it(`rejects a body that is ${label}`, () => {
      assert.match(malformed(body).message, /not a map of token balances/);
    });
  }

  it('does not repeat a hostile token name in the message', () => {
    const name = '[x](command:workbench.action.closeWindow)';
    const error = malformed({ [name]: 'lots' });
    assert.ok(!error.message.includes(name));
    assert.ok(!error.message.includes(']('));
    assert.ok(!error.message.includes('command:'));
    assert.match(error.message, /a token with an unusual name/);
  });

  it('names an ordinary token in the message', () => {
    assert.match(malformed({ gamr: 5 }).message, /"gamr" is a number/);
  });
});

describe('parseBalances: prototype keys', () => {
  it('keeps __proto__ and constructor as own properties without polluting Object.prototype', () => {
    const body: unknown = JSON.parse('{"__proto__":"1.0","constructor":"2.0","polluted":"3.0"}');
    const result = parseBalances(body);
    assert.equal(Object.getPrototypeOf(result), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(result, '__proto__'), { value: '1.0', writable: true, enumerable: true, configurable: true });
    assert.equal(Object.getOwnPropertyDescriptor(result, 'constructor')?.value, '2.0');
    assert.deepEqual(Object.keys(result), ['__proto__', 'constructor', 'polluted']);
    assert.equal((({}) as Record<string, unknown>).polluted, undefined);
    assert.equal(typeof ({}).constructor, 'function');
    assert.equal(Object.getPrototypeOf({}), Object.prototype);
  });

  it('does the same inside the wrapped shape', () => {
    const body: unknown = JSON.parse('{"balances":{"__proto__":"1.0","polluted":"3.0"}}');
    const result = parseBalances(body);
    assert.equal(Object.getPrototypeOf(result), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(result, '__proto__')?.value, '1.0');
    assert.equal((({}) as Record<string, unknown>).polluted, undefined);
  });

  it('rejects a hostile __proto__ object value', () => {
    malformed(JSON.parse('{"__proto__":{"polluted":"yes"}}'));
    assert.equal((({}) as Record<string, unknown>).polluted, undefined);
  });
});

const balanceChanges = (previous: Record<string, string> | undefined, current: Record<string, string>) => deltaMap(listChanges(previous, current));

describe('listChanges and deltaMap', () => {
  it('lists tokens present in both answers whose amount moved', () => {
    assert.deepEqual(balanceChanges({ plyr: '1', gamr: '2', usdc: '3' }, { plyr: '1', gamr: '2.5', usdc: '1' }), { gamr: '+0.5', usdc: '\u22122' });
  });

  it('counts a token that appears with an amount as a change from 0', () => {
    const changes = listChanges({ plyr: '1' }, { plyr: '1', newtoken: '1', other: '2.5', third: '3' });
    assert.deepEqual(changes, [
      { token: 'newtoken', previous: '0', current: '1', delta: '+1' },
      { token: 'other', previous: '0', current: '2.5', delta: '+2.5' },
      { token: 'third', previous: '0', current: '3', delta: '+3' },
    ]);
  });

  it('does not count a token that appears with zero, nor one that disappears', () => {
    assert.equal(balanceChanges({ plyr: '1', gamr: '5' }, { plyr: '1', listed: '0', alsoListed: '0.000' }), undefined);
  });

  it('is undefined without a previous answer or without a change', () => {
    assert.equal(balanceChanges(undefined, { plyr: '1' }), undefined);
    assert.equal(balanceChanges({ plyr: '1' }, { plyr: '1.0' }), undefined);
  });

  it('is not fooled by inherited keys: a token the previous answer did not list held 0', () => {
    assert.deepEqual(listChanges({}, { constructor: '1', toString: '0' }), [{ token: 'constructor', previous: '0', current: '1', delta: '+1' }]);
  });
});

describe('splitTokens: what an identifier\'s rows show, and what each cause leaves out', () => {
  const BALANCES = { plyr: '0', gamr: '10', avax: '0.000', usdc: '0', floki: '3' };

  it('the filter counts every token it leaves out, zero or not; Hide Zero Balances only the zeros the filter keeps', () => {
    assert.deepEqual(splitTokens(BALANCES, ['plyr'], true), { shown: [], filtered: ['gamr', 'avax', 'usdc', 'floki'], zeros: ['plyr'] });
    assert.deepEqual(splitTokens(BALANCES, ['gamr', 'plyr'], true), { shown: [['gamr', '10']], filtered: ['avax', 'usdc', 'floki'], zeros: ['plyr'] });
  });

  it('without a filter, the zeros the setting hides; with the setting off, none', () => {
    assert.deepEqual(splitTokens(BALANCES, undefined, true), { shown: [['gamr', '10'], ['floki', '3']], filtered: [], zeros: ['plyr', 'avax', 'usdc'] });
    assert.deepEqual(splitTokens(BALANCES, ['plyr', 'gamr'], false), { shown: [['plyr', '0'], ['gamr', '10']], filtered: ['avax', 'usdc', 'floki'], zeros: [] });
    assert.deepEqual(splitTokens({}, ['plyr'], true), { shown: [], filtered: [], zeros: [] });
  });

  it("a server's key named like an object's own (constructor) is a token like any other", () => {
    assert.deepEqual(splitTokens(parseBalances({ constructor: '0', gamr: '1' }), ['gamr'], true), { shown: [['gamr', '1']], filtered: ['constructor'], zeros: [] });
  });
});
