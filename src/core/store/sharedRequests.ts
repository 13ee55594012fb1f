/**
 * One request per key at a time, shared by every caller that asks for the key meanwhile. Each
 * caller may cancel its own wait; the request itself is aborted only when no caller is left
 * waiting for it (a dismissed hover never cancels a refresh that shares the request).
 */
export class SharedRequests<T> {
  readonly #inFlight = new Map<string, { promise: Promise<T>; controller: AbortController; waiters: number }>();

  get size(): number {
    return this.#inFlight.size;
  }

  has(key: string): boolean {
    return this.#inFlight.has(key);
  }

  run(key: string, start: (signal: AbortSignal) => Promise<T>, callerSignal?: AbortSignal): Promise<T> {
    if (callerSignal?.aborted) {
      return Promise.reject(callerSignal.reason);
    }
    let entry = this.#inFlight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const promise = start(controller.signal).finally(() => {
        if (this.#inFlight.get(key) === created) {
          this.#inFlight.delete(key);
        }
      });
      const created = { promise, controller, waiters: 0 };
      entry = created;
      this.#inFlight.set(key, entry);
    }
    const shared = entry;
    shared.waiters++;
    if (!callerSignal) {
      return shared.promise;
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        this.#leave(key, shared);
        reject(callerSignal.reason);
      };
      callerSignal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(resolve, reject).finally(() => callerSignal.removeEventListener('abort', onAbort));
    });
  }

  #leave(key: string, entry: { controller: AbortController; waiters: number }): void {
    entry.waiters--;
    if (entry.waiters <= 0 && this.#inFlight.get(key) === entry) {
      this.#inFlight.delete(key);
      entry.controller.abort();
    }
  }
}
