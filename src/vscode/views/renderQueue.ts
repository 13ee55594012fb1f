import * as vscode from 'vscode';

const FRAME_MS = 50;
/** Past this many changed rows, one full render costs less than row-by-row updates. */
const MAX_ROWS = 100;

/**
 * Store events come per identifier (twice per refresh) and list edits can come by the thousand;
 * rendering each would flood the view, so they are coalesced into one render a frame: of the rows
 * that changed, or of everything (`undefined`).
 */
export class RenderQueue implements vscode.Disposable {
  readonly #pending = new Set<string>();
  #everything = false;
  #frame: NodeJS.Timeout | undefined;
  #rendered: (() => void)[] = [];

  readonly #flush: (ids: readonly string[] | undefined) => void;

  constructor(flush: (ids: readonly string[] | undefined) => void) {
    this.#flush = flush;
  }

  /** Renders these rows, or every row when none are named, within a frame. */
  render(ids?: readonly string[]): void {
    if (ids) {
      ids.forEach((id) => this.#pending.add(id));
    } else {
      this.#everything = true;
    }
    this.#frame ??= setTimeout(() => {
      this.#frame = undefined;
      const all = this.#everything || this.#pending.size > MAX_ROWS;
      const ids = all ? undefined : [...this.#pending];
      this.#pending.clear();
      this.#everything = false;
      this.#flush(ids);
      this.#rendered.splice(0).forEach((resolve) => resolve());
    }, FRAME_MS);
  }

  /** Resolves once what is queued now has been rendered (at once when nothing is). */
  whenRendered(): Promise<void> {
    return this.#frame === undefined ? Promise.resolve() : new Promise((resolve) => this.#rendered.push(resolve));
  }

  dispose(): void {
    clearTimeout(this.#frame);
    this.#rendered.splice(0).forEach((resolve) => resolve());
  }
}
