import * as vscode from 'vscode';
import { BalanceMemory, boundedLike, mergedMemory, rememberedIn, rememberedOf, withRemembered, withoutRemembered, withReturned } from '../../core/store/balanceMemory';
import { BalanceStore, RememberedBalances } from '../../core/store/balanceStore';
import { QuietTimer } from '../../core/store/quietTimer';
import { STATE_KEYS } from '../ids';
import { SettingsEvents } from '../settings';

/**
 * Writes wait until no answer has come for this long: a refresh of many rows is one write (kept
 * at its end by {@link BalanceMemoryStore.flush}), not one per row, nor one each second it runs
 * (each write is a copy of every remembered balance, 2 MB of garbage for 1,000 identifiers).
 */
export const SAVE_DELAY_MS = 1000;
/** However long answers keep coming, what they brought is written at least this often. */
const SAVE_AT_LEAST_EVERY_MS = 10_000;

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
  readonly #saving = new QuietTimer(() => this.#save(), SAVE_DELAY_MS, SAVE_AT_LEAST_EVERY_MS);
  readonly #subscriptions: vscode.Disposable[] = [];
  /** The listed identifiers when last looked: one that leaves both lists is forgotten here too. */
  #listed: ReadonlySet<string>;
  /**
   * What was forgotten this session, on every scope: an identifier listed again (an Undo, a
   * watch-list file back after a checkout) gets it back, with its age, until the window closes.
   */
  #forgotten: BalanceMemory = {};

  readonly #options: BalanceMemoryStoreOptions;

  constructor(options: BalanceMemoryStoreOptions) {
    this.#options = options;
    const { store, settings, listsChanged } = options;
    this.#listed = new Set(options.ids());
    const storeListener = store.onDidChange(() => this.#saving.poke());
    this.#subscriptions.push(
      { dispose: () => storeListener.dispose() },
      ...listsChanged.map((event) => event(() => (this.#forgetUnlisted(), this.#giveBack(), this.restore()))),
      // Fired after the scope was read again, and before the views refresh from the new server.
      settings.onDidChangeScope(() => this.restore()),
    );
    this.restore();
  }

  /** Seeds the store with what is remembered for the listed identifiers on the current scope. */
  restore(): void {
    const { state, store, settings, ids } = this.#options;
    const remembered = rememberedIn(state.get<unknown>(STATE_KEYS.lastBalances), settings.scope());
    for (const id of ids()) {
      const entry = remembered.get(id);
      if (entry) {
        store.remember(id, entry);
      }
    }
  }

  /**
   * Writes now what a pending save would: a finished refresh is the moment to keep its answers.
   * Resolves once globalState holds them. VS Code's own write to the window (the promise of
   * `update`, a round trip of 6 to 50 ms) is not waited for: a refresh would end that much later
   * for nothing, since globalState answers with the new value at once and the write follows.
   */
  async flush(): Promise<void> {
    this.#saving.cancel();
    this.#save();
  }

  /**
   * What this window's lists no longer hold is dropped from what is remembered. What other windows
   * and workspaces listed is kept (save() writes over this window's own only), so a removal must
   * say so: re-added months later, an identifier would otherwise show its old balances again.
   */
  #forgetUnlisted(): void {
    const listed = new Set(this.#options.ids());
    const gone = [...this.#listed].filter((id) => !listed.has(id));
    this.#listed = listed;
    if (gone.length === 0) {
      return;
    }
    const { state } = this.#options;
    const raw = state.get<unknown>(STATE_KEYS.lastBalances);
    // Bounded as what is remembered is: its scopes only, and as many a scope.
    this.#forgotten = boundedLike(mergedMemory(rememberedOf(raw, gone), this.#forgotten), raw);
    const next = withoutRemembered(raw, gone);
    if (JSON.stringify(next) !== JSON.stringify(raw)) {
      state.update(STATE_KEYS.lastBalances, next).then(undefined, () => undefined);
    }
  }

  /** What was forgotten this session of the identifiers listed again, put back (see {@link #forgotten}). */
  #giveBack(): void {
    // From what was set aside (usually little), not from every listed identifier at every change.
    const back = [...new Set(Object.values(this.#forgotten).flatMap((scope) => Object.keys(scope)))].filter((id) => this.#listed.has(id));
    if (back.length === 0) {
      return;
    }
    const { state } = this.#options;
    const taken = rememberedOf(this.#forgotten, back);
    this.#forgotten = withoutRemembered(this.#forgotten, back);
    const raw = state.get<unknown>(STATE_KEYS.lastBalances);
    const next = withReturned(raw, taken);
    if (JSON.stringify(next) !== JSON.stringify(raw)) {
      state.update(STATE_KEYS.lastBalances, next).then(undefined, () => undefined);
    }
  }

  #save(): void {
    const { state, store, settings, ids } = this.#options;
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
      // A failed write keeps the balances of the last one; nothing to show for it.
      state.update(STATE_KEYS.lastBalances, next).then(undefined, () => undefined);
    }
  }

  dispose(): void {
    if (this.#saving.pending) {
      void this.flush(); // what the last answers brought
    }
    for (const s of this.#subscriptions) {
      s.dispose();
    }
  }
}
