import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { addTotals, PriceBook, TokenPrice, totalValue, valueOf } from '../../src/core/model/value';
import { approximately, describePrice, describeTotal, formatPrice, formatUsd, priceSourceName, spokenWorth } from '../../src/core/content/valueContent';

const book = (prices: Record<string, string>, extra: Partial<TokenPrice> = {}) => new PriceBook(Object.entries(prices).map(([token, usd]) => ({ keys: [token], price: { usd, ...extra } })));

describe('valueOf: amount × price on the decimal strings', () => {
  it('keeps every digit of a huge amount (past 2^53) with 9 decimals', () => {
    assert.equal(valueOf('9007199254740993.123456789', '0.5'), '4503599627370496.5617283945');
    // A float would have lost the last digits: 9007199254740993 is not a JavaScript number.
    assert.notEqual(String(Number('9007199254740993.123456789') * 0.5), '4503599627370496.5617283945');
  });

  it('keeps 18 decimals of the amount times the price digits', () => {
    assert.equal(valueOf('1234.000000000000000001', '0.0123'), '15.1782000000000000000123');
    assert.equal(valueOf('0.000000000000000001', '35.2'), '0.0000000000000000352');
  });

  it('multiplies by a price below one cent exactly', () => {
    assert.equal(valueOf('1000000.123456789', '0.00000123'), '1.23000015185185047');
  });

  it('refuses what is not a non-negative decimal, on either side', () => {
    for (const [amount, price] of [['-1', '2'], ['1', '-2'], ['1e3', '1'], ['1', 'NaN'], ['', '1'], ['0x10', '1'], [' 1', '1']]) {
      assert.equal(valueOf(amount, price), undefined, `${amount} × ${price}`);
    }
  });

  it('makes a zero amount worth zero (a held token with a price), not nothing', () => {
    assert.equal(valueOf('0.0', '35.2'), '0');
  });
});

describe('PriceBook.worth: a token amount at its price', () => {
  it('gives the price and the exact value, by any case of the key; nothing without a price', () => {
    const prices = book({ gamr: '0.5' }, { source: 'cg_api' });
    assert.deepEqual(prices.worth('GAMR', '9007199254740993.123456789'), { price: { usd: '0.5', source: 'cg_api' }, usd: '4503599627370496.5617283945' });
    assert.equal(prices.worth('floki', '12'), undefined);
    assert.equal(prices.worth('gamr', '-1'), undefined, 'no value of what is not an amount');
  });
});

describe('totals', () => {
  const prices = book({ plyr: '0.0123', gamr: '0.5', avax: '35.2', usdc: '1' });

  it('sums the priced tokens and counts them; a token without a price adds nothing and is counted', () => {
    const total = totalValue(Object.entries({ plyr: '1234.5', gamr: '9007199.254740993123456789', avax: '0.0', usdc: '250.75', floki: '1000000.123456789' }), prices);
    assert.deepEqual(total, { usd: '4503865.5617204965617283945', priced: 4, tokens: 5 });
  });

  it('has no sum when no token has a price: never "0"', () => {
    assert.deepEqual(totalValue([['floki', '12']], prices), { priced: 0, tokens: 1 });
    assert.deepEqual(totalValue([], prices), { priced: 0, tokens: 0 });
  });

  it('finds a price by any case of the key', () => {
    assert.equal(totalValue([['GAMR', '2']], prices).usd, '1');
  });

  it('adds totals, with and without sums', () => {
    assert.deepEqual(addTotals([{ usd: '1.5', priced: 1, tokens: 2 }, { priced: 0, tokens: 3 }, { usd: '0.25', priced: 2, tokens: 2 }]), { usd: '1.75', priced: 3, tokens: 7 });
    assert.deepEqual(addTotals([{ priced: 0, tokens: 3 }]), { priced: 0, tokens: 3 });
  });

  it('keeps the first token to claim a key, as the token list keeps the first of an apiId', () => {
    const twice = new PriceBook([
      { keys: ['gamr', '0xAbC'], price: { usd: '1' } },
      { keys: ['gamr'], price: { usd: '2' } },
    ]);
    assert.equal(twice.priceOf('gamr')?.usd, '1');
    assert.equal(twice.priceOf('0xabc')?.usd, '1');
    assert.equal(twice.size, 2);
  });
});

describe('formatUsd: rounding only for display', () => {
  const cases: [string, string][] = [
    ['1234.56', '$1,234.56'],
    ['1234.565', '$1,234.57'], // half up, on the exact digits
    ['1234.5649999999999999999', '$1,234.56'],
    ['1.00499999999999999999999999999999999999999999999999', '$1.00'], // a float would read 1.005
    ['0.00249999999999999999999999999999999999999999999999', '$0.0025'],
    ['4503865.5617204965617283945', '$4,503,865.56'],
    ['4503599627370496.5617283945', '$4,503,599,627,370,496.56'],
    ['0.01', '$0.01'],
    ['0.0099', '$0.0099'],
    ['0.00995', '$0.01'], // two significant digits round up to a cent
    ['0.0042', '$0.0042'],
    ['0.00423456', '$0.0042'],
    ['0.004', '$0.004'],
    ['0.00000123', '$0.0000012'],
    ['0', '$0.00'],
    ['0.0000000000000000352', '< $0.000001'],
  ];
  for (const [usd, shown] of cases) {
    it(`shows ${usd} as ${shown}`, () => assert.equal(formatUsd(usd, 'en-US'), shown));
  }

  it('drops the cents of a total from $1,000 when asked to be compact (a narrow row), rounding half up', () => {
    assert.equal(formatUsd('12345.5', 'en-US', true), '$12,346');
    assert.equal(formatUsd('1000', 'en-US', true), '$1,000');
    assert.equal(formatUsd('999.994', 'en-US', true), '$999.99');
    assert.equal(formatUsd('999.995', 'en-US', true), '$1,000', 'what rounds to a thousand in cents reads as one');
    assert.equal(formatUsd('999.996', 'en-US', false), '$1,000.00', 'with cents where the row is not narrow');
    assert.equal(formatUsd('0.0042', 'en-US', true), '$0.0042');
  });

  it('leaves what is not a value as it is', () => {
    assert.equal(formatUsd('abc', 'en-US'), 'abc');
  });

  it('uses the locale as amounts do, in Latin digits', () => {
    assert.equal(formatUsd('1234.5', 'de-DE').replace(/\s/g, ' '), '1.234,50 $');
    assert.equal(formatUsd('1234.5', 'ar-EG').replace(/[^\d.,]/g, ''), '1,234.50');
  });

  it('says "≈", and hides the figure under the mask', () => {
    assert.equal(approximately('15.18435', false, 'en-US'), '≈ $15.18');
    assert.equal(approximately('15.18435', true, 'en-US'), '≈ •••');
  });

  it('says "worth about" to a screen reader, and "worth" for an exact zero, as it shows "$0.00" without "≈"', () => {
    assert.equal(spokenWorth('15.18435'), 'worth about $15.18');
    assert.equal(spokenWorth('0.000'), 'worth $0.00');
    assert.equal(spokenWorth('0.001'), 'worth about $0.001');
  });
});

describe('prices and their sources in words', () => {
  it('shows a price with up to 6 significant digits', () => {
    assert.equal(formatPrice('0.0123', 'en-US'), '$0.0123');
    assert.equal(formatPrice('35.2', 'en-US'), '$35.2');
    assert.equal(formatPrice('0.012345678901', 'en-US'), '$0.0123457');
  });

  it('names the sources', () => {
    assert.deepEqual([priceSourceName('cmc_api'), priceSourceName('cg_api'), priceSourceName('cmc_dex_api')], ['CoinMarketCap', 'CoinGecko', 'CoinMarketCap DEX']);
  });

  it('gives the price, its source and its age, leaving out what the server did not say', () => {
    const now = Date.UTC(2025, 0, 1, 12, 0);
    const updatedAt = now - 4 * 60_000;
    assert.equal(describePrice('PLYR', { usd: '0.0123', source: 'cmc_api', updatedAt }, now, 'en-US'), 'Price $0.0123 per PLYR (CoinMarketCap, updated 4 min. ago)');
    assert.equal(describePrice('PLYR', { usd: '0.0123', source: 'cg_api' }, now, 'en-US'), 'Price $0.0123 per PLYR (CoinGecko)');
    assert.equal(describePrice('PLYR', { usd: '0.0123', updatedAt }, now, 'en-US'), 'Price $0.0123 per PLYR (updated 4 min. ago)');
    assert.equal(describePrice('PLYR', { usd: '0.0123' }, now, 'en-US'), 'Price $0.0123 per PLYR');
  });

  it('describes a total with how much of it was priced, and nothing for a total of nothing', () => {
    assert.equal(describeTotal({ usd: '12345.678', priced: 4, tokens: 5 }, false, 'en-US'), '≈ $12,345.68 · 4 of 5 tokens priced');
    assert.equal(describeTotal({ usd: '12345.678', priced: 5, tokens: 5 }, false, 'en-US'), '≈ $12,345.68');
    assert.equal(describeTotal({ usd: '1', priced: 1, tokens: 2 }, true, 'en-US'), '≈ ••• · 1 of 2 tokens priced');
    assert.equal(describeTotal({ priced: 0, tokens: 5 }, false, 'en-US'), undefined);
    assert.equal(describeTotal(undefined, false, 'en-US'), undefined);
  });
});
