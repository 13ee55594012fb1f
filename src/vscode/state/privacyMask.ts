import * as vscode from 'vscode';
import { CONTEXT_KEYS, STATE_KEYS } from '../ids';
import { StoredChoice } from './storedChoice';

/**
 * The privacy mask: every amount shows as ••• (token names and identifiers stay), for streaming,
 * pairing and presenting. Kept per machine (globalState, not synced: another screen, another
 * choice) and exposed as a context key for the view's button.
 */
export class PrivacyMask extends StoredChoice<boolean> {
  constructor(state: vscode.Memento, windowState?: vscode.Event<vscode.WindowState>) {
    super({ state, key: STATE_KEYS.privacyMask, read: (stored) => stored === true, contextKey: CONTEXT_KEYS.privacyMask, windowState });
  }

  get on(): boolean {
    return this.value;
  }
}
