import * as vscode from 'vscode';
import { PlyrFix } from '../../core/model/errors';
import { COMMANDS } from '../ids';

/**
 * The one table of fixes: what each is called on a button or a row, and the command that runs it.
 * The error presenter's buttons, the tree's error rows and Test Connection all read it.
 */
export function fixCommand(fix: PlyrFix): vscode.Command {
  // Titles are looked up when shown, not at load: the translation may not be there yet.
  switch (fix) {
    case 'setCredentials':
      return { title: vscode.l10n.t('Set API Credentials'), command: COMMANDS.setCredentials };
    case 'readCredentialsAgain':
      return { title: vscode.l10n.t('Read API Credentials Again'), command: COMMANDS.readCredentialsAgain };
    case 'openSettings':
      return { title: vscode.l10n.t('Open Settings'), command: 'workbench.action.openSettings', arguments: ['@ext:plyr-tools.plyr-balance'] };
    case 'showLog':
      return { title: vscode.l10n.t('Show Log'), command: COMMANDS.showLog };
    case 'allowServer':
      return { title: vscode.l10n.t('Allow Workspace Server'), command: COMMANDS.allowWorkspaceServer };
  }
}

/** Runs a fix as its button would. */
export async function runFix(fix: PlyrFix): Promise<void> {
  const { command, arguments: args = [] } = fixCommand(fix);
  await vscode.commands.executeCommand(command, ...args);
}
