import * as vscode from 'vscode';
import { AccountLookup } from '../../core/store/accountLookup';
import { SettingsEvents } from '../settings';
import { AddressHoverProvider, HoverServices } from './addressHoverProvider';
import { CheckBalanceCodeActionProvider } from './checkBalanceCodeAction';
import { ChecksumCodeActionProvider } from './checksumCodeActions';
import { ChecksumDiagnostics } from './checksumDiagnostics';

/** Text documents the editor features work in: files on disk and untitled ones. */
const DOCUMENTS: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/**
 * The address hover, the light-bulb action, and the checksum diagnostics with their quick fixes;
 * their commands live in commands/editor.ts.
 */
export function registerEditorFeatures(services: HoverServices & { readonly settings: Pick<SettingsEvents, 'onDidChange'> }, accounts: AccountLookup): vscode.Disposable[] {
  const checksums = new ChecksumDiagnostics(DOCUMENTS, services.settings.onDidChange);
  return [
    vscode.languages.registerHoverProvider(DOCUMENTS, new AddressHoverProvider(services, accounts)),
    vscode.languages.registerCodeActionsProvider(DOCUMENTS, new CheckBalanceCodeActionProvider(), { providedCodeActionKinds: CheckBalanceCodeActionProvider.kinds }),
    checksums,
    vscode.languages.registerCodeActionsProvider(DOCUMENTS, new ChecksumCodeActionProvider(checksums), { providedCodeActionKinds: ChecksumCodeActionProvider.kinds }),
  ];
}
