import * as vscode from 'vscode';

/** What a line of the view's message says: that the server cannot be reached, that it holds requests back, or how rows are sorted. */
export type ViewMessageKind = 'outage' | 'rateLimit' | 'sort';

/**
 * The view's one message line (above its rows), shared: an outage says more than a rate limit,
 * which says more than the sort; the most telling shows, and the next comes back after it. The message shows in every
 * layout; a view's description does not once VS Code merges the only view into its container's title.
 */
export class ViewMessage {
  readonly #view: Pick<vscode.TreeView<unknown>, 'message'>;
  readonly #lines = new Map<ViewMessageKind, string>();

  constructor(view: Pick<vscode.TreeView<unknown>, 'message'>) {
    this.#view = view;
  }

  get(kind: ViewMessageKind): string | undefined {
    return this.#lines.get(kind);
  }

  set(kind: ViewMessageKind, line: string | undefined): void {
    if (line === undefined) {
      this.#lines.delete(kind);
    } else {
      this.#lines.set(kind, line);
    }
    this.#view.message = this.#lines.get('outage') ?? this.#lines.get('rateLimit') ?? this.#lines.get('sort');
  }
}
