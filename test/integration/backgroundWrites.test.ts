import * as assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';
import { DEMO_USERS } from '../../simulator/demoData';
import { Simulator } from '../../simulator/server';
import { plyrApi, startSuite, untrackAll } from './helpers';

/**
 * A refresh remembers its balances in globalState in the background. VS Code replaces the
 * extension's state with the window's echo of that write; a choice made before the echo came
 * was lost with it (seen: 4 of 120 presses of Hide Amounts). Each step lands the user's write at a
 * different moment of that round trip.
 */
describe('what the user changes while remembered balances are written', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSuite();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('plyr.showAmounts');
    await untrackAll();
  });
  after(() => sim.close());

  it('keeps every press of Hide and Show Amounts made just after a refresh', async () => {
    await vscode.commands.executeCommand('plyr.addIdentifier', DEMO_USERS[0].primaryAddress, 'Main');
    const api = await plyrApi();
    const lost: number[] = [];
    for (let step = 0; step < 120; step++) {
      const hide = step % 2 === 0;
      await vscode.commands.executeCommand('plyr.refresh');
      await delay(step % 20);
      await vscode.commands.executeCommand(hide ? 'plyr.hideAmounts' : 'plyr.showAmounts');
      if (api.privacyMask !== hide) {
        lost.push(step);
      }
    }
    assert.deepEqual(lost, [], 'the steps whose press did not hold');
    // A press's command resolves once globalState holds it, and writes go one batch at a time: once
    // these two have, every echo of the presses before them has come, and none undid them.
    await vscode.commands.executeCommand('plyr.hideAmounts');
    await vscode.commands.executeCommand('plyr.showAmounts');
    assert.equal(api.privacyMask, false, 'the last press (Show Amounts) holds');
  });
});
