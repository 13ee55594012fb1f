import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Simulator } from '../../simulator/server';
import { BalancesDragAndDrop } from '../../src/vscode/views/tree/dragAndDrop';
import { BalanceNode } from '../../src/vscode/views/tree/nodes';
import { TrackedStore } from '../../src/vscode/state/trackedStore';
import { STATE_KEYS } from '../../src/vscode/ids';
import { TrackedList, updateEntry } from '../../src/core/model/trackedList';
import { MemoryState, plyrApi, rejection, startSuite, untrackAll, waitFor } from './helpers';

const run = <T = unknown>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);
/** The user's list as "id:group" in manual order. */
const layout = async () => (await plyrApi()).getTracked().map((t) => `${t.identifier}:${t.group ?? '-'}`);
const IDS = ['player123', 'crypto-fennec', 'zero-hero', 'tester-01'];

describe('groups and sorting of the user’s list', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSuite();
  });
  beforeEach(async () => {
    await untrackAll();
    await run('plyr.addIdentifier', IDS);
  });
  after(async () => {
    await untrackAll();
    await sim.close();
  });

  it('creates and renames groups, and refuses a duplicate or bad name with a specific message', async () => {
    assert.equal(await run('plyr.createGroup', '  Team   wallets '), 'Team wallets');
    assert.deepEqual((await plyrApi()).getGroups(), ['Team wallets']);
    for (const [name, pattern] of [
      ['team WALLETS', /There is a group named 'team WALLETS' already/],
      ['', /A group needs a name/],
      ['x'.repeat(61), /A group name has at most 60 characters; this one has 61/],
      ['evil\u202egroup', /A group name cannot contain/],
    ] as const) {
      const error = await rejection(run('plyr.createGroup', name));
      assert.equal(error.code, 'invalidGroup');
      assert.match(error.message, pattern);
    }
    assert.equal(await run('plyr.renameGroup', 'team wallets', 'Players'), 'Players', 'its new name');
    assert.deepEqual((await plyrApi()).getGroups(), ['Players']);
    // The only group is first and last: it stays, and the commands say it did not move.
    assert.deepEqual([await run('plyr.moveGroupUp', 'Players'), await run('plyr.moveGroupDown', 'Players')], [false, false]);
    assert.deepEqual((await plyrApi()).getGroups(), ['Players']);
    assert.match((await rejection(run('plyr.renameGroup', 'Nope', 'x'))).message, /There is no group named Nope/);
  });

  it('moves identifiers into a group and back, and Move Up/Down moves among the rows beside it', async () => {
    await run('plyr.createGroup', 'Team');
    await run('plyr.moveToGroup', ['crypto-fennec', 'tester-01'], 'Team');
    assert.deepEqual(await layout(), ['player123:-', 'zero-hero:-', 'crypto-fennec:Team', 'tester-01:Team']);
    assert.equal(await run('plyr.moveIdentifierUp', 'tester-01'), true, 'moved');
    assert.deepEqual(await layout(), ['player123:-', 'zero-hero:-', 'tester-01:Team', 'crypto-fennec:Team']);
    // First of its group: it stays, and the command says it did not move (the status bar says why).
    assert.equal(await run('plyr.moveIdentifierUp', 'tester-01'), false, 'not moved');
    assert.deepEqual(await layout(), ['player123:-', 'zero-hero:-', 'tester-01:Team', 'crypto-fennec:Team'], 'first of its group: stays');
    assert.equal(await run('plyr.moveIdentifierDown', 'crypto-fennec'), false, 'last of its group: not moved');
    await run('plyr.moveToGroup', 'tester-01', null);
    assert.deepEqual(await layout(), ['player123:-', 'zero-hero:-', 'crypto-fennec:Team', 'tester-01:-']);
    // A selection that holds the Workspace group's copy of a row too: the row moves, once.
    const mine = { type: 'identifier', id: 'tester-01', source: 'user' };
    await run('plyr.moveToGroup', mine, [mine, { ...mine, source: 'workspace' }], 'Team');
    assert.deepEqual(await layout(), ['player123:-', 'zero-hero:-', 'crypto-fennec:Team', 'tester-01:Team']);
    await run('plyr.moveToGroup', 'tester-01', null);
    assert.equal((await rejection(run('plyr.moveToGroup', 'tester-01', 'Nope'))).code, 'invalidGroup');
    assert.equal((await rejection(run('plyr.moveToGroup', '../x', 'Team'))).code, 'invalidIdentifier');
    assert.deepEqual(await layout(), ['player123:-', 'zero-hero:-', 'crypto-fennec:Team', 'tester-01:-'], 'refused moves change nothing');
  });

  it("a row's menu acts on every selected row when the clicked one is among them, else on the clicked one alone", async () => {
    const row = (id: string, source = 'user') => ({ type: 'identifier', id, source });
    const notifying = async () => (await plyrApi()).getTracked().filter((t) => t.notify).map((t) => t.identifier);
    const selection = [row('player123'), row('zero-hero'), row('tester-01', 'workspace')];
    await run('plyr.notifyOnChange', row('player123'), selection);
    assert.deepEqual(await notifying(), ['player123', 'zero-hero'], "the user's rows of the selection");
    await run('plyr.notifyOnChange', row('crypto-fennec'), selection);
    assert.deepEqual(await notifying(), ['player123', 'crypto-fennec', 'zero-hero'], 'clicked outside the selection: that row only');
    await run('plyr.stopNotifyOnChange', row('zero-hero'), selection);
    assert.deepEqual(await notifying(), ['crypto-fennec']);

    sim.reset();
    await run('plyr.refreshIdentifier', row('zero-hero'), [row('zero-hero'), row('tester-01'), { type: 'group', name: 'x', source: 'user' }]);
    assert.deepEqual(sim.requests.map((r) => r.path).sort(), ['/api/user/balance/tester-01', '/api/user/balance/zero-hero']);

    for (const name of ['One', 'Two', 'Three']) {
      await run('plyr.createGroup', name);
    }
    const group = (name: string) => ({ type: 'group', name, source: 'user' });
    await run('plyr.deleteGroup', group('One'), [group('One'), group('Two'), row('player123')]);
    assert.deepEqual((await plyrApi()).getGroups(), ['Three']);
  });

  it('deletes a group and keeps its identifiers, at the top level', async () => {
    await run('plyr.createGroup', 'Team');
    await run('plyr.moveToGroup', ['zero-hero', 'player123'], 'Team');
    await run('plyr.deleteGroup', 'Team');
    assert.deepEqual((await plyrApi()).getGroups(), []);
    assert.deepEqual(await layout(), ['crypto-fennec:-', 'tester-01:-', 'player123:-', 'zero-hero:-']);
  });

  it("Undo of a Delete selects and focuses what came back: the group, or the first of the rows, in the view", async () => {
    const api = await plyrApi();
    const selected = () => api.getSidebarSelection().join(', ');
    const window = vscode.window as { showInformationMessage: unknown };
    const { showInformationMessage } = window;
    // The notification answered with Undo, as its button clicked (or Enter on it) does.
    window.showInformationMessage = async (_message: string, ...actions: string[]) => actions.find((action) => action === 'Undo');
    try {
      await run('plyr.createGroup', 'QA');
      await run('plyr.moveToGroup', ['zero-hero'], 'QA');
      // Another row selected first: a selection of what comes back is the Undo's.
      assert.equal(await run('plyr.revealIdentifier', 'player123'), true);
      await waitFor(() => selected() === 'identifier:player123', () => `player123 selected, not ${selected()}`);
      await run('plyr.deleteGroup', 'QA');
      await waitFor(() => api.getGroups().includes('QA') && selected() === 'group:QA', () => `the group back and selected, not ${selected()}`);
      const row = (id: string) => ({ type: 'identifier', id, source: 'user' });
      await run('plyr.removeIdentifier', row('tester-01'), [row('tester-01'), row('crypto-fennec')]);
      await waitFor(() => api.getTracked().length === IDS.length && selected() === 'identifier:crypto-fennec', () => `the rows back, the first selected, not ${selected()}`);
    } finally {
      window.showInformationMessage = showInformationMessage;
    }
  });

  it('moves selected rows in the order the list shows them, whatever order they were clicked in', async () => {
    const row = (id: string) => ({ type: 'identifier', id, source: 'user' });
    await run('plyr.createGroup', 'Team');
    // Ctrl+click zero-hero, then crypto-fennec (listed above it): the selection holds them in click order.
    await run('plyr.moveToGroup', row('crypto-fennec'), [row('zero-hero'), row('crypto-fennec')], 'Team');
    assert.deepEqual(await layout(), ['player123:-', 'tester-01:-', 'crypto-fennec:Team', 'zero-hero:Team']);
    await run('plyr.moveToGroup', ['tester-01', 'player123'], 'Team');
    assert.deepEqual(await layout(), ['crypto-fennec:Team', 'zero-hero:Team', 'player123:Team', 'tester-01:Team'], 'at the group\'s end, in list order');
  });

  it('sorts by name and by amount without losing the manual order', async () => {
    const manual = await layout();
    const ours = new Set(manual.map((entry) => entry.split(':')[0]));
    // The order the view shows them in (its identifier rows, this test's only).
    const shown = async () =>
      (await plyrApi())
        .getSidebarRows()
        .map((r) => r.id.replace(/^identifier:/, ''))
        .filter((id) => ours.has(id));
    await waitFor(async () => (await plyrApi()).getTracked().every((t) => t.balances !== undefined), 'the balances');
    const order = await run<{ by: string; token?: string }>('plyr.sortBy', { by: 'amount', token: 'GAMR' });
    assert.deepEqual(order, { by: 'amount', token: 'gamr' });
    assert.deepEqual((await plyrApi()).sortOrder, { by: 'amount', token: 'gamr' });
    // The view renders the new order on its next frame.
    let last: string[] = [];
    const inOrder = (expected: string[]) => waitFor(async () => JSON.stringify((last = await shown())) === JSON.stringify(expected), () => `the rows in the order ${expected.join(', ')} (shown: ${last.join(', ')})`);
    await inOrder(['player123', 'tester-01', 'crypto-fennec', 'zero-hero']); // the most GAMR first
    await run('plyr.sortBy', 'name');
    await inOrder(['crypto-fennec', 'player123', 'tester-01', 'zero-hero']);
    assert.deepEqual(await layout(), manual, 'the API keeps the manual order whatever the view shows');
    await run('plyr.sortBy', 'manual');
    assert.deepEqual((await plyrApi()).sortOrder, { by: 'manual' });
    assert.equal((await rejection(run('plyr.sortBy', 'size'))).code, 'invalidToken');
    assert.deepEqual((await plyrApi()).sortOrder, { by: 'manual' }, 'a refused sort changes nothing');
  });

  describe('drag and drop, through the controller with a real DataTransfer', () => {
    let store: TrackedStore;
    let controller: BalancesDragAndDrop;
    const row = (id: string, source: 'user' | 'workspace' = 'user'): BalanceNode => ({ type: 'identifier', id, source });
    const group = (name: string): BalanceNode => ({ type: 'group', name, source: 'user' });
    const rows = () => store.all.map((t) => `${t.id}:${t.group ?? '-'}`);
    const drag = async (nodes: BalanceNode[], target: BalanceNode | undefined) => {
      const data = new vscode.DataTransfer();
      await controller.handleDrag?.(nodes, data);
      await controller.handleDrop?.(target, data);
    };

    beforeEach(async () => {
      store = new TrackedStore(new MemoryState());
      controller = new BalancesDragAndDrop(store);
      await store.update(() => IDS.map((id) => ({ id, kind: 'plyrId' as const })));
      await store.updateLayout((l) => ({ ...l, groups: ['Team', 'Ops'] }));
    });

    it('moves two identifiers into a group, before a row of it, and out to the top level', async () => {
      // Dragged in the order they were clicked: they land in list order.
      await drag([row('zero-hero'), row('player123')], group('Team'));
      assert.deepEqual(rows(), ['crypto-fennec:-', 'tester-01:-', 'player123:Team', 'zero-hero:Team']);
      await drag([row('tester-01')], row('player123'));
      assert.deepEqual(rows(), ['crypto-fennec:-', 'tester-01:Team', 'player123:Team', 'zero-hero:Team']);
      await drag([row('zero-hero')], undefined);
      assert.deepEqual(rows(), ['crypto-fennec:-', 'tester-01:Team', 'player123:Team', 'zero-hero:-']);
      await drag([{ type: 'token', id: 'crypto-fennec', source: 'user', token: 'gamr', amount: '1' }], group('Ops'));
      assert.deepEqual(rows(), ['crypto-fennec:-', 'tester-01:Team', 'player123:Team', 'zero-hero:-'], 'a token row is not dragged');
      // A row under a wallet of player123's account (its id the wallet's address): before player123.
      const wallet = { owner: 'player123', role: 'primary' as const };
      await drag([row('crypto-fennec')], { type: 'zeroBalances', id: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e', source: 'user', hidden: ['gamr'], wallet });
      assert.deepEqual(rows(), ['tester-01:Team', 'crypto-fennec:Team', 'player123:Team', 'zero-hero:-']);
      await drag([row('zero-hero')], { type: 'error', id: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e', source: 'user', wallet });
      assert.deepEqual(rows(), ['tester-01:Team', 'crypto-fennec:Team', 'zero-hero:Team', 'player123:Team']);
    });

    it('reorders groups, and takes nothing from or into the workspace’s read-only list', async () => {
      await drag([group('Ops')], group('Team'));
      assert.deepEqual(store.groups, ['Ops', 'Team']);
      await drag([row('player123', 'workspace')], group('Team'));
      await drag([row('player123')], row('zero-hero', 'workspace'));
      await drag([row('player123')], { type: 'workspaceGroup' });
      assert.deepEqual(rows(), IDS.map((id) => `${id}:-`));
    });

    it('checks what a drop carries: a foreign or malformed value moves nothing', async () => {
      const mime = controller.dropMimeTypes[0];
      for (const value of ['player123', 42, null, { ids: 'player123' }, { ids: [7, {}], groups: [null] }, { ids: ['nobody-here'] }]) {
        const data = new vscode.DataTransfer();
        data.set(mime, new vscode.DataTransferItem(value));
        await controller.handleDrop?.(group('Team'), data);
      }
      assert.deepEqual(rows(), IDS.map((id) => `${id}:-`));
      assert.deepEqual(store.groups, ['Team', 'Ops']);
    });
  });
});

describe('the user’s list as another window or Settings Sync writes it', () => {
  const shown = (list: unknown) => (list as TrackedList).map((t) => `${t.id}:${t.label ?? '-'}`);

  it('is what an edit here starts from: nothing the other window wrote is written away', async () => {
    const state = new MemoryState();
    const store = new TrackedStore(state);
    try {
      await store.update(() => [{ id: 'player123', kind: 'plyrId' }, { id: 'crypto-fennec', kind: 'plyrId' }]);
      // The other window labels crypto-fennec, adds tester-01 and a group; VS Code hands this
      // window's globalState the values it wrote.
      await state.update(STATE_KEYS.tracked, [{ id: 'player123', kind: 'plyrId' }, { id: 'crypto-fennec', kind: 'plyrId', label: 'Fennec' }, { id: 'tester-01', kind: 'plyrId' }]);
      await state.update(STATE_KEYS.groups, ['Team']);
      await store.update((list) => updateEntry(list, 'player123', { label: 'Me' }));
      assert.deepEqual(shown(store.all), ['player123:Me', 'crypto-fennec:Fennec', 'tester-01:-']);
      assert.deepEqual(shown(state.get(STATE_KEYS.tracked)), ['player123:Me', 'crypto-fennec:Fennec', 'tester-01:-']);
      assert.deepEqual(store.groups, ['Team']);
    } finally {
      store.dispose();
    }
  });

  it('shows when this window gets the focus, and an echo of this window’s own write is no news', async () => {
    const state = new MemoryState();
    const windowState = new vscode.EventEmitter<vscode.WindowState>();
    const store = new TrackedStore(state, windowState.event);
    let heard = 0;
    store.onDidChange(() => heard++);
    try {
      await store.updateLayout(() => ({ list: [{ id: 'player123', kind: 'plyrId', group: 'Team' }], groups: ['Team'] }));
      // An edit adds its fields last ("label" after "group"), where a read puts them in their order.
      await store.update((list) => updateEntry(list, 'player123', { label: 'Me' }));
      assert.equal(heard, 2);
      // VS Code replaces the value with a copy of the one written: the same rows.
      await state.update(STATE_KEYS.tracked, JSON.parse(JSON.stringify(state.get(STATE_KEYS.tracked))));
      await state.update(STATE_KEYS.groups, JSON.parse(JSON.stringify(state.get(STATE_KEYS.groups))));
      store.reload();
      assert.equal(heard, 2);
      await state.update(STATE_KEYS.tracked, [{ id: 'player123', kind: 'plyrId' }, { id: 'zero-hero', kind: 'plyrId' }]);
      windowState.fire({ focused: false, active: false });
      assert.equal(heard, 2, 'not while this window is in the background');
      windowState.fire({ focused: true, active: true });
      assert.equal(heard, 3, 'this window focused: the other window\'s rows show');
      assert.deepEqual(shown(store.all), ['player123:-', 'zero-hero:-']);
      assert.equal(store.find('zero-hero')?.id, 'zero-hero');
    } finally {
      store.dispose();
      windowState.dispose();
    }
  });
});
