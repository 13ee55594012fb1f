import * as vscode from 'vscode';
import { AccountLookup } from '../../core/store/accountLookup';
import { AddressHoverProvider, HoverServices } from './addressHoverProvider';
import { CheckBalanceCodeActionProvider } from './checkBalanceCodeAction';

/** Text documents the editor features work in: files on disk and untitled ones. */
const DOCUMENTS: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** The address hover and the light-bulb action; their commands live in commands/editor.ts. */
export function registerEditorFeatures(services: HoverServices, accounts: AccountLookup): vscode.Disposable[] {
  return [
    vscode.languages.registerHoverProvider(DOCUMENTS, new AddressHoverProvider(services, accounts)),
    vscode.languages.registerCodeActionsProvider(DOCUMENTS, new CheckBalanceCodeActionProvider(), { providedCodeActionKinds: CheckBalanceCodeActionProvider.kinds }),
  ];
}
