import * as vscode from 'vscode';
import { PlyrError, PlyrFix } from '../core/errors';
import { COMMANDS } from './ids';
import { Services } from './services';

// Looked up when shown, not at load: the translation may not be there yet.
const actionLabel = (fix: PlyrFix): string => {
  switch (fix) {
    case 'setCredentials':
      return vscode.l10n.t('Set API Credentials');
    case 'openSettings':
      return vscode.l10n.t('Open Settings');
    case 'showLog':
      return vscode.l10n.t('Show Log');
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
  const choice = await vscode.window.showErrorMessage(message, ...fixes.map(actionLabel));
  const fix = fixes.find((f) => actionLabel(f) === choice);
  if (fix) {
    await runFix(fix, services);
  }
}

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
  }
}
