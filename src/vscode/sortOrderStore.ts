import * as vscode from 'vscode';
import { parseSortOrder, SortOrder } from '../core/sortOrder';
import { CONTEXT_KEYS, STATE_KEYS } from './ids';

/** The sidebar's sort order, synced with the list, and the context key the view's title reads. */
export class SortOrderStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SortOrder>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    void this.updateContextKey();
  }

  get current(): SortOrder {
    return parseSortOrder(this.state.get<unknown>(STATE_KEYS.sortOrder));
  }

  async set(order: SortOrder): Promise<void> {
    await this.state.update(STATE_KEYS.sortOrder, order);
    this.changed.fire(order);
    await this.updateContextKey();
  }

  private async updateContextKey(): Promise<void> {
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.sortBy, this.current.by);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
