import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { compareDecimal, decimalDelta, isAmount, isZero, multiplyDecimal, parseDecimal, sumDecimals } from '../../src/core/model/decimal';

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

describe('multiplyDecimal', () => {
  it('multiplies every digit, without trailing zeros and with a leading zero kept', () => {
    const cases: [string, string, string][] = [
      ['0', '35.2', '0'],
      ['0.0', '35.2', '0'],
      ['1.50', '2', '3'],
      ['0.5', '0.5', '0.25'],
      ['007.10', '0.10', '0.71'],
      ['0.000000000000000001', '0.000000000000000001', '0.000000000000000000000000000000000001'],
      ['115792089237316195423570985008687907853269984665640564039457.584007913129639935', '1', '115792089237316195423570985008687907853269984665640564039457.584007913129639935'],
      ['9007199254740993', '3', '27021597764222979'],
      ['123.456', '1000', '123456'],
    ];
    for (const [a, b, product] of cases) {
      assert.equal(multiplyDecimal(a, b), product, `${a} × ${b}`);
      assert.equal(multiplyDecimal(b, a), product, `${b} × ${a}`);
    }
  });

  it('refuses what is not a non-negative decimal', () => {
    for (const [a, b] of [['-1', '2'], ['1', '-0'], ['1e3', '1'], ['', '1'], ['1.', '1'], ['.5', '1'], ['0x10', '1'], ['1', ' 2']]) {
      assert.equal(multiplyDecimal(a, b), undefined, `${a} × ${b}`);
    }
  });
});

describe('sumDecimals', () => {
  it('adds every digit of each, at the finest scale among them', () => {
    assert.equal(sumDecimals([]), '0');
    assert.equal(sumDecimals(['1.5']), '1.5');
    assert.equal(sumDecimals(['0.1', '0.2']), '0.3');
    assert.equal(sumDecimals(['1', '0.000000000000000001', '2.50']), '3.500000000000000001');
    assert.equal(sumDecimals(['0.000000000000000001', '9007199254740993', '0.999999999999999999']), '9007199254740994');
    assert.equal(sumDecimals(Array.from({ length: 1000 }, () => '0.001')), '1');
  });

  it('throws on what is not a non-negative decimal rather than adding it as something', () => {
    assert.throws(() => sumDecimals(['1', '-1']), RangeError);
    assert.throws(() => sumDecimals(['abc']), RangeError);
  });
});
