import * as vscode from 'vscode';

export interface StoredChoiceOptions<T> {
  readonly state: vscode.Memento;
  /** The state key the choice is stored under. */
  readonly key: string;
  readonly read: (stored: unknown) => T;
  /** The context key menus read; absent when another part sets it (the sort order's). */
  readonly contextKey?: string;
  /** What the context key holds for a value (the value itself when absent). */
  readonly contextValue?: (value: T) => unknown;
  /** The window's focus changes (VS Code's own unless a test fires its own). */
  readonly windowState?: vscode.Event<vscode.WindowState>;
}

/**
 * A user's choice kept in globalState, with a change event and a context key that menus and
 * buttons read (the privacy mask, the view's sort order). `read` turns whatever is stored (another
 * version, another machine) into a valid value.
 */
export class StoredChoice<T> implements vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<T>();
  readonly onDidChange = this.#changed.event;
  /** The value as last announced: another window's choice (globalState is shared) is news. */
  #seen: string;
  readonly #focus: vscode.Disposable;

  readonly #options: StoredChoiceOptions<T>;

  constructor(options: StoredChoiceOptions<T>) {
    this.#options = options;
    this.#seen = JSON.stringify(this.value);
    void this.#updateContextKey();
    // Another window's choice shows here once this one has the focus: a mask turned on there (to
    // share a screen) hides the amounts here too, and the buttons and menus say so.
    this.#focus = (options.windowState ?? vscode.window.onDidChangeWindowState)((window) => window.focused && this.reload());
  }

  /** Takes in a value another window or Settings Sync wrote, announcing it if it differs. */
  reload(): void {
    const value = this.value;
    const text = JSON.stringify(value);
    if (text !== this.#seen) {
      this.#seen = text;
      this.#changed.fire(value);
      void this.#updateContextKey();
    }
  }

  get value(): T {
    const { state, key, read } = this.#options;
    return read(state.get<unknown>(key));
  }

  async set(value: T): Promise<void> {
    if (JSON.stringify(value) === JSON.stringify(this.value)) {
      return;
    }
    await this.#options.state.update(this.#options.key, value);
    this.#seen = JSON.stringify(this.value);
    this.#changed.fire(value);
    await this.#updateContextKey();
  }

  async #updateContextKey(): Promise<void> {
    const { contextKey, contextValue = (value: T) => value } = this.#options;
    if (contextKey === undefined) {
      return;
    }
    await vscode.commands.executeCommand('setContext', contextKey, contextValue(this.value));
  }

  dispose(): void {
    this.#focus.dispose();
    this.#changed.dispose();
  }
}
