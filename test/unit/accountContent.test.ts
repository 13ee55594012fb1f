import { describeMoment } from '../../src/core/content/time';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { allowanceRow, chipRow, EXPIRY_WARNING_MS, loadMoreRow, sectionRow, walletRow } from '../../src/core/content/accountContent';
import { RowContent } from '../../src/core/content/treeContent';
import { Allowance } from '../../src/core/model/allowances';
import { Chip } from '../../src/core/model/chips';
import { HOSTILE_INPUTS } from '../support/hostileInputs';

const NOW = 1_800_000_000_000;
const MINUTE = 60_000;
const DAY = 86_400_000;
const ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
const CHIP: Chip = { gameId: 'tavern', address: ADDRESS, name: 'Tavern Gold', symbol: 'TAV', balance: '1234.5' };
const ALLOWANCE: Allowance = { gameId: 'tavern', token: 'gamr', amount: '100', createdAt: NOW - DAY, expiresInSeconds: 4 * 86_400, expiresAt: NOW + 3 * DAY };
/** Markdown, a command link, an icon, HTML and a new block, the way a server could send them. */
const HOSTILE_TEXT = '$(zap) [x](command:workbench.action.closeWindow) <img src=x onerror=alert(1)>\r\n# heading | cell';

const chip = (fields: Partial<Chip> = {}, masked = false) => chipRow({ chip: { ...CHIP, ...fields }, masked });
const allowance = (fields: Partial<Allowance> = {}, masked = false) => allowanceRow({ allowance: { ...ALLOWANCE, ...fields }, masked, now: NOW });
const failure = { code: 'serverError' as const, message: 'The PLYR API answered 502.', at: NOW };

describe('accountContent: the group rows', () => {
  it('a group never opened: its name and what it holds, no status', () => {
    assert.deepEqual(sectionRow({ section: 'chips', now: NOW }), {
      label: 'Chips',
      description: undefined,
      tooltip: "The account's game chips: each game's own tokens, held by its mirror wallet.",
      spoken: 'Chips',
      icon: { id: 'symbol-constant' },
    });
    assert.deepEqual(
      (['allowances', 'activity', 'wallets'] as const).map((section) => sectionRow({ section, now: NOW })),
      [
        { label: 'Allowances', description: undefined, tooltip: "What each game may spend of the account's tokens, and until when.", spoken: 'Allowances', icon: { id: 'key' } },
        { label: 'Activity', description: undefined, tooltip: 'What games and the account did, newest first: pays, earns, approvals, deposits, logins.', spoken: 'Activity', icon: { id: 'history' } },
        { label: 'Wallets', description: undefined, tooltip: "The account's primary wallet, its mirror wallet (which holds the balances shown), and its secondary wallets.", spoken: 'Wallets', icon: { id: 'credit-card' } },
      ],
    );
  });

  it('loading, also over a value already known', () => {
    const first = sectionRow({ section: 'activity', entry: { loading: true }, now: NOW });
    assert.equal(first.description, 'loading…');
    assert.equal(first.spoken, 'Activity, loading…');
    assert.deepEqual(first.icon, { id: 'history' }, 'VS Code shows the progress; the icon stays');
    const again = sectionRow({ section: 'activity', entry: { value: [], fetchedAt: NOW - 3 * MINUTE, loading: true }, count: 4, now: NOW });
    assert.equal(again.description, 'loading…');
  });

  it('loaded: how many rows and how fresh, read aloud with commas', () => {
    const r = sectionRow({ section: 'allowances', entry: { value: [], fetchedAt: NOW - 3 * MINUTE, loading: false }, count: 3, now: NOW });
    assert.equal(r.description, '3 rows · 3 min. ago');
    assert.equal(r.spoken, 'Allowances, 3 rows, 3 min. ago');
    assert.equal(r.tooltip, "What each game may spend of the account's tokens, and until when.");
    assert.deepEqual(r.icon, { id: 'key' });
    assert.equal(sectionRow({ section: 'wallets', entry: { value: [], fetchedAt: NOW, loading: false }, count: 1, now: NOW }).description, '1 row · just now');
    assert.equal(sectionRow({ section: 'chips', entry: { value: [], fetchedAt: NOW - 2 * DAY, loading: false }, count: 0, now: NOW }).description, '0 rows · 2 days ago');
  });

  it('failed with nothing kept: "failed", the message in the tooltip, the warning icon', () => {
    const r = sectionRow({ section: 'wallets', entry: { loading: false, error: failure }, now: NOW });
    assert.deepEqual(r, {
      label: 'Wallets',
      description: 'failed',
      tooltip: "The account's primary wallet, its mirror wallet (which holds the balances shown), and its secondary wallets.\n\nThe PLYR API answered 502.",
      spoken: 'Wallets, failed',
      icon: { id: 'warning', color: 'list.warningForeground' },
    });
  });

  it('failed over a kept value: stale, with the age of what is kept', () => {
    const r = sectionRow({ section: 'chips', entry: { value: [], fetchedAt: NOW - 3 * 60 * MINUTE, loading: false, error: failure }, count: 2, now: NOW });
    assert.equal(r.description, 'stale, 3 hr. ago');
    assert.equal(r.spoken, 'Chips, stale, 3 hr. ago');
    assert.equal(r.tooltip, "The account's game chips: each game's own tokens, held by its mirror wallet.\n\nThe PLYR API answered 502.");
    assert.deepEqual(r.icon, { id: 'warning', color: 'list.warningForeground' });
  });
});

describe('accountContent: a chip', () => {
  it('symbol; compact balance, name and game; the exact balance and contract in the tooltip', () => {
    assert.deepEqual(chip({ balance: '1234567.123456789' }), {
      label: 'TAV',
      description: '1,234,567.123457 · Tavern Gold · game tavern',
      tooltip: `TAV (Tavern Gold): 1234567.123456789\ngame tavern\nChip contract ${ADDRESS}`,
      spoken: 'Chip TAV of game tavern: 1,234,567.123456789',
      icon: { id: 'symbol-constant' },
    });
  });

  it('without a symbol goes by its contract; without a name leaves it out', () => {
    const r = chip({ symbol: undefined, name: undefined });
    assert.equal(r.label, '0x742d…f44e');
    assert.equal(r.description, '1,234.5 · game tavern');
    assert.equal(r.tooltip, `0x742d…f44e: 1234.5\ngame tavern\nChip contract ${ADDRESS}`);
    assert.equal(r.spoken, 'Chip 0x742d…f44e of game tavern: 1,234.5');
    // A blank symbol or name (or one of only line breaks) is none either.
    const blank = chip({ symbol: ' \r\n ', name: '\u2028' });
    assert.equal(blank.label, '0x742d…f44e');
    assert.equal(blank.description, '1,234.5 · game tavern');
    assert.equal(blank.tooltip.toString().split('\n')[0], '0x742d…f44e: 1234.5');
  });

  it('under the privacy mask: no digit of the balance anywhere', () => {
    const r = chip({ balance: '1234567.125' }, true);
    assert.equal(r.label, 'TAV');
    assert.equal(r.description, '••• · Tavern Gold · game tavern');
    assert.equal(r.tooltip, `TAV (Tavern Gold): •••\ngame tavern\nChip contract ${ADDRESS}`);
    assert.equal(r.spoken, 'Chip TAV of game tavern: amount hidden');
    assert.doesNotMatch(JSON.stringify(r), /1,?234|567|\.125/);
  });
});

describe('accountContent: an allowance', () => {
  it('token and amount; game and time left; the whole sentence and the date in the tooltip', () => {
    assert.deepEqual(allowance(), {
      label: 'GAMR 100',
      description: 'game tavern · expires in 3 days',
      tooltip: `game tavern may spend 100 GAMR.\nexpires in 3 days (${describeMoment(NOW + 3 * DAY)})`,
      spoken: 'game tavern may spend 100 GAMR, expires in 3 days',
      icon: { id: 'key' },
    });
  });

  it('warns under an hour left, and once expired; an hour or more is no warning', () => {
    const soon = allowance({ expiresAt: NOW + 59 * MINUTE });
    assert.equal(soon.description, 'game tavern · expires in 59 min');
    assert.equal(soon.spoken, 'game tavern may spend 100 GAMR, expires in 59 min');
    assert.deepEqual(soon.icon, { id: 'warning', color: 'list.warningForeground' });
    const hour = allowance({ expiresAt: NOW + EXPIRY_WARNING_MS });
    assert.equal(hour.description, 'game tavern · expires in 60 min');
    assert.deepEqual(hour.icon, { id: 'key' });
    assert.equal(allowance({ expiresAt: NOW + 30_000 }).description, 'game tavern · expires in 30 s');
    for (const at of [NOW, NOW - DAY]) {
      const expired = allowance({ expiresAt: at });
      assert.equal(expired.description, 'game tavern · expired');
      assert.equal(expired.spoken, 'game tavern may spend 100 GAMR, expired');
      assert.equal(expired.tooltip, `game tavern may spend 100 GAMR.\nexpired (${describeMoment(at)})`);
      assert.deepEqual(expired.icon, { id: 'warning', color: 'list.warningForeground' });
    }
  });

  it('says "no expiry" when the end lies beyond any date, without a date and without a warning', () => {
    const r = allowance({ expiresAt: undefined, expiresInSeconds: 1e300 });
    assert.equal(r.description, 'game tavern · no expiry');
    assert.equal(r.tooltip, 'game tavern may spend 100 GAMR.\nno expiry');
    assert.equal(r.spoken, 'game tavern may spend 100 GAMR, no expiry');
    assert.deepEqual(r.icon, { id: 'key' });
  });

  it('names a token given as an address by its short form', () => {
    const r = allowance({ token: ADDRESS });
    assert.equal(r.label, '0x742d…f44e 100');
    assert.equal(r.spoken, 'game tavern may spend 100 0x742d…f44e, expires in 3 days');
  });

  it('under the privacy mask: no digit of the amount anywhere', () => {
    const r = allowance({ amount: '1234567.125' }, true);
    assert.equal(r.label, 'GAMR •••');
    assert.equal(r.description, 'game tavern · expires in 3 days');
    assert.equal(r.tooltip.toString().split('\n')[0], 'game tavern may spend ••• GAMR.');
    assert.equal(r.spoken, 'game tavern may spend amount hidden GAMR, expires in 3 days');
    assert.doesNotMatch(JSON.stringify(r), /1,?234|567|\.125/);
    assert.equal(allowance({ amount: '1234567.125' }).spoken, 'game tavern may spend 1,234,567.125 GAMR, expires in 3 days', 'unmasked: the exact amount');
  });
});

describe('accountContent: wallets and Load more', () => {
  it('a primary and a secondary wallet: the short address, the full one in the tooltip and aloud', () => {
    assert.deepEqual(walletRow({ address: ADDRESS, role: 'primary' }), {
      label: 'Primary wallet',
      description: '0x742d…f44e',
      tooltip: `${ADDRESS}\n\nExpand to see its own on-chain balances.`,
      spoken: `Primary wallet ${ADDRESS}`,
      icon: { id: 'credit-card' },
    });
    const secondary = walletRow({ address: ADDRESS, role: 'secondary' });
    assert.equal(secondary.label, 'Secondary wallet');
    assert.equal(secondary.spoken, `Secondary wallet ${ADDRESS}`);
    assert.deepEqual(secondary.icon, { id: 'credit-card' });
  });

  it('marks the mirror as the wallet whose balances the PLYR ID shows', () => {
    assert.deepEqual(walletRow({ address: ADDRESS, role: 'mirror' }), {
      label: 'Mirror wallet',
      description: '0x742d…f44e · holds the balances shown above',
      tooltip: `${ADDRESS}\n\nThe mirror wallet holds the account's tokens and chips: the balances shown for the PLYR ID are this wallet's.`,
      spoken: `Mirror wallet ${ADDRESS}, holds the balances shown above`,
      icon: { id: 'mirror' },
    });
  });

  it('Load more says how many entries were read', () => {
    assert.deepEqual(loadMoreRow({ read: 25 }), {
      label: 'Load more…',
      description: '25 read',
      tooltip: 'Read the next page of the activity log.',
      spoken: 'Load more activity; 25 entries read',
      icon: { id: 'more' },
    });
  });
});

describe('accountContent: outside text', () => {
  const hostile = [HOSTILE_TEXT, ...HOSTILE_INPUTS.flatMap((input) => (typeof input.value === 'string' ? [input.value] : []))];
  /** No icon syntax, control character, line break or bidi control. */
  const INERT = /\$\(|[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  /** Each line of a row (the tooltip's own line breaks apart) is one inert line. */
  function assertInert(r: RowContent, tooltipLines: number, what: string): void {
    for (const text of [r.label, r.description ?? '', r.spoken]) {
      assert.doesNotMatch(text, INERT, what);
    }
    const lines = (r.tooltip as string).split('\n');
    assert.equal(lines.length, tooltipLines, `${what}: ${JSON.stringify(r.tooltip).slice(0, 200)}`);
    lines.forEach((line) => assert.doesNotMatch(line, INERT, what));
  }

  it('breaks icons, folds line breaks and shows bidi controls as U+FFFD, exactly as inertLabel does', () => {
    const icon = chip({ symbol: '$(zap)', name: '$(alert) Gold', gameId: '$(bug)' });
    assert.equal(icon.label, '$\u200b(zap)');
    assert.equal(icon.description, '1,234.5 · $\u200b(alert) Gold · game $\u200b(bug)');
    assert.equal(icon.spoken, 'Chip $\u200b(zap) of game $\u200b(bug): 1,234.5');
    const spoof = chip({ symbol: 'usd\u202ec', name: 'Gold\r\nX-Injected: 1' });
    assert.equal(spoof.label, 'usd\uFFFDc', 'a spoof of USDC does not pass for it');
    assert.equal(spoof.description, '1,234.5 · Gold X-Injected: 1 · game tavern');
    assert.equal((spoof.tooltip as string).split('\n')[0], 'usd\uFFFDc (Gold X-Injected: 1): 1234.5');
    const token = allowance({ token: '$(zap)\n', gameId: 'arena\u2066x' });
    assert.equal(token.label, '"$\u200b(zap)␊" 100');
    assert.equal(token.description, 'game arena\uFFFDx · expires in 3 days');
    assert.equal(token.spoken, 'game arena\uFFFDx may spend 100 "$\u200b(zap)␊", expires in 3 days');
  });

  it('keeps every chip field and allowance field to inert lines, cut to length', () => {
    for (const value of hostile) {
      const what = JSON.stringify(value).slice(0, 80);
      for (const fields of [{ symbol: value }, { name: value }, { gameId: value }, { symbol: value, name: value, gameId: value }]) {
        const r = chip(fields);
        assertInert(r, 3, what);
        assertInert(chip(fields, true), 3, what);
        assert.ok(r.label.replace(/\u200b/g, '').length <= 24, `${r.label.length} characters`);
      }
      for (const fields of [{ token: value }, { gameId: value }, { token: value, gameId: value }]) {
        const r = allowance(fields);
        assertInert(r, 2, what);
        assertInert(allowance(fields, true), 2, what);
        assert.ok(r.label.replace(/\u200b/g, '').length <= 24 + 1 + '100'.length, `${r.label.length} characters`);
      }
    }
  });
});
