import * as vscode from 'vscode';
import { rememberedIn, withRemembered } from '../../core/store/balanceMemory';
import { BalanceStore, RememberedBalances } from '../../core/store/balanceStore';
import { STATE_KEYS } from '../ids';
import { SettingsEvents } from '../settings';

/** Writes wait this long for more answers: a refresh of many rows is one write, not one per row. */
export const SAVE_DELAY_MS = 1000;

/**
 * Keeps the last good balances of the listed identifiers in globalState (this machine only: they
 * are not synced). After a restart the rows show them with their age at once, and the first answer
 * is compared with them, so an unchanged balance is not reported as changed.
 */
export class BalanceMemoryStore implements vscode.Disposable {
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly state: vscode.Memento,
    private readonly store: BalanceStore,
    private readonly settings: Pick<SettingsEvents, 'scope' | 'onDidChangeScope'>,
    /** The identifiers worth remembering: the user's list and the workspace's. */
    private readonly ids: () => readonly string[],
    listsChanged: vscode.Event<void>[],
  ) {
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
    const remembered = rememberedIn(this.state.get<unknown>(STATE_KEYS.lastBalances), this.settings.scope());
    for (const id of this.ids()) {
      const entry = remembered.get(id);
      if (entry) {
        this.store.remember(id, entry);
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
    const entries = new Map<string, RememberedBalances>();
    for (const id of this.ids()) {
      const entry = this.store.get(id);
      if (entry?.balances && entry.fetchedAt !== undefined) {
        entries.set(id, { balances: entry.balances, fetchedAt: entry.fetchedAt });
      }
    }
    const raw = this.state.get<unknown>(STATE_KEYS.lastBalances);
    const next = withRemembered(raw, this.settings.scope(), entries);
    // A hover or a loading row changes the store, not what is remembered: no write then.
    if (JSON.stringify(next) !== JSON.stringify(raw)) {
      await this.state.update(STATE_KEYS.lastBalances, next);
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
