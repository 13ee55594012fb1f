import * as vscode from 'vscode';
import { COMMANDS, VIEWS } from '../ids';
import { Services } from '../services';
import { Sidebar } from '../views/sidebar';
import { registerCommand } from './register';

/** Commands of the view itself: Delete and F2 act on its selection (a key passes no row), and Reveal. */
export function registerViewCommands(services: Pick<Services, 'logger'>, sidebar: Sidebar): vscode.Disposable[] {
  return [
    registerCommand(services, COMMANDS.removeSelected, async () => {
      for (const node of sidebar.view.selection) {
        if (node.type === 'group' && node.source === 'user') {
          await vscode.commands.executeCommand(COMMANDS.deleteGroup, node);
        } else if (node.type === 'identifier' && node.source === 'user') {
          await vscode.commands.executeCommand(COMMANDS.removeIdentifier, node);
        }
      }
    }),
    registerCommand(services, COMMANDS.renameSelected, async () => {
      const node = sidebar.view.selection[0];
      if (node?.type === 'group' && node.source === 'user') {
        await vscode.commands.executeCommand(COMMANDS.renameGroup, node);
      } else if (node?.type === 'identifier' && node.source === 'user') {
        await vscode.commands.executeCommand(COMMANDS.renameIdentifier, node);
      }
    }),
    registerCommand(services, COMMANDS.revealIdentifier, async (id?: unknown) => {
      await vscode.commands.executeCommand(`workbench.view.extension.${VIEWS.container}`);
      if (typeof id === 'string') {
        await sidebar.revealRow(id);
      }
    }),
  ];
}
