import * as vscode from 'vscode';
import { describeClockTime } from '../../core/content/time';
import { ViewMessage } from './viewMessage';

/** A shorter hold (a 429 without Retry-After holds requests for 1 s) would only flash a line. */
export const RATE_LIMIT_LINE_MIN_MS = 3000;

/**
 * While the PLYR API holds requests back after a 429 (its Retry-After), a line above the rows
 * says until when: the rows' spinners and the last error under them wait for that, and an error's
 * "Try again in 20 s." does not count down. The line goes when requests may leave again.
 */
export class RateLimitLine implements vscode.Disposable {
  readonly #message: ViewMessage;
  readonly #until: () => number | undefined;
  readonly #listener: vscode.Disposable;

  /** `until`: when requests may leave again (epoch ms), read whenever `onDidChange` fires (the hold's end too). */
  constructor(message: ViewMessage, until: () => number | undefined, onDidChange: vscode.Event<void>) {
    this.#message = message;
    this.#until = until;
    this.#listener = onDidChange(() => this.#update());
    this.#update();
  }

  #update(): void {
    const until = this.#until();
    if (until === undefined || until - Date.now() < RATE_LIMIT_LINE_MIN_MS) {
      this.#message.set('rateLimit', undefined);
      return;
    }
    this.#message.set('rateLimit', vscode.l10n.t('The PLYR API is limiting requests: the next ones wait until {0}.', describeClockTime(until)));
  }

  dispose(): void {
    this.#listener.dispose();
  }
}
