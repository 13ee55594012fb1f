import * as assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';
import { Simulator } from '../../simulator/server';
import { plyrApi, resetSettings, startSuite, untrackAll, waitFor } from './helpers';

const config = () => vscode.workspace.getConfiguration('plyr');

/** The start of each round: a request more than `gapMs` after the one before it. */
function roundsOf(starts: readonly number[], gapMs: number): number[] {
  const sorted = [...starts].sort((x, y) => x - y);
  return sorted.filter((t, i) => i === 0 || t - sorted[i - 1] > gapMs);
}

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
    // This extension host fires the change to every listener as it takes the new value in: by
    // now the schedule has heard of it. No round running and none due: nothing will refresh until the view shows.
    assert.deepEqual((await plyrApi()).getAutoRefresh(), { running: false });
    await delay(1_500); // past the interval: a timer that ran anyway would have asked by now
    assert.deepEqual(sim.requests.map((r) => r.path), []);
  });

  it('refreshes at once when the view is shown with old data, then every interval while focused', async () => {
    // The runners give the window focus (code-server's browser page, test-electron's window): a test that cannot run here fails.
    assert.ok(vscode.window.state.focused, 'the window has focus');
    sim.reset();
    const shownAt = Date.now();
    await vscode.commands.executeCommand('workbench.view.extension.plyr');
    const api = await plyrApi();
    // What a time-out found (one CI run saw no further round within 10 s).
    const state = () =>
      `requests at ${sim.requests.map((r) => `${r.path} +${r.startedAt - shownAt} ms`).join(', ') || 'none'}; window focused ${vscode.window.state.focused}; ` +
      `schedule ${JSON.stringify(api.getAutoRefresh())} at +${Date.now() - shownAt} ms`;
    await waitFor(() => sim.requests.length >= 2, () => `one refresh of both identifiers on showing the view: ${state()}`, 3000);
    // Then rounds of two, about a second apart: waited for, then read from the simulator's clock.
    await waitFor(() => sim.requests.length >= 6, () => `two more rounds: ${state()}`, 10_000);
    const rounds = roundsOf(sim.requests.map((r) => r.startedAt), 500);
    const gaps = rounds.slice(1).map((t, i) => t - rounds[i]);
    // A second apart, with room for a busy 2-core machine; the backoff test below shows the waits grow.
    assert.ok(gaps.every((gap) => gap >= 700 && gap <= 3000), `about one round a second: gaps ${gaps.join(', ')} ms`);
  });

  it('backs off while the server cannot be reached', async () => {
    await config().update('autoRefreshBackoffMaxSeconds', 4, vscode.ConfigurationTarget.Global);
    sim.reset();
    sim.fault({ kind: 'reset' }); // every request: the connection drops, a network error
    // A round is one refresh with the client's own retries (gaps under a second); rounds are
    // separated by the schedule's wait: 1 s without backoff, then 2 s, 4 s, 4 s with it.
    const rounds = () => roundsOf(sim.requests.map((r) => r.startedAt), 1500);
    await waitFor(() => rounds().length >= 4, 'four rounds against the failing server', 30_000);
    const starts = rounds();
    sim.clearFaults();
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    // A round's start to the next is its retries plus the wait; or the wait alone, when something
    // rescheduled in between (focus, the view shown), which counts from the round's start. With no
    // backoff a gap is under 2.6 s; with one doubling under 3.6 s: 3.9 s shows the wait at its 4 s.
    assert.ok(gaps[gaps.length - 1] >= 3900, `the wait grew: gaps between rounds ${gaps.join(', ')} ms`);
    assert.ok(gaps[gaps.length - 1] < 9000, `up to plyr.autoRefreshBackoffMaxSeconds (4 s) plus a round's retries: gaps ${gaps.join(', ')} ms`);
  });
});
