import * as vscode from 'vscode';
import { nextRefreshDelayMs, nextRoundInMs, oversleptTimer } from '../../core/store/refreshSchedule';
import { COMMANDS } from '../ids';
import { SettingsEvents } from '../settings';
import { ViewMessage } from './viewMessage';

export interface AutoRefreshSchedule {
  readonly running: boolean;
  /** Epoch ms when the next round is due; absent when no round is scheduled. */
  readonly nextAt?: number;
  /** The interval that round was scheduled by: the setting's, or longer while the server cannot be reached. */
  readonly intervalMs?: number;
  /** The line the view shows while the server cannot be reached (absent otherwise). */
  readonly outage?: string;
  /** The line the view shows while the server holds requests back after a 429 (absent otherwise; under an outage's line). */
  readonly rateLimit?: string;
}

export interface AutoRefreshOptions {
  readonly view: vscode.TreeView<unknown>;
  /** The view's message line: the outage's line goes there. */
  readonly message: ViewMessage;
  /** A round: everything when the view shows, else only what the status bar shows. */
  readonly refresh: (what: 'all' | 'statusBar') => Promise<void>;
  /** Renders the rows again: every minute, so that ages move on. */
  readonly rerender: () => void;
  /** After a round: true when no identifier could reach the server. */
  readonly unreachable: () => boolean;
  /** Fires with the ids of rows that changed (asked, answered, failed, restored), in a round or not. */
  readonly onDidChangeRows: (listener: (ids: readonly string[]) => void) => vscode.Disposable;
  /** Whether one of these rows has an answer of the server's since `since` (epoch ms): balances, or an error it sent. */
  readonly answeredSince: (ids: readonly string[], since: number) => boolean;
  readonly statusBar: { readonly showing: boolean; readonly onDidChangeTarget: vscode.Event<void> };
  /** Its changes, and the schedule's settings as of the last one. */
  readonly settings: Pick<SettingsEvents, 'onDidChange' | 'view'>;
}

/**
 * Refreshes every N seconds (plyr.autoRefreshSeconds, 0 off) only while someone can see the
 * numbers: the view or the status bar item, in a focused window. Idle (unfocused, or the view hidden) there is
 * no timer at all. On coming back after longer than the interval (focus, sleep, the view shown)
 * it refreshes once at once. While the server cannot be reached the wait doubles up to
 * plyr.autoRefreshBackoffMaxSeconds, with one line in the view instead of a notification.
 */
export class AutoRefresh implements vscode.Disposable {
  #refreshTimer: NodeJS.Timeout | undefined;
  #ageTimer: NodeJS.Timeout | undefined;
  readonly #subscriptions: vscode.Disposable[];
  #lastRefreshAt: number | undefined;
  /** The last round that refreshed the view's rows (not only the status bar's identifier). */
  #lastViewRefreshAt: number | undefined;
  /** When the pending round is due, by the wall clock. */
  #refreshDueAt: number | undefined;
  /** The interval the pending round was scheduled by (its wait, or what was left of it after a pause). */
  #scheduledIntervalMs: number | undefined;
  #failures = 0;
  /** When the last round that found the server unreachable ended: only an answer after it says it is back. */
  #failedAt = 0;
  #running = false;

  readonly #options: AutoRefreshOptions;

  constructor(options: AutoRefreshOptions) {
    this.#options = options;
    const { view, statusBar, settings } = options;
    this.#subscriptions = [
      view.onDidChangeVisibility(() => this.#reschedule()),
      statusBar.onDidChangeTarget(() => this.#reschedule()),
      vscode.window.onDidChangeWindowState(() => this.#reschedule()),
      settings.onDidChange((change) => change.schedule && this.#reschedule()),
      options.onDidChangeRows((ids) => this.#recoverIfReached(ids)),
    ];
    this.#reschedule();
  }

  /** What is scheduled now: whether a round runs, and when the next is due (none while idle or off). */
  get scheduled(): AutoRefreshSchedule {
    const outage = this.#options.message.get('outage');
    const rateLimit = this.#options.message.get('rateLimit');
    return { running: this.#running, ...(this.#refreshTimer ? { nextAt: this.#refreshDueAt, intervalMs: this.#scheduledIntervalMs } : {}), ...(outage ? { outage } : {}), ...(rateLimit ? { rateLimit } : {}) };
  }

  /**
   * The server answered outside a round (Refresh, another server): the outage's line and its
   * slower schedule go now, not at the next round, which may be minutes away.
   */
  #recoverIfReached(ids: readonly string[]): void {
    // A row asked, added, restored or forgotten says nothing of the server: only an answer does.
    if (this.#failures === 0 || this.#running || !this.#options.answeredSince(ids, this.#failedAt)) {
      return;
    }
    this.#showOutage(0);
    this.#reschedule();
  }

  /** The failures in a row so far, and the view's line that says so (none at 0). */
  #showOutage(failures: number): void {
    this.#failures = failures;
    this.#options.message.set('outage', failures > 0 ? vscode.l10n.t('The PLYR API cannot be reached. Trying again in {0} s.', Math.round(this.#delayMs() / 1000)) : undefined);
  }

  /** Someone can see balances: the view or the status bar item, in a focused window. */
  get #active(): boolean {
    return (this.#options.view.visible || this.#options.statusBar.showing) && vscode.window.state.focused;
  }

  #reschedule(): void {
    this.#stop();
    if (!this.#active) {
      return;
    }
    this.#ageTimer = setInterval(() => this.#everyMinute(), 60_000);
    const { autoRefreshSeconds } = this.#options.settings.view();
    if (autoRefreshSeconds === 0) {
      this.#showOutage(0); // no round will try again: the line would say one will
      return;
    }
    const intervalMs = this.#delayMs();
    const dueInMs = this.#dueInMs(intervalMs);
    if (dueInMs === 0 && !this.#running) {
      void this.#tick();
    } else {
      this.#schedule(this.#running ? intervalMs : dueInMs, intervalMs);
    }
  }

  /**
   * Ages move on; and after the machine slept (timers do not count that time) a round whose time
   * has passed by the wall clock runs now rather than a whole interval after waking.
   */
  #everyMinute(): void {
    this.#options.rerender();
    if (this.#refreshTimer && oversleptTimer(this.#refreshDueAt, Date.now())) {
      this.#reschedule();
    }
  }

  /** Until the next round: what is shown decides which last round counts (see nextRoundInMs). */
  #dueInMs(intervalMs: number): number {
    return nextRoundInMs({ viewVisible: this.#options.view.visible, lastRoundAt: this.#lastRefreshAt, lastViewRoundAt: this.#lastViewRefreshAt, intervalMs, now: Date.now() });
  }

  #delayMs(): number {
    const { autoRefreshSeconds, autoRefreshBackoffMaxSeconds } = this.#options.settings.view();
    return nextRefreshDelayMs(autoRefreshSeconds * 1000, this.#failures, autoRefreshBackoffMaxSeconds * 1000);
  }

  #schedule(delayMs: number, intervalMs = delayMs): void {
    clearTimeout(this.#refreshTimer);
    this.#refreshDueAt = Date.now() + delayMs;
    this.#scheduledIntervalMs = intervalMs;
    this.#refreshTimer = setTimeout(() => void this.#tick(), delayMs);
  }

  async #tick(): Promise<void> {
    this.#refreshTimer = undefined;
    if (this.#running) {
      return; // a timer set while a long round ran: that round schedules the next when it ends
    }
    this.#running = true;
    const what = this.#options.view.visible ? 'all' : 'statusBar';
    this.#lastRefreshAt = Date.now();
    if (what === 'all') {
      this.#lastViewRefreshAt = this.#lastRefreshAt;
    }
    try {
      await this.#options.refresh(what);
    } finally {
      this.#running = false;
    }
    const wasReachable = this.#failures === 0;
    this.#showOutage(this.#options.unreachable() ? this.#failures + 1 : 0);
    this.#failedAt = Date.now();
    if (wasReachable && this.#failures === 1) {
      // One notification per outage; the view's line says the rest.
      const testConnection = vscode.l10n.t('Test Connection');
      void vscode.window.showWarningMessage(vscode.l10n.t('The PLYR API cannot be reached. Automatic refresh will try again less and less often until it answers.'), testConnection).then((choice) => {
        if (choice === testConnection) {
          void vscode.commands.executeCommand(COMMANDS.testConnection);
        }
      });
    }
    if (this.#active && this.#options.settings.view().autoRefreshSeconds > 0) {
      // The view shown during a round for the status bar alone: its rows are due now.
      const intervalMs = this.#delayMs();
      this.#schedule(this.#dueInMs(intervalMs), intervalMs);
    }
  }

  #stop(): void {
    clearTimeout(this.#refreshTimer);
    clearInterval(this.#ageTimer);
    this.#refreshTimer = this.#ageTimer = undefined;
  }

  dispose(): void {
    this.#stop();
    for (const s of this.#subscriptions) {
      s.dispose();
    }
  }
}
