import * as vscode from 'vscode';
import { BalanceStore } from '../../core/store/balanceStore';
import { deltaMap } from '../../core/model/balances';
import { changeNotice } from '../../core/content/changeNotice';
import { COMMANDS } from '../ids';
import { inertNotificationText } from '../../core/model/safeText';
import { TrackedStore } from '../state/trackedStore';

/** The tokens a notification said moved, and between which good answers (epoch ms) when known. */
export interface AnnouncedChange {
  readonly tokens: readonly string[];
  /** Each token's exact signed change, as the notification said it. */
  readonly changes: Readonly<Record<string, string>>;
  readonly since?: number;
  readonly until?: number;
}

/**
 * "Notify on change": one notification per refresh that moved a balance of an identifier the user
 * opted in for, with the old and new amounts and a Reveal action; for a PLYR ID also Why?, which
 * `explain` answers from the activity log. The previous amounts survive a restart
 * (BalanceMemoryStore), so an unchanged balance never notifies after one.
 */
export function watchForChanges(store: BalanceStore, tracked: TrackedStore, privacy: { readonly on: boolean }, explain?: (id: string, change: AnnouncedChange) => void): vscode.Disposable {
  const listener = store.onDidChangeBalances(({ id, changes }) => {
    const entry = tracked.find(id);
    if (!entry?.notify) {
      return;
    }
    // The answers this change lies between, as of now: Why? explains this change, however many
    // refreshes (each of which replaces the store's last change) come before it is clicked.
    const { changedSince, fetchedAt } = store.get(id) ?? {};
    const announced: AnnouncedChange = { tokens: changes.map((c) => c.token), changes: deltaMap(changes) ?? {}, ...(changedSince !== undefined && fetchedAt !== undefined ? { since: changedSince, until: fetchedAt } : {}) };
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
        explain?.(id, announced);
      }
    });
  });
  return { dispose: () => listener.dispose() };
}
