import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { Simulator } from '../../simulator/server';
import { silentLogger } from '../../src/core/api/logger';
import { WorkspaceWatchList } from '../../src/vscode/state/workspaceWatchList';
import { hoverOn, plyrApi, rejection, resetSettings, startSuite, untrackAll, waitFor } from './helpers';

const TREASURY = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';

/** The workspace's `.vscode/plyr.json`, written as a teammate's commit would leave it. */
async function writeWatchList(data: unknown): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the session opens a workspace folder');
  const file = vscode.Uri.joinPath(folder.uri, '.vscode', 'plyr.json');
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(typeof data === 'string' ? data : JSON.stringify(data, null, 2)));
}

async function readWatchList(): Promise<string> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder!.uri, '.vscode', 'plyr.json')));
}

async function deleteWatchList(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder!.uri, '.vscode', 'plyr.json')).then(undefined, () => undefined);
}

/**
 * Runs `body` with the PLYR view showing (the Workspace group opens with its rows, which the view
 * asks as it shows them), `concurrency` requests at a time and no automatic round of its own; then
 * hides the view, puts the settings and the simulator's latency back, and deletes the file.
 */
async function withTheViewShowing(sim: Simulator, concurrency: number, body: () => Promise<void>): Promise<void> {
  const config = vscode.workspace.getConfiguration('plyr');
  await config.update('refreshConcurrency', concurrency, vscode.ConfigurationTarget.Global);
  await config.update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
  try {
    await vscode.commands.executeCommand('workbench.view.extension.plyr');
    await body();
  } finally {
    sim.configure({ latencyMs: 0 });
    // The view hidden first: shown, automatic refresh turned back on starts a round at once.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await config.update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    await config.update('refreshConcurrency', undefined, vscode.ConfigurationTarget.Global);
    await deleteWatchList();
    await waitFor(async () => (await watchedIds()) === '', 'the deleted file to empty the group');
  }
}

const watchedIds = async () => (await plyrApi()).getWatched().map((w) => w.identifier).join(',');

describe("the workspace's watch-list (.vscode/plyr.json)", () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSuite();
  });
  after(async () => {
    await deleteWatchList();
    await resetSettings();
    await sim.close();
  });

  it('shows its identifiers, refreshes them with the rest, and leaves the user’s list alone', async () => {
    await vscode.commands.executeCommand('plyr.addIdentifier', 'zero-hero');
    await writeWatchList({ identifiers: ['Player123', { id: TREASURY.toLowerCase(), label: 'Treasury', group: 'Studio' }, 'not valid!'] });
    await waitFor(async () => (await watchedIds()) === `player123,${TREASURY}`, 'the watch-list to load');
    sim.reset();
    await vscode.commands.executeCommand('plyr.refresh');
    const watched = (await plyrApi()).getWatched();
    assert.deepEqual(watched.map((w) => [w.identifier, w.label, w.group, w.status]), [['player123', undefined, undefined, 'ok'], [TREASURY, 'Treasury', 'Studio', 'ok']]);
    assert.equal(watched[0].balances?.plyr, '1234.5');
    assert.deepEqual((await plyrApi()).getTracked().map((t) => t.identifier), ['zero-hero'], 'the user’s list is unchanged');
    assert.equal(sim.requests.length, 3, 'one request per identifier of both lists');
  });

  it('follows edits of the file live, refreshes one of its rows on request, and reveals it', async () => {
    await writeWatchList({ identifiers: ['crypto-fennec'] });
    await waitFor(async () => (await watchedIds()) === 'crypto-fennec', 'the edit to show');
    sim.reset();
    await vscode.commands.executeCommand('plyr.refreshIdentifier', 'crypto-fennec');
    assert.deepEqual(sim.requests.map((r) => r.path), ['/api/user/balance/crypto-fennec']);
    // Revealed as an inlay hint's or the status bar's click reveals it: its row in the Workspace group.
    assert.equal(await vscode.commands.executeCommand('plyr.revealIdentifier', 'crypto-fennec'), true, 'the Workspace row revealed');
    assert.equal(await vscode.commands.executeCommand('plyr.revealIdentifier', 'tester-01'), false, 'listed nowhere');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await deleteWatchList();
    await waitFor(async () => (await watchedIds()) === '', 'the deleted file to empty the group');
  });

  it('Delete and F2 on the Workspace row, or on a row of it, say the file is where its rows change', async () => {
    const said = /^The Workspace group shows \.vscode\/plyr\.json: edit that file to change its rows\.$/;
    // The rows as VS Code hands the focused one to the keybindings' commands.
    for (const row of [{ type: 'workspaceGroup' }, { type: 'identifier', source: 'workspace', id: 'crypto-fennec' }]) {
      assert.match((await vscode.commands.executeCommand<string | undefined>('plyr.renameSelected', row)) ?? '', said, `F2 on ${row.type}`);
      assert.match((await vscode.commands.executeCommand<string | undefined>('plyr.removeSelected', row)) ?? '', said, `Delete on ${row.type}`);
    }
  });

  it("an address only the file lists gets a hover that shows its row, not one that tracks it again", async () => {
    await writeWatchList({ identifiers: [{ id: TREASURY, label: 'Treasury' }] });
    await waitFor(async () => (await watchedIds()) === TREASURY, 'the watch-list to load');
    try {
      const hover = await hoverOn(`const t = "${TREASURY}";`, TREASURY);
      assert.doesNotMatch(hover?.markdown ?? '', /Track in sidebar/, 'it has a row already');
      const link = /\[Show in sidebar\]\(command:([^?)]+)\?([^)\s]+)/.exec(hover?.markdown ?? '');
      assert.ok(link, hover?.markdown);
      assert.equal(link[1], 'plyr.revealIdentifier');
      const args = JSON.parse(decodeURIComponent(link[2])) as unknown[];
      assert.equal(await vscode.commands.executeCommand(link[1], ...args), true, 'its Workspace row revealed');
      assert.ok(!(await plyrApi()).getTracked().some((t) => t.identifier === TREASURY), "not added to the user's list");
    } finally {
      await vscode.commands.executeCommand('workbench.view.explorer');
      await deleteWatchList();
      await waitFor(async () => (await watchedIds()) === '', 'the deleted file to empty the group');
    }
  });

  it("Account Details of an account only the file lists opens its Workspace row's group, and does not offer to track it again", async () => {
    await writeWatchList({ identifiers: [{ id: 'player123', label: 'Test player' }] });
    await waitFor(async () => (await watchedIds()) === 'player123', 'the watch-list to load');
    try {
      // Asked whether to track it, the command would wait on the question: it must end unasked.
      const revealed = vscode.commands.executeCommand('plyr.revealAccount', 'player123', 'chips').then(() => 'revealed');
      const asked = new Promise((resolve) => setTimeout(resolve, 15_000, 'still waiting: asked to track it'));
      assert.equal(await Promise.race([revealed, asked]), 'revealed');
      assert.deepEqual((await plyrApi()).getSidebarSelection(), ['workspace:account:player123:chips']);
      assert.ok(!(await plyrApi()).getTracked().some((t) => t.identifier === 'player123'), "not added to the user's list");
    } finally {
      await vscode.commands.executeCommand('workbench.actions.treeView.plyr.balances.collapseAll');
      await vscode.commands.executeCommand('workbench.view.explorer');
      await deleteWatchList();
      await waitFor(async () => (await watchedIds()) === '', 'the deleted file to empty the group');
    }
  });

  it("Track Wallet on an account's wallet the file names keeps the file's name for it, not the wallet's role", async () => {
    await writeWatchList({ identifiers: [{ id: TREASURY, label: 'Treasury' }] });
    await waitFor(async () => (await watchedIds()) === TREASURY, 'the watch-list to load');
    try {
      await vscode.commands.executeCommand('plyr.trackWallet', { type: 'wallet', id: TREASURY, owner: 'player123', source: 'user', role: 'primary' });
      const mine = (await plyrApi()).getTracked().find((t) => t.identifier === TREASURY);
      assert.equal(mine?.label, 'Treasury', 'named as the team names it: the hints and hovers keep saying it');
    } finally {
      await vscode.commands.executeCommand('plyr.removeIdentifier', TREASURY);
      await deleteWatchList();
      await waitFor(async () => (await watchedIds()) === '', 'the deleted file to empty the group');
    }
  });

  it('asks the rows of a file of 30 as the view opens them, as many at a time as a refresh, each once', async function () {
    this.timeout(60_000);
    await withTheViewShowing(sim, 4, async () => {
      const ids = Array.from({ length: 30 }, (_, i) => `load-${i + 101}`);
      sim.reset();
      sim.configure({ latencyMs: 100 });
      await writeWatchList({ identifiers: ids });
      await waitFor(async () => (await plyrApi()).getWatched().filter((w) => w.status === 'ok').length === 30, () => `all 30 answered; ${sim.requests.length} asked`, 30_000);
      assert.deepEqual(sim.requests.map((r) => r.path).sort(), ids.map((id) => `/api/user/balance/${id}`).sort(), 'one request each');
      assert.ok(sim.maxInFlight <= 4, `at most plyr.refreshConcurrency (4) in flight, saw ${sim.maxInFlight}`);
    });
  });

  it('Stop Refreshing stops the rows the view is loading: none is asked after it, until a refresh asks them all', async function () {
    this.timeout(60_000);
    const ids = Array.from({ length: 12 }, (_, i) => `load-${i + 201}`);
    // What each row says after its id: "loading…" while asked (in flight or waiting its turn), "not loaded" once dropped.
    const statuses = async () => [...new Set((await plyrApi()).getSidebarRows().filter((r) => ids.some((id) => r.id === `workspace:identifier:${id}`)).map((r) => r.description?.split(' · ').pop()))];
    await withTheViewShowing(sim, 2, async () => {
      sim.reset();
      sim.configure({ latencyMs: 400 });
      await writeWatchList({ identifiers: ids });
      await waitFor(() => sim.inFlight === 2, 'the first two rows asked');
      assert.deepEqual(await statuses(), ['loading…'], 'the 10 waiting their turn too');
      assert.equal(await vscode.commands.executeCommand('plyr.stopRefresh'), true, 'the loads were something to stop');
      await waitFor(() => sim.inFlight === 0, 'the stopped requests to end at the simulator');
      // Every row rendered again, as the view renders them (the Workspace group asks at once for
      // the rows it does not know): none of the stopped ones is asked again, so nothing loads.
      (await plyrApi()).getSidebarRows();
      assert.equal(await vscode.commands.executeCommand('plyr.stopRefresh'), false, 'the render started no load: nothing to stop');
      assert.equal(sim.requests.length, 2, `nothing asked after the stop: ${sim.requests.map((r) => r.path).join(', ')}`);
      const rows = (await plyrApi()).getWatched();
      assert.equal(rows.length, ids.length);
      assert.deepEqual(rows.filter((w) => w.status !== 'unknown').map((w) => `${w.identifier} ${w.status}`), [], 'each "not loaded", those stopped on their way too');
      assert.deepEqual(await statuses(), ['not loaded']);

      // A refresh of everything stopped on its way leaves the rows it had not reached unasked too.
      sim.reset();
      sim.configure({ latencyMs: 400 });
      const refresh = vscode.commands.executeCommand('plyr.refresh');
      await waitFor(() => sim.inFlight === 2, 'the refresh on its way');
      assert.deepEqual(await statuses(), ['loading…'], 'the rows the refresh has not reached yet too');
      assert.equal(await vscode.commands.executeCommand('plyr.stopRefresh'), true);
      assert.equal(await refresh, false);
      await waitFor(() => sim.inFlight === 0, 'the stopped requests to end at the simulator');
      (await plyrApi()).getSidebarRows();
      assert.equal(await vscode.commands.executeCommand('plyr.stopRefresh'), false, 'the render started no load: nothing to stop');
      assert.equal(sim.requests.length, 2, `nothing asked after the stop: ${sim.requests.map((r) => r.path).join(', ')}`);
      assert.deepEqual((await plyrApi()).getWatched().filter((w) => w.status !== 'unknown').map((w) => `${w.identifier} ${w.status}`), []);
      assert.deepEqual(await statuses(), ['not loaded'], 'the rows it had not reached are not loading any more');

      sim.configure({ latencyMs: 0 });
      assert.equal(await vscode.commands.executeCommand('plyr.refresh'), true);
      assert.deepEqual((await plyrApi()).getWatched().filter((w) => w.status !== 'ok' || w.balances === undefined).map((w) => w.identifier), [], 'a refresh asked every row');
    });
  });

  it('refuses a file with a credential field, and keeps the user’s list', async () => {
    await writeWatchList({ identifiers: ['player123'] });
    await waitFor(async () => (await watchedIds()) === 'player123', 'a good file to show first');
    await writeWatchList({ identifiers: ['player123'], apiKey: 'pk_live_leaked' });
    await waitFor(async () => (await watchedIds()) === '', 'the bad file to be refused');
    assert.deepEqual((await plyrApi()).getTracked().map((t) => t.identifier), ['zero-hero']);
  });

  it('keeps the rows it last read while the file is no JSON (saved mid-edit, or mid-merge), and says so', async () => {
    const stillNoJson = async () => JSON.stringify((await plyrApi()).getSidebarRows()).includes('its rows are as last read until it is valid JSON again');
    for (const bad of ['{ "identifiers": [ "player123", ', '{\n<<<<<<< HEAD\n  "identifiers": ["player123"]\n=======\n  "identifiers": ["crypto-fennec"]\n>>>>>>> theirs\n}\n']) {
      await writeWatchList({ identifiers: ['player123'] });
      await waitFor(async () => (await watchedIds()) === 'player123' && !(await stillNoJson()), 'a good file to show first');
      await writeWatchList(bad);
      await waitFor(stillNoJson, 'the problem to show');
      assert.equal(await watchedIds(), 'player123', 'the rows as last read');
    }
    await writeWatchList({ identifiers: ['crypto-fennec'] });
    await waitFor(async () => (await watchedIds()) === 'crypto-fennec' && !(await stillNoJson()), 'the file valid again');
  });

  it('is checked against its JSON schema in the editor: an unknown field shows as a diagnostic', async () => {
    await writeWatchList('{\n  "identifiers": [\n    { "id": "player123", "colour": "red" }\n  ]\n}\n');
    const folder = vscode.workspace.workspaceFolders![0];
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, '.vscode', 'plyr.json'));
    await vscode.window.showTextDocument(document);
    // The JSON language server checks the file with the schema the manifest gives for **/.vscode/plyr.json.
    const diagnostics = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.length > 0 && found;
    }, 'the schema diagnostics', 30_000);
    const problem = diagnostics.find((d) => /colour/.test(d.message));
    assert.ok(problem, diagnostics.map((d) => d.message).join('\n'));
    assert.equal(problem.range.start.line, 2, 'on the line of the unknown field');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it("takes identifiers shared from the user's list (identifier and label only), and never rewrites a file it refuses", async () => {
    await deleteWatchList();
    await untrackAll();
    await vscode.commands.executeCommand('plyr.addIdentifier', 'player123', 'Test player');
    await vscode.commands.executeCommand('plyr.addIdentifier', TREASURY);
    await vscode.commands.executeCommand('plyr.notifyOnChange', 'player123');
    assert.deepEqual(await vscode.commands.executeCommand('plyr.shareToWorkspace', ['player123', TREASURY]), ['player123', TREASURY]);
    await waitFor(async () => (await watchedIds()) === `player123,${TREASURY}`, 'the shared identifiers in the Workspace group');
    assert.deepEqual(JSON.parse(await readWatchList()), { identifiers: [{ id: 'player123', label: 'Test player' }, TREASURY] }, 'no notify flag, no balances');
    assert.deepEqual(await vscode.commands.executeCommand('plyr.shareToWorkspace', 'player123'), [], 'already listed');

    await writeWatchList({ identifiers: ['crypto-fennec'], apiKey: 'leaked' });
    const before = await readWatchList();
    const error = await rejection(vscode.commands.executeCommand('plyr.shareToWorkspace', 'player123'));
    assert.equal(error.code, 'invalidFile');
    assert.match(error.message, /apiKey/);
    assert.equal(await readWatchList(), before, 'the file is left as it was');
    await untrackAll();
  });

  it('adds to the file open with unsaved edits as an edit there, left unsaved: the edits are kept, and its Undo takes the rows out', async () => {
    await deleteWatchList();
    await untrackAll();
    await writeWatchList({ identifiers: ['crypto-fennec'] });
    // The write seen first (VS Code's watcher reloading the document under the edit below lost it once in a full run).
    await waitFor(async () => (await watchedIds()) === 'crypto-fennec', 'the file to be read');
    await vscode.commands.executeCommand('plyr.addIdentifier', TREASURY);
    const folder = vscode.workspace.workspaceFolders![0];
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, '.vscode', 'plyr.json'));
    const editor = await vscode.window.showTextDocument(document);
    const ids = (text: string) => (JSON.parse(text) as { identifiers: unknown[] }).identifiers;
    try {
      // A teammate's row typed in, not saved yet.
      const edited = await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), JSON.stringify({ identifiers: ['crypto-fennec', 'zero-hero'] }, null, 2)));
      assert.ok(edited, 'the edit applied');
      assert.equal(document.isDirty, true);
      assert.deepEqual(await vscode.commands.executeCommand('plyr.shareToWorkspace', TREASURY), [TREASURY]);
      assert.deepEqual(ids(document.getText()), ['crypto-fennec', 'zero-hero', TREASURY], 'added after the unsaved row');
      assert.equal(document.isDirty, true, 'left unsaved');
      assert.deepEqual(ids(await readWatchList()), ['crypto-fennec'], 'nothing written behind the editor');
      await vscode.commands.executeCommand('undo');
      assert.deepEqual(ids(document.getText()), ['crypto-fennec', 'zero-hero'], "the editor's Undo takes the shared row out, and only it");
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await untrackAll();
    }
  });

  it('keeps the rows it last read, and says why, when the file is there but cannot be read; Share adds nothing to it', async () => {
    await writeWatchList({ identifiers: ['crypto-fennec'] });
    await waitFor(async () => (await watchedIds()) === 'crypto-fennec', 'a good file to show first');
    // A file that cannot be read: a folder in its place here (the tests run as root, whom no
    // permission stops); a lock or a permission in life.
    const folder = vscode.workspace.workspaceFolders![0];
    const file = vscode.Uri.joinPath(folder.uri, '.vscode', 'plyr.json');
    // In one go, as a lock would come: the watcher's reload must not see the file missing between.
    fs.unlinkSync(file.fsPath);
    fs.mkdirSync(file.fsPath);
    try {
      const problemShown = async () => JSON.stringify((await plyrApi()).getSidebarRows()).includes('could not be read');
      await waitFor(async () => (await watchedIds()) === 'crypto-fennec' && (await problemShown()), 'the rows as last read, and the problem');
      await vscode.commands.executeCommand('plyr.addIdentifier', 'player123');
      const error = await rejection(vscode.commands.executeCommand('plyr.shareToWorkspace', 'player123'));
      assert.equal(error.code, 'invalidFile');
      assert.match(error.message, /^\.vscode\/plyr\.json could not be read, so nothing was added to it: /);
      assert.equal((await vscode.workspace.fs.stat(file)).type, vscode.FileType.Directory, 'nothing was written in its place');
    } finally {
      await vscode.workspace.fs.delete(file, { recursive: true });
      await untrackAll();
    }
  });

  it("from the WorkspaceWatchList class itself (the workspace's trust stood in for): takes nothing of the file until the workspace is trusted, then all of it", async () => {
    await writeWatchList({ identifiers: ['player123', 'crypto-fennec'] });
    const granted = new vscode.EventEmitter<void>();
    const trust = { isTrusted: false, onDidGrant: granted.event };
    const list = new WorkspaceWatchList(silentLogger, trust);
    try {
      await list.reload();
      assert.equal(list.all.length, 0, 'nothing to look up with the user’s key');
      assert.deepEqual(list.problems, ['The identifiers .vscode/plyr.json lists (2) are looked up once you trust this workspace (Manage Workspace Trust).']);
      // The extension refreshes on this event (extension.ts): the rows do not wait for the next round.
      const loaded = new Promise<void>((resolve) => list.onDidLoadTrusted(() => resolve()));
      trust.isTrusted = true;
      granted.fire();
      await loaded;
      assert.deepEqual(list.all.map((e) => e.id), ['player123', 'crypto-fennec']);
      assert.deepEqual(list.problems, []);
    } finally {
      list.dispose();
      granted.dispose();
      await deleteWatchList();
    }
  });
});

