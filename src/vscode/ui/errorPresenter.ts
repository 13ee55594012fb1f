import * as vscode from 'vscode';
import { PlyrError, PlyrFix } from '../../core/model/errors';
import { fixCommand, runFix } from './fixes';
import { COMMANDS } from '../ids';
import { Logger } from '../../core/api/logger';

/**
 * What a notification's button starts (an Undo) runs after its command settled, outside the
 * command's error path: its failure is shown and logged here, not left unhandled and unseen.
 */
export function onChoice<T>(shown: Thenable<T | undefined>, act: (choice: T | undefined) => unknown, services: { readonly logger: Logger }): void {
  void Promise.resolve(shown)
    .then(act)
    .then(undefined, (error: unknown) => showError(error, services));
}

/** A fix's button label (from the one fix table). */
export const actionLabel = (fix: PlyrFix): string => fixCommand(fix).title;

/**
 * One error notification with the action that fixes it (and the log). Cancellation is the user's
 * own doing and shows nothing.
 */
export async function showError(error: unknown, services: { readonly logger: Logger }): Promise<void> {
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
    await runFix(fix);
  }
}

/**
 * Errors in what the user typed, and the server's own answers about it (no such account, not an
 * address): the connection is not the question.
 */
const INPUT_ERRORS = new Set<string>(['invalidIdentifier', 'invalidToken', 'invalidLabel', 'invalidFile', 'invalidGroup', 'invalidHash', 'userNotFound', 'invalidAddress']);
