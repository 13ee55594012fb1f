/**
 * Runs a task once changes have paused for `quietMs`, or at the latest `maxWaitMs` after the first
 * change it has not run for: a burst of changes (a refresh of many rows) runs it once, not once
 * per change nor once per `quietMs` while the burst lasts, and an endless stream still runs it.
 */
export class QuietTimer {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #first: number | undefined;
  #last = 0;

  readonly #task: () => void;
  readonly #quietMs: number;
  readonly #maxWaitMs: number;
  readonly #now: () => number;

  constructor(task: () => void, quietMs: number, maxWaitMs: number, now: () => number = Date.now) {
    this.#task = task;
    this.#quietMs = quietMs;
    this.#maxWaitMs = maxWaitMs;
    this.#now = now;
  }

  /** Whether a run is due (a change came that the task has not run for). */
  get pending(): boolean {
    return this.#timer !== undefined;
  }

  /** A change: the task runs once they pause. */
  poke(): void {
    this.#last = this.#now();
    this.#first ??= this.#last;
    this.#timer ??= setTimeout(() => this.#fire(), this.#quietMs);
  }

  /** Forgets the changes so far (the task was run for them some other way). */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#first = undefined;
  }

  #fire(): void {
    // Re-armed rather than restarted on every change: a burst of thousands costs no timer each.
    const wait = Math.min(this.#last + this.#quietMs, (this.#first ?? this.#last) + this.#maxWaitMs) - this.#now();
    if (wait > 0) {
      this.#timer = setTimeout(() => this.#fire(), wait);
      return;
    }
    this.cancel();
    this.#task();
  }
}
