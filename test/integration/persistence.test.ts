import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { plyrApi, untrackAll } from './helpers';

/**
 * Run by the runner in two sessions on the same port and browser profile: the first tracks
 * identifiers, the second (after VS Code restarted) reads them back.
 */
const EXPECTED = [
  { identifier: 'treasury-main', label: 'Treasury' },
  { identifier: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e', label: 'Hot wallet' },
  { identifier: 'player123', label: undefined },
];

describe('tracked identifiers across a restart', () => {
  const phase = process.env.PLYR_TEST_PHASE;

  if (phase === 'before-restart') {
    it('are tracked with labels, in order, before the restart', async () => {
      await untrackAll();
      // No credentials in this session: adding must work offline, and the rows record the error.
      for (const { identifier, label } of EXPECTED) {
        await vscode.commands.executeCommand('plyr.addIdentifier', identifier, label);
      }
      assert.deepEqual((await plyrApi()).getTracked().map((t) => [t.identifier, t.label]), EXPECTED.map((e) => [e.identifier, e.label]));
    });
  } else if (phase === 'after-restart') {
    it('are all there after the restart, in the same order with their labels', async () => {
      assert.deepEqual((await plyrApi()).getTracked().map((t) => [t.identifier, t.label]), EXPECTED.map((e) => [e.identifier, e.label]));
    });
  } else {
    it('runs only in the runner\'s restart sessions', () => {
      assert.fail(`PLYR_TEST_PHASE must be before-restart or after-restart, not ${String(phase)}`);
    });
  }
});
