import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { formatAmount, formatAmountCompact, formatChangeCompact } from '../../src/core/content/format';

describe('formatAmount', () => {
  const cases: [string, string, string][] = [
    ['1234.000000000000000001', 'en-US', '1,234.000000000000000001'],
    ['123456789012345678901234567890.123456789012345678', 'en-US', '123,456,789,012,345,678,901,234,567,890.123456789012345678'],
    ['0.0', 'en-US', '0'],
    ['1234.5000', 'en-US', '1,234.5'],
    ['1234', 'en-US', '1,234'],
    ['9007199254740993', 'en-US', '9,007,199,254,740,993'],
    ['1234567.25', 'de-DE', '1.234.567,25'],
    ['0.000000000000000000000000000001', 'en-US', '0.000000000000000000000000000001'],
    ['1.123456789012345678901234567890', 'en-US', '1.12345678901234567890123456789'],
  ];
  for (const [amount, locale, expected] of cases) {
    it(`formats ${amount} in ${locale} as ${expected}`, () => {
      assert.equal(formatAmount(amount, locale), expected);
    });
  }

  it('keeps 30 fraction digits', () => {
    const fraction = '123456789012345678901234567891';
    assert.equal(fraction.length, 30);
    assert.equal(formatAmount(`5.${fraction}`, 'en-US'), `5.${fraction}`);
  });

  it('uses the German grouping and decimal separators', () => {
    const formatted = formatAmount('1234.5', 'de-DE');
    assert.equal(formatted, '1.234,5');
    assert.ok(!formatted.includes(','.repeat(2)));
  });

  for (const input of ['abc', '1e21', '-5', '', '1.', '.5', '0x10', 'NaN']) {
    it(`returns the non-decimal ${JSON.stringify(input)} unchanged`, () => {
      assert.equal(formatAmount(input, 'en-US'), input);
    });
  }

  it('writes every digit in Latin digits, whatever the locale', () => {
    for (const locale of ['ar-EG', 'fa-IR', 'hi-IN-u-nu-deva']) {
      const formatted = formatAmount('1234.5', locale);
      assert.equal(formatted.replace(/\D/g, ''), '12345', `${locale}: ${formatted}`);
      assert.match(formatted, /^1\D?234\D5$/u, `${locale}: ${formatted}`);
    }
  });
});

describe('formatChangeCompact', () => {
  it('rounds and groups a change as an amount, keeping its sign', () => {
    assert.equal(formatChangeCompact('+2.500000000000000001', 'en-US'), '+2.5');
    assert.equal(formatChangeCompact('\u22121234567.1234567', 'en-US'), '\u22121,234,567.123457');
  });

  it('never reads a dust change as zero', () => {
    assert.equal(formatChangeCompact('+0.000000000000000001', 'en-US'), '< +0.000001');
    assert.equal(formatChangeCompact('\u22120.0000004', 'en-US'), '< \u22120.000001');
  });

  it('leaves what is not a signed amount as it is', () => {
    for (const text of ['12', '+abc', '', '-3']) {
      assert.equal(formatChangeCompact(text, 'en-US'), text);
    }
  });
});

describe('formatAmountCompact', () => {
  const cases: [amount: string, expected: string][] = [
    ['9007199.254740993123456789', '9,007,199.254741'],
    ['0.000000001', '< 0.000001'],
    ['0.0', '0'],
    ['0', '0'],
    ['1000000000.000000000000000001', '1,000,000,000'],
    ['1234.5000', '1,234.5'],
    ['0.000001', '0.000001'],
    ['0.0000005', '0.000001'],
    ['0.0000004', '< 0.000001'],
    ['123456789012345678901234567890.5', '123,456,789,012,345,678,901,234,567,890.5'],
  ];
  for (const [amount, expected] of cases) {
    it(`formats ${amount} as ${expected}`, () => {
      assert.equal(formatAmountCompact(amount, 'en-US'), expected);
    });
  }

  it('rounds from the exact decimal string, not from a float', () => {
    // As numbers these read 1.0000005 and 9007199254740994, which would round differently.
    assert.equal(formatAmountCompact('1.00000049999999999999999', 'en-US'), '1');
    assert.equal(formatAmountCompact('9007199254740993.5', 'en-US'), '9,007,199,254,740,993.5');
    assert.equal(formatAmountCompact('1.0000005', 'en-US'), '1.000001');
  });

  it('honours a custom maxFractionDigits', () => {
    assert.equal(formatAmountCompact('9007199.254740993123456789', 'en-US', 2), '9,007,199.25');
    assert.equal(formatAmountCompact('12.345', 'en-US', 2), '12.35');
    assert.equal(formatAmountCompact('12.3', 'en-US', 2), '12.3');
    assert.equal(formatAmountCompact('0.001', 'en-US', 2), '< 0.01');
    assert.equal(formatAmountCompact('0.001', 'en-US', 3), '0.001');
  });

  it('uses the separators of the locale', () => {
    assert.equal(formatAmountCompact('1234567.25', 'de-DE'), '1.234.567,25');
    assert.equal(formatAmountCompact('0.000000001', 'de-DE'), '< 0,000001');
  });

  it('writes Latin digits, whatever the locale', () => {
    const formatted = formatAmountCompact('1234.5', 'ar-EG');
    assert.equal(formatted.replace(/\D/g, ''), '12345', formatted);
  });

  for (const input of ['abc', '1e21', '-5', '', '1.', '.5', '0x10', 'NaN', ' 1']) {
    it(`returns the non-decimal ${JSON.stringify(input)} unchanged`, () => {
      assert.equal(formatAmountCompact(input, 'en-US'), input);
    });
  }
});
