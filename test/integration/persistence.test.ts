import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { startSimulator } from '../../simulator/server';
import { BalancesChangedEvent, PlyrBalanceApi } from '../../src/vscode/api';
import { STATE_KEYS } from '../../src/vscode/ids';
import { plyrApi, pointAt, setDemoCredentials, tracked, untrackAll } from './helpers';

/**
 * Run by the runner in two sessions on the same port and browser profile: the first tracks
 * identifiers and loads their balances, the second (after VS Code restarted) reads them back.
 */
/** The simulator runs on the same port in both sessions, so both see the same API root. */
const startSameSimulator = async () => {
  const sim = await startSimulator({ port: Number(process.env.PLYR_TEST_SIM_PORT) });
  await pointAt(sim.url);
  return sim;
};
/** player123's GAMR in the demo data. */
const GAMR = '9007199.254740993123456789';

const EXPECTED = [
  { identifier: 'treasury-main', label: 'Treasury' },
  { identifier: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e', label: 'Hot wallet' },
  { identifier: 'player123', label: undefined },
];

/**
 * The list after the first session's edits, in manual order: treasury-main moved into Team (so last),
 * then player123 moved up past the address.
 */
const AFTER_EDITS = [
  ['player123', undefined, undefined],
  ['0x742d35Cc6634C0532925a3b844Bc454e4438f44e', 'Hot wallet', undefined],
  ['treasury-main', 'Treasury', 'Team'],
];
const layout = (api: PlyrBalanceApi) => api.getTracked().map((t) => [t.identifier, t.label, t.group]);

describe('tracked identifiers across a restart', () => {
  const phase = process.env.PLYR_TEST_PHASE;

  if (phase === 'before-restart') {
    it('are tracked with labels, in order, in groups and sorted by name, before the restart', async () => {
      await untrackAll();
      // No credentials in this session: adding must work offline, and the rows record the error.
      for (const { identifier, label } of EXPECTED) {
        await vscode.commands.executeCommand('plyr.addIdentifier', identifier, label);
      }
      await vscode.commands.executeCommand('plyr.createGroup', 'Team');
      await vscode.commands.executeCommand('plyr.createGroup', 'Empty');
      await vscode.commands.executeCommand('plyr.moveToGroup', 'treasury-main', 'Team');
      await vscode.commands.executeCommand('plyr.moveIdentifierUp', 'player123');
      await vscode.commands.executeCommand('plyr.sortBy', 'name');
      assert.deepEqual(layout(await plyrApi()), AFTER_EDITS);
    });

    it('load their balances, with "Notify on change" on for player123 and the privacy mask on, before the restart', async () => {
      const sim = await startSameSimulator();
      try {
        await setDemoCredentials();
        await vscode.commands.executeCommand('plyr.notifyOnChange', 'player123');
        assert.equal(await vscode.commands.executeCommand('plyr.togglePrivacy'), true, 'the privacy mask on, too');
        await vscode.commands.executeCommand('plyr.refresh');
        // The refresh resolves once its answers are kept in globalState.
        assert.equal((await tracked('player123'))?.balances?.gamr, GAMR);
        // The browser stores globalState a little later: the runner waits for these before it closes.
        fs.writeFileSync(process.env.PLYR_TEST_EXPECT_STORED ?? assert.fail('the runner names PLYR_TEST_EXPECT_STORED'), JSON.stringify({ [STATE_KEYS.privacyMask]: 'true', [STATE_KEYS.lastBalances]: JSON.stringify(GAMR), [STATE_KEYS.tracked]: '"notify":true', [STATE_KEYS.groups]: '"Empty"', [STATE_KEYS.sortOrder]: '"name"' }));
      } finally {
        await sim.close();
      }
    });
  } else if (phase === 'after-restart') {
    it('are all there after the restart, in the same order with their labels and groups, and the same sort', async () => {
      const api = await plyrApi();
      assert.deepEqual(layout(api), AFTER_EDITS);
      assert.deepEqual(api.getGroups(), ['Team', 'Empty']);
      assert.deepEqual(api.sortOrder, { by: 'name' });
      await vscode.commands.executeCommand('plyr.sortBy', 'manual');
      assert.deepEqual(layout(api), AFTER_EDITS, 'back to manual: the manual order as it was');
    });

    it('show the balances known before the restart with their time, keep the privacy mask, and an unchanged refresh reports no change', async () => {
      const api = await plyrApi();
      const sessionStarted = Date.now() - performance.now();
      const before = (await tracked('player123'))!;
      assert.equal(before.notify, true, '"Notify on change" is kept');
      assert.equal(api.privacyMask, true, 'the privacy mask is kept on');
      assert.equal(await vscode.commands.executeCommand('plyr.togglePrivacy'), false);
      assert.equal(before.balances?.gamr, GAMR, 'remembered across the restart');
      assert.ok(before.updatedAt !== undefined && before.updatedAt < sessionStarted, 'with the time it was fetched, in the last session');
      const events: BalancesChangedEvent[] = [];
      const listener = api.onDidChangeBalances((e) => void events.push(e));
      const sim = await startSameSimulator();
      try {
        await setDemoCredentials();
        await vscode.commands.executeCommand('plyr.refresh');
        const after = (await tracked('player123'))!;
        assert.equal(after.status, 'ok');
        assert.ok(after.updatedAt! > before.updatedAt!, 'refreshed');
        assert.equal(after.changes, undefined, 'no delta: nothing moved since before the restart');
        assert.equal(events.length, 0, 'no change event, so no notification');
        sim.setHolding('player123', 'gamr', 9_007_200_254_740_993_123_456_789n); // +1 GAMR
        await vscode.commands.executeCommand('plyr.refresh');
        assert.deepEqual(events.map((e) => [e.identifier, e.changes.map((c) => c.delta)]), [['player123', ['+1']]]);
      } finally {
        listener.dispose();
        await sim.close();
      }
    });
  } else {
    it('runs only in the runner\'s restart sessions', () => {
      assert.fail(`PLYR_TEST_PHASE must be before-restart or after-restart, not ${String(phase)}`);
    });
  }
});
