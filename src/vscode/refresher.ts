import * as vscode from 'vscode';
import { BalanceStore } from '../core/balanceStore';
import { toIdentifier } from '../core/trackedList';
import { VIEWS } from './ids';
import { readViewSettings } from './settings';
import { TrackedStore } from './trackedStore';

/**
 * Refreshes tracked identifiers through the shared store, showing progress in the view. A refresh
 * of everything asked for while one runs joins it instead of starting another.
 */
export class Refresher {
  private running: Promise<void> | undefined;

  constructor(private readonly store: BalanceStore, private readonly tracked: TrackedStore) {}

  refreshAll(): Promise<void> {
    if (!this.running) {
      const identifiers = this.tracked.all.map(toIdentifier);
      this.running = Promise.resolve(
        vscode.window.withProgress({ location: { viewId: VIEWS.balances } }, () => this.store.refreshAll(identifiers, readViewSettings().refreshConcurrency)),
      ).finally(() => (this.running = undefined));
    }
    return this.running;
  }

  async refreshOne(id: string): Promise<void> {
    const tracked = this.tracked.find(id);
    if (tracked) {
      await this.store.refresh(toIdentifier(tracked));
    }
  }
}
