import * as vscode from 'vscode';
import { PlyrError, PlyrFix } from '../core/errors';
import { COMMANDS } from './ids';
import { Services } from './services';

// Looked up when shown, not at load: the translation may not be there yet.
export const actionLabel = (fix: PlyrFix): string => {
  switch (fix) {
    case 'setCredentials':
      return vscode.l10n.t('Set API Credentials');
    case 'openSettings':
      return vscode.l10n.t('Open Settings');
    case 'showLog':
      return vscode.l10n.t('Show Log');
    case 'allowServer':
      return vscode.l10n.t('Allow Workspace Server');
  }
};

/**
 * One error notification with the action that fixes it (and the log). Cancellation is the user's
 * own doing and shows nothing.
 */
export async function showError(error: unknown, services: Services): Promise<void> {
  if (error instanceof PlyrError && error.code === 'cancelled') {
    return;
  }
  const message = error instanceof PlyrError ? error.message : vscode.l10n.t('Something went wrong. See the PLYR log for details.');
  services.logger.error(error instanceof PlyrError ? `${error.code}: ${error.message}` : String(error));
  const fixes: PlyrFix[] = error instanceof PlyrError && error.fix ? [error.fix] : [];
  if (!fixes.includes('showLog')) {
    fixes.push('showLog');
  }
  // Whatever went wrong on the way to the server, the doctor can say which part it was.
  const offerDoctor = !(error instanceof PlyrError && INPUT_ERRORS.has(error.code));
  const testConnection = vscode.l10n.t('Test Connection');
  const choice = await vscode.window.showErrorMessage(message, ...fixes.map(actionLabel), ...(offerDoctor ? [testConnection] : []));
  if (offerDoctor && choice === testConnection) {
    await vscode.commands.executeCommand(COMMANDS.testConnection);
    return;
  }
  const fix = fixes.find((f) => actionLabel(f) === choice);
  if (fix) {
    await runFix(fix, services);
  }
}

/** Errors in what the user typed: the connection is not the question. */
const INPUT_ERRORS = new Set<string>(['invalidIdentifier', 'invalidToken', 'invalidLabel', 'invalidFile', 'invalidGroup']);

export async function runFix(fix: PlyrFix, services: Services): Promise<void> {
  switch (fix) {
    case 'setCredentials':
      await vscode.commands.executeCommand(COMMANDS.setCredentials);
      return;
    case 'openSettings':
      await vscode.commands.executeCommand('workbench.action.openSettings', '@ext:plyr-tools.plyr-balance');
      return;
    case 'showLog':
      services.log.show(true);
      return;
    case 'allowServer':
      await vscode.commands.executeCommand(COMMANDS.allowWorkspaceServer);
      return;
  }
}
