import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Simulator } from '../../simulator/server';
import { BalancesChangedEvent } from '../../src/vscode/api';
import { plyrApi, rejection, resetSettings, startSuite, tracked, untrackAll } from './helpers';

/**
 * The change events from after one refresh on: whatever an earlier test left moving (a recovery
 * from its failure, say) is announced by that refresh, and is not the caller's business.
 */
async function eventsAfterARefresh(): Promise<{ events: BalancesChangedEvent[]; listener: vscode.Disposable }> {
  const events: BalancesChangedEvent[] = [];
  const listener = (await plyrApi()).onDidChangeBalances((e) => void events.push(e));
  try {
    await vscode.commands.executeCommand('plyr.refresh');
  } catch (error) {
    listener.dispose();
    throw error;
  }
  events.length = 0;
  return { events, listener };
}

describe('balance changes', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSuite();
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
    const lastGood = (await tracked('player123'))!.updatedAt;
    assert.ok(lastGood, 'an earlier refresh read it');
    sim.fault({ kind: 'status', status: 500, error: 'database down' });
    await vscode.commands.executeCommand('plyr.refresh');
    sim.clearFaults();
    const row = (await tracked('player123'))!;
    assert.equal(row.status, 'error');
    assert.equal(row.balances?.gamr, '9007199.25474099312345679');
    assert.equal(row.updatedAt, lastGood, 'with the time of that amount');
  });

  it('announces a change with the old and new values, once per refresh that moved something', async () => {
    const { events, listener } = await eventsAfterARefresh();
    try {
      sim.setHolding('player123', 'plyr', 12_500_000_000_000_000_000n);
      sim.setHolding('player123', 'gamr', 9007199254740993123456788n);
      await vscode.commands.executeCommand('plyr.refresh');
      assert.equal(events.length, 1, 'one event for one refresh');
      assert.equal(events[0].identifier, 'player123');
      const byToken = Object.fromEntries(events[0].changes.map((c) => [c.token, c]));
      assert.deepEqual(byToken.gamr, { token: 'gamr', previous: '9007199.25474099312345679', current: '9007199.254740993123456788', delta: '\u22120.000000000000000002' });
      assert.equal(byToken.plyr?.current, '12.5');
      await vscode.commands.executeCommand('plyr.refresh');
      assert.equal(events.length, 1, 'nothing moved: no event');
    } finally {
      listener.dispose();
    }
  });

  it('announces a token that appears with an amount as a change from 0, and none that appears with zero or goes', async () => {
    const { events, listener } = await eventsAfterARefresh();
    try {
      sim.configure({ extraBalances: { newtoken: '1', other: '2.5', third: '3', listed: '0' } });
      await vscode.commands.executeCommand('plyr.refresh');
      assert.equal(events.length, 1, 'one event for the refresh that brought them');
      assert.deepEqual(events[0].changes, [
        { token: 'newtoken', previous: '0', current: '1', delta: '+1' },
        { token: 'other', previous: '0', current: '2.5', delta: '+2.5' },
        { token: 'third', previous: '0', current: '3', delta: '+3' },
      ]);
      assert.deepEqual((await tracked('player123'))!.changes, { newtoken: '+1', other: '+2.5', third: '+3' });
      const row = (await plyrApi()).getSidebarRows().find((r) => r.id === 'token:player123:newtoken');
      assert.match(row?.description ?? '', /▲ \+1$/, 'the row shows the arrow');
      sim.configure({ extraBalances: {} });
      await vscode.commands.executeCommand('plyr.refresh');
      assert.equal(events.length, 1, 'tokens no longer listed moved nothing');
      assert.equal((await tracked('player123'))!.changes, undefined);
    } finally {
      listener.dispose();
      sim.configure({ extraBalances: {} });
    }
  });

  it('turns "Notify on change" on and off per identifier, kept in the list', async () => {
    await vscode.commands.executeCommand('plyr.addIdentifier', 'crypto-fennec');
    await vscode.commands.executeCommand('plyr.notifyOnChange', 'player123');
    assert.equal((await tracked('player123'))?.notify, true);
    assert.equal((await tracked('crypto-fennec'))?.notify, undefined, 'only the one asked for');
    await vscode.commands.executeCommand('plyr.stopNotifyOnChange', 'player123');
    assert.equal((await tracked('player123'))?.notify, undefined);
    const error = await rejection(vscode.commands.executeCommand('plyr.notifyOnChange', 'not-tracked-id'));
    assert.match(error.message, /not-tracked-id is not in the list/);
    await vscode.commands.executeCommand('plyr.removeIdentifier', 'crypto-fennec');
  });
});
