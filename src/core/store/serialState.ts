/** A key-value state that writes in the background: VS Code's `Memento` (globalState) has this shape. */
export interface KeyValueState {
  keys(): readonly string[];
  get<T>(key: string): T | undefined;
  get<T>(key: string, defaultValue: T): T;
  update(key: string, value: unknown): PromiseLike<void>;
}

interface Queued {
  readonly value: unknown;
  readonly settle: { resolve(): void; reject(error: unknown): void }[];
}

/**
 * Lets one batch of writes reach `inner` at a time: a write asked for while one is on its way waits
 * for it, and every write that waited goes together in one tick (so VS Code still sends them in
 * one message). Reads see a waiting write's value at once.
 *
 * Why: VS Code's globalState keeps the whole state in the extension host and, when the window
 * echoes back a write, replaces it with the echo. A write made after one batch left and before
 * its echo came is lost, with its promise resolved: 4 of 120 presses of Hide Amounts right after a
 * refresh (whose remembered balances are written in the background) were lost for good. Once a
 * write's promise resolves its echo has come (the window sends the echo before the answer), so
 * writes that wait for it are safe.
 */
export class SerialState implements KeyValueState {
  readonly #queued = new Map<string, Queued>();
  #writing = false;
  #scheduled = false;

  readonly #inner: KeyValueState;

  constructor(inner: KeyValueState) {
    this.#inner = inner;
  }

  keys(): readonly string[] {
    const keys = new Set(this.#inner.keys());
    for (const [key, { value }] of this.#queued) {
      if (value === undefined) {
        keys.delete(key);
      } else {
        keys.add(key);
      }
    }
    return [...keys];
  }

  get<T>(key: string): T | undefined;
  get<T>(key: string, defaultValue: T): T;
  get<T>(key: string, defaultValue?: T): T | undefined {
    const queued = this.#queued.get(key);
    if (queued) {
      return (queued.value as T | undefined) ?? defaultValue;
    }
    return defaultValue === undefined ? this.#inner.get<T>(key) : this.#inner.get<T>(key, defaultValue);
  }

  /** Resolves once `inner` holds the value; a later value for the same key, asked for meanwhile, replaces it. */
  update(key: string, value: unknown): Promise<void> {
    return new Promise((resolve, reject) => {
      const earlier = this.#queued.get(key)?.settle ?? [];
      this.#queued.set(key, { value, settle: [...earlier, { resolve, reject }] });
      this.#scheduleWrite();
    });
  }

  /**
   * Writes at the end of this tick, not at once: writes made together (a list and its groups)
   * leave in one batch. Sent alone, the first would reach the window, and other windows and
   * Settings Sync, with the others' old values (a renamed group's rows without the group).
   */
  #scheduleWrite(): void {
    if (!this.#scheduled) {
      this.#scheduled = true;
      queueMicrotask(() => {
        this.#scheduled = false;
        this.#writeQueued();
      });
    }
  }

  #writeQueued(): void {
    if (this.#writing || this.#queued.size === 0) {
      return;
    }
    const batch = [...this.#queued];
    this.#queued.clear();
    this.#writing = true;
    const writes = batch.map(async ([key, { value, settle }]) => {
      try {
        await this.#inner.update(key, value);
        settle.forEach((s) => s.resolve());
      } catch (error) {
        settle.forEach((s) => s.reject(error));
      }
    });
    void Promise.all(writes).then(() => {
      this.#writing = false;
      this.#writeQueued();
    });
  }
}
