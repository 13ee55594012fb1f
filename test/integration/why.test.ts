import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_USERS } from '../../simulator/demoData';
import { Simulator } from '../../simulator/server';
import { NETWORKS } from '../../src/core/api/networks';
import { plyrApi, pointAt, rejection, resetSettings, startSuite, tracked, untrackAll } from './helpers';

/** What `plyr.whyChanged` returns to automation (src/vscode/commands/whyChanged.ts). */
interface WhyChangedResult {
  identifier: string;
  tokens: string[];
  changes: Record<string, string>;
  since: number;
  until: number;
  complete: boolean;
  read: number;
  entries: { action: string; gameId?: string; token?: string; amount?: string; txHash?: string; succeeded?: boolean; at: number }[];
  unexplained: string[];
  items: { label: string; description: string; detail: string }[];
}

const HASH = `0x${'a1'.repeat(32)}`;
const OTHER_HASH = `0x${'b2'.repeat(32)}`;
const why = (...args: unknown[]) => vscode.commands.executeCommand<WhyChangedResult>('plyr.whyChanged', ...args);
const config = () => vscode.workspace.getConfiguration('plyr');

describe('Why did it change?', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSuite();
    await vscode.commands.executeCommand('plyr.addIdentifier', 'player123');
  });
  after(async () => {
    if ((await plyrApi()).privacyMask) {
      await vscode.commands.executeCommand('plyr.togglePrivacy');
    }
    await untrackAll();
    await resetSettings();
    await sim.close();
  });

  it('lists the entries between the last two refreshes that name the changed token', async () => {
    sim.setHolding('player123', 'gamr', 9007186754740993123456789n); // 12.5 GAMR less
    sim.logActivity('player123', { action: 'pay', gameId: 'tavern', data: { gameId: 'tavern', roomId: '1001', token: 'gamr', amount: '12.5', hash: HASH, success: 'success' } });
    sim.logActivity('player123', { action: 'earn', gameId: 'arena', data: { gameId: 'arena', token: 'usdc', amount: '3', hash: OTHER_HASH, success: 'success' } });
    await vscode.commands.executeCommand('plyr.refresh');
    const row = (await tracked('player123'))!;
    assert.deepEqual(row.changes, { gamr: '\u221212.5' });

    const result = await why('player123', 'gamr');
    assert.equal(result.identifier, 'player123');
    assert.deepEqual(result.tokens, ['gamr']);
    assert.deepEqual(result.changes, { gamr: '\u221212.5' }, 'the change it explains, as the row says it');
    assert.equal(result.until, row.updatedAt);
    assert.ok(result.since < result.until, 'measured from the refresh before');
    assert.equal(result.complete, true);
    assert.equal(result.entries.length, 1, JSON.stringify(result.entries));
    const { action, gameId, token, amount, txHash, succeeded } = result.entries[0];
    assert.deepEqual({ action, gameId, token, amount, txHash, succeeded }, { action: 'pay', gameId: 'tavern', token: 'gamr', amount: '12.5', txHash: HASH, succeeded: true });
    assert.deepEqual(result.items, [{ label: 'pay 12.5 GAMR', description: 'game tavern · just now', detail: 'transaction 0xa1a1a1a1…a1a1a1a1' }]);

    const everyChange = await why('player123');
    assert.deepEqual(everyChange.tokens, ['gamr'], 'no token named: every token that changed');
    assert.deepEqual(everyChange.entries, result.entries);
    assert.deepEqual((await why('PLAYER123', 'GAMR')).entries, result.entries, 'identifier and token in any case');
  });

  it('hides the amounts it lists while the privacy mask is on, and returns them exact', async () => {
    assert.equal(await vscode.commands.executeCommand('plyr.togglePrivacy'), true);
    try {
      const result = await why('player123', 'gamr');
      assert.deepEqual(result.items, [{ label: 'pay ••• GAMR', description: 'game tavern · just now', detail: 'transaction 0xa1a1a1a1…a1a1a1a1' }]);
      assert.equal(result.entries[0].amount, '12.5', 'the data stays exact');
    } finally {
      assert.equal(await vscode.commands.executeCommand('plyr.togglePrivacy'), false);
    }
  });

  it('finds nothing when the log names no change of the token, such as a transfer outside games', async () => {
    sim.setHolding('player123', 'plyr', 1_300_000_000_000_000_000_000n);
    await vscode.commands.executeCommand('plyr.refresh');
    assert.deepEqual((await tracked('player123'))!.changes, { plyr: '+65.5' });
    const result = await why('player123', 'plyr');
    assert.deepEqual(result.tokens, ['plyr']);
    assert.deepEqual(result.entries, [], JSON.stringify(result.entries));
    assert.deepEqual(result.items, []);
    assert.equal(result.complete, true);
  });

  it("finds the entries of a server whose clock runs 4 minutes ahead of this machine's (within what a signature allows)", async () => {
    sim.configure({ clockOffsetMs: 4 * 60_000 });
    try {
      sim.setHolding('player123', 'usdc', 240_750_000n);
      sim.logActivity('player123', { action: 'pay', gameId: 'tavern', data: { gameId: 'tavern', token: 'usdc', amount: '10', hash: HASH, success: 'success' } });
      await vscode.commands.executeCommand('plyr.refresh');
      assert.deepEqual(Object.keys((await tracked('player123'))!.changes ?? {}), ['usdc']);
      const result = await why('player123', 'usdc');
      // The log is timed by the server's clock: read on this machine's, the entry is 4 minutes after the refresh.
      assert.deepEqual(
        result.entries.map((e) => `${e.action} ${e.amount} ${e.token}`),
        ['pay 10 usdc'],
      );
    } finally {
      sim.configure({ clockOffsetMs: 0 });
    }
  });

  it("tells an entry's age on the clock of a server 4 minutes behind this machine's, as it finds it", async () => {
    sim.configure({ clockOffsetMs: -4 * 60_000 });
    try {
      sim.setHolding('player123', 'usdc', 230_750_000n);
      sim.logActivity('player123', { action: 'pay', gameId: 'tavern', data: { gameId: 'tavern', token: 'usdc', amount: '10', hash: HASH, success: 'success' } });
      await vscode.commands.executeCommand('plyr.refresh');
      assert.deepEqual(Object.keys((await tracked('player123'))!.changes ?? {}), ['usdc']);
      const result = await why('player123', 'usdc');
      // Logged just now on the server's clock: on this machine's it would read "4 min. ago".
      assert.deepEqual(result.items, [{ label: 'pay 10 USDC', description: 'game tavern · just now', detail: 'transaction 0xa1a1a1a1…a1a1a1a1' }]);
    } finally {
      sim.configure({ clockOffsetMs: 0 });
    }
  });

  it('says which of the changed tokens no entry names: a change of two, the log naming one', async () => {
    // 500 PLYR earned in a game, logged; 10 FLOKI sent straight from the wallet, which the log never shows.
    sim.setHolding('player123', 'plyr', 1_800_000_000_000_000_000_000n);
    sim.setHolding('player123', 'floki', 999_990_123_456_789n);
    sim.logActivity('player123', { action: 'earn', gameId: 'arena', data: { gameId: 'arena', token: 'plyr', amount: '500', hash: HASH, success: 'success' } });
    await vscode.commands.executeCommand('plyr.refresh');
    assert.deepEqual((await tracked('player123'))!.changes, { plyr: '+500', floki: '\u221210' });
    const result = await why('player123');
    assert.deepEqual(result.tokens, ['plyr', 'floki']);
    assert.deepEqual(result.entries.map((e) => `${e.action} ${e.amount} ${e.token}`), ['earn 500 plyr']);
    assert.deepEqual(result.unexplained, ['floki']);
    assert.deepEqual((await why('player123', 'floki')).unexplained, ['floki'], 'asked of the token alone: nothing names it');
    assert.deepEqual((await why('player123', 'plyr')).unexplained, []);
  });

  it('refuses what it cannot explain with the typed error', async () => {
    const unchanged = await rejection(why('player123', 'gamr'));
    assert.equal(unchanged.code, 'invalidToken');
    assert.equal(unchanged.message, 'The last refresh of player123 did not change GAMR: there is nothing to explain.');
    const address = await rejection(why(DEMO_USERS[0].primaryAddress, 'plyr'));
    assert.equal(address.code, 'unsupported');
    assert.match(address.message, /^Only PLYR IDs have an activity log/);
    assert.equal((await rejection(why('../x', 'plyr'))).code, 'invalidIdentifier');
    assert.equal((await rejection(why('player123', '[x](command:workbench.action.closeWindow)'))).code, 'invalidToken');
    assert.equal((await rejection(why('crypto-fennec'))).message, 'The last refresh of crypto-fennec changed no balance: there is nothing to explain.');
  });

  it('passes a failure to read the log on as the typed error', async () => {
    sim.setHolding('player123', 'plyr', 1_400_000_000_000_000_000_000n);
    await vscode.commands.executeCommand('plyr.refresh');
    sim.fault({ kind: 'status', status: 500, error: 'database down', path: '/api/actionLog/player123', times: 10 });
    try {
      assert.equal((await rejection(why('player123', 'plyr'))).code, 'serverError');
    } finally {
      sim.clearFaults();
    }
  });
});

describe('an activity entry\'s transaction', () => {
  let sim: Simulator;
  const env = vscode.env as { openExternal: typeof vscode.env.openExternal };
  const original = env.openExternal;
  const opened: string[] = [];
  const row = (txHash: string | undefined) => ({ type: 'activity', id: 'player123', source: 'user', entry: { action: 'pay', at: Date.now(), txHash } });

  before(async () => {
    sim = await startSuite();
    // Capture what would open in the browser: the extension host leaves vscode.env writable in tests.
    env.openExternal = async (uri: vscode.Uri) => {
      opened.push(uri.toString(true));
      return true;
    };
  });
  after(async () => {
    env.openExternal = original;
    await pointAt(sim.url);
    await resetSettings();
    await sim.close();
  });

  it('refuses a hash that is not 0x and 64 hex digits, before anything opens', async () => {
    for (const [value, message] of [
      ['0x123', 'A transaction hash is 0x followed by 64 hex digits; this one has 3.'],
      [`${HASH}/../../evil`, 'A transaction hash is 0x followed by 64 hex digits.'],
      [42, 'A transaction hash must be text, not a number.'],
    ] as const) {
      const error = await rejection(vscode.commands.executeCommand('plyr.openTransaction', value));
      assert.equal(error.code, 'invalidHash');
      assert.equal(error.message, message);
    }
    const noHash = await rejection(vscode.commands.executeCommand('plyr.openTransaction', row(undefined)));
    assert.deepEqual([noHash.code, noHash.message], ['invalidHash', 'This activity entry has no transaction.']);
    assert.deepEqual(opened, []);
  });

  it('says that a custom network has no known explorer', async () => {
    const error = await rejection(vscode.commands.executeCommand('plyr.openTransaction', HASH));
    assert.equal(error.code, 'unsupported');
    assert.equal(error.message, 'The custom network has no known block explorer to open a transaction in.');
    assert.deepEqual(opened, []);
  });

  it("opens {explorer}/tx/{hash} on the network's explorer, from a hash or a row", async () => {
    // Nothing is tracked, so switching networks sends no request anywhere.
    await untrackAll();
    await config().update('network', 'mainnet', vscode.ConfigurationTarget.Global);
    assert.equal(await vscode.commands.executeCommand('plyr.openTransaction', HASH.toUpperCase().replace('0X', '0x')), `https://explorer.plyr.network/tx/${HASH}`);
    await config().update('network', 'testnet', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('plyr.openTransaction', row(OTHER_HASH));
    await pointAt(sim.url);
    assert.deepEqual(opened, [`https://explorer.plyr.network/tx/${HASH}`, `https://subnets-test.avax.network/plyr/tx/${OTHER_HASH}`]);
  });

  it("opens an address on the network's explorer, a custom URL on an official server's origin included; none on another server", async () => {
    await untrackAll(); // switching networks sends no request anywhere
    const address = '0x52908400098527886E0F7030069857D2E4169EE7'; // EIP-55's own example, checksummed
    const before = opened.length;
    await config().update('network', 'testnet', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('plyr.openInExplorer', address.toLowerCase());
    await config().update('network', 'custom', vscode.ConfigurationTarget.Global);
    await config().update('customBaseUrl', `${NETWORKS.mainnet.baseUrl}/api`, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('plyr.openInExplorer', address);
    await pointAt(sim.url);
    await vscode.commands.executeCommand('plyr.openInExplorer', address);
    assert.deepEqual(opened.slice(before), [`https://subnets-test.avax.network/plyr/address/${address}`, `https://explorer.plyr.network/address/${address}`]);
  });

  it('copies the hash of a row, or of a hash given, in lower case', async () => {
    assert.equal(await vscode.commands.executeCommand('plyr.copyHash', row(HASH)), HASH);
    assert.equal(await vscode.env.clipboard.readText(), HASH);
    await vscode.commands.executeCommand('plyr.copyHash', ` ${OTHER_HASH.toUpperCase().replace('0X', '0x')} `);
    assert.equal(await vscode.env.clipboard.readText(), OTHER_HASH);
    assert.equal((await rejection(vscode.commands.executeCommand('plyr.copyHash', 'nope'))).code, 'invalidHash');
    assert.equal(await vscode.env.clipboard.readText(), OTHER_HASH, 'nothing copied for a refused hash');
  });
});
