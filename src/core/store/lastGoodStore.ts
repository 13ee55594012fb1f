import { asPlyrError, PlyrError, StoredError, storedError } from '../model/errors';
import { Emitter } from './emitter';
import { InFlightLoads, mayYetBeShown, withSettled, withStarted } from './inFlightLoads';
import { SharedRequests } from './sharedRequests';

/** What is known of one thing the server answers: the last good answer, kept when a later one fails. */
export interface LastGood<V> {
  readonly value?: V;
  readonly fetchedAt?: number;
  readonly error?: StoredError;
  readonly loading: boolean;
}

export interface LastGoodStoreOptions {
  /** Where answers come from (the API root): entries of one scope never show under another. */
  readonly scope: () => string;
  readonly now?: () => number;
}

interface Slot<V> {
  /** The key as given: the scope before it is a URL, which may hold any separator. */
  readonly key: string;
  entry: LastGood<V>;
  /** By kind of load, the sequence number of the request whose answer is shown: an older answer of that kind never replaces it. */
  readonly shownSeq: Map<string, number>;
  /** The loads not settled yet, of any kind or epoch. */
  inFlight?: InFlightLoads;
}

/** How an answer joins what is shown when it settles (what may have changed since it was asked). */
export type Combine<V> = (answer: V, shown: V | undefined) => V;
/**
 * Whether an answer read again what is shown, so that all of it is as old as the answer; one that
 * only added to it (a page further down) leaves it as old as it was.
 */
export type Renews<V> = (answer: V) => boolean;

/**
 * Answers by key under the rules every surface keeps: a request per key is shared while in
 * flight, answers apply in the order their requests started, a failure keeps the last good value
 * (marked with the error, never blanked or zeroed), and a forgotten key's late answer is dropped.
 */
export class LastGoodStore<V> {
  readonly #slots = new Map<string, Slot<V>>();
  readonly #requests = new SharedRequests<LastGood<V>>();
  readonly #changed = new Emitter<string[]>();
  readonly #now: () => number;
  #seq = 0;
  /** Bumped when credentials change: later loads do not join requests signed before. */
  #epoch = 0;
  /** How often each key was forgotten: a key asked for again never joins its old request. */
  readonly #forgotten = new Map<string, number>();
  /** Fires with the keys whose entry changed. */
  readonly onDidChange = this.#changed.event;

  readonly #options: LastGoodStoreOptions;

  constructor(options: LastGoodStoreOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  get(key: string): LastGood<V> | undefined {
    return this.#slots.get(this.#scoped(key))?.entry;
  }

  /** The keys known on the current scope (loaded, loading or failed). */
  keys(): string[] {
    return [...this.#slots].filter(([scoped, { key }]) => scoped === this.#scoped(key)).map(([, { key }]) => key);
  }

  /**
   * Loads (or joins the load of) a key and records the outcome; resolves with the entry. A
   * caller's own cancellation rejects only that caller. Loads of another `kind` (the next page
   * rather than the first) are not joined: each asks for what it wants, and the order rule holds
   * within a kind. `combine` joins the answer to what is shown when it settles, rather than to
   * what `fetch` was given: another kind's answer may have landed meanwhile. `renews` says
   * whether an answer dates what is shown (every answer does unless it says otherwise).
   */
  load(key: string, fetch: (signal: AbortSignal, previous: V | undefined) => Promise<V>, signal?: AbortSignal, kind = '', combine?: Combine<V>, renews?: Renews<V>): Promise<LastGood<V>> {
    const scoped = this.#scoped(key);
    const requestKey = `${scoped}#${this.#epoch}#${this.#forgotten.get(scoped) ?? 0}#${kind}`;
    return this.#requests.run(requestKey, (shared) => this.#run(scoped, key, fetch, shared, kind, { combine, renews }), signal);
  }

  /** Drops the keys `drop` accepts (on every scope); answers still on their way are ignored. */
  forget(drop: (key: string) => boolean): void {
    const gone: string[] = [];
    for (const [scoped, { key }] of [...this.#slots]) {
      if (drop(key)) {
        this.#forgotten.set(scoped, (this.#forgotten.get(scoped) ?? 0) + 1);
        this.#slots.delete(scoped);
        gone.push(key);
      }
    }
    if (gone.length > 0) {
      this.#changed.fire(gone);
    }
  }

  /** Credentials changed: requests signed with the old ones are not joined any more. */
  newEpoch(): void {
    this.#epoch++;
  }

  dispose(): void {
    this.#changed.dispose();
  }

  async #run(scoped: string, key: string, fetch: (signal: AbortSignal, previous: V | undefined) => Promise<V>, signal: AbortSignal, kind: string, join: { readonly combine?: Combine<V>; readonly renews?: Renews<V> }): Promise<LastGood<V>> {
    const seq = ++this.#seq;
    const slot: Slot<V> = this.#slots.get(scoped) ?? { key, entry: { loading: false }, shownSeq: new Map() };
    this.#slots.set(scoped, slot);
    slot.inFlight = withStarted(slot.inFlight, seq, kind);
    this.#update(scoped, key, slot, { ...slot.entry, loading: true });
    try {
      const answer = await fetch(signal, slot.entry.value);
      return this.#settle(scoped, key, slot, seq, { seq, kind }, (shown) => ({ value: join.combine ? join.combine(answer, shown.value) : answer, fetchedAt: this.#ageOf(answer, shown, join.renews) }));
    } catch (error) {
      if (error instanceof PlyrError && error.code === 'cancelled') {
        return this.#settle(scoped, key, slot, seq, undefined, (shown) => shown);
      }
      const failure = asPlyrError(error);
      return this.#settle(scoped, key, slot, seq, { seq, kind }, (shown) => ({ ...shown, error: storedError(failure, this.#now()) }));
    }
  }

  /**
   * Records an outcome made from what is shown now (loading while another load of the key is in
   * flight); `answer` undefined for a cancellation (not an answer, so no order to keep).
   */
  #settle(scoped: string, key: string, slot: Slot<V>, seq: number, answer: { readonly seq: number; readonly kind: string } | undefined, make: (shown: LastGood<V>) => Omit<LastGood<V>, 'loading'>): LastGood<V> {
    slot.inFlight = withSettled(slot.inFlight, seq);
    if (this.#slots.get(scoped) !== slot) {
      return { ...make(slot.entry), loading: false }; // forgotten while in flight
    }
    if (answer) {
      if (answer.seq < (slot.shownSeq.get(answer.kind) ?? 0)) {
        // An older answer arriving late: not shown, but it may have been what kept the entry loading.
        if (slot.entry.loading && !stillLoading(slot)) {
          this.#update(scoped, key, slot, { ...slot.entry, loading: false });
        }
        return slot.entry;
      }
      slot.shownSeq.set(answer.kind, answer.seq);
    }
    this.#update(scoped, key, slot, { ...make(slot.entry), loading: stillLoading(slot) });
    return slot.entry;
  }

  #update(scoped: string, key: string, slot: Slot<V>, entry: LastGood<V>): void {
    slot.entry = entry;
    if (this.#slots.get(scoped) === slot) {
      this.#changed.fire([key]);
    }
  }

  /** When what is shown with the answer was read: now, unless the answer only added to a value read before. */
  #ageOf(answer: V, shown: LastGood<V>, renews: Renews<V> | undefined): number {
    return shown.fetchedAt === undefined || (renews?.(answer) ?? true) ? this.#now() : shown.fetchedAt;
  }

  #scoped(key: string): string {
    return `${this.#options.scope()}|${key}`;
  }
}

function stillLoading(slot: Slot<unknown>): boolean {
  return mayYetBeShown(slot.inFlight, (kind) => slot.shownSeq.get(kind) ?? 0);
}
