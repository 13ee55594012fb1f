import * as vscode from 'vscode';

/**
 * A user's choice kept in globalState, with a change event and a context key that menus and
 * buttons read (the privacy mask, the view's sort order). `read` turns whatever is stored (another
 * version, another machine) into a valid value.
 */
export class StoredChoice<T> implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly key: string,
    private readonly read: (stored: unknown) => T,
    private readonly contextKey: string,
    private readonly contextValue: (value: T) => unknown = (value) => value,
  ) {
    void this.updateContextKey();
  }

  get value(): T {
    return this.read(this.state.get<unknown>(this.key));
  }

  async set(value: T): Promise<void> {
    if (JSON.stringify(value) === JSON.stringify(this.value)) {
      return;
    }
    await this.state.update(this.key, value);
    this.changed.fire(value);
    await this.updateContextKey();
  }

  private async updateContextKey(): Promise<void> {
    await vscode.commands.executeCommand('setContext', this.contextKey, this.contextValue(this.value));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
