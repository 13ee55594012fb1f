import * as vscode from 'vscode';
import { BalanceStore } from '../../core/store/balanceStore';
import { changeNotice } from '../../core/content/changeNotice';
import { COMMANDS } from '../ids';
import { inertNotificationText } from '../../core/model/safeText';
import { TrackedStore } from '../state/trackedStore';

/**
 * "Notify on change": one notification per refresh that moved a balance of an identifier the user
 * opted in for, with the old and new amounts and a Reveal action. The previous amounts survive a
 * restart (BalanceMemoryStore), so an unchanged balance never notifies after one.
 */
export function watchForChanges(store: BalanceStore, tracked: TrackedStore, privacy: { readonly on: boolean }): vscode.Disposable {
  const listener = store.onDidChangeBalances(({ id, changes }) => {
    const entry = tracked.find(id);
    if (!entry?.notify) {
      return;
    }
    const who = entry.label ? `${entry.label} (${id})` : id;
    const reveal = vscode.l10n.t('Reveal');
    void vscode.window.showInformationMessage(inertNotificationText(changeNotice(who, changes, vscode.env.language, privacy.on), 400), reveal).then((choice) => {
      if (choice === reveal) {
        void vscode.commands.executeCommand(COMMANDS.revealIdentifier, id);
      }
    });
  });
  return { dispose: () => listener.dispose() };
}
