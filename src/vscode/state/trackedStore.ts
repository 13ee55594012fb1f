import * as vscode from 'vscode';
import { GroupRenames, Layout, sanitizeLayout } from '../../core/model/groups';
import { sanitizeStored, TrackedIdentifier, TrackedList } from '../../core/model/trackedList';
import { STATE_KEYS } from '../ids';

/**
 * The tracked identifiers in the user's order, and their groups, in globalState (synced across
 * machines through Settings Sync: SYNCED_STATE_KEYS). Plain data in, change events out; every edit is a pure function
 * of the list (or of the list and the groups).
 *
 * Other windows and Settings Sync write the same globalState, and VS Code hands their values to
 * this window's. So every edit starts from what globalState holds then, not from this window's
 * copy (which would write their changes away), and the rows follow on focus.
 */
export class TrackedStore implements vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.#changed.event;
  #layout: Layout = { list: [], groups: [] };
  /** What globalState held when last read or written: a value it holds other than these is news. */
  #seen: { list: unknown; groups: unknown } = { list: undefined, groups: undefined };
  /** id -> entry, for the tree's per-row lookups (thousands of rows render often). */
  #byId = new Map<string, TrackedIdentifier>();
  /** id -> when it came into the list, as this window saw it (a count): see {@link arrivalOf}. */
  #arrivals = new Map<string, number>();
  #arrived = 0;
  readonly #focus: vscode.Disposable;
  /** The groups this window renamed, for the Undo of a row removed before. */
  readonly groupRenames = new GroupRenames();

  readonly #state: vscode.Memento;

  /** `windowState`: the window's focus changes (VS Code's own unless a test fires its own). */
  constructor(
    state: vscode.Memento,
    windowState: vscode.Event<vscode.WindowState> = vscode.window.onDidChangeWindowState,
  ) {
    this.#state = state;
    this.reload();
    this.#focus = windowState((window) => window.focused && this.reload());
  }

  /** Takes in what another window or Settings Sync wrote; announces it if the rows change. */
  reload(): void {
    const list = this.#state.get<unknown>(STATE_KEYS.tracked);
    const groups = this.#state.get<unknown>(STATE_KEYS.groups);
    if (list === this.#seen.list && groups === this.#seen.groups) {
      return;
    }
    this.#seen = { list, groups };
    const next = sanitizeLayout(sanitizeStored(list), groups);
    // VS Code echoes this window's own writes back as copies: the same rows are no news.
    if (canonical(next) === canonical(this.#layout)) {
      return;
    }
    this.#take(next);
    this.#changed.fire();
  }

  get all(): TrackedList {
    return this.#layout.list;
  }

  /** Group names in the user's order; empty groups included. */
  get groups(): readonly string[] {
    return this.#layout.groups;
  }

  find(id: string): TrackedIdentifier | undefined {
    return this.#byId.get(id);
  }

  /**
   * When the identifier came into the list, as this window saw it: the same number while it stays,
   * a new one once removed and added again. An Undo takes back what its own action put in, and
   * not an identifier the user removed and added again since. Undefined when not in the list.
   */
  arrivalOf(id: string): number | undefined {
    return this.#arrivals.get(id);
  }

  update(edit: (list: TrackedList) => TrackedList): Promise<void> {
    return this.updateLayout((layout) => {
      const list = edit(layout.list);
      return list === layout.list ? layout : { ...layout, list };
    });
  }

  async updateLayout(edit: (layout: Layout) => Layout): Promise<void> {
    this.reload();
    const edited = edit(this.#layout);
    if (edited === this.#layout) {
      return;
    }
    // An entry put back by an undo may name a group deleted since: the group comes back with it.
    const next = sanitizeLayout(edited.list, edited.groups);
    const groupsChanged = next.groups.length !== this.#layout.groups.length || next.groups.some((g, i) => g !== this.#layout.groups[i]);
    this.#take(next);
    this.#seen = { list: next.list, groups: groupsChanged ? next.groups : this.#seen.groups };
    // Written (queued: globalState answers with it at once) before anyone hears of it, so that a
    // listener's own edit starts from this one and does not take the stored list for news.
    const written = Promise.all([this.#state.update(STATE_KEYS.tracked, next.list), groupsChanged ? this.#state.update(STATE_KEYS.groups, next.groups) : undefined]);
    this.#changed.fire();
    await written;
  }

  #take(next: Layout): void {
    this.#layout = next;
    this.#byId = new Map(next.list.map((t) => [t.id, t]));
    const arrivals = new Map<string, number>();
    for (const id of this.#byId.keys()) {
      arrivals.set(id, this.#arrivals.get(id) ?? ++this.#arrived);
    }
    this.#arrivals = arrivals;
  }

  dispose(): void {
    this.#focus.dispose();
    this.#changed.dispose();
  }
}

/** The layout as text with each entry's fields in one order: an edit adds its fields last, a read in their stored order. */
function canonical(layout: Layout): string {
  return JSON.stringify([layout.groups, layout.list.map((t) => [t.id, t.kind, t.label ?? null, t.tokens ?? null, t.notify ?? null, t.group ?? null, t.written ?? null])]);
}
