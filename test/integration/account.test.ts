import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Simulator } from '../../simulator/server';
import { plyrApi, rejection, startSuite, tracked, untrackAll, waitFor } from './helpers';

/** The account routes the simulator was asked, by route (chips, allowances, actionLog, info, secondary). */
const ACCOUNT_ROUTES = /^\/api\/(game\/chip\/balance|game\/allowances\/|actionLog\/|user\/info\/|user\/secondary\/)/;

describe('the account under a PLYR ID: Chips, Allowances, Activity, Wallets', () => {
  let sim: Simulator;
  const accountRequests = () => sim.requests.filter((r) => ACCOUNT_ROUTES.test(r.path)).map((r) => r.path);
  const open = (section: string) => vscode.commands.executeCommand('plyr.revealAccount', 'player123', section);

  before(async () => {
    sim = await startSuite();
  });
  beforeEach(async () => {
    // The view remembers which rows were open by their ids, also across removing and adding an
    // identifier: every group is closed first, then the account starts again with nothing known.
    await vscode.commands.executeCommand('workbench.view.extension.plyr');
    await vscode.commands.executeCommand('workbench.actions.treeView.plyr.balances.collapseAll');
    await untrackAll();
    await vscode.commands.executeCommand('plyr.addIdentifier', 'player123');
    // A group VS Code opened again as the view showed may still be answering.
    await waitFor(() => sim.inFlight === 0, 'no request on its way');
    sim.reset();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.actions.treeView.plyr.balances.collapseAll');
    await untrackAll();
    // The view hidden again: while it shows, automatic refresh runs its rounds into later suites.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await sim.close();
  });

  it('asks nothing of a collapsed group: tracking and refreshing cost what they did', async () => {
    await vscode.commands.executeCommand('plyr.revealIdentifier', 'player123');
    await vscode.commands.executeCommand('plyr.refresh');
    assert.ok(sim.requests.some((r) => r.path.startsWith('/api/user/balance/player123')), 'the balances were asked');
    assert.deepEqual(accountRequests(), []);
  });

  for (const [section, route] of [
    ['chips', '/api/game/chip/balance'],
    ['allowances', '/api/game/allowances/player123'],
    ['activity', '/api/actionLog/player123'],
  ] as const) {
    it(`opening ${section} asks its route once, and a refresh asks it again while it is open`, async () => {
      await open(section);
      await waitFor(() => accountRequests().length > 0, `the ${section} request`);
      assert.deepEqual(accountRequests(), [route]);
      await vscode.commands.executeCommand('plyr.refresh');
      assert.deepEqual(accountRequests(), [route, route], 'refresh-all reloads the open group');
    });
  }

  it('a group closed while a refresh skipped it is asked again when reopened; reopened before any refresh, it is not', async () => {
    const route = '/api/game/allowances/player123';
    await open('allowances');
    await waitFor(() => accountRequests().length === 1 && sim.inFlight === 0, 'the allowances request');
    // The group's own row has the focus (revealAccount): closed as a person closes it.
    await vscode.commands.executeCommand('list.collapse');
    await open('allowances');
    await vscode.commands.executeCommand('list.collapse');
    await vscode.commands.executeCommand('plyr.refresh');
    assert.deepEqual(accountRequests(), [route], 'neither reopening before the refresh nor the refresh asked the closed group');
    await open('allowances');
    await waitFor(() => accountRequests().length === 2 && sim.inFlight === 0, 'the allowances asked again');
    await vscode.commands.executeCommand('plyr.refresh');
    assert.deepEqual(accountRequests(), [route, route, route], 'open again, a refresh asks it as before');
  });

  it('forgets a group left open when its identifier is removed: added back, a refresh asks only its balances', async () => {
    await open('activity');
    await waitFor(() => accountRequests().length === 1, 'the activity request');
    // Out of sight, VS Code neither shows the row again nor tells of its end: only the removal does.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('plyr.removeIdentifier', 'player123');
    await vscode.commands.executeCommand('plyr.addIdentifier', 'player123');
    sim.reset();
    await vscode.commands.executeCommand('plyr.refresh');
    assert.deepEqual(sim.requests.map((r) => r.path), ['/api/user/balance/player123']);
    // VS Code, which saw no removal, still holds the row and its group open: shown, then closed.
    await vscode.commands.executeCommand('plyr.revealIdentifier', 'player123');
    await vscode.commands.executeCommand('workbench.actions.treeView.plyr.balances.collapseAll');
  });

  it('opening Wallets reads the account and its secondary wallets', async () => {
    await open('wallets');
    await waitFor(() => accountRequests().length === 2, 'the two wallet requests');
    assert.deepEqual(accountRequests().sort(), ['/api/user/info/player123', '/api/user/secondary/player123']);
    const wallets = await (await plyrApi()).getWallets('player123');
    assert.equal(wallets.info.primaryAddress, '0x742d35Cc6634C0532925a3b844Bc454e4438f44e');
    assert.equal(wallets.secondaries.length, 2);
    assert.equal(accountRequests().length, 2, 'the API reads what the group loaded');
  });

  it('Load more reads the next page of the activity log and keeps the first', async () => {
    const pages = () => sim.requests.filter((r) => r.path.startsWith('/api/actionLog/')).map((r) => r.query);
    await open('activity');
    await waitFor(() => accountRequests().length === 1, 'the first page');
    await vscode.commands.executeCommand('plyr.loadMoreActivity', 'player123');
    assert.deepEqual(pages(), ['offset=0&limit=25', 'offset=25&limit=25']);
    // Both pages kept: a refresh reads again as many entries as are shown.
    await vscode.commands.executeCommand('plyr.refresh');
    const refreshed = pages()[2];
    // The exported API pages the log the same way.
    const api = await plyrApi();
    const first = await api.getActivity('player123', { offset: 0, limit: 25 });
    const second = await api.getActivity('player123', { offset: 25, limit: 25 });
    assert.equal(first.length, 25);
    assert.ok(second.length > 0);
    assert.equal(refreshed, `offset=0&limit=${25 + second.length}`);
    assert.ok(first[0].at >= first[24].at && first[24].at >= second[0].at, 'newest first, page after page');
  });

  it('Load more after an entry was logged at the top reads the top again: nothing newer goes missing', async () => {
    const pages = () => sim.requests.filter((r) => r.path.startsWith('/api/actionLog/')).map((r) => r.query);
    await open('activity');
    await waitFor(() => pages().length === 1, 'the first page');
    // Logged after the first page was read (as while the group was closed during a refresh).
    sim.logActivity('player123', { action: 'earn', type: 'game', gameId: 'tavern', data: { token: 'gamr', amount: '11' } });
    await vscode.commands.executeCommand('plyr.loadMoreActivity', 'player123');
    assert.deepEqual(pages(), ['offset=0&limit=25', 'offset=25&limit=25', 'offset=0&limit=50'], 'the page repeated the last entry shown: the top read again, with one page more');
    await vscode.commands.executeCommand('plyr.refresh');
    assert.equal(pages()[3], 'offset=0&limit=50', 'a refresh reads as deep: 50 entries, the new one among them');
  });

  it('Load more moves past a page of entries it could not read, and a refresh reads as deep', async () => {
    const pages = () => sim.requests.filter((r) => r.path.startsWith('/api/actionLog/')).map((r) => r.query);
    // The newest 30 entries, each with an action the extension does not read (not one word).
    for (let i = 0; i < 30; i++) {
      sim.logActivity('player123', { action: 'not a word!', type: 'game', gameId: 'tavern' });
    }
    await open('activity');
    await waitFor(() => pages().length === 1, 'the first page');
    await vscode.commands.executeCommand('plyr.loadMoreActivity', 'player123');
    await vscode.commands.executeCommand('plyr.loadMoreActivity', 'player123');
    assert.deepEqual(pages(), ['offset=0&limit=25', 'offset=25&limit=25', 'offset=50&limit=25'], 'each page after the last, the unreadable ones counted');
    await vscode.commands.executeCommand('plyr.refresh');
    assert.equal(pages()[3], 'offset=0&limit=75');
  });

  it('a failing group shows its error and leaves the other groups and the balances as they were', async () => {
    const api = await plyrApi();
    await open('allowances');
    const allowances = await api.getAllowances('player123');
    assert.ok(allowances.length > 0);
    sim.fault({ kind: 'status', status: 500, error: 'chips are down', path: '/api/game/chip' });
    await open('chips');
    const error = await rejection(api.getChips('player123'));
    assert.match(error.message, /chips are down|500/);
    assert.deepEqual(await api.getAllowances('player123'), allowances, 'the allowances are kept');
    const row = await tracked('player123');
    assert.equal(row?.status, 'ok');
    assert.equal(row?.balances?.gamr, '9007199.254740993123456789', 'the balances are kept');
    // Once the server answers again, Retry (refresh-all while it is open) reads it.
    sim.clearFaults();
    await vscode.commands.executeCommand('plyr.refresh');
    const chips = await waitFor(async () => (await api.getChips('player123').catch(() => undefined)) ?? false, 'the chips after the fault');
    assert.ok(chips.some((c) => c.gameId === 'tavern'));
  });

  it("tracks a wallet of the account, and an address's owner", async () => {
    const api = await plyrApi();
    const wallets = await api.getWallets('player123');
    const secondary = wallets.secondaries[0].address;
    await vscode.commands.executeCommand('plyr.trackWallet', { type: 'wallet', id: secondary, owner: 'player123', source: 'user', role: 'secondary' });
    assert.equal((await tracked(secondary))?.label, 'Secondary wallet of player123', 'in the list, named as its row is');
    await untrackAll();
    // The primary address's owner is player123 (the server's /api/user/basic).
    // Its row is shown (selected) as soon as it is listed: the sign that something happened.
    assert.equal(await vscode.commands.executeCommand('plyr.trackOwner', wallets.info.primaryAddress), true, 'the owner added and revealed');
    assert.ok(await tracked('player123'), 'its PLYR ID is in the list');
    // Asked again, each shows the row it has (no error that it is listed already).
    const count = api.getTracked().length;
    assert.equal(await vscode.commands.executeCommand('plyr.trackOwner', wallets.info.primaryAddress), true, 'the owner revealed');
    await vscode.commands.executeCommand('plyr.addIdentifier', secondary);
    assert.equal(await vscode.commands.executeCommand('plyr.trackWallet', { type: 'wallet', id: secondary, owner: 'player123', source: 'user', role: 'secondary' }), true, 'the wallet revealed');
    assert.equal(api.getTracked().length, count + 1);
  });

  it('refuses an address or a malformed PLYR ID before any request', async () => {
    const api = await plyrApi();
    const before = sim.requests.length;
    assert.equal((await rejection(api.getChips('0x742d35Cc6634C0532925a3b844Bc454e4438f44e'))).code, 'invalidIdentifier');
    assert.equal((await rejection(vscode.commands.executeCommand('plyr.loadMoreActivity', 'not valid!'))).code, 'invalidIdentifier');
    assert.equal(sim.requests.length, before);
  });
});
