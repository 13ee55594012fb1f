import * as vscode from 'vscode';
import { AccountLookup, OWNER_MEMORY_MS } from '../../core/store/accountLookup';
import { PlyrError } from '../../core/model/errors';
import { parseIdentifier } from '../../core/model/identifier';
import { checkBalanceInteractively } from '../commands/checkBalance';
import { COMMANDS } from '../ids';
import { Services } from '../services';
import { AddressHoverProvider } from './addressHoverProvider';
import { CheckBalanceCodeActionProvider } from './checkBalanceCodeAction';

/** Text documents the editor features work in: files on disk and untitled ones. */
const DOCUMENTS: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** The address hover, its Refresh link, and Check Balance from the editor (menu and light bulb). */
export function registerEditorFeatures(services: Services, scope: () => string): vscode.Disposable[] {
  const accounts = new AccountLookup((address, signal) => services.client.getPlyrIdForAddress(address, signal), scope, { ownerMemoryMs: OWNER_MEMORY_MS });
  const address = (arg: unknown) => {
    const parsed = parseIdentifier(arg);
    if (!parsed.ok || parsed.value.kind !== 'address') {
      throw new PlyrError('invalidIdentifier', parsed.ok ? vscode.l10n.t('This command takes a wallet address.') : parsed.message);
    }
    return parsed.value;
  };
  return [
    vscode.languages.registerHoverProvider(DOCUMENTS, new AddressHoverProvider(services, accounts)),
    vscode.languages.registerCodeActionsProvider(DOCUMENTS, new CheckBalanceCodeActionProvider(), { providedCodeActionKinds: CheckBalanceCodeActionProvider.kinds }),
    vscode.commands.registerCommand(COMMANDS.refreshAddress, async (arg?: unknown) => {
      const identifier = address(arg);
      accounts.forget(identifier.value);
      // The owner is refreshed too; a failed owner look-up leaves the balances' refresh to report.
      await Promise.all([services.store.refresh(identifier), accounts.plyrIdOf(identifier.value, 0).catch(() => undefined)]);
      vscode.window.setStatusBarMessage(vscode.l10n.t('PLYR balances refreshed: hover again to see them.'), 3000);
    }),
    vscode.commands.registerCommand(COMMANDS.checkBalanceFromEditor, (text?: unknown) => checkBalanceInteractively(services, undefined, typeof text === 'string' ? text : undefined)),
  ];
}
