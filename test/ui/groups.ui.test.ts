import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { poll } from '../runners/poll';
import { openWorkbench, Workbench } from './workbench';

/** The sidebar as a person reads it: "Group Team" for a group, the identifier for a row. */
async function shownOrder(bench: Workbench): Promise<string[]> {
  return (await bench.sidebarRows()).map((label) => /^(Group [^,]+)/.exec(label)?.[1] ?? /PLYR ID ([\w-]+)/.exec(label)?.[1] ?? label);
}

describe('groups, drag and drop and sorting in the PLYR view, driven like a person', () => {
  let bench: Workbench;
  const row = (id: string) => bench.page.locator(`.part.sidebar .monaco-list-row[aria-label^="PLYR ID ${id},"]`);
  const groupRow = (name: string) => bench.page.locator(`.part.sidebar .monaco-list-row[aria-label^="Group ${name},"]`);
  const until = async (expected: string[], what: string) => {
    const order = await poll(() => shownOrder(bench), (shown) => JSON.stringify(shown) === JSON.stringify(expected), 15_000, 100);
    assert.deepEqual(order, expected, what);
  };

  before(async () => {
    bench = await openWorkbench({ env: { PLYR_API_KEY: DEMO_CREDENTIALS.apiKey, PLYR_SECRET_KEY: DEMO_CREDENTIALS.secretKey } });
    await bench.openPlyrView();
    for (const id of ['crypto-fennec', 'tester-01', 'player123', 'treasury-main']) {
      await bench.palette('PLYR: Add Identifier');
      await bench.enter(id, 'Add Identifier (1/2)');
      await bench.enter('', 'Add Identifier (2/2)');
      await bench.expectVisible(row(id), `row-${id}`);
    }
  });
  after(() => bench?.close());

  it('creates a group from the palette, and drags two rows into it', async () => {
    await bench.palette('PLYR: New Group');
    await bench.enter('Team', 'New Group');
    await bench.expectVisible(groupRow('Team'), 'group-team');
    await bench.expectVisible(bench.page.locator('.part.sidebar .monaco-list-row.focused.selected[aria-label^="Group Team,"]'), 'group-team-focused');
    await until(['Group Team', 'crypto-fennec', 'tester-01', 'player123', 'treasury-main'], 'the new group above the top level');
    // Select two rows, as a person does (click, Ctrl+click), and drag them onto the group.
    await row('tester-01').click();
    // The click opens the row too: once its rows show, nothing moves under the next click and the drag.
    await poll(() => shownOrder(bench), (shown) => shown.indexOf('player123') > shown.indexOf('tester-01') + 1, 15_000, 100);
    await row('player123').click({ modifiers: ['Control'] });
    await row('player123').dragTo(groupRow('Team'));
    await until(['Group Team', 'tester-01', 'player123', 'crypto-fennec', 'treasury-main'], 'both rows in the group, in their order');
    const labels = await bench.sidebarRows();
    assert.ok(labels.includes('Group Team, 2 identifiers'), labels.join('\n'));
    await bench.readmePicture('groups');
    // Move to Group on a row at the top level offers the groups and a new one, not where it is;
    // its icons are icons, not words a screen reader reads out ("folder Team").
    await bench.contextMenu(row('crypto-fennec'), 'Move to Group…');
    await bench.expectVisible(bench.page.locator('.quick-input-widget', { hasText: 'Move 1 identifier to…' }), 'move-to-group');
    const choices = await bench.page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    assert.deepEqual(choices, ['Team', 'New Group…']);
    await bench.page.keyboard.press('Escape');
  });

  it('sorts by the amount of a token from the view’s Sort button, and back to the manual order', async () => {
    // Two rows are still selected, one focused: VS Code 1.100 passes them to the button's command.
    await bench.page.locator('.part.sidebar .actions-container a.action-label[aria-label="Sort By…"]:visible').first().click();
    await bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'By amount of a token' }).click();
    await bench.enter('GAMR', 'Sort by the amount of which token?');
    // GAMR: player123 holds 9,007,199, tester-01 10; treasury-main 123,456,789,012,345, crypto-fennec 0.5.
    await until(['Group Team', 'player123', 'tester-01', 'treasury-main', 'crypto-fennec'], 'largest GAMR first, in the group and at the top level');
    // Said in words above the rows: the view is its container's only one, so VS Code shows no description beside its title.
    const sortLine = bench.page.locator('.part.sidebar .tree-explorer-viewlet-tree-view > .message', { hasText: 'Sorted by GAMR amount, largest first.' });
    await bench.expectVisible(sortLine, 'sorted-by-line');
    await bench.page.locator('.part.sidebar .actions-container a.action-label[aria-label="Sort By…"]:visible').first().click();
    await bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Manual order' }).click();
    await until(['Group Team', 'tester-01', 'player123', 'crypto-fennec', 'treasury-main'], 'the manual order as it was');
    await sortLine.waitFor({ state: 'hidden' });
  });

  it('runs a title bar button as from the palette while a row has focus (VS Code 1.100 passes the row to it)', async () => {
    await row('crypto-fennec').click(); // a click opens the row too: the Left key closes it, keeping the focus
    await bench.page.keyboard.press('ArrowLeft');
    await until(['Group Team', 'tester-01', 'player123', 'crypto-fennec', 'treasury-main'], 'the focused row closed again');
    await bench.page.locator('.part.sidebar .actions-container a.action-label[aria-label="Add Identifier"]:visible').first().click();
    await bench.expectVisible(bench.page.locator('.quick-input-widget', { hasText: 'Add Identifier (1/2)' }), 'title-bar-add');
    assert.equal(await bench.page.locator('.quick-input-widget .quick-input-box input').inputValue(), '');
    await bench.page.keyboard.press('Escape');
  });

  it('deletes the group from its menu, keeps its rows, and Undo puts it back', async () => {
    await bench.contextMenu(groupRow('Team'), 'Delete Group');
    const toast = bench.page.locator('.notification-toast', { hasText: 'Deleted the group Team' });
    await bench.expectVisible(toast, 'group-deleted');
    await until(['crypto-fennec', 'treasury-main', 'tester-01', 'player123'], 'its rows at the top level');
    await bench.answer(toast, 'Undo', 'group-undo');
    await until(['Group Team', 'tester-01', 'player123', 'crypto-fennec', 'treasury-main'], 'the group back, with its rows');
    // The keyboard goes on from the group back; waited for, or a key pressed next may land on it
    // (a loaded machine once gave the group the focus after the next test's click, and Delete deleted it).
    await bench.expectVisible(bench.page.locator('.part.sidebar .monaco-list-row.focused[aria-label^="Group Team,"]'), 'group-undo-focus');
  });

  it('works from the keyboard: Delete removes the focused row, F2 renames the focused group, Undo brings the row back into the renamed group', async () => {
    // The keyboard goes on from where it was, as in the Explorer: not from the top of the view.
    const focused = (label: string) => bench.page.locator(`.part.sidebar .monaco-list-row.focused[aria-label^="${label},"]`);
    await row('tester-01').click();
    await bench.page.keyboard.press('Delete');
    const toast = bench.page.locator('.notification-toast', { hasText: 'Removed tester-01' });
    await bench.expectVisible(toast, 'row-removed');
    await until(['Group Team', 'player123', 'crypto-fennec', 'treasury-main'], 'the row removed');
    await bench.expectVisible(focused('PLYR ID player123'), 'focus-on-next-row');
    await groupRow('Team').click();
    await bench.page.keyboard.press('F2');
    await bench.enter('Players', 'Rename Group Team');
    await bench.expectVisible(groupRow('Players'), 'group-renamed');
    await bench.expectVisible(focused('Group Players'), 'focus-on-renamed-group');
    await bench.answer(toast, 'Undo', 'row-undo');
    // In its place, in the group under its new name: no group named Team comes back.
    await until(['Group Players', 'tester-01', 'player123', 'crypto-fennec', 'treasury-main'], 'the row back in its place');
  });

  it("Delete and F2 act on the row with the focus, not on a selection the arrow keys have left (the Explorer's way)", async () => {
    await row('crypto-fennec').click(); // selects and opens it: the Left key closes it
    await bench.page.keyboard.press('ArrowLeft');
    await until(['Group Players', 'tester-01', 'player123', 'crypto-fennec', 'treasury-main'], 'the clicked row closed again');
    await bench.page.keyboard.press('ArrowDown'); // the focus on treasury-main; crypto-fennec stays selected
    await bench.page.keyboard.press('Delete');
    const toast = bench.page.locator('.notification-toast', { hasText: 'Removed treasury-main' });
    await bench.expectVisible(toast, 'focused-row-removed');
    await until(['Group Players', 'tester-01', 'player123', 'crypto-fennec'], 'the focused row removed, the selected one kept');
    await bench.answer(toast, 'Undo', 'focused-row-undo');
    await until(['Group Players', 'tester-01', 'player123', 'crypto-fennec', 'treasury-main'], 'the row back');
    await row('crypto-fennec').click();
    await bench.page.keyboard.press('ArrowLeft');
    await bench.page.keyboard.press('ArrowUp'); // the focus on player123
    await bench.page.keyboard.press('F2');
    await bench.expectVisible(bench.page.locator('.quick-input-widget', { hasText: 'Label for player123' }), 'focused-row-rename');
    await bench.page.keyboard.press('Escape');
    await bench.clearNotifications();
  });

  it('removes every selected row with one Delete, says so once, and one Undo puts them all back in their places', async () => {
    await row('tester-01').click();
    await row('crypto-fennec').click({ modifiers: ['Control'] });
    await bench.page.keyboard.press('Delete');
    const toast = bench.page.locator('.notification-toast', { hasText: 'Removed 2 identifiers' });
    await bench.expectVisible(toast, 'rows-removed');
    await until(['Group Players', 'player123', 'treasury-main'], 'both rows removed');
    assert.equal(await bench.page.locator('.notification-toast', { hasText: 'Removed' }).count(), 1, 'one message, not one per row');
    // The server fails by the time of the Undo: the rows come back with the balances they had.
    bench.sim.fault({ kind: 'status', status: 500 });
    try {
      await bench.answer(toast, 'Undo', 'rows-undo');
      await until(['Group Players', 'tester-01', 'player123', 'crypto-fennec', 'treasury-main'], 'both rows back in their places');
      await row('tester-01').click(); // opens it
      await bench.expectVisible(bench.page.locator('.part.sidebar .monaco-list-row[aria-label^="GAMR 10"]'), 'undo-kept-balances');
      await bench.page.keyboard.press('ArrowLeft');
    } finally {
      bench.sim.clearFaults();
    }
  });

  it('Delete on a group selected with all its rows removes the rows, then the emptied group, and Undo puts the rows back into it', async () => {
    await row('tester-01').click(); // opens it: the Left key closes it, keeping it selected
    await bench.page.keyboard.press('ArrowLeft');
    await until(['Group Players', 'tester-01', 'player123', 'crypto-fennec', 'treasury-main'], 'the clicked row closed again');
    await row('player123').click({ modifiers: ['Control'] });
    await groupRow('Players').click({ modifiers: ['Control'] });
    await bench.page.keyboard.press('Delete');
    const removed = bench.page.locator('.notification-toast', { hasText: 'Removed 2 identifiers' });
    await bench.expectVisible(removed, 'group-and-rows-removed');
    const deleted = bench.page.locator('.notification-toast', { hasText: 'Deleted the group Players' });
    await bench.expectVisible(deleted, 'emptied-group-deleted');
    assert.doesNotMatch(await deleted.innerText(), /top level/, 'no row was left at the top level');
    await until(['crypto-fennec', 'treasury-main'], 'the group and its rows gone');
    await bench.answer(removed, 'Undo', 'group-rows-undo');
    await until(['Group Players', 'tester-01', 'player123', 'crypto-fennec', 'treasury-main'], 'the rows back in their group');
    await bench.clearNotifications();
  });

  it('hides every amount under the privacy mask (the key chord), and says so in words to a screen reader', async () => {
    await row('player123').click();
    await bench.page.keyboard.press('ArrowRight');
    await bench.expectVisible(bench.page.locator('.part.sidebar .monaco-list-row[aria-label^="GAMR 9,007,199.254740993123456789"]'), 'gamr-row');
    await bench.page.keyboard.press('Control+Alt+P');
    await bench.page.keyboard.press('Control+Alt+M');
    await bench.expectVisible(bench.page.locator('.part.sidebar .monaco-list-row[aria-label="GAMR amount hidden"]'), 'gamr-hidden');
    const labels = await bench.sidebarRows();
    const tokenRows = labels.filter((label) => /^(PLYR|GAMR|AVAX|USDC|FLOKI) (?!ID )/.test(label));
    assert.equal(tokenRows.length, 5, labels.join('\n'));
    assert.ok(tokenRows.every((label) => / amount hidden$/.test(label)), tokenRows.join('\n'));
    await bench.clearNotifications();
    await bench.readmePicture('privacy-mask');
  });
});
