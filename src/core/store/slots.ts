import { concurrencyOf } from './pool';

/**
 * At most `limit()` tasks at a time across every caller, the others waiting their turn in the
 * order they came: a pool shared by calls that overlap (two ranges of inlay hints asked at once),
 * where `runPool` limits only the items of one call.
 */
export class Slots {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  readonly #limit: () => number;

  constructor(limit: () => number) {
    this.#limit = limit;
  }

  /** Runs `task` once a slot is free. Aborted while it waits, it rejects and never runs. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.#acquire(signal);
    try {
      return await task();
    } finally {
      this.#release();
    }
  }

  #acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.#running < this.#max()) {
      this.#running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', abort);
        this.#running++;
        resolve();
      };
      const abort = () => {
        const at = this.#waiting.indexOf(start);
        if (at >= 0) {
          this.#waiting.splice(at, 1);
        }
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.#waiting.push(start);
    });
  }

  #release(): void {
    this.#running--;
    while (this.#running < this.#max() && this.#waiting.length > 0) {
      this.#waiting.shift()?.();
    }
  }

  #max(): number {
    return concurrencyOf(this.#limit());
  }
}
