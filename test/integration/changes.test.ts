import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Simulator } from '../../simulator/server';
import { resetSettings, setDemoCredentials, startAndUseSimulator, tracked, untrackAll } from './helpers';

describe('balance changes', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startAndUseSimulator();
    await setDemoCredentials();
    await untrackAll();
  });
  after(async () => {
    await untrackAll();
    await resetSettings();
    await sim.close();
  });

  it('gives the exact change of a token between two refreshes, and none when nothing moved', async () => {
    await vscode.commands.executeCommand('plyr.addIdentifier', 'player123');
    const before = (await tracked('player123'))!;
    assert.equal(before.changes, undefined, 'the first answer has nothing to compare with');
    sim.setHolding('player123', 'gamr', 9007199254740993123456790n); // one base unit more
    await vscode.commands.executeCommand('plyr.refresh');
    const after = (await tracked('player123'))!;
    assert.equal(before.balances?.gamr, '9007199.254740993123456789');
    assert.deepEqual(after.changes, { gamr: '+0.000000000000000001' });
    await vscode.commands.executeCommand('plyr.refresh');
    assert.equal((await tracked('player123'))!.changes, undefined, 'no change, no delta');
  });

  it('keeps the last good amount, never 0, when a refresh fails', async () => {
    sim.fault({ kind: 'status', status: 500, error: 'database down' });
    await vscode.commands.executeCommand('plyr.refresh');
    sim.clearFaults();
    const row = (await tracked('player123'))!;
    assert.equal(row.status, 'error');
    assert.equal(row.balances?.gamr, '9007199.25474099312345679');
    assert.ok(row.updatedAt && Date.now() - row.updatedAt < 60_000, 'with the time of that amount');
  });
});
