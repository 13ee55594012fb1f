import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Simulator } from '../../simulator/server';
import { resetSettings, startSuite, untrackAll } from './helpers';

const config = () => vscode.workspace.getConfiguration('plyr');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the automatic refresh schedule', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSuite();
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('plyr.addIdentifier', ['player123', 'crypto-fennec']);
  });
  after(async () => {
    await config().update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    await config().update('autoRefreshBackoffMaxSeconds', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await untrackAll();
    await resetSettings();
    await sim.close();
  });

  it('makes no request while the view is hidden, even at 1 s', async () => {
    sim.reset();
    await config().update('autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
    await sleep(5000);
    assert.deepEqual(sim.requests.map((r) => r.path), []);
  });

  it('refreshes at once when the view is shown with old data, then every interval while focused', async function () {
    if (!vscode.window.state.focused) {
      this.skip(); // never here: the runner's browser page has focus (reported as a failure by the runner)
    }
    sim.reset();
    await vscode.commands.executeCommand('workbench.view.extension.plyr');
    await sleep(500);
    assert.equal(sim.requests.length, 2, 'one refresh of both identifiers on showing the view');
    await sleep(2200);
    assert.ok(sim.requests.length >= 4 && sim.requests.length <= 8, `about one refresh a second: ${sim.requests.length} requests`);
  });

  it('backs off while the server cannot be reached', async () => {
    await config().update('autoRefreshBackoffMaxSeconds', 4, vscode.ConfigurationTarget.Global);
    sim.reset();
    sim.fault({ kind: 'reset' }); // every request: the connection drops, a network error
    await sleep(14_000);
    const starts = sim.requests.map((r) => r.startedAt).sort((x, y) => x - y);
    sim.clearFaults();
    // A round is one refresh with the client's own retries (gaps under a second); rounds are
    // separated by the schedule's wait: 1 s without backoff, then 2 s, 4 s, 4 s with it.
    const rounds = starts.filter((t, i) => i === 0 || t - starts[i - 1] > 1500);
    const gaps = rounds.slice(1).map((t, i) => t - rounds[i]);
    assert.ok(rounds.length >= 2 && rounds.length <= 5, `rounds at ${rounds.map((t) => t - starts[0]).join(', ')} ms`);
    assert.ok(gaps[gaps.length - 1] >= 4500, `the wait grew: gaps between rounds ${gaps.join(', ')} ms`);
  });
});
