import * as vscode from 'vscode';
import { SETTINGS } from './ids';
import { readViewSettings } from './settings';

/**
 * Refreshes every N seconds (plyr.autoRefreshSeconds, 0 off) while the view is visible, and
 * re-renders row ages each minute while it is visible. Nothing runs while the view is hidden.
 */
export class AutoRefresh implements vscode.Disposable {
  private refreshTimer: NodeJS.Timeout | undefined;
  private ageTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[];

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
      this.refreshTimer = setInterval(() => void this.refreshAll(), seconds * 1000);
    }
    this.ageTimer = setInterval(this.rerender, 60_000);
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
