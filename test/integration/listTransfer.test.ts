import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ImportSummary, undoOfImport } from '../../src/vscode/commands/listTransfer';
import { mergeImported, parseImport } from '../../src/core/model/listTransfer';
import { removeEntries, updateEntry } from '../../src/core/model/trackedList';
import { TrackedStore } from '../../src/vscode/state/trackedStore';
import { MemoryState, plyrApi, rejection, untrackAll, waitFor } from './helpers';

const ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
const list = async () => (await plyrApi()).getTracked().map((t) => [t.identifier, t.label, t.notify ?? false, t.group]);
const groups = async () => (await plyrApi()).getGroups();

describe('export and import of the list', () => {
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-transfer-'));
    await untrackAll();
    // Offline on purpose: the list works without a server.
    await vscode.commands.executeCommand('plyr.addIdentifier', 'treasury-main', 'Treasury, main');
    await vscode.commands.executeCommand('plyr.addIdentifier', ADDRESS, '=Hot wallet');
    await vscode.commands.executeCommand('plyr.addIdentifier', 'player123');
    await vscode.commands.executeCommand('plyr.notifyOnChange', 'player123');
    await vscode.commands.executeCommand('plyr.createGroup', 'Empty');
    await vscode.commands.executeCommand('plyr.createGroup', 'Studio');
    await vscode.commands.executeCommand('plyr.moveToGroup', 'treasury-main', 'Studio');
  });
  after(async () => {
    await untrackAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const format of ['json', 'csv'] as const) {
    it(`gives back the same list through ${format.toUpperCase()}`, async () => {
      const before = await list();
      assert.deepEqual(before.at(-1), ['treasury-main', 'Treasury, main', false, 'Studio'], 'moved into its group: last in the manual order');
      const file = vscode.Uri.file(path.join(dir, `list.${format}`));
      assert.equal(await vscode.commands.executeCommand('plyr.exportIdentifiers', file), 3);
      await untrackAll();
      assert.deepEqual(await groups(), []);
      const summary = await vscode.commands.executeCommand<ImportSummary>('plyr.importIdentifiers', file);
      assert.deepEqual(summary, { added: 3, duplicates: 0, rejected: [], warnings: [], overLimit: 0 });
      // CSV carries identifiers, labels, token filters, "Notify on change" and groups; empty groups travel in JSON only.
      assert.deepEqual(await list(), before);
      assert.deepEqual(await groups(), format === 'json' ? ['Empty', 'Studio'] : ['Studio']);
      if (format === 'csv') {
        await vscode.commands.executeCommand('plyr.createGroup', 'Empty');
        await vscode.commands.executeCommand('plyr.moveGroupUp', 'Empty');
      }
    });
  }

  it('refuses hostile CSV rows one by one and keeps the list and the good rows', async () => {
    const file = path.join(dir, 'hostile.csv');
    fs.writeFileSync(file, ['identifier,label', 'crypto-fennec,Fox', '../../secrets,x', `${'a'.repeat(10_000)},long`, "=cmd|' /C calc'!A0,formula", 'player123,again'].join('\n'));
    const before = await list();
    const summary = await vscode.commands.executeCommand<ImportSummary>('plyr.importIdentifiers', vscode.Uri.file(file));
    assert.equal(summary.added, 1);
    assert.equal(summary.duplicates, 1);
    assert.deepEqual(summary.rejected.map((r) => r.row), [3, 4, 5]);
    assert.deepEqual(await list(), [...before, ['crypto-fennec', 'Fox', false, undefined]]);
  });

  it("lists the refused and doubtful rows, by row, behind the notification's button", async () => {
    const file = path.join(dir, 'refused.csv');
    const typo = ADDRESS.replace('Cc', 'cC');
    fs.writeFileSync(file, ['identifier,label', 'zero-hero,Zero', 'bad id!,x', `${typo},Typo`, '$(alert),icon'].join('\n'));
    // The notification answered with its last button, and the list it opens read: the same window the extension calls.
    const window = vscode.window as { showWarningMessage: unknown; showQuickPick: unknown };
    const { showWarningMessage, showQuickPick } = window;
    let buttons: string[] = [];
    let shown: vscode.QuickPickItem[] | undefined;
    window.showWarningMessage = async (_message: string, ...actions: string[]) => ((buttons = actions), actions.at(-1));
    window.showQuickPick = async (items: vscode.QuickPickItem[]) => ((shown = items), undefined);
    try {
      await vscode.commands.executeCommand<ImportSummary>('plyr.importIdentifiers', vscode.Uri.file(file));
      const items = await waitFor(() => shown, 'the list of rows');
      assert.deepEqual(buttons, ['Undo', 'Show Refused Rows']);
      assert.deepEqual(items.map((i) => [i.label, i.description]), [
        ['Row 3', 'bad id!'],
        ['Row 4', typo],
        // The file's text as typed, no icon.
        ['Row 5', '$\u200b(alert)'],
        ['$(output) Show PLYR Log', undefined],
      ]);
      assert.match(items[0].detail ?? '', /^Refused: /);
      assert.match(items[1].detail ?? '', /^May hold a typo: .*checksum/);
    } finally {
      Object.assign(window, { showWarningMessage, showQuickPick });
      await untrackAll();
    }
  });

  it('takes an absolute path as well as a URI, and refuses anything else with the typed error', async () => {
    const file = path.join(dir, 'by-path.json');
    assert.equal(await vscode.commands.executeCommand('plyr.exportIdentifiers', file), (await list()).length);
    const summary = await vscode.commands.executeCommand<ImportSummary>('plyr.importIdentifiers', file);
    assert.equal(summary.added, 0);
    assert.equal(summary.duplicates, (await list()).length, 'every row listed already');
    for (const bad of ['list.json', 42]) {
      const error = await rejection(vscode.commands.executeCommand('plyr.importIdentifiers', bad));
      assert.equal(error.code, 'invalidFile', String(bad));
      assert.match(error.message, /URI or an absolute path/);
    }
  });

  it('fails a file that is not a list as a whole, saying why, and changes nothing', async () => {
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{ "identifiers": [ "zero-hero", ] }');
    const before = await list();
    const error = await rejection(vscode.commands.executeCommand('plyr.importIdentifiers', vscode.Uri.file(file)));
    assert.equal(error.code, 'invalidFile');
    assert.match(error.message, /^The file is not valid JSON( \(line \d+, column \d+\))?: nothing was imported\.$/, 'where, never what the file holds');
    assert.deepEqual(await list(), before);
  });

  it('refuses a file that is neither JSON nor CSV, naming it', async () => {
    const file = path.join(dir, 'list.txt');
    fs.writeFileSync(file, 'player123');
    const error = await rejection(vscode.commands.executeCommand('plyr.importIdentifiers', vscode.Uri.file(file)));
    assert.equal(error.code, 'invalidFile');
    assert.match(error.message, /list\.txt/);
  });
});

// The command's own Undo, clicked, is in test/ui/watch.ui.test.ts; here its function over a store of its own.
describe('undoOfImport, over a TrackedStore', () => {
  const ids = (store: TrackedStore) => store.all.map((t) => t.id);

  it('takes back the rows it added, edited or not, but not one removed and added again since, nor what was there before', async () => {
    // The extension's own store and Undo, over a globalState of its own.
    const store = new TrackedStore(new MemoryState());
    try {
      await store.update(() => [{ id: 'player123', kind: 'plyrId' }]);
      const parsed = parseImport(JSON.stringify(['crypto-fennec', 'tester-01', 'zero-hero', 'player123']), 'json');
      let added: readonly string[] = [];
      await store.updateLayout((layout) => {
        const merged = mergeImported(layout, parsed);
        added = merged.added;
        return merged.layout;
      });
      const undo = undoOfImport(store, added, []);
      assert.deepEqual(ids(store), ['player123', 'crypto-fennec', 'tester-01', 'zero-hero']);
      // Meanwhile: tester-01 removed and added again by hand, zero-hero labelled.
      await store.update((list) => removeEntries(list, ['tester-01']).list);
      await store.update((list) => [...list, { id: 'tester-01', kind: 'plyrId' }]);
      await store.update((list) => updateEntry(list, 'zero-hero', { label: 'Zero' }));
      await undo();
      assert.deepEqual(ids(store), ['player123', 'tester-01']);
    } finally {
      store.dispose();
    }
  });
});
