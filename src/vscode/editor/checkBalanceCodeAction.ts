import * as vscode from 'vscode';
import { addressAt } from '../../core/model/addressScan';
import { shortAddress } from '../../core/content/shortNames';
import { COMMANDS, gestureArgs } from '../ids';
import { inAddressLanguages, SettingsEvents } from '../settings';
import { MAX_HOVER_LINE } from './addressHoverProvider';

/** A light-bulb action on an address: open Check Balance with it filled in (in the hover's languages). */
export class CheckBalanceCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.Empty];

  readonly #settings: Pick<SettingsEvents, 'hover'>;

  constructor(settings: Pick<SettingsEvents, 'hover'>) {
    this.#settings = settings;
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: Pick<vscode.CodeActionContext, 'only'>): vscode.CodeAction[] {
    // Asked for quick fixes only (the Problems panel, Ctrl+. on a diagnostic): VS Code would drop
    // this action, and log a warning each time, so it is not made.
    if (context.only && !context.only.contains(vscode.CodeActionKind.Empty)) {
      return [];
    }
    if (!inAddressLanguages(document.languageId, this.#settings.hover())) {
      return [];
    }
    const line = document.lineAt(range.start.line);
    if (line.range.end.character > MAX_HOVER_LINE) {
      return [];
    }
    const found = addressAt(line.text, range.start.character);
    if (!found) {
      return [];
    }
    const action = new vscode.CodeAction(vscode.l10n.t('Check PLYR balance of {0}', shortAddress(found.text)), vscode.CodeActionKind.Empty);
    action.command = { title: vscode.l10n.t('Check Balance'), command: COMMANDS.checkBalanceFromEditor, arguments: gestureArgs(found.text) };
    return [action];
  }
}
