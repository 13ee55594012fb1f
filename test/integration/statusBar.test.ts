import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { demoAddress } from '../../simulator/demoData';
import { Simulator, startSimulator } from '../../simulator/server';
import { checkBalance, plyrApi, pointAt, resetSettings, setDemoCredentials, startSuite, waitFor } from './helpers';

const config = () => vscode.workspace.getConfiguration('plyr');

describe('the status bar item', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSuite();
    await vscode.commands.executeCommand('workbench.view.explorer'); // the view closed: the item refreshes on its own
  });
  after(async () => {
    for (const key of ['statusBar.identifier', 'statusBar.token', 'autoRefreshSeconds']) {
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    }
    await resetSettings();
    await sim.close();
  });

  it('is off until an identifier is set', async () => {
    assert.equal((await plyrApi()).getStatusBar(), undefined);
  });

  it("shows the simulator's amount with the token, and its age in the tooltip", async () => {
    await config().update('statusBar.token', 'gamr', vscode.ConfigurationTarget.Global);
    await config().update('statusBar.identifier', 'Player123', vscode.ConfigurationTarget.Global);
    const state = await waitFor(async () => (await plyrApi()).getStatusBar()?.text.includes('GAMR') && !(await plyrApi()).getStatusBar()?.text.includes('?') && (await plyrApi()).getStatusBar(), 'the amount');
    assert.equal(state.text, '$(credit-card) 9,007,199.254741 GAMR');
    assert.equal(state.identifier, 'player123');
    assert.match(state.tooltip, /player123 on custom \(http:\/\/127\.0\.0\.1:\d+\)/);
    assert.match(state.tooltip, /GAMR: 9007199\.254740993123456789/);
    assert.match(state.tooltip, /Updated /);
    assert.equal(state.stale, false);
  });

  it("shows a listed token named by its contract address under that token's symbol", async () => {
    await config().update('statusBar.identifier', 'player123', vscode.ConfigurationTarget.Global);
    try {
      await config().update('statusBar.token', demoAddress('token:gamr'), vscode.ConfigurationTarget.Global);
      // The item watches the address now (the last test left it on gamr, which reads the same).
      const state = await waitFor(async () => {
        const shown = (await plyrApi()).getStatusBar();
        return shown?.token === demoAddress('token:gamr') && shown.text.endsWith(' GAMR') && shown;
      }, 'GAMR by its address');
      assert.equal(state.text, '$(credit-card) 9,007,199.254741 GAMR');
      await config().update('statusBar.token', demoAddress('not a listed token'), vscode.ConfigurationTarget.Global);
      const unlisted = await waitFor(async () => (await plyrApi()).getStatusBar()?.text.includes('?') && (await plyrApi()).getStatusBar(), 'no amount for an unlisted token');
      assert.match(unlisted.tooltip, /No 0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4} balance was reported/);
    } finally {
      await config().update('statusBar.token', 'gamr', vscode.ConfigurationTarget.Global);
    }
  });

  it('follows a change on the simulator on the refresh schedule, with the view closed', async () => {
    await config().update('autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
    sim.reset();
    sim.setHolding('player123', 'gamr', 7n * 10n ** 18n); // nothing else asks: only the schedule can bring it
    const state = await waitFor(async () => /GAMR: 7(\.0*)?\n/.test((await plyrApi()).getStatusBar()?.tooltip ?? '') && (await plyrApi()).getStatusBar(), 'the new amount', 8000);
    assert.equal(state.text, '$(credit-card) 7 GAMR');
    assert.ok(sim.requests.every((r) => r.path === '/api/user/balance/player123'), 'only the status bar identifier is refreshed while the view is closed');
  });

  it('keeps the last amount, marked stale, when a refresh fails; never 0', async () => {
    const before = (await plyrApi()).getStatusBar()!;
    sim.fault({ kind: 'status', status: 500, error: 'database down' });
    const state = await waitFor(async () => (await plyrApi()).getStatusBar()?.stale && (await plyrApi()).getStatusBar(), 'the stale mark', 8000);
    sim.clearFaults();
    assert.equal(state.text, before.text.replace('$(credit-card)', '$(warning)'));
    assert.match(state.tooltip, /The last refresh failed: .*database down/);
  });

  it('asks the new server at once when the server changes, with automatic refresh off', async () => {
    await config().update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    const other = await startSimulator();
    other.setHolding('player123', 'gamr', 3n * 10n ** 18n);
    try {
      await pointAt(other.url); // player123 is in neither list: only the item itself can ask
      const state = await waitFor(async () => (await plyrApi()).getStatusBar()?.text === '$(credit-card) 3 GAMR' && (await plyrApi()).getStatusBar(), 'the amount on the new server', 5000);
      assert.ok(state.tooltip.includes(`on custom (${other.url})`), state.tooltip);
      assert.deepEqual(other.requests.map((r) => r.path), ['/api/user/balance/player123']);
    } finally {
      await pointAt(sim.url);
      await other.close();
    }
  });

  it('asks again at once when the credentials change, with automatic refresh off', async () => {
    await config().update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    sim.setHolding('player123', 'gamr', 5n * 10n ** 18n);
    await setDemoCredentials(); // entered again: a new epoch, as for new ones
    await waitFor(async () => (await plyrApi()).getStatusBar()?.text === '$(credit-card) 5 GAMR', 'the amount read with the credentials', 5000);
  });

  it('asks, once the setting rests, for an identifier it is newly set to, whose balances a Check Balance read before', async () => {
    await config().update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    await checkBalance('crypto-fennec');
    sim.setHolding('crypto-fennec', 'gamr', 4n * 10n ** 18n);
    await config().update('statusBar.identifier', 'crypto-fennec', vscode.ConfigurationTarget.Global);
    await waitFor(async () => (await plyrApi()).getStatusBar()?.text === '$(credit-card) 4 GAMR', 'the amount read now, not the one Check Balance read', 5000);
  });

  it('asks for the identifier the setting rests on, not for each value written on the way (the Settings editor writes as it is typed)', async () => {
    await config().update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    sim.reset();
    for (const typed of ['zero', 'zero-h', 'zero-hero']) {
      await config().update('statusBar.identifier', typed, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => sim.requests.length > 0 && sim.inFlight === 0, 'the request for the value set last');
    assert.deepEqual(sim.requests.map((r) => r.path), ['/api/user/balance/zero-hero']);
    assert.equal((await plyrApi()).getStatusBar()?.identifier, 'zero-hero');
  });

  it('goes away when the identifier is cleared', async () => {
    await config().update('statusBar.identifier', '', vscode.ConfigurationTarget.Global);
    assert.equal((await plyrApi()).getStatusBar(), undefined);
  });
});
