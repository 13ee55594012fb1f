import * as vscode from 'vscode';
import { PlyrError } from '../../core/model/errors';
import { explorerOf } from '../../core/api/networks';
import { inertLabel } from '../../core/model/safeText';
import { tokenLabel } from '../../core/content/shortNames';
import { COMMANDS } from '../ids';
import { readClientConfig } from '../settings';
import { identifierOf, TokenNode, WalletTokenNode } from '../views/tree/nodes';
import { checkBalanceInteractively, CheckBalanceServices } from './checkBalance';
import { identifierArgument } from './identifierArguments';
import { registerCommand } from './register';

/** Actions on a row: copy, open in the explorer, Check Balance for it. */
export function registerRowActions(services: CheckBalanceServices): vscode.Disposable[] {
  const identifier = (arg: unknown) => identifierArgument(identifierOf(arg));
  return [
    registerCommand(services, COMMANDS.copyIdentifier, async (arg?: unknown) => {
      const { value } = identifier(arg);
      await vscode.env.clipboard.writeText(value);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', value), 3000);
    }),
    // A token's row under an identifier or under one of its account's wallets.
    registerCommand(services, COMMANDS.copyAmount, async (node?: TokenNode | WalletTokenNode) => {
      if (node?.type !== 'token' && node?.type !== 'walletToken') {
        return;
      }
      // The real amount, also under the privacy mask: the user asked for it. The token's name is
      // the server's, and a status bar message renders `$(…)` as an icon.
      await vscode.env.clipboard.writeText(node.amount);
      vscode.window.setStatusBarMessage(services.privacy.on ? vscode.l10n.t('Copied the exact {0} amount', inertLabel(tokenLabel(node.token), 24)) : vscode.l10n.t('Copied {0}', node.amount), 3000);
    }),
    registerCommand(services, COMMANDS.openInExplorer, async (arg?: unknown) => {
      const id = identifier(arg);
      const { network, customBaseUrl } = readClientConfig();
      if (id.kind !== 'address') {
        throw new PlyrError('invalidIdentifier', vscode.l10n.t('Only wallet addresses can be opened in the explorer.'));
      }
      // A custom URL on an official server's origin has that network's explorer, as a transaction does.
      const explorer = explorerOf(network, customBaseUrl);
      if (explorer === undefined) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The custom network has no block explorer to open.'));
        return;
      }
      await vscode.env.openExternal(vscode.Uri.parse(`${explorer}/address/${id.value}`));
    }),
    registerCommand(services, COMMANDS.checkBalanceFor, (arg?: unknown) => checkBalanceInteractively(services, identifier(arg))),
  ];
}
