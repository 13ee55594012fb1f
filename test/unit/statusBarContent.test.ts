import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { BalanceEntry } from '../../src/core/store/balanceStore';
import { statusBarModel } from '../../src/core/content/statusBarContent';
import { PriceBook } from '../../src/core/model/value';

const NOW = 1_800_000_000_000;
const model = (entry: BalanceEntry | undefined, token = 'gamr') => statusBarModel({ identifier: 'player123', label: 'Me', token, networkLabel: 'PLYR PHI mainnet', entry, now: NOW });

describe('statusBarModel', () => {
  it('shows the amount, grouped, with the token, and the age in the tooltip', () => {
    const m = model({ balances: { gamr: '1234.5', plyr: '1' }, fetchedAt: NOW - 180_000, loading: false });
    assert.equal(m.text, '$(credit-card) 1,234.5 GAMR');
    assert.equal(m.stale, false);
    assert.deepEqual(m.tooltip, ['Me (player123) on PLYR PHI mainnet', 'GAMR: 1234.5', 'Updated 3 min. ago']);
    assert.equal(m.spoken, 'PLYR balance: 1,234.5 GAMR, Me (player123) on PLYR PHI mainnet, Updated 3 min. ago');
  });

  it('marks a kept amount stale after a failed refresh, with the failure and the age', () => {
    const m = model({ balances: { gamr: '1234.5' }, fetchedAt: NOW - 3 * 3_600_000, loading: false, error: { code: 'network', message: 'Could not reach the PLYR API.', at: NOW } });
    assert.equal(m.text, '$(warning) 1,234.5 GAMR');
    assert.equal(m.stale, true);
    assert.ok(m.tooltip.includes('Updated 3 hr. ago'), m.tooltip.join(' | '));
    assert.ok(m.tooltip.includes('The last refresh failed: Could not reach the PLYR API.'));
    assert.match(m.spoken, /^PLYR balance: 1,234\.5 GAMR, stale, /, 'stale in words, not only in colour');
  });

  it('marks an identifier that may be mistyped (a failing checksum) as it marks a stale amount, and says why', () => {
    const warning = 'This mixed-case address fails its EIP-55 checksum: it may contain a typo.';
    const m = statusBarModel({ identifier: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e', token: 'gamr', networkLabel: 'custom', entry: { balances: { gamr: '0' }, fetchedAt: NOW, loading: false }, now: NOW, warning });
    assert.equal(m.text, '$(warning) 0 GAMR');
    assert.equal(m.stale, false, 'the amount itself is fresh');
    // The reason first, as README says: the amount is current, but perhaps not of the wallet meant.
    assert.deepEqual(m.tooltip.slice(0, 2), [`⚠ ${warning}`, '0x742d35Cc6634C0532925a3b844Bc454e4438f44e on custom']);
    assert.ok(m.spoken.includes(warning));
  });

  it('reads its parts without a comma after a full stop ("typo. Value", not "typo., Value")', () => {
    const warning = 'This mixed-case address fails its EIP-55 checksum: it may contain a typo.';
    const prices = new PriceBook([{ keys: ['gamr'], price: { usd: '0.5' } }]);
    const m = statusBarModel({
      identifier: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e',
      label: 'Treasury wallet',
      token: 'gamr',
      networkLabel: 'custom',
      entry: { balances: { gamr: '3' }, fetchedAt: NOW, loading: false },
      now: NOW,
      prices,
      warning,
    });
    assert.equal(
      m.spoken,
      `PLYR balance: 3 GAMR, ⚠ ${warning} Treasury wallet (0x742d35Cc6634C0532925a3b844Bc454e4438f44e) on custom, Value: ≈ $1.50, Price $0.5 per GAMR, Updated just now`,
    );
    const failed = statusBarModel({
      identifier: 'player123',
      token: 'gamr',
      networkLabel: 'custom',
      entry: { balances: { plyr: '1' }, fetchedAt: NOW, loading: false, error: { code: 'network', message: 'Could not reach the PLYR API.', at: NOW } },
      now: NOW,
      prices,
      warning,
    });
    for (const said of [m.spoken, failed.spoken]) {
      assert.doesNotMatch(said, /[.!?],/, said);
    }
  });

  it('never shows a number it does not have: unknown is "?", never 0', () => {
    for (const entry of [undefined, { loading: true }, { loading: false, error: { code: 'network' as const, message: 'down', at: NOW } }, { balances: { plyr: '5' }, fetchedAt: NOW, loading: false }]) {
      const m = model(entry);
      assert.match(m.text, /\? GAMR$/, JSON.stringify(entry));
      assert.doesNotMatch(m.text, /\b0\b/);
    }
    assert.match(model({ loading: true }).text, /loading~spin/);
    assert.match(model(undefined).spoken, /^PLYR balance: GAMR amount unknown, /, 'words, not a question mark');
    assert.match(model({ loading: true }).spoken, /^PLYR balance: GAMR amount loading/);
  });

  it('reads only the tokens the answer holds: a token setting of "constructor" or "toString" is unknown, not a built-in', () => {
    for (const token of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const m = model({ balances: { gamr: '1' }, fetchedAt: NOW, loading: false }, token);
      assert.equal(m.text, `$(question) ? ${token === 'constructor' ? 'CONSTRUCTOR' : `"${token}"`}`, token);
      assert.doesNotMatch(m.tooltip.join(' '), /function|native code|\[object/, token);
    }
  });

  it('under the privacy mask shows the token and no digit of the amount, in the text and the tooltip', () => {
    const m = statusBarModel({ identifier: 'player123', token: 'gamr', networkLabel: 'PLYR PHI mainnet', entry: { balances: { gamr: '1234.5' }, fetchedAt: NOW, loading: false }, now: NOW, masked: true });
    assert.equal(m.text, '$(credit-card) ••• GAMR');
    assert.ok(m.tooltip.includes('GAMR: •••'), m.tooltip.join(' | '));
    assert.ok(!m.tooltip.join(' ').includes('1234'));
    assert.equal(m.spoken, 'PLYR balance: GAMR amount hidden, player123 on PLYR PHI mainnet, Updated just now');
  });
});
