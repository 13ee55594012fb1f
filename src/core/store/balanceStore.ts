import { Balances, deltaMap, listChanges, TokenChange } from '../model/balances';
import { Emitter } from './emitter';
import { asPlyrError, PlyrError, StoredError, storedError } from '../model/errors';
import { Identifier } from '../model/identifier';
import { BalanceResult } from '../api/plyrClient';
import { runPool } from './pool';
import { InFlightLoads, mayYetBeShown, withSettled, withStarted } from './inFlightLoads';
import { SharedRequests } from './sharedRequests';

/** What is known about one identifier's balances on the current network. */
export interface BalanceEntry {
  /** The last good balances; kept (stale) when a later refresh fails. */
  readonly balances?: Balances;
  readonly fetchedAt?: number;
  /** Per token, the exact change the last good answer brought ("+12.5", "−3"); none when nothing moved. */
  readonly changes?: Readonly<Record<string, string>>;
  /**
   * With `changes`: the fetchedAt of the good answer they are measured from, so the change happened
   * between then and `fetchedAt` (what "Why?" searches the activity log for).
   */
  readonly changedSince?: number;
  readonly error?: StoredError;
  readonly loading: boolean;
}

/** Balances that moved between two good answers for one identifier. */
export interface BalancesChanged {
  readonly id: string;
  readonly changes: readonly TokenChange[];
}

/** What was last known of an identifier, kept across restarts. */
export interface RememberedBalances {
  readonly balances: Balances;
  readonly fetchedAt: number;
}

export interface BalanceStoreOptions {
  readonly fetch: (identifier: Identifier, signal: AbortSignal) => Promise<BalanceResult>;
  /** Where balances come from (the API root): entries of one scope never show under another. */
  readonly scope: () => string;
  readonly now?: () => number;
}

/** What {@link BalanceStore.forget} dropped, to put back on an Undo. */
export interface ForgottenBalances extends RememberedBalances {
  readonly id: string;
  /** The scope and id it was kept under: put back there, whatever the scope is by then. */
  readonly key: string;
}

interface Slot {
  entry: BalanceEntry;
  /** Sequence number of the request whose answer is shown: an older answer never replaces it. */
  shownSeq: number;
  /** Loads not settled yet (one signed with old credentials may overlap a new one). */
  inFlight?: InFlightLoads;
}

/**
 * The one store of balances that the sidebar, the hover and the status bar read. Requests for an
 * identifier are shared while in flight, answers are applied in the order requests started, and
 * a forgotten identifier's late answer is dropped.
 */
export class BalanceStore {
  readonly #slots = new Map<string, Slot>();
  readonly #requests = new SharedRequests<BalanceEntry>();
  readonly #changed = new Emitter<string[]>();
  readonly #balancesChanged = new Emitter<BalancesChanged>();
  readonly #now: () => number;
  #seq = 0;
  /** Bumped when credentials change: later refreshes do not join requests signed before. */
  #epoch = 0;
  /** How often each key was forgotten: a re-added identifier never joins its old request. */
  readonly #forgotten = new Map<string, number>();
  readonly onDidChange = this.#changed.event;
  /** Fires after a good answer that moved any amount since the last good one (restarts included). */
  readonly onDidChangeBalances = this.#balancesChanged.event;

  readonly #options: BalanceStoreOptions;

  constructor(options: BalanceStoreOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  get(id: string): BalanceEntry | undefined {
    return this.#slots.get(this.#key(id))?.entry;
  }

  /** Whether an entry holds balances younger than `maxAgeMs`. */
  isFresh(id: string, maxAgeMs: number): boolean {
    const entry = this.get(id);
    return entry?.fetchedAt !== undefined && entry.error === undefined && this.#now() - entry.fetchedAt < maxAgeMs;
  }

  /**
   * Fetches (or joins the fetch of) an identifier's balances and records the outcome. Resolves
   * with the entry; a caller's own cancellation rejects only that caller.
   */
  refresh(identifier: Identifier, options: { signal?: AbortSignal; maxAgeMs?: number } = {}): Promise<BalanceEntry> {
    const id = identifier.value;
    const key = this.#key(id);
    if (options.maxAgeMs !== undefined && this.isFresh(id, options.maxAgeMs)) {
      return Promise.resolve(this.#slots.get(key)!.entry);
    }
    const requestKey = `${key}#${this.#epoch}#${this.#forgotten.get(key) ?? 0}`;
    return this.#requests.run(requestKey, (signal) => this.#load(key, identifier, signal), options.signal);
  }

  /** Refreshes many identifiers, at most `concurrency` requests at a time. */
  async refreshAll(identifiers: readonly Identifier[], concurrency: number, signal?: AbortSignal): Promise<void> {
    await runPool(identifiers, concurrency, async (identifier) => void (await this.refresh(identifier, { signal })), signal);
  }

  /**
   * Seeds what was known before a restart (on the current scope), so that the first answer after
   * it is compared with it and the age shows at once. Never replaces anything already known.
   */
  remember(id: string, remembered: RememberedBalances): void {
    this.#seed(this.#key(id), id, remembered);
  }

  /**
   * Drops an identifier; an answer still on its way is ignored. Gives back its last good balances
   * (under the scope they were read on) for {@link restore}, if it had any.
   */
  forget(id: string): ForgottenBalances | undefined {
    const key = this.#key(id);
    this.#forgotten.set(key, (this.#forgotten.get(key) ?? 0) + 1);
    const dropped = this.#slots.get(key)?.entry;
    if (this.#slots.delete(key)) {
      this.#changed.fire([id]);
    }
    return dropped?.balances !== undefined && dropped.fetchedAt !== undefined ? { id, key, balances: dropped.balances, fetchedAt: dropped.fetchedAt } : undefined;
  }

  /** Undo of a remove: the balances forget() gave back, on their own scope, unless newer ones came meanwhile. */
  restore(forgotten: ForgottenBalances): void {
    this.#seed(forgotten.key, forgotten.id, forgotten);
  }

  /** Credentials changed: requests signed with the old ones are not joined any more. */
  newEpoch(): void {
    this.#epoch++;
  }

  dispose(): void {
    this.#changed.dispose();
    this.#balancesChanged.dispose();
  }

  /**
   * Known balances put under `key`, unless balances are known there already: a load that began
   * first (a row asked for as it came back) takes them as what it compares with, or keeps if it fails.
   */
  #seed(key: string, id: string, known: RememberedBalances): void {
    const slot = this.#slots.get(key);
    if (!slot) {
      this.#slots.set(key, { entry: { balances: known.balances, fetchedAt: known.fetchedAt, loading: false }, shownSeq: 0 });
      this.#changed.fire([id]);
    } else if (slot.entry.balances === undefined) {
      slot.entry = { ...slot.entry, balances: known.balances, fetchedAt: known.fetchedAt };
      this.#changed.fire([id]);
    }
  }

  async #load(key: string, identifier: Identifier, signal: AbortSignal): Promise<BalanceEntry> {
    const seq = ++this.#seq;
    const slot = this.#slots.get(key) ?? { entry: { loading: false }, shownSeq: 0 };
    this.#slots.set(key, slot);
    slot.inFlight = withStarted(slot.inFlight, seq);
    this.#update(key, identifier.value, slot, { ...slot.entry, loading: true });
    try {
      const result = await this.#options.fetch(identifier, signal);
      const moved = listChanges(slot.entry.balances, result.balances);
      const changes = deltaMap(moved);
      // Something moved only when there were balances before, and they came with their time.
      const since = slot.entry.fetchedAt;
      const measured = changes ? { changes, ...(since !== undefined ? { changedSince: since } : {}) } : {};
      const settled = this.#settle(key, identifier.value, slot, seq, { balances: result.balances, fetchedAt: result.fetchedAt, loading: false, ...measured });
      // Only an answer that was applied is news; a late or forgotten one is not, nor one from the
      // server the user has just left (it is kept for that server, and told of no more).
      if (changes && slot.entry === settled && settled.balances === result.balances && key === this.#key(identifier.value)) {
        this.#balancesChanged.fire({ id: identifier.value, changes: moved });
      }
      return settled;
    } catch (error) {
      if (error instanceof PlyrError && error.code === 'cancelled') {
        const settled = this.#settle(key, identifier.value, slot, seq, { ...slot.entry, loading: false }, false);
        // Stopped before anything was known: unknown again ("not loaded"), not an answer of no tokens.
        if (settled.balances === undefined && settled.error === undefined && !settled.loading && this.#slots.get(key) === slot) {
          this.#slots.delete(key);
          this.#changed.fire([identifier.value]);
        }
        return settled;
      }
      const failure = asPlyrError(error);
      const entry = { ...slot.entry, loading: false, error: storedError(failure, this.#now()) };
      return this.#settle(key, identifier.value, slot, seq, entry);
    }
  }

  #settle(key: string, id: string, slot: Slot, seq: number, entry: BalanceEntry, isAnswer = true): BalanceEntry {
    slot.inFlight = withSettled(slot.inFlight, seq);
    if (this.#slots.get(key) !== slot) {
      return entry; // forgotten while in flight
    }
    if (isAnswer && seq < slot.shownSeq) {
      // An older answer arriving late: not shown, but it may have been what kept the entry loading.
      if (slot.entry.loading && !mayYetBeShown(slot.inFlight, () => slot.shownSeq)) {
        this.#update(key, id, slot, { ...slot.entry, loading: false });
      }
      return slot.entry;
    }
    if (isAnswer) {
      slot.shownSeq = seq;
    }
    this.#update(key, id, slot, { ...entry, loading: mayYetBeShown(slot.inFlight, () => slot.shownSeq) });
    return slot.entry;
  }

  #update(key: string, id: string, slot: Slot, entry: BalanceEntry): void {
    slot.entry = entry;
    if (this.#slots.get(key) === slot) {
      this.#changed.fire([id]);
    }
  }

  #key(id: string): string {
    return `${this.#options.scope()}|${id}`;
  }
}
