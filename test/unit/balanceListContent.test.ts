import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { balanceListHeading } from '../../src/core/content/balanceListContent';
import { identifierWarning, parseIdentifier } from '../../src/core/model/identifier';
import { PriceBook, totalValue } from '../../src/core/model/value';

const PRICES = new PriceBook([
  { keys: ['plyr'], price: { usd: '0.0123' } },
  { keys: ['gamr'], price: { usd: '0.5' } },
]);
const heading = (input: Partial<Parameters<typeof balanceListHeading>[0]>) => balanceListHeading({ who: '0xgamer', network: 'custom network', age: 'just now', masked: false, ...input });

describe("balanceListHeading (Check Balance's result)", () => {
  it('names whose balances, where and how old; with prices, adds the total and how much of it was priced', () => {
    assert.equal(heading({}).title, 'Balances of 0xgamer · custom network · updated just now');
    const total = totalValue(Object.entries({ plyr: '7', gamr: '250', floki: '3' }), PRICES);
    assert.equal(heading({ total }).title, 'Balances of 0xgamer · custom network · updated just now · Total ≈ $125.09 · 2 of 3 tokens priced');
    const whole = totalValue(Object.entries({ gamr: '250' }), PRICES);
    assert.equal(heading({ total: whole }).title, 'Balances of 0xgamer · custom network · updated just now · Total ≈ $125.00');
  });

  it('says no total when no token has a price (never "$0"), and hides it under the privacy mask', () => {
    assert.equal(heading({ total: totalValue([['floki', '3']], PRICES) }).title, 'Balances of 0xgamer · custom network · updated just now');
    const total = totalValue(Object.entries({ plyr: '7', floki: '3' }), PRICES);
    assert.equal(heading({ total, masked: true }).title, 'Balances of 0xgamer · custom network · updated just now · Total ≈ ••• · 1 of 2 tokens priced');
  });

  it("ends the title with the identifier's warning, which stays while the user types to filter", () => {
    assert.equal(heading({}).placeholder, 'Select a token to copy its exact amount');
    const typo = parseIdentifier('0x742d35cC6634C0532925a3b844Bc454e4438f44e');
    assert.ok(typo.ok);
    const warned = heading({ warning: identifierWarning(typo.value), total: totalValue([['plyr', '7']], PRICES) });
    assert.equal(warned.title, 'Balances of 0xgamer · custom network · updated just now · Total ≈ $0.09 · ⚠ This mixed-case address fails its EIP-55 checksum: it may contain a typo.');
    assert.equal(warned.placeholder, 'Select a token to copy its exact amount');
    const good = parseIdentifier('0x742d35Cc6634C0532925a3b844Bc454e4438f44e');
    assert.ok(good.ok);
    assert.equal(heading({ warning: identifierWarning(good.value) }).title, 'Balances of 0xgamer · custom network · updated just now');
  });
});
