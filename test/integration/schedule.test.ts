import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Simulator } from '../../simulator/server';
import { checkBalance, plyrApi, resetSettings, startSuite, tracked, untrackAll, waitFor } from './helpers';
import { RowRetry } from '../../src/vscode/views/rowRetry';
import { ViewMessage } from '../../src/vscode/views/viewMessage';

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
    // The schedule's own state is the proof (no round, none due): waiting out an interval would be a sleep.
    assert.deepEqual((await plyrApi()).getAutoRefresh(), { running: false });
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
    // Then more rounds of two, each scheduled a second after the last: the schedule's own wait is
    // read, not the wall clock's gaps (a busy machine stretches those without anything being wrong).
    await waitFor(() => roundsOf(sim.requests.map((r) => r.startedAt), 500).length >= 3, () => `two more rounds: ${state()}`, 10_000);
    await waitFor(() => api.getAutoRefresh().intervalMs !== undefined, () => `a next round scheduled: ${state()}`, 3000);
    assert.equal(api.getAutoRefresh().intervalMs, 1000, `the wait between rounds is plyr.autoRefreshSeconds: ${state()}`);
  });

  it('backs off while the server cannot be reached, up to plyr.autoRefreshBackoffMaxSeconds, and recovers', async () => {
    await config().update('autoRefreshBackoffMaxSeconds', 4, vscode.ConfigurationTarget.Global);
    const api = await plyrApi();
    sim.reset();
    sim.fault({ kind: 'reset' }); // every request: the connection drops, a network error
    // The waits the schedule sets after each round, in order: 1 s without backoff, then 2 s, 4 s, 4 s.
    const waits: number[] = [];
    const seen = () => {
      const { intervalMs } = api.getAutoRefresh();
      if (intervalMs !== undefined && intervalMs !== waits[waits.length - 1]) {
        waits.push(intervalMs);
      }
      return waits;
    };
    await waitFor(() => seen().includes(4000), () => `the wait doubled up to 4 s: waits ${seen().join(', ')} ms, ${sim.requests.length} requests`, 30_000);
    assert.ok(sim.requests.length > 0, 'the failing server was asked');
    assert.deepEqual(waits.slice(-2), [2000, 4000], `doubling from the 1 s interval: waits ${waits.join(', ')} ms`);
    // Past the cap it stays there.
    const requestsBefore = sim.requests.length;
    await waitFor(() => sim.requests.length > requestsBefore && !api.getAutoRefresh().running && api.getAutoRefresh().intervalMs !== undefined, 'one more round against the failing server', 15_000);
    assert.equal(api.getAutoRefresh().intervalMs, 4000, `capped at plyr.autoRefreshBackoffMaxSeconds: waits ${seen().join(', ')} ms`);
    // Once the server answers, the interval is the setting's again.
    sim.clearFaults();
    await waitFor(() => api.getAutoRefresh().intervalMs === 1000, () => `back to 1 s once the server answers: waits ${seen().join(', ')} ms`, 15_000);
  });

  it("says above the rows until when the server holds requests back after a 429 with Retry-After, and drops the line once they may go", async () => {
    await config().update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    const api = await plyrApi();
    const state = () => JSON.stringify(api.getAutoRefresh());
    sim.reset();
    // A Retry-After of 5 s on the first balance request: the client waits it out, then asks again.
    sim.fault({ kind: 'status', status: 429, error: 'Too many requests', retryAfter: '5', times: 1, path: '/api/user/balance' });
    const refreshed = vscode.commands.executeCommand('plyr.refresh');
    const line = await waitFor(() => api.getAutoRefresh().rateLimit, () => `the line: ${state()}`, 10_000);
    // Until a time of day to the second, some 5 s after the 429 (the line reads the pacer's own hold).
    const refusedAt = new Date(sim.requests.find((r) => r.status === 429)!.endedAt);
    const said = /^The PLYR API is limiting requests: the next ones wait until \d{1,2}:(\d{2}):(\d{2})(?: [AP]M)?\.$/.exec(line);
    assert.ok(said, line);
    // Minutes and seconds past the hour, as the 12- or 24-hour clock of any locale shows them.
    const heldS = (Number(said[1]) * 60 + Number(said[2]) - (refusedAt.getMinutes() * 60 + refusedAt.getSeconds()) + 3600) % 3600;
    assert.ok(heldS >= 4 && heldS <= 6, `the hold said: ${heldS} s after the 429 (${line})`);
    assert.equal(await refreshed, true, 'the refresh completes once the hold is over');
    await waitFor(() => api.getAutoRefresh().rateLimit === undefined, () => `the line gone: ${state()}`, 5_000);
    assert.deepEqual(sim.requests.filter((r) => r.status === 429).length, 1);
  });

  it('asks a row a 429 left in error again once the hold ends, with no refresh asked for', async () => {
    await config().update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.extension.plyr'); // rows are asked again only while they can be seen
    const path = '/api/user/balance/crypto-fennec';
    sim.reset();
    // Each of the client's three attempts refused, each with a hold of 1 s: the row is left with the 429.
    sim.fault({ kind: 'status', status: 429, error: 'Too many requests', retryAfter: '1', times: 3, path });
    await vscode.commands.executeCommand('plyr.refreshIdentifier', 'crypto-fennec');
    const row = await tracked('crypto-fennec');
    assert.equal(row?.error?.code, 'rateLimited', JSON.stringify(row));
    const asked = () => sim.requests.filter((r) => r.path === path).map((r) => r.status);
    await waitFor(async () => (await tracked('crypto-fennec'))?.status === 'ok', () => `asked again once the hold ended: ${asked().join(', ')}`, 10_000);
    assert.deepEqual(asked(), [429, 429, 429, 200]);
  });

  it('asks the rows and open groups a server error left in error again once the server answers anything, with no refresh asked for', async () => {
    await config().update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.extension.plyr'); // rows are asked again only while they can be seen
    const allowances = '/api/game/allowances/player123';
    await vscode.commands.executeCommand('plyr.revealAccount', 'player123', 'allowances');
    await vscode.commands.executeCommand('plyr.refresh');
    await waitFor(() => sim.inFlight === 0, 'no request on its way');
    const before = await tracked('crypto-fennec');
    assert.equal(before?.status, 'ok', JSON.stringify(before));
    sim.reset();
    sim.fault({ kind: 'status', status: 500 }); // every request, until cleared
    await vscode.commands.executeCommand('plyr.refresh');
    const failed = await tracked('crypto-fennec');
    assert.equal(failed?.error?.code, 'serverError', JSON.stringify(failed));
    assert.deepEqual(failed?.balances, before?.balances, 'the last good balances kept, stale');
    assert.equal((await tracked('player123'))?.error?.code, 'serverError');
    assert.ok(sim.requests.some((r) => r.path === allowances && r.status === 500), `the open group failed too: ${sim.requests.map((r) => `${r.path} ${r.status}`).join(', ')}`);
    // The server is back; one good answer, of the row checked.
    sim.clearFaults();
    sim.reset();
    await checkBalance('player123');
    const asked = () => sim.requests.map((r) => `${r.path} ${r.status}`).join(', ');
    await waitFor(async () => (await tracked('crypto-fennec'))?.status === 'ok', () => `the other row asked again: ${asked()}`, 10_000);
    await waitFor(() => sim.requests.some((r) => r.path === allowances && r.status === 200), () => `the open group asked again: ${asked()}`, 10_000);
    await waitFor(() => sim.inFlight === 0, 'no request on its way');
    // Each once: the row checked by Check Balance alone, the others by the retry; no refresh of everything.
    assert.deepEqual(sim.requests.map((r) => r.path).sort(), [allowances, '/api/user/balance/crypto-fennec', '/api/user/balance/player123'].sort(), asked());
  });

  it("does not ask a row again before the Retry-After its server error gave, though the server answers and rows without one are asked", async () => {
    await config().update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.extension.plyr');
    await vscode.commands.executeCommand('plyr.refresh');
    await waitFor(() => sim.inFlight === 0, 'no request on its way');
    sim.reset();
    // One route down for maintenance for a minute (past what the client waits for itself), another failing without a word.
    sim.fault({ kind: 'status', status: 503, error: 'Down for maintenance', retryAfter: '60', path: '/api/user/balance/crypto-fennec' });
    sim.fault({ kind: 'status', status: 500, path: '/api/user/balance/player123' });
    await vscode.commands.executeCommand('plyr.refresh');
    assert.equal((await tracked('crypto-fennec'))?.error?.code, 'serverError');
    assert.equal((await tracked('player123'))?.error?.code, 'serverError');
    sim.clearFaults();
    sim.reset();
    // Another identifier answers: the row that failed without a Retry-After is asked again, in the same look as the other.
    await checkBalance('zero-hero');
    const asked = () => sim.requests.map((r) => `${r.path} ${r.status}`).join(', ');
    await waitFor(async () => (await tracked('player123'))?.status === 'ok', () => `player123 asked again: ${asked()}`, 10_000);
    await waitFor(() => sim.inFlight === 0, 'no request on its way');
    assert.ok(!sim.requests.some((r) => r.path === '/api/user/balance/crypto-fennec'), `crypto-fennec asked before its Retry-After: ${asked()}`);
    assert.equal((await tracked('crypto-fennec'))?.error?.code, 'serverError', 'still in error, as the server said for how long');
  });

  it('asks again only the rows that failed before the answer, and looks at most once a second (a stand-in client)', async () => {
    const answered = new vscode.EventEmitter<void>();
    let failed: { key: string; failedAt: number }[] = [];
    let asked: (keys: readonly string[]) => void = () => undefined;
    const retry = new RowRetry({ onDidChange: answered.event, wait: () => false, failed: () => failed, canSee: () => true, retry: async (keys) => asked(keys) });
    try {
      answered.fire(); // a look now, with nothing failed: the next one waits for the end of the second
      const before = Date.now() - 1;
      failed = [{ key: 'before', failedAt: before }];
      const retried = new Promise<readonly string[]>((resolve) => (asked = resolve));
      answered.fire(); // its look is put off
      // A fault fails another row after that answer, before the look: the answer says nothing of it.
      failed = [...failed, { key: 'after', failedAt: Date.now() + 5 }];
      assert.deepEqual(await retried, ['before']);
    } finally {
      retry.dispose();
      answered.dispose();
    }
  });

  it('asks each refused row once per refusal: refused again, it waits for a refresh (a stand-in client)', async () => {
    const changed = new vscode.EventEmitter<void>();
    let until: number | undefined;
    let refused = ['a', 'b'];
    /** When each row was last answered well (its fetchedAt). */
    const answeredAt: Record<string, number> = {};
    const retried: string[][] = [];
    let retriedNow: () => void = () => undefined;
    const retry = new RowRetry({
      wait: () => until !== undefined && until > Date.now(),
      onDidChange: changed.event,
      failed: () => refused.map((key) => ({ key, answeredAt: answeredAt[key] })),
      canSee: () => true,
      retry: async (ids) => (retried.push([...ids]), retriedNow()),
    });
    // A hold of 20 ms, and its end told 25 ms on, as the client's pacer tells it.
    const hold = () =>
      new Promise<void>((resolve) => {
        retriedNow = resolve;
        until = Date.now() + 20;
        changed.fire();
        setTimeout(() => changed.fire(), 25);
      });
    try {
      await hold();
      assert.deepEqual(retried, [['a', 'b']], 'both, once the hold ran out');
      // Refused again (b) and newly (c): only c is asked after the next hold, b waits for a refresh.
      refused = ['b', 'c'];
      await hold();
      assert.deepEqual(retried.at(-1), ['c']);
      // b answered meanwhile (by a refresh), then refused once more: asked again.
      answeredAt.b = Date.now();
      await hold();
      assert.deepEqual(retried.at(-1), ['b']);
      assert.equal(retried.length, 3);
    } finally {
      retry.dispose();
      changed.dispose();
    }
  });

  it("drops the outage's line and its slower schedule once a Refresh reaches the server, and the line's promise when automatic refresh is turned off", async () => {
    await config().update('autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
    await config().update('autoRefreshBackoffMaxSeconds', 600, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.extension.plyr'); // rounds run while the view shows
    const api = await plyrApi();
    const state = () => JSON.stringify(api.getAutoRefresh());
    sim.reset();
    sim.fault({ kind: 'reset' });
    await waitFor(() => (api.getAutoRefresh().intervalMs ?? 0) >= 4000, () => `backing off: ${state()}`, 30_000);
    assert.match(api.getAutoRefresh().outage ?? '', /cannot be reached\. Trying again in \d+ s/);
    // Off, no round will try again: the line saying one will goes.
    await config().update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    assert.equal(api.getAutoRefresh().outage, undefined, state());
    await config().update('autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
    await waitFor(() => (api.getAutoRefresh().intervalMs ?? 0) >= 4000, () => `backing off again: ${state()}`, 30_000);
    // A row added meanwhile is asked, and fails: that says nothing of the server being back.
    await vscode.commands.executeCommand('plyr.addIdentifier', 'zero-hero');
    assert.ok(api.getAutoRefresh().outage, `still out after a row was added and failed: ${state()}`);
    assert.ok((api.getAutoRefresh().intervalMs ?? 0) >= 4000, `still backing off: ${state()}`);
    // The server is back and the user presses Refresh, seconds before the next round.
    sim.clearFaults();
    await vscode.commands.executeCommand('plyr.refresh');
    await waitFor(() => !api.getAutoRefresh().running, 'no round running', 15_000);
    assert.equal(api.getAutoRefresh().outage, undefined, state());
    assert.equal(api.getAutoRefresh().intervalMs, 1000, `the setting's interval again: ${state()}`);
  });
});

describe("the view's message line", () => {
  it("shows the outage's line over the sort's, and the sort's again once the outage ends", () => {
    const view: { message?: string } = {};
    const message = new ViewMessage(view);
    message.set('sort', 'Sorted by name.');
    assert.equal(view.message, 'Sorted by name.');
    message.set('outage', 'The PLYR API cannot be reached.');
    assert.equal(view.message, 'The PLYR API cannot be reached.');
    message.set('sort', 'Sorted by value, largest first.');
    assert.equal(view.message, 'The PLYR API cannot be reached.', 'a new sort waits under the outage');
    assert.equal(message.get('sort'), 'Sorted by value, largest first.');
    message.set('outage', undefined);
    assert.equal(view.message, 'Sorted by value, largest first.');
    message.set('sort', undefined);
    assert.equal(view.message, undefined, 'the manual order says nothing');
  });

  it("shows a rate limit's line over the sort's and under an outage's", () => {
    const view: { message?: string } = {};
    const message = new ViewMessage(view);
    message.set('sort', 'Sorted by name.');
    message.set('rateLimit', 'The PLYR API is limiting requests.');
    assert.equal(view.message, 'The PLYR API is limiting requests.');
    message.set('outage', 'The PLYR API cannot be reached.');
    assert.equal(view.message, 'The PLYR API cannot be reached.');
    message.set('outage', undefined);
    assert.equal(view.message, 'The PLYR API is limiting requests.');
    message.set('rateLimit', undefined);
    assert.equal(view.message, 'Sorted by name.');
  });
});
