import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_USERS } from '../../simulator/demoData';
import { Simulator } from '../../simulator/server';
import { STATE_KEYS } from '../../src/vscode/ids';
import { PrivacyMask } from '../../src/vscode/state/privacyMask';
import { hoverOn, MemoryState, plyrApi, resetSettings, startSuite, untrackAll, waitFor } from './helpers';

const config = () => vscode.workspace.getConfiguration('plyr');
const PLAYER_ADDRESS = DEMO_USERS[0].primaryAddress;

/** The PLYR hover's Markdown for an address written in a fresh document. */
async function hoverMarkdown(address: string): Promise<string> {
  const hover = await hoverOn(`const wallet = "${address}";`, address);
  assert.ok(hover, 'the PLYR hover');
  return hover.markdown;
}

describe('the privacy mask', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSuite();
    await config().update('statusBar.token', 'gamr', vscode.ConfigurationTarget.Global);
    await config().update('statusBar.identifier', 'player123', vscode.ConfigurationTarget.Global);
    await waitFor(async () => (await plyrApi()).getStatusBar()?.text.includes('9,007,199'), 'the status bar amount');
  });
  after(async () => {
    if ((await plyrApi()).privacyMask) {
      await vscode.commands.executeCommand('plyr.togglePrivacy');
    }
    for (const key of ['statusBar.identifier', 'statusBar.token']) {
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    }
    await resetSettings();
    await sim.close();
  });

  it('hides every amount in the hover and the status bar, keeps token names, and tells the API', async () => {
    const api = await plyrApi();
    const seen: boolean[] = [];
    const listener = api.onDidChangePrivacyMask((on) => void seen.push(on));
    try {
      assert.equal(await vscode.commands.executeCommand('plyr.togglePrivacy'), true);
      assert.equal(api.privacyMask, true);
      assert.deepEqual(seen, [true]);
    } finally {
      listener.dispose();
    }
    const status = api.getStatusBar()!;
    assert.equal(status.text, '$(credit-card) ••• GAMR');
    assert.match(status.tooltip, /GAMR: •••/);
    assert.ok(!status.tooltip.includes('9007199'), status.tooltip);

    const markdown = await hoverMarkdown(PLAYER_ADDRESS);
    const rows = markdown.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Token |'));
    assert.ok(rows.length >= 2, markdown);
    for (const row of rows) {
      assert.doesNotMatch(row, /\d/, `no digit of an amount: ${row}`);
    }
    assert.match(markdown, /\| PLYR \| ••• \|/);
    assert.ok(!markdown.includes('1\\.5'), 'the address holds 1.5 PLYR: not shown');
  });

  it('still copies the exact amount, because the user asked for it', async () => {
    await vscode.commands.executeCommand('plyr.hideAmounts'); // on already after the test before; run alone, not
    assert.equal((await plyrApi()).privacyMask, true);
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('plyr.copyAmount', { type: 'token', source: 'user', id: 'player123', token: 'gamr', amount: '9007199.254740993123456789' });
    assert.equal(await vscode.env.clipboard.readText(), '9007199.254740993123456789');
    // A token of one of the account's wallets: its row has Copy Amount too.
    await vscode.commands.executeCommand('plyr.copyAmount', { type: 'walletToken', source: 'user', id: PLAYER_ADDRESS, owner: 'player123', role: 'primary', token: 'plyr', amount: '1.5' });
    assert.equal(await vscode.env.clipboard.readText(), '1.5');
  });

  it('shows the amounts again once turned off', async () => {
    assert.equal(await vscode.commands.executeCommand('plyr.togglePrivacy'), false);
    assert.equal((await plyrApi()).privacyMask, false);
    assert.equal((await plyrApi()).getStatusBar()?.text, '$(credit-card) 9,007,199.254741 GAMR');
    assert.match(await hoverMarkdown(PLAYER_ADDRESS), /\| PLYR \| 1\\\.5 \|/);
  });

  it('shows every token row under the mask though Hide Zero Balances is on (rows left out would tell which are zero), and hides the zero ones again after', async () => {
    const tokenRows = async () => (await plyrApi()).getSidebarRows().flatMap((r) => (r.id.startsWith('token:player123:') ? [r.id.slice('token:player123:'.length)] : []));
    await vscode.commands.executeCommand('plyr.addIdentifier', 'player123');
    await config().update('hideZeroBalances', true, vscode.ConfigurationTarget.Global);
    try {
      const shown = await waitFor(async () => {
        const rows = await tokenRows();
        return rows.length > 0 && !rows.includes('avax') && rows;
      }, 'the zero AVAX row hidden');
      assert.equal(await vscode.commands.executeCommand('plyr.togglePrivacy'), true);
      const masked = await waitFor(async () => {
        const rows = await tokenRows();
        return rows.includes('avax') && rows;
      }, 'every row under the mask');
      assert.equal(masked.length, shown.length + 1);
      assert.equal(await vscode.commands.executeCommand('plyr.togglePrivacy'), false);
      await waitFor(async () => !(await tokenRows()).includes('avax'), 'the zero row hidden again');
    } finally {
      if ((await plyrApi()).privacyMask) {
        await vscode.commands.executeCommand('plyr.togglePrivacy');
      }
      await config().update('hideZeroBalances', undefined, vscode.ConfigurationTarget.Global);
      await untrackAll();
    }
  });
});

describe("another window's privacy mask", () => {
  it('shows here when this window is focused: the change is announced once, and an unchanged value is no news', async () => {
    // The extension's own class over a globalState of its own (VS Code shares globalState across windows).
    const state = new MemoryState();
    const windowState = new vscode.EventEmitter<vscode.WindowState>();
    const mask = new PrivacyMask(state, windowState.event);
    const heard: boolean[] = [];
    mask.onDidChange((on) => heard.push(on));
    try {
      assert.equal(mask.on, false);
      await state.update(STATE_KEYS.privacyMask, true); // the other window turns it on
      windowState.fire({ focused: false, active: false });
      assert.deepEqual(heard, [], 'not while this window is in the background');
      windowState.fire({ focused: true, active: true });
      windowState.fire({ focused: true, active: true });
      assert.deepEqual(heard, [true], 'once this window has the focus, once');
      assert.equal(mask.on, true);
      await mask.set(false);
      mask.reload();
      assert.deepEqual(heard, [true, false], "this window's own choice is not heard twice");
    } finally {
      mask.dispose();
      windowState.dispose();
      // The context key back to the extension's own value.
      await vscode.commands.executeCommand('setContext', 'plyr.privacyMask', (await plyrApi()).privacyMask);
    }
  });
});
