import * as vscode from 'vscode';

export interface StoredChoiceOptions<T> {
  readonly state: vscode.Memento;
  /** The state key the choice is stored under. */
  readonly key: string;
  readonly read: (stored: unknown) => T;
  readonly contextKey: string;
  /** What the context key holds for a value (the value itself when absent). */
  readonly contextValue?: (value: T) => unknown;
}

/**
 * A user's choice kept in globalState, with a change event and a context key that menus and
 * buttons read (the privacy mask, the view's sort order). `read` turns whatever is stored (another
 * version, another machine) into a valid value.
 */
export class StoredChoice<T> implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: StoredChoiceOptions<T>) {
    void this.updateContextKey();
  }

  get value(): T {
    const { state, key, read } = this.options;
    return read(state.get<unknown>(key));
  }

  async set(value: T): Promise<void> {
    if (JSON.stringify(value) === JSON.stringify(this.value)) {
      return;
    }
    await this.options.state.update(this.options.key, value);
    this.changed.fire(value);
    await this.updateContextKey();
  }

  private async updateContextKey(): Promise<void> {
    const { contextKey, contextValue = (value: T) => value } = this.options;
    await vscode.commands.executeCommand('setContext', contextKey, contextValue(this.value));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
