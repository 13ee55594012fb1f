import * as vscode from 'vscode';
import { explorerOf, transactionUrl } from '../../core/api/networks';
import { PlyrError } from '../../core/model/errors';
import { isTransactionHash, parseTransactionHash } from '../../core/model/transactionHash';
import { COMMANDS } from '../ids';
import { Services } from '../services';
import { readClientConfig } from '../settings';
import { isActivityRow, isShownRow } from '../views/tree/nodes';
import { registerCommand } from './register';

/**
 * An activity entry's transaction: Open Transaction in Explorer and Copy Transaction Hash. Each
 * takes an activity row (its menu) or a hash as text (automation, Why?'s list); from the palette
 * Open asks for the hash.
 */
export function registerActivityCommands(services: Pick<Services, 'logger'>): vscode.Disposable[] {
  return [registerCommand(services, COMMANDS.openTransaction, (arg?: unknown) => openTransaction(arg, arg === undefined || isShownRow(arg))), registerCommand(services, COMMANDS.copyHash, (arg?: unknown) => copyHash(arg))];
}

/**
 * Opens `{explorer}/tx/{hash}` (EIP-3091) on the explorer of the network in use and returns that
 * URL. A hash that is not 0x and 64 hex digits is refused before anything opens; on a network
 * whose explorer is not known a person (`byPerson`) is told so, automation gets the typed error.
 */
export async function openTransaction(arg: unknown, byPerson: boolean): Promise<string | undefined> {
  const given = arg === undefined ? undefined : hashOf(arg);
  const config = readClientConfig();
  const explorer = explorerOf(config.network, config.customBaseUrl);
  if (explorer === undefined) {
    const message = vscode.l10n.t('The custom network has no known block explorer to open a transaction in.');
    if (!byPerson) {
      throw new PlyrError('unsupported', message);
    }
    await offerCopy(message, given);
    return undefined;
  }
  const hash = given ?? (await askHash());
  if (hash === undefined) {
    return undefined;
  }
  const url = transactionUrl(explorer, hash);
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
  return url;
}

/** Copies an entry's transaction hash; returns it. */
export async function copyHash(arg: unknown): Promise<string | undefined> {
  if (arg === undefined) {
    return undefined; // no row: nothing to copy (the palette does not list it)
  }
  const hash = hashOf(arg);
  await vscode.env.clipboard.writeText(hash);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the transaction hash'), 3000);
  return hash;
}

/** The hash an activity row carries, or a hash given as text (lower case); else the typed error. */
function hashOf(arg: unknown): string {
  if (isActivityRow(arg)) {
    if (!isTransactionHash(arg.entry.txHash)) {
      throw new PlyrError('invalidHash', vscode.l10n.t('This activity entry has no transaction.'));
    }
    return arg.entry.txHash.toLowerCase();
  }
  const parsed = parseTransactionHash(arg);
  if (!parsed.ok) {
    throw new PlyrError('invalidHash', parsed.message);
  }
  return parsed.value;
}

/** No explorer to open: say so, and offer the hash (when there is one) to paste elsewhere. */
async function offerCopy(message: string, hash: string | undefined): Promise<void> {
  const copy = vscode.l10n.t('Copy Hash');
  const choice = await vscode.window.showInformationMessage(message, ...(hash === undefined ? [] : [copy]));
  if (choice === copy && hash !== undefined) {
    await copyHash(hash);
  }
}

/** The palette's question, prefilled with the editor's selection when that is a hash. */
async function askHash(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor?.document.getText(editor.selection).trim();
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('PLYR: Open Transaction in Explorer'),
    prompt: vscode.l10n.t('A transaction hash: 0x followed by 64 hex digits'),
    placeHolder: '0x…',
    value: isTransactionHash(selected) ? selected : undefined,
    ignoreFocusOut: true,
    // Nothing typed yet is no mistake: the prompt says what to enter.
    validateInput: (value) => {
      const parsed = parseTransactionHash(value);
      return value.trim() === '' || parsed.ok ? undefined : parsed.message;
    },
  });
  const parsed = text === undefined || text.trim() === '' ? undefined : parseTransactionHash(text);
  return parsed?.ok ? parsed.value : undefined;
}
