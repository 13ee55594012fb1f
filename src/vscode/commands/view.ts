import * as vscode from 'vscode';
import { COMMANDS, VIEWS } from '../ids';
import { Services } from '../services';
import { Sidebar } from '../views/sidebar';
import { registerCommand } from './register';
import { BalanceNode } from '../views/tree/nodes';
import { workspaceRowsAreReadOnly } from './trackedArgument';

/**
 * Commands of the view itself: Delete and F2 act on the row with the focus, or on the selection
 * when that row is in it (as the Explorer does: the arrow keys move the focus, not the selection),
 * and Reveal.
 */
export function registerViewCommands(services: Pick<Services, 'logger'>, sidebar: Sidebar): vscode.Disposable[] {
  const rowsOf = (focused: unknown): readonly BalanceNode[] => {
    const selection = sidebar.view.selection;
    return isRow(focused) && !selection.includes(focused) ? [focused] : selection;
  };
  return [
    registerCommand(services, COMMANDS.removeSelected, async (focused?: unknown) => {
      const selection = rowsOf(focused);
      const groups = selection.filter((node) => node.type === 'group' && node.source === 'user');
      const identifiers = selection.filter((node) => node.type === 'identifier' && node.source === 'user');
      if (groups.length === 0 && identifiers.length === 0) {
        return workspaceRowsOnly(selection);
      }
      // The keyboard goes on from where the rows were, not from the top.
      const next = sidebar.rowAfter([...identifiers, ...groups]);
      // The rows first, while they are still in their groups: their Undo puts them back there, and
      // a group deleted with all its rows is said to be deleted, not to have left them at the top level.
      // As the context menu passes a selection (a row, then all of them): the rows in one message
      // and one Undo, each group in its own.
      if (identifiers.length > 0) {
        await vscode.commands.executeCommand(COMMANDS.removeIdentifier, identifiers[0], identifiers);
      }
      if (groups.length > 0) {
        await vscode.commands.executeCommand(COMMANDS.deleteGroup, groups[0], groups);
      }
      if (next) {
        await sidebar.focusRow(next);
      }
      return undefined;
    }),
    registerCommand(services, COMMANDS.renameSelected, async (focused?: unknown) => {
      const node = isRow(focused) ? focused : sidebar.view.selection[0];
      if (node?.type === 'group' && node.source === 'user') {
        // Renamed, the group is a new row: the focus goes to it, where the old one was.
        const renamed = await vscode.commands.executeCommand<string | undefined>(COMMANDS.renameGroup, node);
        const row = renamed !== undefined ? sidebar.groupFor(renamed) : undefined;
        if (row) {
          await sidebar.focusRow(row);
        }
      } else if (node?.type === 'identifier' && node.source === 'user') {
        await vscode.commands.executeCommand(COMMANDS.renameIdentifier, node);
      } else if (node) {
        return workspaceRowsOnly([node]);
      }
      return undefined;
    }),
    // Resolves whether a row was revealed: false when no list shows the identifier (the view opens anyway).
    registerCommand(services, COMMANDS.revealIdentifier, async (id?: unknown) => {
      await vscode.commands.executeCommand(`workbench.view.extension.${VIEWS.container}`);
      return typeof id === 'string' && (await sidebar.revealRow(id));
    }),
  ];
}

/**
 * The row the keybindings' argument stands for. The manifest gives Delete and F2 the argument
 * `{ "$treeViewId": "plyr.balances", "$focusedTreeItem": true }`, which VS Code's extension host
 * turns into the view's focused row (or null), as it does for a view's title actions (1.90 to
 * 1.100); the API has no other way to read the focus. Anything else (no focus, or a VS Code that
 * leaves the argument as it is) is no row, and the selection is used.
 */
function isRow(arg: unknown): arg is BalanceNode {
  return typeof arg === 'object' && arg !== null && 'type' in arg && !('$treeViewId' in arg);
}

/** Delete or F2 on rows that are not the user's own: say why nothing happened (and return what was said). */
function workspaceRowsOnly(selection: readonly BalanceNode[]): string | undefined {
  if (selection.some((node) => node.type === 'workspaceGroup' || ((node.type === 'identifier' || node.type === 'group') && node.source === 'workspace'))) {
    const message = workspaceRowsAreReadOnly();
    void vscode.window.showInformationMessage(message);
    return message;
  }
  return undefined;
}
