import * as vscode from 'vscode';
import { COMMANDS, CONTEXT_KEYS, STATE_KEYS } from '../ids';
import { StoredChoice } from './storedChoice';

/**
 * The privacy mask: every amount shows as ••• (token names and identifiers stay), for streaming,
 * pairing and presenting. Kept per machine (globalState, not synced: another screen, another
 * choice) and exposed as a context key for the view's button.
 */
export class PrivacyMask extends StoredChoice<boolean> {
  constructor(state: vscode.Memento) {
    super(state, STATE_KEYS.privacyMask, (stored) => stored === true, CONTEXT_KEYS.privacyMask);
  }

  get on(): boolean {
    return this.value;
  }
}

/** Toggle (palette, key chord) and the view's two buttons; each returns the new state. */
export function registerPrivacyCommands(mask: PrivacyMask): vscode.Disposable[] {
  const set = async (on: boolean): Promise<boolean> => {
    await mask.set(on);
    vscode.window.setStatusBarMessage(on ? vscode.l10n.t('PLYR privacy mask on: amounts are hidden') : vscode.l10n.t('PLYR privacy mask off: amounts are shown'), 3000);
    return on;
  };
  return [
    vscode.commands.registerCommand(COMMANDS.togglePrivacy, () => set(!mask.on)),
    vscode.commands.registerCommand(COMMANDS.hideAmounts, () => set(true)),
    vscode.commands.registerCommand(COMMANDS.showAmounts, () => set(false)),
  ];
}
