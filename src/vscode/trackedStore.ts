import * as vscode from 'vscode';
import { sanitizeStored, TrackedIdentifier, TrackedList } from '../core/trackedList';
import { CONTEXT_KEYS, STATE_KEYS } from './ids';

/**
 * The tracked identifiers, in the user's order, in globalState (synced across machines through
 * Settings Sync). Plain data in, change events out; every edit is a pure function of the list.
 */
export class TrackedStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private list: TrackedList;
  /** id -> entry, for the tree's per-row lookups (thousands of rows render often). */
  private byId = new Map<string, TrackedIdentifier>();

  constructor(private readonly state: vscode.Memento & { setKeysForSync(keys: readonly string[]): void }) {
    state.setKeysForSync([STATE_KEYS.tracked]);
    this.list = sanitizeStored(state.get<unknown>(STATE_KEYS.tracked));
    this.byId = new Map(this.list.map((t) => [t.id, t]));
    void this.updateContextKey();
  }

  get all(): TrackedList {
    return this.list;
  }

  find(id: string): TrackedIdentifier | undefined {
    return this.byId.get(id);
  }

  async update(edit: (list: TrackedList) => TrackedList): Promise<void> {
    const next = edit(this.list);
    if (next === this.list) {
      return;
    }
    this.list = next;
    this.byId = new Map(next.map((t) => [t.id, t]));
    this.changed.fire();
    await Promise.all([this.state.update(STATE_KEYS.tracked, next), this.updateContextKey()]);
  }

  private async updateContextKey(): Promise<void> {
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.trackedCount, this.list.length);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
