import * as vscode from 'vscode';

export interface RateLimitRetryOptions {
  /** When requests may leave again after a 429 (epoch ms); undefined while they may. */
  readonly until: () => number | undefined;
  /** Fires when a hold starts, moves, is lifted or runs out. */
  readonly onDidChange: vscode.Event<void>;
  /** The rows whose last answer is a 429 the client gave up on. */
  readonly refused: () => readonly string[];
  /** Whether someone can see the rows: no request is made for a hidden view. */
  readonly canSee: () => boolean;
  /** Asks these rows again. */
  readonly retry: (ids: readonly string[]) => Promise<unknown>;
}

/**
 * Once the API's hold after a 429 ends, the rows it refused are asked again: their "Try again in
 * 20 s." otherwise stood until the next round, minutes later, or for good with automatic refresh
 * off. Once each: a row refused again waits for a refresh, so a server that keeps refusing is not
 * asked in a loop; it may be retried again after an answer that is not a refusal.
 */
export class RateLimitRetry implements vscode.Disposable {
  readonly #options: RateLimitRetryOptions;
  readonly #listener: vscode.Disposable;
  readonly #retried = new Set<string>();

  constructor(options: RateLimitRetryOptions) {
    this.#options = options;
    this.#listener = options.onDidChange(() => this.#schedule());
  }

  #schedule(): void {
    const refused = new Set(this.#options.refused());
    // A row answered since (or gone) may be retried after a later refusal.
    [...this.#retried].filter((id) => !refused.has(id)).forEach((id) => this.#retried.delete(id));
    if (this.#options.until() !== undefined) {
      return; // the hold's end fires again
    }
    const due = [...refused].filter((id) => !this.#retried.has(id));
    if (due.length > 0 && this.#options.canSee()) {
      due.forEach((id) => this.#retried.add(id));
      void this.#options.retry(due).catch(() => undefined);
    }
  }

  dispose(): void {
    this.#listener.dispose();
  }
}
