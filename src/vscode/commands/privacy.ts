import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import { Services } from '../services';
import { registerCommand } from './register';

/** Toggle (palette, key chord) and the view's two buttons; each returns the new state. */
export function registerPrivacyCommands(services: Pick<Services, 'privacy' | 'logger'>): vscode.Disposable[] {
  const mask = services.privacy;
  const set = async (on: boolean): Promise<boolean> => {
    await mask.set(on);
    vscode.window.setStatusBarMessage(on ? vscode.l10n.t('PLYR privacy mask on: amounts are hidden') : vscode.l10n.t('PLYR privacy mask off: amounts are shown'), 3000);
    return on;
  };
  return [
    registerCommand(services, COMMANDS.togglePrivacy, () => set(!mask.on)),
    registerCommand(services, COMMANDS.hideAmounts, () => set(true)),
    registerCommand(services, COMMANDS.showAmounts, () => set(false)),
  ];
}
