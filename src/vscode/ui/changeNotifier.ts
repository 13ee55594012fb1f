import * as vscode from 'vscode';
import { BalanceStore } from '../../core/store/balanceStore';
import { changeNotice } from '../../core/content/changeNotice';
import { COMMANDS } from '../ids';
import { inertNotificationText } from '../../core/model/safeText';
import { TrackedStore } from '../state/trackedStore';

/**
 * "Notify on change": one notification per refresh that moved a balance of an identifier the user
 * opted in for, with the old and new amounts and a Reveal action; for a PLYR ID also Why?, which
 * `explain` answers from the activity log. The previous amounts survive a restart
 * (BalanceMemoryStore), so an unchanged balance never notifies after one.
 */
export function watchForChanges(store: BalanceStore, tracked: TrackedStore, privacy: { readonly on: boolean }, explain?: (id: string, token: string | undefined) => void): vscode.Disposable {
  const listener = store.onDidChangeBalances(({ id, changes }) => {
    const entry = tracked.find(id);
    if (!entry?.notify) {
      return;
    }
    // The label may come from a teammate's file: made inert; the rest (ordinary token names,
    // amounts, our own words) needs nothing, and a translation's own marks stay.
    const who = inertNotificationText(entry.label ? `${entry.label} (${id})` : id, 120);
    const reveal = vscode.l10n.t('Reveal');
    // Only a PLYR ID has an activity log to ask.
    const why = explain && entry.kind === 'plyrId' ? vscode.l10n.t('Why?') : undefined;
    void vscode.window.showInformationMessage(changeNotice(who, changes, vscode.env.language, privacy.on), reveal, ...(why ? [why] : [])).then((choice) => {
      if (choice === reveal) {
        void vscode.commands.executeCommand(COMMANDS.revealIdentifier, id);
      } else if (choice !== undefined && choice === why) {
        explain?.(id, changes.length === 1 ? changes[0].token : undefined);
      }
    });
  });
  return { dispose: () => listener.dispose() };
}
