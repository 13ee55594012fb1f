import * as vscode from 'vscode';
import { SETTINGS } from './ids';
import { readViewSettings } from './settings';

/**
 * Refreshes every N seconds (plyr.autoRefreshSeconds, 0 off) while the view is visible, and
 * re-renders row ages each minute while it is visible. Nothing runs while the view is hidden.
 * When the view comes into sight with data older than the interval (or none yet: a fresh start),
 * it refreshes at once rather than showing old numbers until the next tick.
 */
export class AutoRefresh implements vscode.Disposable {
  private refreshTimer: NodeJS.Timeout | undefined;
  private ageTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[];
  private lastRefreshAt: number | undefined;

  constructor(private readonly view: vscode.TreeView<unknown>, private readonly refreshAll: () => Promise<void>, private readonly rerender: () => void) {
    this.subscriptions = [
      view.onDidChangeVisibility(() => this.reschedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS.section}.${SETTINGS.autoRefreshSeconds}`)) {
          this.reschedule();
        }
      }),
    ];
    this.reschedule();
  }

  private reschedule(): void {
    this.stop();
    if (!this.view.visible) {
      return;
    }
    const seconds = readViewSettings().autoRefreshSeconds;
    if (seconds > 0) {
      this.refreshTimer = setInterval(() => this.refresh(), seconds * 1000);
      if (this.lastRefreshAt === undefined || Date.now() - this.lastRefreshAt > seconds * 1000) {
        this.refresh();
      }
    }
    this.ageTimer = setInterval(this.rerender, 60_000);
  }

  private refresh(): void {
    this.lastRefreshAt = Date.now();
    void this.refreshAll();
  }

  private stop(): void {
    clearInterval(this.refreshTimer);
    clearInterval(this.ageTimer);
    this.refreshTimer = this.ageTimer = undefined;
  }

  dispose(): void {
    this.stop();
    for (const s of this.subscriptions) {
      s.dispose();
    }
  }
}
