import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, ROW_CONTEXT } from '../../src/vscode/ids';

// This file runs from out/test/unit/; the repository root is three levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { menus: { 'view/item/context': { command: string; when: string; group?: string }[] } };
};

/**
 * A `when` clause of a row's menu item, for a row of `contextValue`: its `viewItem` terms decide;
 * the others (the view, the sort order, an open folder) are taken as holding. Only `&&` is used.
 */
function shows(when: string, contextValue: string): boolean {
  assert.doesNotMatch(when, /\|\||!(?!=)|viewItem !=/, `a clause this test cannot read: ${when}`);
  return when.split('&&').every((term) => {
    const equal = /^\s*viewItem == (\S+)\s*$/.exec(term);
    const matches = /^\s*viewItem =~ \/(.+)\/\s*$/.exec(term);
    return equal ? equal[1] === contextValue : matches ? new RegExp(matches[1]).test(contextValue) : true;
  });
}

/** The commands a row's context menu and inline buttons offer (or only its inline buttons, or only its menu). */
function offered(contextValue: string, where: 'both' | 'inline' | 'menu' = 'both'): string[] {
  // An inline button's group is `inline`, or `inline@N` for its place among the buttons.
  const placed = (item: { group?: string }) => where === 'both' || ((item.group ?? '').split('@')[0] === 'inline') === (where === 'inline');
  const items = manifest.contributes.menus['view/item/context'].filter((item) => placed(item) && shows(item.when, contextValue));
  return [...new Set(items.map((item) => item.command))].sort();
}

const C = COMMANDS;
const { notifyingSuffix: NOTIFYING, ownedSuffix: OWNED } = ROW_CONTEXT;
const OWN_ROW = [C.refreshIdentifier, C.removeIdentifier, C.checkBalanceFor, C.filterTokens, C.copyIdentifier, C.renameIdentifier, C.shareToWorkspace, C.moveIdentifierUp, C.moveIdentifierDown, C.moveToGroup];
const WATCHED_ROW = [C.refreshIdentifier, C.checkBalanceFor, C.copyIdentifier];

/** Every contextValue the tree gives a row (balancesTreeProvider.ts, accountRows.ts), and what it must offer. */
const EXPECTED: Record<string, string[]> = {
  [ROW_CONTEXT.plyrId]: [...OWN_ROW, C.notifyOnChange],
  [ROW_CONTEXT.plyrId + NOTIFYING]: [...OWN_ROW, C.stopNotifyOnChange],
  [ROW_CONTEXT.address]: [...OWN_ROW, C.openInExplorer, C.notifyOnChange],
  [ROW_CONTEXT.address + NOTIFYING]: [...OWN_ROW, C.openInExplorer, C.stopNotifyOnChange],
  // Its owner known (a hover, a hint, Track Wallet): Track Its PLYR ID, beside everything else.
  [ROW_CONTEXT.address + OWNED]: [...OWN_ROW, C.openInExplorer, C.notifyOnChange, C.trackOwner],
  [ROW_CONTEXT.address + NOTIFYING + OWNED]: [...OWN_ROW, C.openInExplorer, C.stopNotifyOnChange, C.trackOwner],
  [ROW_CONTEXT.watchedPlyrId]: WATCHED_ROW,
  [ROW_CONTEXT.watchedAddress]: [...WATCHED_ROW, C.openInExplorer],
  [ROW_CONTEXT.watchedAddress + OWNED]: [...WATCHED_ROW, C.openInExplorer, C.trackOwner],
  [ROW_CONTEXT.group]: [C.renameGroup, C.moveGroupUp, C.moveGroupDown, C.deleteGroup],
  [ROW_CONTEXT.watchedGroup]: [],
  [ROW_CONTEXT.workspaceGroup]: [],
  [ROW_CONTEXT.problem]: [],
  [ROW_CONTEXT.error]: [],
  [ROW_CONTEXT.token]: [C.copyAmount],
  [ROW_CONTEXT.tokenChanged]: [C.copyAmount, C.whyChanged],
  [ROW_CONTEXT.section]: [],
  [ROW_CONTEXT.sectionError]: [C.refreshSection],
  [ROW_CONTEXT.emptySection]: [],
  [ROW_CONTEXT.chip]: [],
  [ROW_CONTEXT.allowance]: [],
  [ROW_CONTEXT.activity]: [],
  [ROW_CONTEXT.activityTx]: [C.openTransaction, C.copyHash],
  [ROW_CONTEXT.loadMore]: [C.loadMoreActivity],
  [ROW_CONTEXT.hiddenTokens]: [C.filterTokens],
  // Enter opens the setting; the menu has nothing to add.
  [ROW_CONTEXT.zeroBalances]: [],
  [ROW_CONTEXT.wallet]: [C.trackWallet, C.copyIdentifier, C.openInExplorer],
  [ROW_CONTEXT.walletToken]: [C.copyAmount],
};

describe("rows' menus (the manifest's when clauses against the tree's context values)", () => {
  for (const [contextValue, commands] of Object.entries(EXPECTED)) {
    it(`${contextValue} offers ${commands.length === 0 ? 'nothing' : commands.join(', ')}`, () => {
      assert.deepEqual(offered(contextValue), [...commands].sort());
    });
  }

  it('puts every inline button in the same row\'s context menu too: Shift+F10 reaches what the mouse does', () => {
    for (const contextValue of Object.keys(EXPECTED)) {
      const menu = offered(contextValue, 'menu');
      assert.deepEqual(offered(contextValue, 'inline').filter((command) => !menu.includes(command)), [], contextValue);
    }
  });

  it('covers every row kind the tree names', () => {
    const bases = Object.entries(ROW_CONTEXT)
      .filter(([key]) => !key.endsWith('Suffix'))
      .map(([, value]) => value);
    assert.deepEqual(bases.filter((value) => !(value in EXPECTED)), []);
  });
});
