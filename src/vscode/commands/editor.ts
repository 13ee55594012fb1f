import * as vscode from 'vscode';
import { PlyrError } from '../../core/model/errors';
import { AccountLookup } from '../../core/store/accountLookup';
import { COMMANDS } from '../ids';
import { checkBalanceInteractively, CheckBalanceServices } from './checkBalance';
import { addressArgument } from './identifierArguments';
import { registerCommand } from './register';

/** The hover's Refresh link, Check Balance from the editor (menu and light bulb), and an inlay hint's offer to track. */
export function registerEditorCommands(services: CheckBalanceServices, accounts: AccountLookup): vscode.Disposable[] {
  return [
    registerCommand(services, COMMANDS.refreshAddress, async (arg?: unknown) => {
      const identifier = addressArgument(arg);
      accounts.forget(identifier.value);
      const startedAt = Date.now();
      // The owner is refreshed too; a failed owner look-up leaves the balances' refresh to report.
      const [entry] = await Promise.all([services.store.refresh(identifier), accounts.plyrIdOf(identifier.value, 0).catch(() => undefined)]);
      // The store keeps a failure beside the last good balances rather than throwing it: told here.
      if (entry.error && entry.error.at >= startedAt) {
        throw new PlyrError(entry.error.code, entry.error.message, { fix: entry.error.fix });
      }
      vscode.window.setStatusBarMessage(vscode.l10n.t('PLYR balances refreshed: hover again to see them.'), 3000);
    }),
    registerCommand(services, COMMANDS.checkBalanceFromEditor, (text?: unknown) => checkBalanceInteractively(services, undefined, typeof text === 'string' ? text : undefined)),
    // A hint is clicked on the way to the code around it: tracking waits for a yes.
    registerCommand(services, COMMANDS.offerToTrack, async (arg?: unknown) => {
      const identifier = addressArgument(arg);
      const track = vscode.l10n.t('Track');
      if ((await vscode.window.showInformationMessage(vscode.l10n.t('Track {0} in the PLYR view?', identifier.value), track)) === track) {
        await vscode.commands.executeCommand(COMMANDS.addIdentifier, identifier.value);
      }
    }),
  ];
}
