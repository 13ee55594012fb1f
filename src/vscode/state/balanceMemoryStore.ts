import * as vscode from 'vscode';
import { rememberedIn, withRemembered } from '../../core/store/balanceMemory';
import { BalanceStore, RememberedBalances } from '../../core/store/balanceStore';
import { STATE_KEYS } from '../ids';
import { SettingsEvents } from '../settings';

/** Writes wait this long for more answers: a refresh of many rows is one write, not one per row. */
export const SAVE_DELAY_MS = 1000;

export interface BalanceMemoryStoreOptions {
  /** Where the balances are kept: globalState. */
  readonly state: vscode.Memento;
  readonly store: BalanceStore;
  readonly settings: Pick<SettingsEvents, 'scope' | 'onDidChangeScope'>;
  /** The identifiers worth remembering: the user's list and the workspace's. */
  readonly ids: () => readonly string[];
  /** When either list changes: what is remembered of its new identifiers is restored. */
  readonly listsChanged: readonly vscode.Event<void>[];
}

/**
 * Keeps the last good balances of the listed identifiers in globalState (this machine only: they
 * are not synced). After a restart the rows show them with their age at once, and the first answer
 * is compared with them, so an unchanged balance is not reported as changed.
 */
export class BalanceMemoryStore implements vscode.Disposable {
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly options: BalanceMemoryStoreOptions) {
    const { store, settings, listsChanged } = options;
    const storeListener = store.onDidChange(() => this.scheduleSave());
    this.subscriptions.push(
      { dispose: () => storeListener.dispose() },
      ...listsChanged.map((event) => event(() => this.restore())),
      // Fired after the scope was read again, and before the views refresh from the new server.
      settings.onDidChangeScope(() => this.restore()),
    );
    this.restore();
  }

  /** Seeds the store with what is remembered for the listed identifiers on the current scope. */
  restore(): void {
    const { state, store, settings, ids } = this.options;
    const remembered = rememberedIn(state.get<unknown>(STATE_KEYS.lastBalances), settings.scope());
    for (const id of ids()) {
      const entry = remembered.get(id);
      if (entry) {
        store.remember(id, entry);
      }
    }
  }

  /** Writes now what a pending save would: a finished refresh is the moment to keep its answers. */
  async flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    await this.save();
  }

  private scheduleSave(): void {
    this.saveTimer ??= setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  private async save(): Promise<void> {
    this.saveTimer = undefined;
    const { state, store, settings, ids } = this.options;
    const entries = new Map<string, RememberedBalances>();
    for (const id of ids()) {
      const entry = store.get(id);
      if (entry?.balances && entry.fetchedAt !== undefined) {
        entries.set(id, { balances: entry.balances, fetchedAt: entry.fetchedAt });
      }
    }
    const raw = state.get<unknown>(STATE_KEYS.lastBalances);
    const next = withRemembered(raw, settings.scope(), entries);
    // A hover or a loading row changes the store, not what is remembered: no write then.
    if (JSON.stringify(next) !== JSON.stringify(raw)) {
      await state.update(STATE_KEYS.lastBalances, next);
    }
  }

  dispose(): void {
    if (this.saveTimer) {
      void this.flush(); // what the last second brought
    }
    for (const s of this.subscriptions) {
      s.dispose();
    }
  }
}
