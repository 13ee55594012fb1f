import * as vscode from 'vscode';
import { BalanceStore } from '../../core/store/balanceStore';
import { toIdentifier } from '../../core/model/trackedList';
import { VIEWS } from '../ids';
import { readViewSettings } from '../settings';
import { TrackedStore } from './trackedStore';
import { WorkspaceWatchList } from './workspaceWatchList';

/**
 * Refreshes tracked identifiers through the shared store, showing progress in the view. A refresh
 * of everything asked for while one runs joins it instead of starting another.
 */
export class Refresher {
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: BalanceStore,
    private readonly tracked: TrackedStore,
    private readonly watched: WorkspaceWatchList,
    /** Run once a refresh of everything is done, before it resolves (keeping the answers). */
    private readonly afterRefreshAll: () => Promise<void> = async () => undefined,
  ) {}

  refreshAll(): Promise<void> {
    if (!this.running) {
      // The user's list and the workspace's; an identifier in both is asked once.
      const ids = new Set(this.tracked.all.map((t) => t.id));
      const identifiers = [...this.tracked.all, ...this.watched.all.filter((w) => !ids.has(w.id))].map(toIdentifier);
      this.running = Promise.resolve(
        vscode.window.withProgress({ location: { viewId: VIEWS.balances } }, () => this.store.refreshAll(identifiers, readViewSettings().refreshConcurrency)),
      )
        // Keeping the answers is not the refresh: a failed write does not fail it.
        .then(() => this.afterRefreshAll().catch(() => undefined))
        .finally(() => (this.running = undefined));
    }
    return this.running;
  }

  /** Refreshes one identifier of either list; false when neither holds it. */
  async refreshOne(id: string): Promise<boolean> {
    const entry = this.tracked.find(id) ?? this.watched.find(id);
    if (entry) {
      await this.store.refresh(toIdentifier(entry));
    }
    return entry !== undefined;
  }
}

/**
 * When everything is refreshed without being asked: new credentials start a new epoch (answers
 * to requests signed with the old ones are dropped), and a new server (once its remembered
 * balances are restored) is asked for every row.
 */
export function refreshOnServerChanges({ refresher, store, credentials, settings }: { refresher: Refresher; store: BalanceStore; credentials: { readonly onDidChange: vscode.Event<unknown> }; settings: { readonly onDidChange: vscode.Event<{ readonly scope: boolean }> } }): vscode.Disposable[] {
  return [
    credentials.onDidChange(() => {
      store.newEpoch();
      void refresher.refreshAll();
    }),
    settings.onDidChange((change) => change.scope && void refresher.refreshAll()),
  ];
}
