import * as vscode from 'vscode';
import { COMMANDS, CONTEXT_KEYS, STATE_KEYS } from './ids';

/**
 * The privacy mask: every amount shows as ••• (token names and identifiers stay), for streaming,
 * pairing and presenting. Kept per machine (globalState, not synced: another screen, another
 * choice) and exposed as a context key for the view's button.
 */
export class PrivacyMask implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<boolean>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    void this.updateContextKey();
  }

  get on(): boolean {
    return this.state.get<unknown>(STATE_KEYS.privacyMask) === true;
  }

  async set(on: boolean): Promise<void> {
    if (on === this.on) {
      return;
    }
    await this.state.update(STATE_KEYS.privacyMask, on);
    this.changed.fire(on);
    await this.updateContextKey();
  }

  private async updateContextKey(): Promise<void> {
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.privacyMask, this.on);
  }

  dispose(): void {
    this.changed.dispose();
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
