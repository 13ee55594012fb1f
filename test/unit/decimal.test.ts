import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { compareDecimal, decimalDelta, isAmount, isZero, parseDecimal } from '../../src/core/model/decimal';

describe('parseDecimal', () => {
  it('splits a decimal string into sign, whole digits without leading zeros and fraction without trailing zeros', () => {
    assert.deepEqual(parseDecimal('0010.500'), { negative: false, whole: '10', fraction: '5' });
    assert.deepEqual(parseDecimal('-0.0'), { negative: true, whole: '0', fraction: '' });
    assert.deepEqual(parseDecimal('000'), { negative: false, whole: '0', fraction: '' });
    assert.deepEqual(parseDecimal('9007199254740993.000000000000000001'), { negative: false, whole: '9007199254740993', fraction: '000000000000000001' });
  });

  for (const input of ['', 'abc', '1e21', '+5', ' 1', '1.', '.5', '0x10', 'NaN', '1,5', '--1', '\u0661']) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      assert.equal(parseDecimal(input), undefined);
    });
  }
});

describe('isAmount and isZero', () => {
  it('isAmount takes non-negative decimal strings only', () => {
    for (const amount of ['0', '0.0', '1234.000000000000000001', '123456789012345678901234567890']) {
      assert.equal(isAmount(amount), true, amount);
    }
    for (const other of ['-5', '-0', '1e3', '1.', '', 'abc']) {
      assert.equal(isAmount(other), false, other);
    }
  });

  it('isZero is true for zero however written, false for dust and for non-decimals', () => {
    for (const zero of ['0', '000', '0.0', '0.000000000000000000', '-0']) {
      assert.equal(isZero(zero), true, zero);
    }
    for (const other of ['0.000000000000000001', '10', '1e-30', 'abc', '']) {
      assert.equal(isZero(other), false, other);
    }
  });
});

describe('decimalDelta', () => {
  it('is exact on 18-decimal amounts beyond a double', () => {
    assert.equal(decimalDelta('9007199.254740993123456789', '9007199.254740993123456790'), '+0.000000000000000001');
    assert.equal(decimalDelta('1234.5', '1247'), '+12.5');
    assert.equal(decimalDelta('10', '7'), '\u22123');
    assert.equal(decimalDelta('0.1', '0.3'), '+0.2');
    assert.equal(decimalDelta('123456789012345678901234567890', '123456789012345678901234567891.5'), '+1.5');
  });

  it('is undefined for equal amounts, however written, and for non-decimals', () => {
    assert.equal(decimalDelta('1.50', '1.5'), undefined);
    assert.equal(decimalDelta('1e3', '1000'), undefined);
    assert.equal(decimalDelta('1', 'abc'), undefined);
  });
});

describe('compareDecimal', () => {
  it('orders decimal strings exactly', () => {
    const cases: [string, string, number][] = [
      ['1', '1.0', 0],
      ['0010.50', '10.5', 0],
      ['0', '-0.0', 0],
      ['2', '10', -1],
      ['10.01', '10.1', -1],
      ['9007199254740993', '9007199254740992.999999999999999999', 1],
      ['-1', '0.5', -1],
      ['-2', '-1', -1],
      ['0.000000000000000001', '0', 1],
    ];
    for (const [a, b, sign] of cases) {
      assert.equal(Math.sign(compareDecimal(a, b)), sign, `${a} vs ${b}`);
      assert.equal(Math.sign(compareDecimal(b, a)), -sign || 0, `${b} vs ${a}`);
    }
  });

  it('counts what is not a decimal as zero', () => {
    assert.equal(compareDecimal('abc', '0'), 0);
    assert.equal(Math.sign(compareDecimal('abc', '0.000000000000000001')), -1);
    assert.equal(Math.sign(compareDecimal('-1', 'abc')), -1);
  });
});
