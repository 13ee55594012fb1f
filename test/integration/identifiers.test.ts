import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEMO_TOKENS, DEMO_USERS } from '../../simulator/demoData';
import { Simulator } from '../../simulator/server';
import type { ImportSummary } from '../../src/vscode/commands/listTransfer';
import { checkBalance, hoverOn, plyrApi, rejection, resetSettings, startSuite, tracked, untrackAll, waitFor } from './helpers';

const GAMER = DEMO_USERS.find((u) => u.plyrId === '0xgamer')!;
const GAMR = DEMO_TOKENS.find((t) => t.apiId === 'gamr')!.address;
const config = () => vscode.workspace.getConfiguration('plyr');

/**
 * Identifiers, token addresses and owners as the real server reads them (plyr-api.md,
 * "Identifiers"), through the commands, the hover, the status bar and import.
 */
describe('identifiers as the real server reads them', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSuite();
  });
  beforeEach(() => sim.reset());
  after(async () => {
    await config().update('statusBar.identifier', undefined, vscode.ConfigurationTarget.Global);
    await untrackAll();
    await resetSettings();
    await sim.close();
  });

  it('Check Balance reads a PLYR ID that starts with 0x on the user route', async () => {
    const result = await checkBalance('0xGamer');
    assert.equal(result.identifier, '0xgamer');
    assert.equal(result.balances.gamr, '250');
    assert.deepEqual(sim.requests.map((r) => r.path), ['/api/user/balance/0xgamer']);
  });

  it('Add Identifier tracks 0xgamer as a PLYR ID, with its balances', async () => {
    await vscode.commands.executeCommand('plyr.addIdentifier', '0xgamer', 'Gamer');
    const row = await waitFor(async () => (await tracked('0xgamer'))?.balances && tracked('0xgamer'), 'the balances of 0xgamer');
    assert.equal(row.kind, 'plyrId');
    assert.equal(row.balances?.plyr, '7');
  });

  it('says, when a 0x ID of 39 hex digits has no account, that it is not a valid address either', async () => {
    const lookalike = `0x${GAMER.primaryAddress.slice(2, 41).toLowerCase()}`;
    const error = await rejection(checkBalance(lookalike));
    assert.equal(error.code, 'userNotFound');
    assert.match(error.message, /It is not a valid wallet address either: it has 39 hex digits after 0x, and an address has 40\.$/);
    assert.deepEqual(sim.requests.map((r) => r.path), [`/api/user/balance/${lookalike}`]);
  });

  it('sends an all-upper-case address checksummed (the server refuses it as typed), and a 64-character ID as is', async () => {
    const upper = `0x${GAMER.primaryAddress.slice(2).toUpperCase()}`;
    const result = await checkBalance(upper);
    assert.equal(result.identifier, GAMER.primaryAddress);
    const longId = `0x${'g'.repeat(62)}`;
    const missing = await rejection(checkBalance(longId));
    assert.equal(missing.code, 'userNotFound');
    assert.doesNotMatch(missing.message, /not a valid wallet address/);
    const lookalike = await rejection(checkBalance(`0x${'c'.repeat(41)}`));
    assert.match(lookalike.message, /it has 41 hex digits after 0x/);
    assert.deepEqual(sim.requests.map((r) => `${r.path} ${r.status}`), [`/api/balance/${GAMER.primaryAddress} 200`, `/api/user/balance/${longId} 404`, `/api/user/balance/0x${'c'.repeat(41)} 404`]);
  });

  it('refuses 0x alone, 0X with 40 hex digits and 0x with 64, before any request', async () => {
    for (const [input, message] of [
      ['0x', /0x alone is neither/],
      [`0X${'a'.repeat(40)}`, /write 0x, not 0X/],
      [`0x${'a'.repeat(64)}`, /too long: it has 64 hex digits/],
    ] as const) {
      const error = await rejection(checkBalance(input));
      assert.equal(error.code, 'invalidIdentifier', input);
      assert.match(error.message, message);
      const add = await rejection(vscode.commands.executeCommand('plyr.addIdentifier', input));
      assert.match(add.message, message);
    }
    assert.deepEqual(sim.requests, []);
  });

  it('sends a token contract address checksummed, and refuses a wrong checksum before any request', async () => {
    const result = await checkBalance('player123', GAMR.toLowerCase());
    assert.deepEqual({ ...result.balances }, { [GAMR]: '9007199.254740993123456789' });
    assert.deepEqual(sim.requests.map((r) => `${r.path} ${r.status}`), [`/api/user/balance/player123/${GAMR} 200`]);
    const letter = [...GAMR].findIndex((c, i) => i > 1 && /[a-fA-F]/.test(c));
    const flipped = GAMR[letter] === GAMR[letter].toUpperCase() ? GAMR[letter].toLowerCase() : GAMR[letter].toUpperCase();
    const typo = GAMR.slice(0, letter) + flipped + GAMR.slice(letter + 1);
    const error = await rejection(checkBalance('player123', typo));
    assert.equal(error.code, 'invalidToken');
    assert.match(error.message, /fails its EIP-55 checksum/);
    assert.equal(sim.requests.length, 1);
  });

  it('the hover of a primary address names an owner whose PLYR ID starts with 0x', async () => {
    const hover = await hoverOn(`const gamer = "${GAMER.primaryAddress}";`, GAMER.primaryAddress);
    assert.ok(hover, 'a PLYR hover');
    assert.match(hover.markdown, /PLYR ID \*\*0xgamer\*\*/);
    assert.doesNotMatch(hover.markdown, /malformed|without a valid PLYR ID/);
  });

  it('remembers a failed owner lookup: a second hover asks the failing server nothing', async () => {
    const address = DEMO_USERS[2].primaryAddress;
    sim.fault({ kind: 'status', status: 500, path: '/api/user/basic' });
    const first = await hoverOn(`a = "${address}"`, address);
    assert.ok(first);
    const asked = () => sim.requests.filter((r) => r.path.startsWith('/api/user/basic')).length;
    assert.equal(asked(), 1);
    const second = await hoverOn(`b = "${address}"`, address);
    assert.ok(second);
    assert.equal(asked(), 1, 'the failure was remembered');
    // Refresh from the hover forgets it and asks again.
    sim.clearFaults();
    await vscode.commands.executeCommand('plyr.refreshAddress', address);
    const third = await hoverOn(`c = "${address}"`, address);
    assert.match(third?.markdown ?? '', /PLYR ID \*\*treasury\\-main\*\*/);
    assert.equal(asked(), 2);
  });

  it("the hover's Refresh reports a refresh that failed, rather than saying the balances were refreshed", async () => {
    const address = DEMO_USERS[2].primaryAddress;
    sim.fault({ kind: 'status', status: 500, error: 'database down', path: '/api/balance/', times: 1 });
    const error = await rejection(vscode.commands.executeCommand('plyr.refreshAddress', address));
    assert.equal(error.code, 'serverError');
    assert.match(error.message, /database down/);
    await vscode.commands.executeCommand('plyr.refreshAddress', address); // the server well again: no error
  });

  it('the status bar setting takes a 0x PLYR ID', async () => {
    await config().update('statusBar.identifier', '0xGamer', vscode.ConfigurationTarget.Global);
    const state = await waitFor(async () => (await plyrApi()).getStatusBar()?.text.includes('7') && (await plyrApi()).getStatusBar(), 'the amount of 0xgamer');
    assert.equal(state.identifier, '0xgamer');
    await config().update('statusBar.identifier', undefined, vscode.ConfigurationTarget.Global);
  });

  it('Add Identifier keeps a mistyped mixed-case address as typed, with ⚠ in its row, and Export writes it so', async () => {
    await untrackAll();
    const typo = DEMO_USERS[0].primaryAddress.replace('Cc', 'cC');
    await vscode.commands.executeCommand('plyr.addIdentifier', typo);
    const api = await plyrApi();
    // One wallet: its checksummed form is what is asked for, and is refused as a duplicate.
    assert.deepEqual(api.getTracked().map((t) => t.identifier), [DEMO_USERS[0].primaryAddress]);
    assert.match((await rejection(vscode.commands.executeCommand('plyr.addIdentifier', DEMO_USERS[0].primaryAddress))).message, /already in the list/);
    const row = await waitFor(() => api.getSidebarRows().find((r) => r.label === typo && r.description?.includes('tokens')), 'the row of the typo, loaded');
    assert.match(row.description ?? '', /^⚠ /);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-ids-'));
    try {
      const file = vscode.Uri.file(path.join(dir, 'list.json'));
      assert.equal(await vscode.commands.executeCommand('plyr.exportIdentifiers', file), 1);
      assert.ok(fs.readFileSync(file.fsPath, 'utf8').includes(`"id": "${typo}"`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await untrackAll();
    }
  });

  it('import takes a probable typo and says which row may hold one', async () => {
    await untrackAll();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-ids-'));
    const file = path.join(dir, 'list.csv');
    const typo = DEMO_USERS[0].primaryAddress.replace('Cc', 'cC');
    fs.writeFileSync(file, ['identifier,label', '0xgamer,Gamer', `${typo},Typo`, `0x${'b'.repeat(41)},Lookalike`, '0x,nothing'].join('\n'));
    try {
      const summary = await vscode.commands.executeCommand<ImportSummary>('plyr.importIdentifiers', vscode.Uri.file(file));
      assert.equal(summary.added, 3);
      assert.deepEqual(summary.rejected.map((r) => r.row), [5]);
      assert.deepEqual(summary.warnings.map((r) => r.row), [3, 4]);
      assert.match(summary.warnings[0].reason, /fails its EIP-55 checksum/);
      assert.match(summary.warnings[1].reason, /Read as a PLYR ID/);
      assert.deepEqual((await plyrApi()).getTracked().map((t) => [t.identifier, t.kind]), [['0xgamer', 'plyrId'], [DEMO_USERS[0].primaryAddress, 'address'], [`0x${'b'.repeat(41)}`, 'plyrId']]);
      // Each imported row is asked for, as an added one is: none stays "not loaded" (the lookalike has no account).
      const api = await plyrApi();
      await waitFor(() => api.getTracked().every((t) => t.status === 'ok' || t.status === 'error'), () => `every row answered: ${JSON.stringify(api.getTracked().map((t) => t.status))}`);
      assert.deepEqual(api.getTracked().map((t) => t.status), ['ok', 'ok', 'error']);
      // The typo row keeps its doubt: ⚠, and the address as the file wrote it.
      const row = api.getSidebarRows().find((r) => r.label === 'Typo');
      assert.match(row?.description ?? '', /^⚠ 0x742d…f44e · /, JSON.stringify(row));
      assert.ok(row?.spoken?.includes(`wallet address ${typo}, This mixed-case address fails its EIP-55 checksum`), JSON.stringify(row));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
