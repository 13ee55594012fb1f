import * as vscode from 'vscode';
import { FailedRow, RetryOnce } from '../../core/store/retryOnce';

export interface RowRetryOptions {
  /** Fires when failed rows may be answered now: a 429's hold ended, the server answered a request. */
  readonly onDidChange: vscode.Event<void>;
  /** True while the rows are better left to a later event: requests are held back, or a refresh of everything asks them anyway. */
  readonly wait: () => boolean;
  /** The rows whose last answer is the failure this retry is for (none still being asked). */
  readonly failed: () => readonly FailedRow[];
  /** Whether someone can see the rows: no request is made for a hidden view. */
  readonly canSee: () => boolean;
  /** Asks these rows again (by their keys), as many at a time as a refresh. */
  readonly retry: (keys: readonly string[]) => Promise<unknown>;
}

/** How often, at most, the failed rows are looked for. */
const LOOK_INTERVAL_MS = 1000;

/**
 * Asks failed rows again once what failed them is over, rather than leaving their error up until
 * the next round, minutes later, or for good with automatic refresh off: the rows a 429 refused
 * once its hold ends, and those a passing failure (a 5xx, a time-out) left once the server answers
 * anything. Once each (see RetryOnce): a server that keeps failing is not asked in a loop.
 */
export class RowRetry implements vscode.Disposable {
  readonly #options: RowRetryOptions;
  readonly #listener: vscode.Disposable;
  readonly #once = new RetryOnce();
  #lastLook = -Infinity;
  /** When the event last fired: rows that failed after it are not its to ask again. */
  #firedAt = -Infinity;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RowRetryOptions) {
    this.#options = options;
    this.#listener = options.onDidChange(() => {
      this.#firedAt = Date.now();
      this.#schedule();
    });
  }

  /**
   * Looks at once, or at the end of the second since the last look: every 2xx fires the event,
   * and 1,000 rows loading one by one (the view opening) would each go through every row.
   */
  #schedule(): void {
    if (this.#timer !== undefined) {
      return;
    }
    const waitMs = this.#lastLook + LOOK_INTERVAL_MS - Date.now();
    if (waitMs > 0) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#look();
      }, waitMs);
      return;
    }
    this.#look();
  }

  #look(): void {
    this.#lastLook = Date.now();
    // Cheap checks first: every 2xx of a refresh of everything fires this.
    if (this.#options.wait() || !this.#options.canSee()) {
      return; // a later event tries again
    }
    // A look put off to the end of the second sees rows that failed since the event: not over yet.
    const due = this.#once.due(this.#options.failed().filter((row) => row.failedAt === undefined || row.failedAt <= this.#firedAt));
    if (due.length === 0) {
      return;
    }
    this.#once.asked(due);
    void this.#options.retry(due.map((row) => row.key)).catch(() => undefined);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#listener.dispose();
  }
}
