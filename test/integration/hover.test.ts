import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { demoAddress, DEMO_USERS } from '../../simulator/demoData';
import { Simulator } from '../../simulator/server';
import { freePort } from '../runners/codeServer';
import { hoverOn, notebookCell, plyrApi, pointAt, rejection, resetSettings, setDemoCredentials, startAndUseSimulator, untrackAll, waitFor } from './helpers';
import { ALLOWED_HOVER_COMMANDS } from '../support/hoverLinks';
import { silentLogger } from '../../src/core/api/logger';
import { PlyrError } from '../../src/core/model/errors';
import { AccountLookup } from '../../src/core/store/accountLookup';
import { AddressHoverProvider } from '../../src/vscode/editor/addressHoverProvider';
import { readClientConfig } from '../../src/vscode/settings';

const PLAYER = DEMO_USERS[0].primaryAddress;
/** An address nobody uses: no PLYR account, zero balances. */
const STRANGER = demoAddress('nobody at all');

function tableRows(markdown: string): string[] {
  return markdown.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Token |'));
}

function commandTargets(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(command:([^?)\s]+)/g)].map((m) => m[1]);
}

describe('the address hover', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startAndUseSimulator();
    await setDemoCredentials();
  });
  beforeEach(() => sim.reset());
  afterEach(() => resetSettings());
  after(() => sim.close());

  it('shows the balances and the PLYR ID of an address, with links to this extension only', async () => {
    const hover = await hoverOn(`const wallet = "${PLAYER}";`, PLAYER);
    assert.ok(hover, 'a PLYR hover');
    assert.match(hover.markdown, /PLYR ID \*\*player123\*\*/);
    assert.equal(tableRows(hover.markdown).length, 5);
    assert.match(hover.markdown, /\| PLYR \| 1\\\.5 \|/);
    assert.match(hover.markdown, /Updated just now/);
    const targets = commandTargets(hover.markdown);
    assert.ok(targets.includes('plyr.trackWallet') && targets.includes('plyr.checkBalanceFor'));
    assert.ok(targets.every((t) => ALLOWED_HOVER_COMMANDS.has(t)), targets.join());
    assert.notEqual(hover.trusted, true, 'never isTrusted: true');
    // Account Details: the owner the hover looked up anyway, at no request of its own.
    assert.match(hover.markdown, /\[Account Details\]\(command:plyr\.revealAccount\?[^)]*player123/);
    assert.deepEqual(sim.requests.map((r) => r.path.replace(/\/0x.*$/, '/…')).sort(), ['/api/balance/…', '/api/user/basic/…']);
  });

  it('names a tracked address by its label, as its row and hint do', async () => {
    // An address of its own: the next test tracks PLAYER afresh.
    const labelled = demoAddress('hover label');
    await vscode.commands.executeCommand('plyr.addIdentifier', labelled, 'Main wallet');
    try {
      const hover = await hoverOn(`const m = "${labelled}";`, labelled);
      assert.match(hover?.markdown.split('\n')[0] ?? '', /^\*\*PLYR\*\* Main wallet `0x/);
    } finally {
      await untrackAll();
    }
  });

  it('Track in sidebar tracks the address and shows its row; clicked again in a hover shown before, it shows the row again, with no error', async () => {
    const hover = await hoverOn(`const t = "${PLAYER}";`, PLAYER);
    const link = /\[Track in sidebar\]\(command:([^?)]+)\?([^)\s]+)/.exec(hover?.markdown ?? '');
    assert.ok(link, hover?.markdown);
    const args = JSON.parse(decodeURIComponent(link[2])) as unknown[];
    try {
      assert.equal(await vscode.commands.executeCommand(link[1], ...args), true, 'tracked, and its row shown');
      assert.equal(await vscode.commands.executeCommand(link[1], ...args), true, 'its row shown again');
      assert.deepEqual((await plyrApi()).getTracked().map((t) => t.identifier), [PLAYER], 'tracked once');
      // Hovered again, a tracked address links to its row: neither a second Track nor nothing.
      const after = await hoverOn(`const u = "${PLAYER}";`, PLAYER);
      assert.doesNotMatch(after?.markdown ?? '', /Track in sidebar/, 'tracked already');
      const show = /\[Show in sidebar\]\(command:([^?)]+)\?([^)\s]+)/.exec(after?.markdown ?? '');
      assert.ok(show, after?.markdown);
      assert.equal(await vscode.commands.executeCommand(show[1], ...(JSON.parse(decodeURIComponent(show[2])) as unknown[])), true, 'its row shown');
    } finally {
      await untrackAll();
    }
  });

  it("runs a link as a click does, and a failing one tells the person instead of throwing (VS Code only logs what a link's command throws)", async () => {
    const hover = await hoverOn(`const wallet = "${PLAYER}";`, PLAYER);
    const link = /\[Refresh\]\(command:([^?)]+)\?([^)\s]+)/.exec(hover?.markdown ?? '');
    assert.ok(link, hover?.markdown);
    const args = JSON.parse(decodeURIComponent(link[2])) as unknown[];
    assert.deepEqual(args, [PLAYER, { plyrByPerson: true }], "the address, then the mark of a person's gesture");
    sim.fault({ kind: 'status', status: 400 });
    assert.equal(await vscode.commands.executeCommand(link[1], ...args), undefined, 'shown to the person, settled');
    const error = await rejection(vscode.commands.executeCommand(link[1], ...args.slice(0, -1)));
    assert.match(error.code ?? '', /\w/, 'automation, unmarked, still gets the typed error');
  });

  it("works in a notebook's cells", async () => {
    const text = `wallet = "${PLAYER}"`;
    const cell = await notebookCell(text);
    assert.equal(cell.uri.scheme, 'vscode-notebook-cell');
    const hover = await hoverOn(text, PLAYER, cell);
    assert.match(hover?.markdown ?? '', /\| PLYR \| 1\\\.5 \|/);
  });

  it('answers a second hover within the cache time without a request', async () => {
    const address = demoAddress('hovered twice');
    await hoverOn(`x = ${address}`, address);
    const after = sim.requests.length;
    assert.equal(after, 2, 'the first hover asks for the balances and the PLYR ID');
    const again = await hoverOn(`y = ${address}`, address);
    assert.ok(again?.markdown.includes('| PLYR |'));
    assert.equal(sim.requests.length, after, 'no new request');
  });

  it('makes one balance request for twenty simultaneous hovers', async () => {
    const address = demoAddress('twenty hovers');
    sim.configure({ latencyMs: 200 });
    const hovers = await Promise.all(Array.from({ length: 20 }, () => hoverOn(`a = "${address}"`, address)));
    assert.ok(hovers.every((h) => h?.markdown.includes('| PLYR |')));
    assert.equal(sim.requests.filter((r) => r.path.startsWith('/api/balance/')).length, 1);
    assert.equal(sim.requests.filter((r) => r.path.startsWith('/api/user/basic/')).length, 1);
  });

  it('says when an address has no PLYR account (404), as information', async () => {
    const hover = await hoverOn(`b = ${STRANGER}`, STRANGER);
    assert.match(hover?.markdown ?? '', /No PLYR account has this address as its primary wallet/);
    assert.doesNotMatch(hover?.markdown ?? '', /⚠️/);
  });

  it('warns about a mixed-case address that fails its checksum, once: not where the editor\'s own warning shows beside it', async () => {
    const typo = PLAYER.replace('Cc', 'cC');
    await vscode.workspace.getConfiguration('plyr').update('diagnostics.checksum', false, vscode.ConfigurationTarget.Global);
    const hover = await hoverOn(`c = ${typo}`, typo);
    assert.match(hover?.markdown ?? '', /fails its EIP-55 checksum/, 'no diagnostic: the hover says it');
    // Its Check Balance link asks for the address as written, so that its result warns too.
    const check = /\[Check Balance\]\(command:plyr\.checkBalanceFor\?([^)\s]+)/.exec(hover?.markdown ?? '');
    assert.equal((JSON.parse(decodeURIComponent(check?.[1] ?? '[]')) as unknown[])[0], typo, hover?.markdown);
    // With the checksum diagnostics on, the editor's hover shows that warning at the address.
    await vscode.workspace.getConfiguration('plyr').update('diagnostics.checksum', true, vscode.ConfigurationTarget.Global);
    const document = await vscode.workspace.openTextDocument({ content: `c = ${typo}`, language: 'typescript' });
    await waitFor(async () => vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'PLYR'), 'the checksum diagnostic');
    const beside = await hoverOn(`c = ${typo}`, typo, document);
    assert.match(beside?.markdown ?? '', /\| PLYR \|/, 'the balances still show');
    assert.doesNotMatch(beside?.markdown ?? '', /checksum/);
  });

  it('without credentials, shows one line with a link to set them, and makes no request', async () => {
    await vscode.commands.executeCommand('plyr.clearCredentials');
    try {
      const hover = await hoverOn(`d = ${PLAYER}`, PLAYER);
      assert.match(hover?.markdown ?? '', /Set API Credentials/);
      assert.deepEqual(commandTargets(hover?.markdown ?? ''), ['plyr.setCredentialsFromLink'], 'the form that ignores a link\'s arguments');
      assert.equal(hover?.markdown.split('\n').length, 1);
      assert.equal(sim.requests.length, 0);
    } finally {
      await setDemoCredentials();
    }
  });

  it('with credentials stored but unreadable (a locked keyring), says so with a link to read them again, and makes no request (class level: a provider over stand-in services)', async () => {
    const locked = new PlyrError('credentialsUnreadable', 'Could not read the PLYR API credentials from the system keyring (is it locked?).', { fix: 'readCredentialsAgain' });
    const asked: string[] = [];
    const provider = new AddressHoverProvider(
      {
        credentials: { get: () => Promise.reject(locked) },
        store: { refresh: (identifier) => (asked.push(identifier.value), Promise.reject(new Error('no request expected'))) },
        tracked: { find: () => undefined },
        watched: { find: () => undefined },
        privacy: { on: false },
        values: { load: () => Promise.reject(new Error('no request expected')), names: async () => (token) => token },
        settings: { clientConfig: () => readClientConfig(), hover: () => ({ enabled: true, languages: [], cacheMs: 0 }) },
        logger: silentLogger,
      },
      new AccountLookup({ fetch: async (address) => void asked.push(address), scope: () => 'test' }),
    );
    const document = await vscode.workspace.openTextDocument({ content: `k = ${PLAYER}`, language: 'plaintext' });
    const hover = await provider.provideHover(document, document.positionAt(6), new vscode.CancellationTokenSource().token);
    const markdown = (hover?.contents[0] as vscode.MarkdownString | undefined)?.value ?? '';
    assert.match(markdown, /Could not read the PLYR API credentials from the system keyring/);
    assert.doesNotMatch(markdown, /Set API Credentials/, 'not "none": setting them again is not the fix');
    assert.deepEqual(commandTargets(markdown), ['plyr.readCredentialsAgain']);
    assert.ok(commandTargets(markdown).every((t) => ALLOWED_HOVER_COMMANDS.has(t)));
    assert.deepEqual(asked, [], 'neither the balances nor the owner were asked');
  });

  it('says in one line that the server cannot be reached when it is down', async () => {
    await pointAt(`http://127.0.0.1:${await freePort()}`);
    try {
      const hover = await hoverOn(`e = ${PLAYER}`, PLAYER);
      assert.match(hover?.markdown ?? '', /⚠️ Could not reach the PLYR API/);
    } finally {
      await pointAt(sim.url);
    }
  });

  it("names a token keyed by its contract address by the token list's name; an unlisted contract keeps its short address", async () => {
    // A server that keys balances by contract (as it does an answer for one token asked by its address).
    const gamr = demoAddress('token:gamr');
    const unlisted = demoAddress('no such token');
    sim.configure({ extraBalances: { [gamr]: '2.5', [unlisted.toLowerCase()]: '4' } });
    const address = demoAddress('tokens by contract');
    const hover = await hoverOn(`h = ${address}`, address);
    const rows = tableRows(hover?.markdown ?? '');
    assert.ok(rows.some((row) => row.startsWith('| GAMR | 2\\.5 |')), rows.join('\n'));
    assert.ok(!rows.some((row) => row.includes(gamr.slice(0, 6))), rows.join('\n'));
    assert.ok(rows.some((row) => row.startsWith(`| ${unlisted.toLowerCase().slice(0, 6)}…${unlisted.toLowerCase().slice(-4)} | 4 |`)), rows.join('\n'));
  });

  it('renders hostile token names and error messages as inert text', async () => {
    sim.configure({
      extraBalances: {
        '[x](command:workbench.action.closeWindow)': '1.0',
        '<img src=x onerror=alert(1)>': '2.0',
        'pipe|and`tick`': '3.0',
      },
    });
    const address = demoAddress('hostile tokens');
    const hover = await hoverOn(`f = ${address}`, address);
    assert.ok(hover);
    assert.equal(tableRows(hover.markdown).length, 8, 'one row per token: no row broken by a pipe');
    assert.ok(commandTargets(hover.markdown).every((t) => ALLOWED_HOVER_COMMANDS.has(t)), commandTargets(hover.markdown).join());
    // The name shows as sent, its < escaped: no live tag in any case.
    assert.doesNotMatch(hover.markdown, /(?<!\\)<img/i);
    assert.match(hover.markdown, /\\<img/);
    assert.doesNotMatch(hover.markdown, /(?<!\\)\]\(command:workbench/);
    for (const row of tableRows(hover.markdown)) {
      assert.equal(row.split(/(?<!\\)\|/).length, 4, `a row with exactly two cells: ${row}`);
    }

    sim.configure({ extraBalances: {} });
    sim.fault({ kind: 'status', status: 418, error: '[click](command:workbench.action.closeWindow) <b>x</b>' });
    const failing = demoAddress('hostile error');
    const error = await hoverOn(`g = ${failing}`, failing);
    assert.match(error?.markdown ?? '', /⚠️ The PLYR API answered 418/);
    assert.ok(commandTargets(error?.markdown ?? '').every((t) => ALLOWED_HOVER_COMMANDS.has(t)));
    assert.doesNotMatch(error?.markdown ?? '', /<b>|\]\(command:workbench/);
  });

  it('gives no hover, and makes no request, on a 2 MB single-line file', async () => {
    const huge = `${'a'.repeat(2 * 1024 * 1024)} ${PLAYER}`;
    const document = await vscode.workspace.openTextDocument({ content: huge, language: 'plaintext' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(huge.length - 10));
    const ours = hovers.filter((h) => h.contents.some((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '').includes('**PLYR**')));
    assert.equal(ours.length, 0);
    assert.equal(sim.requests.length, 0);
  });

  it('can be turned off, or limited to some languages', async () => {
    const config = vscode.workspace.getConfiguration('plyr');
    await config.update('hover.enabled', false, vscode.ConfigurationTarget.Global);
    assert.equal(await hoverOn(`h = ${PLAYER}`, PLAYER), undefined);
    await config.update('hover.enabled', undefined, vscode.ConfigurationTarget.Global);
    await config.update('hover.languages', ['json'], vscode.ConfigurationTarget.Global);
    try {
      assert.equal(await hoverOn(`i = ${PLAYER}`, PLAYER), undefined, 'not in typescript');
    } finally {
      await config.update('hover.languages', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
