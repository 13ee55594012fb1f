import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { renderAddressHover, AddressHover } from '../../src/core/content/hoverContent';
import { statusBarModel } from '../../src/core/content/statusBarContent';
import { groupRow, identifierRow, MarkdownTooltip, RowContent, tokenRow, tooltipMarkdown, watchListRow } from '../../src/core/content/treeContent';
import { describeValuesMissing } from '../../src/core/content/valueContent';
import { arrange, readSortOrder } from '../../src/core/model/sortOrder';
import { TrackedIdentifier } from '../../src/core/model/trackedList';
import { PriceBook, totalValue } from '../../src/core/model/value';
import { BalanceEntry } from '../../src/core/store/balanceStore';
import { unescapedPunctuation } from '../support/markdownChecks';

const NOW = 1_800_000_000_000;
const ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
const PRICES = new PriceBook([
  { keys: ['plyr'], price: { usd: '0.0123', source: 'cmc_api', updatedAt: NOW - 4 * 60_000 } },
  { keys: ['gamr'], price: { usd: '0.5', source: 'cmc_dex_api', updatedAt: NOW - 4 * 60_000 } },
  { keys: ['usdc'], price: { usd: '1', source: 'cg_api', updatedAt: NOW - 4 * 60_000 } },
  { keys: ['avax'], price: { usd: '35.2' } },
]);
/** player123 in the simulator: FLOKI has no price. */
const BALANCES = { plyr: '1234.5', gamr: '9007199.254740993123456789', avax: '0.0', usdc: '250.75', floki: '1000000.123456789' };
const FRESH: BalanceEntry = { balances: BALANCES, fetchedAt: NOW - 180_000, loading: false };
const STALE: BalanceEntry = { ...FRESH, error: { code: 'network', message: 'Could not reach the PLYR API.', at: NOW } };
const VALUE = { ...totalValue(Object.entries(BALANCES), PRICES), unpriced: ['floki'] };

/** Every text of a row a person can see or hear. */
function texts(row: RowContent): string {
  const tooltip = typeof row.tooltip === 'string' ? row.tooltip : (row.tooltip as MarkdownTooltip).parts.map((p) => ('text' in p ? p.text : 'code' in p ? p.code : p.markdown)).join('');
  return [row.label, row.description ?? '', tooltip, row.spoken].join('\n');
}

describe('values in the sidebar rows', () => {
  it('a token row shows its value beside the amount, and its price, source and age in the tooltip', () => {
    const row = tokenRow({ token: 'gamr', amount: BALANCES.gamr, entry: FRESH, masked: false, now: NOW, prices: PRICES });
    assert.equal(row.description, '9,007,199.254741 · ≈ $4,503,599.63');
    assert.match(texts(row), /Value: ≈ \$4,503,599\.63/);
    assert.match(texts(row), /Price \$0\.5 per GAMR \(CoinMarketCap DEX, updated 4 min\. ago\)/);
    assert.equal(row.spoken, 'GAMR 9,007,199.254740993123456789, worth about $4,503,599.63');
  });

  it('a price under a cent, and a value under a cent', () => {
    const row = tokenRow({ token: 'plyr', amount: '0.1', entry: FRESH, masked: false, now: NOW, prices: PRICES });
    assert.equal(row.description, '0.1 · ≈ $0.0012');
    assert.match(texts(row), /Price \$0\.0123 per PLYR \(CoinMarketCap, updated 4 min\. ago\)/);
  });

  it('a token without a price shows no value, never "$0", and says why in the tooltip', () => {
    const row = tokenRow({ token: 'floki', amount: BALANCES.floki, entry: FRESH, masked: false, now: NOW, prices: PRICES });
    assert.equal(row.description, '1,000,000.123457');
    assert.doesNotMatch(texts(row), /\$/);
    assert.match(texts(row), /No price is known for this token/);
  });

  it('a zero balance of a priced token is worth $0.00', () => {
    assert.equal(tokenRow({ token: 'avax', amount: '0.0', entry: FRESH, masked: false, now: NOW, prices: PRICES }).description, '0 · $0.00', 'an exact zero, without ≈');
  });

  it('without prices (values off, or the token list failed) a row is as it always was', () => {
    const without = tokenRow({ token: 'gamr', amount: BALANCES.gamr, entry: FRESH, masked: false, now: NOW });
    assert.equal(without.description, '9,007,199.254741');
    assert.doesNotMatch(texts(without), /\$|price/i);
    assert.equal(identifierRow({ id: 'player123', workspace: false, entry: FRESH, networkLabel: 'n', now: NOW }).description, '5 tokens · updated 3 min. ago');
  });

  it('a stale amount has no value', () => {
    const row = tokenRow({ token: 'gamr', amount: BALANCES.gamr, entry: STALE, masked: false, now: NOW, prices: PRICES });
    assert.doesNotMatch(texts(row), /\$|≈/);
  });

  it('the privacy mask hides the value (the price, which says nothing of anyone, stays)', () => {
    const row = tokenRow({ token: 'gamr', amount: BALANCES.gamr, entry: FRESH, masked: true, now: NOW, prices: PRICES });
    assert.equal(row.description, '••• · ≈ •••');
    assert.doesNotMatch(texts(row).replace(/Price \$0\.5 per GAMR \(CoinMarketCap DEX, updated 4 min\. ago\)/, ''), /\d/);
    assert.equal(row.spoken, 'GAMR amount hidden, value hidden');
  });

  it('an identifier row shows its total and how much of it was priced', () => {
    const tracked: TrackedIdentifier = { id: 'player123', kind: 'plyrId', label: 'Me' };
    const row = identifierRow({ id: 'player123', tracked, workspace: false, entry: FRESH, networkLabel: 'n', now: NOW, value: VALUE });
    assert.equal(row.description, 'player123 · ≈ $4,503,866 · 4 of 5 tokens priced · updated 3 min. ago', 'a total in a row drops its cents from $1,000');
    assert.equal(row.spoken, 'Me, PLYR ID player123, 5 tokens, updated 3 min. ago, worth about $4,503,865.56, 4 of 5 tokens priced', 'in words, after what it said before');
    assert.match(texts(row), /Value: ≈ \$4,503,865\.56 · 4 of 5 tokens priced/);
    assert.match(texts(row), /No price for: FLOKI/);
    const all = identifierRow({ id: 'player123', workspace: false, entry: FRESH, networkLabel: 'n', now: NOW, value: { usd: '10', priced: 5, tokens: 5, unpriced: [] } });
    assert.equal(all.description, '≈ $10.00 · 5 tokens · updated 3 min. ago', 'every token priced: the count as before');
    assert.match(texts(all), /Value: ≈ \$10\.00 · 5 of 5 tokens priced/);
  });

  it('an identifier row beside an error shows no value', () => {
    const row = identifierRow({ id: 'player123', workspace: false, entry: STALE, networkLabel: 'n', now: NOW, value: VALUE });
    assert.doesNotMatch(texts(row), /\$\d|≈|worth|Value/);
  });

  it('an identifier row with no priced token shows no total', () => {
    const row = identifierRow({ id: 'x1234', workspace: false, entry: { balances: { floki: '5' }, fetchedAt: NOW, loading: false }, networkLabel: 'n', now: NOW, value: { priced: 0, tokens: 1, unpriced: ['floki'] } });
    assert.equal(row.description, '1 token · updated just now');
    assert.doesNotMatch(texts(row), /\$/);
  });

  it('an identifier row under the mask says there is a value, without a digit of it', () => {
    const row = identifierRow({ id: 'player123', workspace: false, entry: FRESH, networkLabel: 'n', now: NOW, value: VALUE, masked: true });
    assert.equal(row.description, '≈ ••• · 4 of 5 tokens priced · updated 3 min. ago');
    assert.equal(row.spoken, 'PLYR ID player123, 5 tokens, updated 3 min. ago, value hidden, 4 of 5 tokens priced');
    assert.doesNotMatch(texts(row), /\$/);
  });

  it('group and Workspace rows show their total', () => {
    const total = { usd: '12345.678', priced: 4, tokens: 5 };
    const group = groupRow({ name: 'Team', workspace: false, count: 2, value: total });
    assert.equal(group.description, '2 identifiers · ≈ $12,346 · 4 of 5 tokens priced');
    assert.equal(group.tooltip, 'Group Team: 2 identifiers\nValue: ≈ $12,345.68 · 4 of 5 tokens priced');
    assert.equal(group.spoken, 'Group Team, 2 identifiers, worth about $12,345.68, 4 of 5 tokens priced');
    assert.equal(groupRow({ name: 'Team', workspace: false, count: 2, value: total, masked: true }).description, '2 identifiers · ≈ ••• · 4 of 5 tokens priced');
    assert.equal(groupRow({ name: 'Team', workspace: false, count: 2 }).description, '2 identifiers');
    assert.equal(groupRow({ name: 'Team', workspace: false, count: 2, value: { priced: 0, tokens: 3 } }).description, '2 identifiers');
    // A member without current balances (stale, or not read yet) is left out, and the row says so.
    const partial = groupRow({ name: 'Team', workspace: false, count: 2, value: total, uncounted: 1 });
    assert.equal(partial.description, '2 identifiers · ≈ $12,346 · 4 of 5 tokens priced · 1 not counted');
    assert.equal(partial.tooltip, 'Group Team: 2 identifiers\nValue: ≈ $12,345.68 · 4 of 5 tokens priced\nNot counted: 1 identifier without current balances (stale after a failed refresh, or not read yet).');
    assert.equal(partial.spoken, 'Group Team, 2 identifiers, worth about $12,345.68, 4 of 5 tokens priced, 1 not counted');
    // Every member stale: no total, and the row still says how many it leaves out (and why).
    const none = groupRow({ name: 'Team 3', workspace: false, count: 3, value: { priced: 0, tokens: 0 }, uncounted: 3 });
    assert.equal(none.description, '3 identifiers · 3 not counted');
    assert.equal(none.tooltip, 'Group Team 3: 3 identifiers\nNot counted: 3 identifiers without current balances (stale after a failed refresh, or not read yet).');
    assert.equal(none.spoken, 'Group Team 3, 3 identifiers, 3 not counted');
    const noneWorkspace = watchListRow({ count: 2, warnings: 1, value: { priced: 0, tokens: 0 }, uncounted: 2 });
    assert.equal(noneWorkspace.description, '.vscode/plyr.json · 1 warning · 2 not counted');
    assert.match(String(noneWorkspace.tooltip), /Read-only here: edit the file to change it\.\nNot counted: 2 identifiers without current balances/);
    assert.match(noneWorkspace.spoken, /, 1 warning, 2 not counted$/);
    const partialWorkspace = watchListRow({ count: 3, warnings: 0, value: { usd: '1', priced: 2, tokens: 2 }, uncounted: 2 });
    assert.equal(partialWorkspace.description, '.vscode/plyr.json · ≈ $1.00 · 2 not counted');
    assert.match(String(partialWorkspace.tooltip), /\nNot counted: 2 identifiers without current balances/);
    const workspace = watchListRow({ count: 3, warnings: 0, value: { usd: '1', priced: 2, tokens: 2 } });
    assert.equal(workspace.description, '.vscode/plyr.json · ≈ $1.00');
    assert.match(String(workspace.tooltip), /Value: ≈ \$1\.00 · 2 of 2 tokens priced/);
  });
});

describe('why values are missing (the token list failed)', () => {
  const REASON = 'The PLYR API had a server error: 500: "price feed down". Try again later.';
  const SAID = `No values: the prices could not be read. ${REASON}`;

  it('an identifier row with current balances says why in its tooltip, where its value would be', () => {
    const row = identifierRow({ id: 'player123', workspace: false, entry: FRESH, networkLabel: 'n', now: NOW, noValues: REASON });
    assert.equal(row.description, '5 tokens · updated 3 min. ago', 'the row itself as it always was');
    const parts = (row.tooltip as MarkdownTooltip).parts;
    assert.deepEqual(parts.slice(-2), [{ markdown: '\n\n$(warning) ' }, { text: SAID }], 'the reason is text, escaped as all outside text');
    // Beside a stale amount there would be no value anyway: its error says why.
    assert.doesNotMatch(texts(identifierRow({ id: 'player123', workspace: false, entry: STALE, networkLabel: 'n', now: NOW, noValues: REASON })), /No values/);
    assert.doesNotMatch(texts(identifierRow({ id: 'player123', workspace: false, entry: FRESH, networkLabel: 'n', now: NOW, value: VALUE, noValues: REASON })), /No values/);
  });

  it('a group and the Workspace row say why they have no total, in their tooltips', () => {
    const group = groupRow({ name: 'Team', workspace: false, count: 2, noValues: REASON });
    assert.equal(group.description, '2 identifiers');
    assert.equal(group.tooltip, `Group Team: 2 identifiers\n${SAID}`);
    const workspace = watchListRow({ count: 2, warnings: 0, noValues: REASON });
    assert.match(String(workspace.tooltip), new RegExp(`edit the file to change it\\.\\n${SAID.replace(/[.()]/g, '\\$&')}$`));
    assert.doesNotMatch(String(groupRow({ name: 'Team', workspace: false, count: 2, value: { usd: '1', priced: 1, tokens: 1 }, noValues: REASON }).tooltip), /No values/, 'a total shown needs no excuse');
  });

  it('a hostile reason stays one line of text, cut', () => {
    const said = describeValuesMissing(`${'[x](command:workbench.action.closeWindow)\n# heading '.repeat(20)}`);
    assert.doesNotMatch(said, /\n/);
    assert.ok(said.length < 300, said);
    const row = identifierRow({ id: 'player123', workspace: false, entry: FRESH, networkLabel: 'n', now: NOW, noValues: '[x](command:workbench.action.closeWindow)' });
    assert.deepEqual(unescapedPunctuation(tooltipMarkdown(row.tooltip as MarkdownTooltip).split('$(warning) ')[1] ?? ''), [], 'escaped in the Markdown');
  });
});

describe('values in the hover', () => {
  const base: AddressHover = { address: ADDRESS, checksumMatches: true, networkLabel: 'PLYR PHI mainnet', noAccount: false, links: [], now: NOW, balances: BALANCES, fetchedAt: NOW };
  const rows = (markdown: string) => markdown.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Token |'));
  /** What a Markdown renderer shows for escaped text. */
  const unescape = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

  it('gains a Value column, empty for a token without a price, and a total with the sources and age', () => {
    const markdown = renderAddressHover({ ...base, prices: PRICES });
    // Every character of a value cell and of the total line escaped: no Markdown can come of them.
    for (const row of rows(markdown)) {
      assert.deepEqual(unescapedPunctuation(/ \| ([^|]*) \|$/.exec(row)?.[1] ?? row), [], row);
    }
    const totalLine = markdown.split('\n').find((line) => line.startsWith('_Total'));
    assert.deepEqual(unescapedPunctuation(totalLine?.slice(1, -1) ?? '?'), []);
    const shown = unescape(markdown);
    assert.match(shown, /^\| Token \| Amount \| Value \|$/m);
    assert.match(shown, /^\|:--\|--:\|--:\|$/m);
    assert.match(shown, /^\| GAMR \| 9,007,199\.254741 \(exact 9007199\.254740993123456789\) \| ≈ \$4,503,599\.63 \|$/m);
    assert.match(shown, /^\| FLOKI \| .* \| {2}\|$/m, 'no value, never $0');
    assert.match(shown, /^\| AVAX \| 0 \| \$0\.00 \|$/m);
    assert.match(shown, /^_Total ≈ \$4,503,865\.56 · 4 of 5 tokens priced · prices from CoinMarketCap, CoinMarketCap DEX, CoinGecko, updated 4 min\. ago_$/m);
  });

  it('has the two columns it always had without prices', () => {
    const markdown = renderAddressHover(base);
    assert.match(markdown, /^\| Token \| Amount \|$/m);
    assert.doesNotMatch(markdown, /Value|Total|\$/);
  });

  it('hides the values under the mask, without a digit in any row', () => {
    const markdown = renderAddressHover({ ...base, prices: PRICES, masked: true });
    for (const row of rows(markdown)) {
      assert.doesNotMatch(row, /\d/, row);
    }
    assert.match(unescape(markdown), /^\| GAMR \| ••• \| ≈ ••• \|$/m);
    assert.match(unescape(markdown), /_Total ≈ ••• · 4 of 5 tokens priced/);
    assert.doesNotMatch(markdown, /4,503/);
  });

  it('shows no value beside stale balances', () => {
    const markdown = renderAddressHover({ ...base, prices: PRICES, error: 'Could not reach the PLYR API.' });
    assert.doesNotMatch(markdown, /Value|Total|≈/);
  });
});

describe('the value in the status bar', () => {
  const input = { identifier: 'player123', token: 'gamr', networkLabel: 'n', entry: FRESH, now: NOW, prices: PRICES };

  it('shows the value instead of the amount when asked, with the price in the tooltip', () => {
    const model = statusBarModel({ ...input, show: 'value' });
    assert.equal(model.text, '$(credit-card) GAMR ≈ $4,503,599.63');
    assert.ok(model.tooltip.includes('GAMR: 9007199.254740993123456789'));
    assert.ok(model.tooltip.includes('Value: ≈ $4,503,599.63'));
    assert.ok(model.tooltip.includes('Price $0.5 per GAMR (CoinMarketCap DEX, updated 4 min. ago)'));
    assert.match(model.spoken, /^PLYR balance: GAMR worth about \$4,503,599\.63/);
  });

  it('shows the amount by default, the value only in the tooltip', () => {
    const model = statusBarModel(input);
    assert.equal(model.text, '$(credit-card) 9,007,199.254741 GAMR');
    assert.ok(model.tooltip.includes('Value: ≈ $4,503,599.63'));
  });

  it('falls back to the amount for a token without a price, or without prices, and says so', () => {
    const floki = statusBarModel({ ...input, token: 'floki', show: 'value' });
    assert.equal(floki.text, '$(credit-card) 1,000,000.123457 FLOKI');
    assert.ok(floki.tooltip.includes('No price is known for FLOKI.'));
    assert.equal(statusBarModel({ ...input, prices: undefined, show: 'value' }).text, '$(credit-card) 9,007,199.254741 GAMR');
  });

  it('hides the value under the mask, and shows none for a stale amount', () => {
    const masked = statusBarModel({ ...input, show: 'value', masked: true });
    assert.equal(masked.text, '$(credit-card) GAMR ≈ •••');
    assert.ok(masked.tooltip.every((line) => !line.includes('4,503')), masked.tooltip.join('\n'));
    const stale = statusBarModel({ ...input, entry: STALE, show: 'value' });
    assert.equal(stale.text, '$(warning) 9,007,199.254741 GAMR');
    assert.ok(stale.tooltip.every((line) => !line.includes('$')));
  });
});

describe('Sort By: value', () => {
  const list: TrackedIdentifier[] = ['a1234', 'b1234', 'c1234', 'd1234'].map((id) => ({ id, kind: 'plyrId' }));
  const values: Record<string, string | undefined> = { a1234: '2.5', b1234: undefined, c1234: '10000000000000000000000.01', d1234: '10000000000000000000000.001' };

  it('reads "value" and { by: "value" }', () => {
    assert.deepEqual(readSortOrder('value'), { by: 'value' });
    assert.deepEqual(readSortOrder({ by: 'value' }), { by: 'value' });
  });

  it('puts the largest value first, compared exactly, and identifiers without a value last', () => {
    const { top } = arrange({ list, groups: [] }, { by: 'value' }, () => undefined, (id) => values[id]);
    assert.deepEqual(top.map((t) => t.id), ['c1234', 'd1234', 'a1234', 'b1234']);
  });
});
