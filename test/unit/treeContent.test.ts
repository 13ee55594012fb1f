import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { TrackedIdentifier } from '../../src/core/model/trackedList';
import { BalanceEntry } from '../../src/core/store/balanceStore';
import { errorRow, groupRow, hiddenTokensRow, identifierRow, MarkdownTooltip, problemRow, RowContent, tokenRow, tooltipMarkdown, TooltipPart, uniqueRowKeys, watchListRow, zeroBalancesRow } from '../../src/core/content/treeContent';
import { HOSTILE_INPUTS } from '../support/hostileInputs';
import { unescapedPunctuation } from '../support/markdownChecks';

const NOW = 1_800_000_000_000;
const THREE_MIN = NOW - 180_000;
const THREE_HR = NOW - 3 * 3_600_000;
const ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
const NETWORK = 'PLYR PHI mainnet';
const ME: TrackedIdentifier = { id: 'player123', kind: 'plyrId', label: 'Me' };
const FRESH: BalanceEntry = { balances: { gamr: '1234.5', plyr: '1' }, fetchedAt: THREE_MIN, loading: false };
const DOWN = { code: 'network' as const, message: 'Could not reach the PLYR API. Check your connection.', at: NOW };
const STALE: BalanceEntry = { balances: { gamr: '1234.5' }, fetchedAt: THREE_HR, loading: false, error: DOWN };
/** Markdown, a command link, an icon and a new block, the way a server could send them. */
const HOSTILE_TEXT = '$(zap) [x](command:workbench.action.closeWindow) <img src=x onerror=alert(1)>\r\n# heading | cell';

function row(overrides: { id?: string; tracked?: TrackedIdentifier; workspace?: boolean; entry?: BalanceEntry; networkLabel?: string; owner?: string } = {}) {
  return identifierRow({ id: overrides.tracked?.id ?? overrides.id ?? 'player123', workspace: false, networkLabel: NETWORK, now: NOW, ...overrides });
}

function markdown(tooltip: RowContent['tooltip']): MarkdownTooltip {
  assert.notEqual(typeof tooltip, 'string', 'a Markdown tooltip');
  return tooltip as MarkdownTooltip;
}

/** The Markdown parts only: what goes into the tooltip without VS Code's escaping. */
function written(tooltip: RowContent['tooltip']): string {
  return markdown(tooltip)
    .parts.flatMap((part: TooltipPart) => ('markdown' in part ? [part.markdown] : []))
    .join('');
}

const lastUpdate = (at: number, age: string): TooltipPart => ({ text: `${new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} (${age})` });

describe('treeContent: identifier rows', () => {
  it('an address added in a case that fails its checksum: shown as written, with ⚠ and the reason', () => {
    const typo = '0x742d35cC6634C0532925a3b844Bc454e4438f44e';
    const warning = 'This mixed-case address fails its EIP-55 checksum: it may contain a typo.';
    const plain = row({ tracked: { id: ADDRESS, kind: 'address', written: typo }, entry: FRESH });
    assert.equal(plain.label, typo);
    assert.match(plain.description ?? '', /^⚠ 2 tokens/);
    assert.ok(plain.spoken.includes(`wallet address ${typo}, ${warning}`), plain.spoken);
    // Markdown-escaped, as all text in a tooltip.
    assert.match(written(plain.tooltip), /^\$\(warning\) This mixed\\-case address fails its EIP\\-55 checksum/);
    assert.ok(written(plain.tooltip).includes(typo), written(plain.tooltip));
    const labelled = row({ tracked: { id: ADDRESS, kind: 'address', label: 'Mine', written: typo }, entry: FRESH });
    assert.equal(labelled.label, 'Mine');
    assert.match(labelled.description ?? '', /^⚠ 0x742d…f44e · 2 tokens/);
    // The checksummed form the row asks for carries no doubt.
    assert.doesNotMatch(row({ tracked: { id: ADDRESS, kind: 'address' }, entry: FRESH }).description ?? '', /⚠/);
  });

  it('an up-to-date row: label, short id with the count and age, the details in the tooltip', () => {
    const r = row({ tracked: ME, entry: FRESH });
    assert.equal(r.label, 'Me');
    assert.equal(r.description, 'player123 · 2 tokens · updated 3 min. ago');
    assert.equal(r.spoken, 'Me, PLYR ID player123, 2 tokens, updated 3 min. ago');
    assert.deepEqual(r.icon, { id: 'account' });
    assert.equal(r.kind, 'plyrId');
    assert.equal(r.notifying, false);
    assert.deepEqual(r.tooltip, {
      icons: true,
      parts: [{ markdown: '**Me**\n\n' }, { markdown: 'PLYR ID: player123\n\n' }, { markdown: 'Network: PLYR PHI mainnet\n\n' }, { markdown: 'Last update: ' }, lastUpdate(THREE_MIN, '3 min. ago')],
    });
  });

  it("a label's invisible format characters show as \uFFFD in the row and in what is read aloud, as everywhere a label shows", () => {
    const r = row({ tracked: { id: 'player123', kind: 'plyrId', label: 'Treasury\u200f 100\u2060\u{E0041}' }, entry: FRESH });
    assert.equal(r.label, 'Treasury\uFFFD 100\uFFFD\uFFFD');
    assert.match(r.spoken, /^Treasury\uFFFD 100\uFFFD\uFFFD, PLYR ID player123/);
  });

  it('an address: its own icon and words, shortened in the description only when a label shows', () => {
    const unlabelled = row({ tracked: { id: ADDRESS, kind: 'address' }, entry: { balances: { gamr: '1' }, fetchedAt: NOW, loading: false } });
    assert.equal(unlabelled.label, ADDRESS);
    assert.equal(unlabelled.description, '1 token · updated just now');
    assert.equal(unlabelled.spoken, `wallet address ${ADDRESS}, 1 token, updated just now`);
    assert.deepEqual(unlabelled.icon, { id: 'credit-card' });
    assert.deepEqual(markdown(unlabelled.tooltip).parts[0], { markdown: `Wallet address: ${ADDRESS}\n\n` });
    const labelled = row({ tracked: { id: ADDRESS, kind: 'address', label: 'Vault' }, entry: FRESH });
    assert.equal(labelled.description, '0x742d…f44e · 2 tokens · updated 3 min. ago');
    assert.equal(labelled.kind, 'address');
  });

  it("a wallet address whose owner is known: its tooltip and what is read aloud name the PLYR ID, its label and description stay", () => {
    const tracked: TrackedIdentifier = { id: ADDRESS, kind: 'address' };
    const entry: BalanceEntry = { balances: { gamr: '1' }, fetchedAt: NOW, loading: false };
    const owned = row({ tracked, entry, owner: '0xgamer' });
    const plain = row({ tracked, entry });
    assert.equal(owned.spoken, `wallet address ${ADDRESS}, PLYR ID 0xgamer, 1 token, updated just now`);
    assert.deepEqual(markdown(owned.tooltip).parts.slice(0, 2), [{ markdown: `Wallet address: ${ADDRESS}\n\n` }, { markdown: 'PLYR ID: 0xgamer\n\n' }]);
    assert.deepEqual([owned.label, owned.description], [plain.label, plain.description]);
    // A PLYR ID's row has no owner to name.
    assert.deepEqual(row({ tracked: ME, entry: FRESH, owner: 'someone' }), row({ tracked: ME, entry: FRESH }));
  });

  it('a stale row: the first sentence of the failure and the age of what it still shows, in red', () => {
    const r = row({ tracked: ME, entry: STALE });
    assert.equal(r.description, 'player123 · Could not reach the PLYR API · stale, 3 hr. ago');
    assert.equal(r.spoken, 'Me, PLYR ID player123, Could not reach the PLYR API, stale, 3 hr. ago');
    assert.deepEqual(r.icon, { id: 'account', color: 'list.errorForeground' });
    const parts = markdown(r.tooltip).parts;
    assert.deepEqual(parts.slice(-2), [lastUpdate(THREE_HR, '3 hr. ago'), { markdown: '\n\n---\n\n$(error) Could not reach the PLYR API\\. Check your connection\\.' }]);
  });

  it('a long failure: cut to the row in its description, whole in what a screen reader says', () => {
    const message = 'The PLYR API refused this API key (403 Insufficient permissions for this route). Check its permissions.';
    const r = row({ tracked: ME, entry: { ...STALE, error: { ...STALE.error!, message } } });
    assert.match(r.description ?? '', /^player123 · The PLYR API refused this API key \(403 Insufficient permiss…/);
    assert.equal(r.spoken, 'Me, PLYR ID player123, The PLYR API refused this API key (403 Insufficient permissions for this route), stale, 3 hr. ago');
  });

  it('a row that failed before it ever loaded: the failure alone, and never updated', () => {
    const r = row({ entry: { loading: false, error: DOWN } });
    assert.equal(r.label, 'player123');
    assert.equal(r.description, 'Could not reach the PLYR API');
    assert.equal(r.spoken, 'PLYR ID player123, Could not reach the PLYR API');
    assert.deepEqual(markdown(r.tooltip).parts.slice(2, 4), [{ markdown: 'Last update: ' }, { text: 'never' }]);
  });

  it('loading: a spinner, and words until there is something to show', () => {
    const first = row({ entry: { loading: true } });
    assert.equal(first.description, 'loading…');
    assert.equal(first.spoken, 'PLYR ID player123, loading…');
    assert.deepEqual(first.icon, { id: 'loading~spin' });
    // A refresh of a row with balances keeps them on show while it spins.
    const again = row({ entry: { ...FRESH, loading: true } });
    assert.equal(again.description, '2 tokens · updated 3 min. ago');
    assert.deepEqual(again.icon, { id: 'loading~spin' });
  });

  it('never loaded: says so, with no count and no age', () => {
    const r = row({ tracked: ME });
    assert.equal(r.description, 'player123 · not loaded');
    assert.equal(r.spoken, 'Me, PLYR ID player123, not loaded');
    assert.deepEqual(r.icon, { id: 'account' });
    assert.deepEqual(markdown(r.tooltip).parts.slice(-1), [{ text: 'never' }]);
    assert.equal(row({ entry: { balances: {}, loading: false } }).description, '0 tokens · updated never');
  });

  it("notify on change: said aloud, and shown with a bell as the row's icon and in the tooltip", () => {
    const r = row({ tracked: { ...ME, notify: true }, entry: FRESH });
    assert.equal(r.notifying, true);
    assert.deepEqual(r.icon, { id: 'bell' });
    assert.deepEqual(row({ tracked: { ...ME, notify: true }, entry: { ...STALE, error: DOWN } }).icon, { id: 'bell', color: 'list.errorForeground' });
    assert.deepEqual(row({ tracked: { ...ME, notify: true }, workspace: true, entry: FRESH }).icon, { id: 'account' });
    assert.equal(r.spoken, 'Me, PLYR ID player123, 2 tokens, updated 3 min. ago, notifies on change');
    assert.deepEqual(markdown(r.tooltip).parts.slice(-2), [{ markdown: '\n\n$(bell) ' }, { text: 'Notifies when a balance changes.' }]);
  });

  it('a watch-list row reads as a user row does, and never notifies', () => {
    const r = row({ tracked: { id: 'teammate1', kind: 'plyrId', label: 'Ops', group: 'Team' }, workspace: true, entry: FRESH });
    assert.equal(r.label, 'Ops');
    assert.equal(r.description, 'teammate1 · 2 tokens · updated 3 min. ago');
    assert.equal(r.spoken, 'Ops, PLYR ID teammate1, 2 tokens, updated 3 min. ago');
    assert.equal(r.notifying, false);
    assert.equal(row({ tracked: { ...ME, notify: true }, workspace: true }).notifying, false);
  });
});

describe('treeContent: token rows', () => {
  const token = (overrides: { token?: string; amount?: string; entry?: BalanceEntry; masked?: boolean } = {}) => tokenRow({ token: 'gamr', amount: '1234.5', entry: FRESH, masked: false, now: NOW, ...overrides });

  it('shows a token row named "constructor" (a server key) with its own change or none, never a built-in', () => {
    const entry: BalanceEntry = { balances: { constructor: '2', gamr: '1' }, fetchedAt: NOW, loading: false, changes: { gamr: '+1' } };
    const row = tokenRow({ token: 'constructor', amount: '2', entry, masked: false, now: NOW });
    assert.doesNotMatch(row.description ?? '', /[▲▼]/);
    const withOwn = tokenRow({ token: 'toString', amount: '2', entry: { ...entry, changes: { toString: '+2' } }, masked: false, now: NOW });
    assert.match(withOwn.description ?? '', /▲ \+2/);
  });

  it('the amount, grouped, and the exact one in the tooltip', () => {
    const r = token({ amount: '9007199.254740993123456789' });
    assert.equal(r.label, 'GAMR');
    assert.equal(r.description, '9,007,199.254741');
    assert.equal(r.spoken, 'GAMR 9,007,199.254740993123456789');
    assert.deepEqual(r.icon, { id: 'circle-small-filled' });
    assert.deepEqual(r.tooltip, { icons: false, parts: [{ text: 'GAMR' }, { markdown: ': ' }, { code: '9007199.254740993123456789' }] });
  });

  it('marks the change the last refresh brought, up or down', () => {
    const up = token({ entry: { ...FRESH, changes: { gamr: '+12.5' } } });
    assert.equal(up.description, '1,234.5 ▲ +12.5');
    assert.equal(up.spoken, 'GAMR 1,234.5, changed by +12.5');
    assert.deepEqual(markdown(up.tooltip).parts.slice(3), [{ markdown: '\n\n' }, { text: 'Changed by +12.5 at the last refresh.' }]);
    const down = token({ entry: { ...FRESH, changes: { gamr: '−3' } } });
    assert.equal(down.description, '1,234.5 ▼ −3');
    assert.equal(token({ entry: { ...FRESH, changes: { plyr: '+1' } } }).description, '1,234.5', "another token's change");
  });

  it('rounds the change as the amount beside it; the tooltip and the spoken label keep it exact', () => {
    const change = '+2.500000000000000001';
    const r = token({ amount: '12.500000000000000001', entry: { ...FRESH, changes: { gamr: change } } });
    assert.equal(r.description, '12.5 ▲ +2.5');
    assert.equal(r.spoken, `GAMR 12.500000000000000001, changed by ${change}`);
    assert.deepEqual(markdown(r.tooltip).parts.slice(3), [{ markdown: '\n\n' }, { text: `Changed by ${change} at the last refresh.` }]);
    assert.equal(token({ entry: { ...FRESH, changes: { gamr: '−1234.5' } } }).description, '1,234.5 ▼ −1,234.5');
  });

  it('zero is zero, and dust never reads as zero', () => {
    assert.equal(token({ amount: '0' }).description, '0');
    assert.equal(token({ amount: '0.000' }).description, '0');
    assert.equal(token({ amount: '0' }).spoken, 'GAMR 0');
    assert.equal(token({ amount: '0.0000001' }).description, '< 0.000001');
  });

  it('under the privacy mask: no digit of the amount or of its change, anywhere', () => {
    const r = token({ entry: { ...FRESH, changes: { gamr: '+12.5' } }, masked: true });
    assert.equal(r.description, '•••');
    assert.equal(r.spoken, 'GAMR amount hidden');
    assert.deepEqual(r.tooltip, { icons: false, parts: [{ text: 'GAMR' }, { markdown: ': ' }, { code: '•••' }] });
    assert.doesNotMatch(JSON.stringify(r), /\d/);
    assert.equal(token({ entry: STALE, masked: true }).description, 'last known ••• · 3 hr. ago');
  });

  it('stale: the last known amount and its age, no change, a history icon', () => {
    const r = token({ entry: { ...STALE, changes: { gamr: '+12.5' } } });
    assert.equal(r.description, 'last known 1,234.5 · 3 hr. ago');
    assert.equal(r.spoken, 'GAMR 1,234.5, stale, last updated 3 hr. ago');
    assert.deepEqual(r.icon, { id: 'history' });
    assert.deepEqual(markdown(r.tooltip).parts.slice(3), [{ markdown: '\n\n' }, { text: 'Stale: last updated 3 hr. ago.' }]);
  });

  it('a token address shows short; a backtick cannot close the code span', () => {
    assert.equal(token({ token: ADDRESS.toLowerCase() }).label, '0x742d…f44e');
    // The amount shows as code, exactly as sent (no backslash shows in a code span): tooltipMarkdown drops the backtick.
    assert.equal(tooltipMarkdown(markdown(token({ amount: '1`2.5' }).tooltip)), 'GAMR: `12.5`');
  });
});

describe('treeContent: error rows', () => {
  it('the first sentence, and the fix as the description and what Enter does', () => {
    const r = errorRow({ message: 'The API key was refused: check it in Set API Credentials.', fixTitle: 'Set API Credentials' });
    assert.equal(r.label, 'The API key was refused');
    assert.equal(r.description, 'Set API Credentials');
    assert.equal(r.spoken, 'Error: The API key was refused: check it in Set API Credentials. Enter: Set API Credentials');
    assert.deepEqual(r.icon, { id: 'error', color: 'list.errorForeground' });
    assert.deepEqual(r.tooltip, { icons: false, parts: [{ text: 'The API key was refused: check it in Set API Credentials.' }, { markdown: '\n\n' }, { text: 'Click: Set API Credentials' }] });
  });

  it('Retry without a fix; Failed without a message; a long first sentence cut', () => {
    const retry = errorRow({ message: 'Could not reach the PLYR API. Check your connection.' });
    assert.equal(retry.label, 'Could not reach the PLYR API');
    assert.equal(retry.description, 'Retry');
    const bare = errorRow({});
    assert.equal(bare.label, 'Failed');
    assert.equal(bare.spoken, 'Error: Failed Enter: Retry');
    assert.deepEqual(markdown(bare.tooltip).parts[0], { text: '' });
    assert.equal(errorRow({ message: 'x'.repeat(80) }).label, `${'x'.repeat(59)}…`);
  });
});

describe('treeContent: the row of tokens a filter leaves out', () => {
  it("the user's row: how many, which, that the total counts them, and what a click does", () => {
    const r = hiddenTokensRow({ hidden: ['avax', 'usdc.e'] });
    assert.equal(r.label, '2 more tokens not shown');
    assert.equal(r.description, 'Filter Tokens…');
    assert.equal(r.tooltip, 'Filter Tokens chose the tokens this row shows. Not shown: AVAX, USDC.E. The total counts them.\n\nClick: choose the tokens to show');
    assert.equal(r.spoken, '2 more tokens not shown: AVAX, USDC.E. The total counts them.');
    assert.deepEqual(r.icon, { id: 'filter' });
  });

  it('one token is one', () => {
    assert.equal(hiddenTokensRow({ hidden: ['gamr'] }).label, '1 more token not shown');
  });

  it("a server's odd token name is named as every surface names it, on one line", () => {
    const r = hiddenTokensRow({ hidden: ['usd\u0441\n[x](command:evil)'] });
    assert.ok(!String(r.tooltip).includes('\n[x]'), String(r.tooltip));
    assert.match(r.spoken, /‹U\+0441›/);
    assert.ok(!r.spoken.includes('\n'));
  });
});

describe('treeContent: the row of zero balances Hide Zero Balances hides', () => {
  it('says how many, which, why, and what a click does', () => {
    const r = zeroBalancesRow({ hidden: ['plyr', 'gamr', 'avax'] });
    assert.equal(r.label, '3 zero balances not shown');
    assert.equal(r.description, 'Hide Zero Balances');
    assert.equal(r.tooltip, 'These balances are zero, and the setting Hide Zero Balances is on. Not shown: PLYR, GAMR, AVAX.\n\nClick: open the setting');
    assert.equal(r.spoken, '3 zero balances not shown: PLYR, GAMR, AVAX. The setting Hide Zero Balances is on.');
    assert.deepEqual(r.icon, { id: 'eye-closed' });
    assert.equal(zeroBalancesRow({ hidden: ['gamr'] }).label, '1 zero balance not shown');
  });

  it('names chips by their symbol as their rows do, or by their contract', () => {
    const r = zeroBalancesRow({ hidden: ['Chip X', '0x00000000000000000000000000000000000000A2'], chips: true });
    assert.equal(r.spoken, '2 zero balances not shown: Chip X, 0x0000…00A2. The setting Hide Zero Balances is on.');
  });

  it("names a server's odd token on one line", () => {
    const r = zeroBalancesRow({ hidden: ['usd\u0441\n[x](command:evil)'] });
    assert.ok(!String(r.tooltip).includes('\n[x]'), String(r.tooltip));
    assert.ok(!r.spoken.includes('\n'));
  });
});

describe('treeContent: group rows', () => {
  it("the user's group: its name and how many identifiers", () => {
    const r = groupRow({ name: 'Team', workspace: false, count: 1 });
    assert.deepEqual(r, { label: 'Team', description: '1 identifier', tooltip: 'Group Team: 1 identifier', spoken: 'Group Team, 1 identifier', icon: { id: 'folder' } });
  });

  it("a group of the workspace's watch-list says where it comes from", () => {
    const r = groupRow({ name: 'Team', workspace: true, count: 3 });
    assert.deepEqual(r, { label: 'Team', description: '3 identifiers', tooltip: "Group Team of the workspace's watch-list: 3 identifiers", spoken: 'Workspace group Team, 3 identifiers', icon: { id: 'folder-library' } });
  });

  it('shows invisible format characters of a group name as � in its tooltip and spoken text too, as in its label', () => {
    const r = groupRow({ name: 'Ops\u200F\u2060X $(zap)', workspace: true, count: 1 });
    for (const text of [r.label, r.tooltip, r.spoken] as string[]) {
      assert.ok(text.includes('Ops\uFFFD\uFFFDX $\u200b(zap)'), JSON.stringify(text));
    }
  });

  it('the Workspace row: the file, how many warnings it has, and that it is read-only', () => {
    const r = watchListRow({ count: 2, warnings: 0 });
    assert.equal(r.label, 'Workspace');
    assert.equal(r.description, '.vscode/plyr.json');
    assert.equal(r.spoken, 'Workspace watch-list, 2 identifiers from .vscode/plyr.json');
    assert.equal(r.tooltip, "The workspace's watch-list: 2 identifiers from .vscode/plyr.json, shared with everyone who opens this workspace. Read-only here: edit the file to change it.");
    assert.deepEqual(r.icon, { id: 'organization' });
    // A warning may be a refused row or the file's state (waiting for trust): never counted as rows "skipped".
    assert.equal(watchListRow({ count: 0, warnings: 1 }).description, '.vscode/plyr.json · 1 warning');
    assert.equal(watchListRow({ count: 2, warnings: 3 }).spoken, 'Workspace watch-list, 2 identifiers from .vscode/plyr.json, 3 warnings');
  });

  it('says a refresh over known balances in words, where the row shows only a spinner', () => {
    const refreshing = row({ tracked: ME, entry: { ...FRESH, loading: true } });
    assert.deepEqual(refreshing.icon, { id: 'loading~spin' });
    assert.match(refreshing.spoken, /, refreshing$/);
    assert.match(row({ tracked: ME, entry: { ...STALE, loading: true } }).spoken, /, refreshing$/);
    assert.doesNotMatch(row({ tracked: ME, entry: FRESH }).spoken, /refreshing/);
    assert.doesNotMatch(row({ tracked: ME, entry: { loading: true } }).spoken, /refreshing/, 'a first load says loading… already');
  });

  it('a warning about the file, under the Workspace row', () => {
    const r = problemRow('Entry 3: a PLYR ID has 5 to 64 characters.');
    assert.deepEqual(r, { label: 'Entry 3: a PLYR ID has 5 to 64 characters.', tooltip: 'Entry 3: a PLYR ID has 5 to 64 characters.', spoken: 'Warning: Entry 3: a PLYR ID has 5 to 64 characters.', icon: { id: 'warning', color: 'list.warningForeground' } });
  });
});

describe('treeContent: hostile server and file text stays text', () => {
  const hostile = [HOSTILE_TEXT, ...HOSTILE_INPUTS.flatMap((input) => (typeof input.value === 'string' ? [input.value] : []))];

  it('escapes a label, a network name and an error in the identifier tooltip, and breaks their icons', () => {
    const r = row({ tracked: { id: 'player123', kind: 'plyrId', label: '[x](command:workbench.action.closeWindow)' }, entry: { ...STALE, error: { ...DOWN, message: HOSTILE_TEXT } }, networkLabel: '<b>net</b>' });
    const parts = markdown(r.tooltip).parts;
    assert.deepEqual(parts[0], { markdown: '**\\[x\\]\\(command\\:workbench\\.action\\.closeWindow\\)**\n\n' });
    assert.deepEqual(parts[2], { markdown: 'Network: \\<b\\>net\\<\\/b\\>\n\n' });
    assert.deepEqual(parts[parts.length - 1], { markdown: '\n\n---\n\n$(error) \\$\u200b\\(zap\\) \\[x\\]\\(command\\:workbench\\.action\\.closeWindow\\) \\<img src\\=x onerror\\=alert\\(1\\)\\> \\# heading \\| cell' });
  });

  it("a wallet's owner, as a server names it, shows as text in the tooltip and read aloud", () => {
    const r = row({ tracked: { id: ADDRESS, kind: 'address' }, entry: FRESH, owner: '$(zap) [x](command:x) <b>\r\n# h' });
    assert.deepEqual(markdown(r.tooltip).parts[1], { markdown: 'PLYR ID: \\$\u200b\\(zap\\) \\[x\\]\\(command\\:x\\) \\<b\\> \\# h\n\n' });
    assert.equal(r.spoken, `wallet address ${ADDRESS}, PLYR ID $\u200b(zap) [x](command:x) <b> # h, 2 tokens, updated 3 min. ago`);
    const long = row({ tracked: { id: ADDRESS, kind: 'address' }, entry: FRESH, owner: 'x'.repeat(500) });
    assert.ok(written(long.tooltip).includes(`PLYR ID: ${'x'.repeat(63)}…\n\n`), 'cut as a PLYR ID is long at most');
  });

  it('adds no live Markdown, line or icon to a tooltip, whatever the text', () => {
    const plain = written(row({ tracked: { ...ME, label: 'label', notify: true }, entry: { ...STALE, error: { ...DOWN, message: 'message' } }, networkLabel: 'network' }).tooltip);
    // An empty label is no label (the list never keeps one): the tooltip has no line for it.
    for (const value of hostile.filter((v) => v !== '')) {
      const md = written(row({ tracked: { ...ME, label: value, notify: true }, entry: { ...STALE, error: { ...DOWN, message: value } }, networkLabel: value }).tooltip);
      assert.deepEqual(unescapedPunctuation(md), unescapedPunctuation(plain), JSON.stringify(value).slice(0, 80));
      assert.equal(md.split('\n').length, plain.split('\n').length, JSON.stringify(value).slice(0, 80));
      assert.equal(md.match(/\$\(/g)?.length, 2, 'only $(bell) and $(error)');
      // Token, error and amount text is only ever a text part, which tooltipMarkdown makes inert.
      const markup = [': ', '\n\n'];
      for (const tooltip of [tokenRow({ token: value, amount: value, entry: STALE, masked: false, now: NOW }).tooltip, errorRow({ message: value, fixTitle: value }).tooltip]) {
        assert.ok(markdown(tooltip).parts.every((part) => !('markdown' in part) || markup.includes(part.markdown)), JSON.stringify(value).slice(0, 80));
      }
    }
  });

  it("renders text parts inert where VS Code's appendText would not: one line, bidi shown, no autolinked URL, capped", () => {
    // A balance key from a hostile server (nothing checks the keys): a spoof of USDC, a fake line, a URL.
    const token = 'usd\u202ec\n\nVerified by PLYR · Value: ≈ $1,000,000.00\n\nwww.plyrclaim.example/airdrop';
    const md = tooltipMarkdown(markdown(tokenRow({ token, amount: '5', entry: STALE, masked: false, now: NOW }).tooltip));
    assert.ok(md.startsWith('\\"usd‹U\\+202E›c␊␊Verified␠by␠PLYR␠‹U\\+00B7›␠Value\\:␠‹U\\+2248›␠\\$1\\,000\\,000\\.00␊␊www\\.plyrclaim\\.example\\/airdrop\\": `5`'), md);
    assert.doesNotMatch(md.split(': `')[0], /\n|www\.|[\u202a-\u202e]/i);
    const long = tooltipMarkdown(markdown(tokenRow({ token: 'x'.repeat(100_000), amount: '5', masked: false, now: NOW }).tooltip));
    assert.ok(long.length < 1100, `${long.length} characters`);
    const row = tokenRow({ token, amount: '5', masked: false, now: NOW });
    assert.doesNotMatch(row.spoken, /\n|[\u202a-\u202e]/, 'what a screen reader says is one line too');
  });

  it('keeps token, group and problem labels to one inert line', () => {
    assert.equal(tokenRow({ token: '$(zap)', amount: '1', masked: false, now: NOW }).label, '"$\u200b(zap)"');
    assert.equal(groupRow({ name: HOSTILE_TEXT, workspace: true, count: 1 }).label, '$\u200b(zap) [x](command:workbench.action.closeWindow) <img src=x onerror=alert(1)> #…');
    for (const value of hostile) {
      for (const label of [tokenRow({ token: value, amount: '1', masked: false, now: NOW }).label, groupRow({ name: value, workspace: false, count: 1 }).label, problemRow(value).label]) {
        assert.doesNotMatch(label, /\$\(|[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, JSON.stringify(value).slice(0, 80));
        assert.ok(label.replace(/\u200b/g, '').length <= 80, `${label.length} characters`);
      }
    }
  });
});

describe('treeContent: row keys among siblings', () => {
  it('keys a row sent twice apart (#2, #3), keeps the first as it was, and every row', () => {
    // Two games whose names differ only in case read as one game id: the same chip twice.
    const chips = [
      { gameId: 'tavern', address: '0xAb', balance: '1' },
      { gameId: 'arena', address: '0xAb', balance: '2' },
      { gameId: 'tavern', address: '0xAb', balance: '3' },
      { gameId: 'tavern', address: '0xAb', balance: '4' },
    ];
    const keyed = uniqueRowKeys(chips, (c) => `${c.gameId}:${c.address}`);
    assert.deepEqual(keyed.map((k) => k.key), ['tavern:0xAb', 'arena:0xAb', 'tavern:0xAb#2', 'tavern:0xAb#3']);
    assert.deepEqual(keyed.map((k) => k.row.balance), ['1', '2', '3', '4'], 'no row dropped, in order');
    assert.equal(new Set(keyed.map((k) => k.key)).size, chips.length);
  });

  it('never issues a key twice, even where a row\'s own key looks like a repeat\'s (keys end in server text)', () => {
    const keys = uniqueRowKeys(['x#2', 'x', 'x', 'x'], (k) => k).map((k) => k.key);
    assert.deepEqual(keys, ['x#2', 'x', 'x#3', 'x#4']);
  });
});
