import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { decimalFromJsonNumber } from '../../src/core/model/decimal';
import { isJsonObject, JsonNumber, ownField, parseExactJson } from '../../src/core/model/exactJson';

const BIG = '123456789012345678901234567890.123456789';

/** The tree with each JsonNumber shown as `#text`, for comparing. */
function shown(value: unknown): unknown {
  if (value instanceof JsonNumber) {
    return `#${value.text}`;
  }
  if (Array.isArray(value)) {
    return value.map(shown);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shown(v)]));
  }
  return value;
}

describe('parseExactJson', () => {
  it('keeps a number with more digits than a float holds as its own text', () => {
    const parsed = parseExactJson(`{"amount": ${BIG}}`);
    assert.ok(isJsonObject(parsed));
    const amount = parsed.amount;
    assert.ok(amount instanceof JsonNumber);
    assert.equal(amount.text, BIG);
    // What JSON.parse alone would have kept:
    assert.notEqual(String(JSON.parse(BIG)), BIG);
  });

  it('keeps every number as written: exponents, minus signs, zeros after the point', () => {
    const text = '[0, -1, 1.50, 1e+21, 1.5E-7, 9007199254740993, {"a": [2.0, {"b": -0.0}]}]';
    assert.deepEqual(shown(parseExactJson(text)), ['#0', '#-1', '#1.50', '#1e+21', '#1.5E-7', '#9007199254740993', { a: ['#2.0', { b: '#-0.0' }] }]);
  });

  it('never touches digits inside strings, escaped quotes and backslashes included', () => {
    const text = String.raw`{"a": "12", "b": "say \"34\" \\", "c\"5": 6, "d": "\\", "e": 7, "f": "\u0038"}`;
    assert.deepEqual(shown(parseExactJson(text)), { a: '12', b: 'say "34" \\', 'c"5': '#6', d: '\\', e: '#7', f: '8' });
  });

  it('leaves strings, booleans and null as JSON.parse gives them, and a body without numbers as it is', () => {
    const text = '{"s": "x", "t": true, "f": false, "n": null, "l": ["1", []]}';
    assert.deepEqual(parseExactJson(text), JSON.parse(text));
    assert.equal(parseExactJson('"only a string"'), 'only a string');
    assert.deepEqual(shown(parseExactJson('42')), '#42');
  });

  it('takes the last of duplicate keys, as JSON.parse does, with its own text', () => {
    assert.deepEqual(shown(parseExactJson('{"a": 1, "a": 2.50, "1": 3, "0": 4}')), { a: '#2.50', 1: '#3', 0: '#4' });
  });

  it('keeps __proto__ and constructor as ordinary keys, never a prototype', () => {
    const parsed = parseExactJson('{"__proto__": {"polluted": 1}, "constructor": {"prototype": 2}, "x": 3}');
    assert.ok(isJsonObject(parsed));
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.deepEqual(Object.keys(parsed), ['__proto__', 'constructor', 'x']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((parsed as { polluted?: unknown }).polluted, undefined);
    assert.ok(ownField(parsed, '__proto__') !== Object.prototype);
    assert.deepEqual(shown(ownField(parsed, '__proto__')), { polluted: '#1' });
  });

  it('throws a SyntaxError for what is not JSON, even where quoting numbers would mend it', () => {
    for (const text of ['', '{', '01', '[1,]', '{"a": 01}', '+1', '.5', 'NaN', '<html>', '{"a": 1} x']) {
      assert.throws(() => parseExactJson(text), SyntaxError, text);
    }
  });

  it('reads 10,000 entries and a 1 MiB string, and a very deep body without overflowing', () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => `{"i": ${i}, "amount": ${BIG}, "name": "n${i}"}`);
    const parsed = parseExactJson(`[${entries.join(',')}]`);
    assert.ok(Array.isArray(parsed) && parsed.length === 10_000);
    assert.deepEqual(shown(parsed[9_999]), { i: '#9999', amount: `#${BIG}`, name: 'n9999' });
    const long = parseExactJson(JSON.stringify({ s: '1'.repeat(1024 * 1024), n: 5 }));
    assert.deepEqual(shown(long), { s: '1'.repeat(1024 * 1024), n: '#5' });
    const depth = 100_000;
    const deep = parseExactJson(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
    assert.ok(Array.isArray(deep));
  });

  it('tells a JSON object from a list, a number and null', () => {
    assert.equal(isJsonObject({}), true);
    for (const other of [[], new JsonNumber('1'), null, 'x', 1]) {
      assert.equal(isJsonObject(other), false);
    }
  });
});

describe('decimalFromJsonNumber', () => {
  const cases: [string, string][] = [
    ['0', '0'],
    ['1.50', '1.50'],
    [BIG, BIG],
    ['1e+21', '1000000000000000000000'],
    ['1E21', '1000000000000000000000'],
    ['1.5e-7', '0.00000015'],
    ['1e-7', '0.0000001'],
    ['12.34e1', '123.4'],
    ['12.34e2', '1234'],
    ['12.34e4', '123400'],
    ['0.5e1', '5'],
    ['0e5', '0'],
    ['123e-3', '0.123'],
    ['-2.5e1', '-25'],
    ['1.2345678901234567890123e+30', '1234567890123456789012300000000'],
  ];
  for (const [text, decimal] of cases) {
    it(`writes ${text} as ${decimal}`, () => {
      assert.equal(decimalFromJsonNumber(text), decimal);
    });
  }

  it('refuses what is not a JSON number, and what would be too long to write out', () => {
    for (const text of ['', 'abc', '1.', '.5', '+1', '1e', '0x10', ' 1', '1e+99999999999999999999', '1e201', '1e-201', '9'.repeat(201)]) {
      assert.equal(decimalFromJsonNumber(text), undefined, text);
    }
    assert.equal(decimalFromJsonNumber('1e199')?.length, 200);
  });
});
