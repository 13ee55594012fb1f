import { setMaxListeners } from 'node:events';
import * as vscode from 'vscode';
import { AccountSection, AccountStore } from '../../core/store/accountStore';
import { BalanceStore } from '../../core/store/balanceStore';
import { runPool } from '../../core/store/pool';
import { Slots } from '../../core/store/slots';
import { parseIdentifier } from '../../core/model/identifier';
import { toIdentifier } from '../../core/model/trackedList';
import { CONTEXT_KEYS, VIEWS } from '../ids';
import { PlyrErrorCode, StoredError } from '../../core/model/errors';
import { FailedRow } from '../../core/store/retryOnce';
import { Listed, OpenRows } from '../../core/store/openRows';
import { TrackedStore } from './trackedStore';
import { WorkspaceWatchList } from './workspaceWatchList';

export interface RefresherOptions {
  readonly store: BalanceStore;
  readonly tracked: TrackedStore;
  readonly watched: WorkspaceWatchList;
  /** The account's groups and wallets: those open in the view are refreshed with the balances. */
  readonly accounts: AccountStore;
  readonly openRows: OpenRows;
  /** Whether an identifier is still in the list its row came from. */
  readonly listedIn: Listed;
  /** Requests at a time (plyr.refreshConcurrency). */
  readonly concurrency: () => number;
  /** Run once a refresh of everything is done, before it resolves (keeping the answers). */
  readonly afterRefreshAll?: () => Promise<void>;
}

/**
 * Refreshes tracked identifiers through the shared store, showing progress in the view. A refresh
 * of everything asked for while one runs joins it instead of starting another. It also asks again
 * for the account's groups and wallets that are open, in the same pool (the same concurrency).
 */
export class Refresher {
  /** The refresh of everything that runs: true once it ran to its end, false when stopped. */
  #running: Promise<boolean> | undefined;
  /** A refresh of everything to run once the one running now is done (see refreshAllAgain). */
  #queued: { readonly promise: Promise<boolean>; cancelled: boolean } | undefined;
  /** Stops the requests of the refresh that runs (Stop Refreshing); gone once they settled. */
  #abort: AbortController | undefined;
  /** The refresh that runs was stopped: one asked for now runs after it, rather than join it. */
  #stopped = false;
  /** Rows the view shows before they are known, asked as many at a time as a refresh. */
  readonly #viewLoads = new Slots(() => this.#options.concurrency());
  /** Those asked or waiting their turn: a row rendered again meanwhile is not asked twice. */
  readonly #loading = new Map<string, Promise<boolean>>();
  /** Stops the rows the view asks for (Stop Refreshing); a new one for those asked after. */
  #viewAbort = manyListeners(new AbortController());
  /** Rows whose load Stop Refreshing stopped: a render does not ask them again, a refresh does. */
  readonly #stoppedLoads = new Set<string>();
  /** Whether Stop Refreshing is offered: a refresh of everything runs, or rows of the view load. */
  #offeringStop = false;
  /** Identifiers the refresh of everything that runs asks for and has not had answered yet. */
  readonly #refreshAsking = new Set<string>();
  readonly #askedChanged = new vscode.EventEmitter<string[]>();
  /**
   * Rows never loaded that were asked for, or no longer are (answered, or dropped by Stop
   * Refreshing): a row waiting its turn reads "loading…", not "not loaded".
   */
  readonly onDidChangeAsked = this.#askedChanged.event;

  /** When the last refresh of everything started: it skipped the groups closed then. */
  #refreshedAllAt: number | undefined;
  readonly #options: RefresherOptions;

  constructor(options: RefresherOptions) {
    this.#options = options;
  }

  /**
   * Stops the refresh of everything that runs, the one queued after it, and the rows the view is
   * loading: nothing more is asked, what is on its way is dropped, and the rows keep what they
   * showed (a row never loaded stays so until a refresh). A refresh asked for after the stop runs.
   * False when there was nothing to stop.
   */
  stop(): boolean {
    const loads = this.#loading.size > 0;
    if (loads || this.#abort) {
      // The rows never loaded stay so: a render would otherwise ask them (view loads) at once.
      const { store, tracked, watched } = this.#options;
      for (const { id } of [...tracked.all, ...watched.all]) {
        const entry = store.get(id);
        if (entry?.balances === undefined && entry?.error === undefined) {
          this.#stoppedLoads.add(id);
        }
      }
    }
    if (loads) {
      this.#viewAbort.abort();
      this.#viewAbort = manyListeners(new AbortController());
    }
    const queued = this.#queued;
    if (queued) {
      queued.cancelled = true;
      this.#queued = undefined;
    }
    if (this.#abort) {
      this.#abort.abort();
      this.#abort = undefined;
      this.#stopped = true;
      this.#offerStop();
      return true;
    }
    return queued !== undefined || loads;
  }

  /** Whether the identifier was asked for, by a refresh of everything or by its row, and is not answered yet. */
  isAsked(id: string): boolean {
    return this.#loading.has(id) || this.#refreshAsking.has(id);
  }

  /**
   * A group opened again is asked again when a refresh of everything skipped it while it was
   * closed (its answer is older than that refresh), as it would have been had it stayed open. Its
   * known rows show meanwhile; opened again before any refresh, it costs nothing.
   */
  reopened(plyrId: string, section: AccountSection): void {
    const known = this.#options.accounts.get(plyrId, section);
    if (this.#refreshedAllAt !== undefined && known?.fetchedAt !== undefined && !known.loading && known.fetchedAt < this.#refreshedAllAt) {
      void this.#options.accounts.load(plyrId, section);
    }
  }

  /** Resolves true once everything was asked and answered, false when Stop Refreshing stopped it. */
  refreshAll(): Promise<boolean> {
    if (this.#running && this.#stopped) {
      return this.refreshAllAgain();
    }
    if (!this.#running) {
      this.#refreshedAllAt = Date.now();
      this.#stopped = false;
      this.#stoppedLoads.clear();
      const abort = new AbortController();
      this.#abort = abort;
      const { signal } = manyListeners(abort);
      this.#offerStop();
      const { store, tracked, watched, accounts, openRows, listedIn } = this.#options;
      // The user's list and the workspace's; an identifier in both is asked once.
      const ids = new Set(tracked.all.map((t) => t.id));
      const identifiers = [...tracked.all, ...watched.all.filter((w) => !ids.has(w.id))].map(toIdentifier);
      const listed = (id: string) => tracked.find(id) !== undefined || watched.find(id) !== undefined;
      identifiers.forEach(({ value }) => this.#refreshAsking.add(value));
      this.#tellAsked(identifiers.map(({ value }) => value));
      const answered = (id: string) => () => void this.#refreshAsking.delete(id);
      const tasks: (() => Promise<unknown>)[] = [
        // One removed while the refresh runs is not asked for (nor brought back by its answer).
        ...identifiers.map((identifier) => () => (listed(identifier.value) ? store.refresh(identifier, { signal }) : Promise.resolve()).finally(answered(identifier.value))),
        ...openRows.openSections(listedIn).map(({ plyrId, section }) => () => accounts.load(plyrId, section, signal)),
        ...openRows.openWallets(listedIn).flatMap((address) => {
          const parsed = parseIdentifier(address);
          return parsed.ok ? [() => store.refresh(parsed.value, { signal })] : [];
        }),
      ];
      const asked = Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEWS.balances } }, () => runPool(tasks, this.#options.concurrency(), async (task) => void (await task()), signal)));
      this.#running = asked
        .finally(() => {
          // Those Stop Refreshing kept from their turn are asked no more.
          const unasked = [...this.#refreshAsking];
          this.#refreshAsking.clear();
          this.#tellAsked(unasked);
          // Nothing left to stop once every request settled (keeping the answers is not the refresh).
          if (this.#abort === abort) {
            this.#abort = undefined;
            this.#offerStop();
          }
        })
        // Keeping the answers is not the refresh: a failed write does not fail it.
        .then(() => (this.#options.afterRefreshAll?.() ?? Promise.resolve()).catch(() => undefined))
        .then(() => !signal.aborted)
        .finally(() => (this.#running = undefined));
    }
    return this.#running;
  }

  /**
   * Everything again, after the refresh running now if one is: that one asked part of its rows
   * with the old credentials or of the old server, and joining it would leave them as they came back.
   */
  refreshAllAgain(): Promise<boolean> {
    if (!this.#running) {
      return this.refreshAll();
    }
    if (!this.#queued) {
      const entry: { promise: Promise<boolean>; cancelled: boolean } = {
        cancelled: false,
        promise: this.#running.catch(() => false).then(() => {
          if (this.#queued === entry) {
            this.#queued = undefined;
          }
          return entry.cancelled ? false : this.refreshAll();
        }),
      };
      this.#queued = entry;
    }
    return this.#queued.promise;
  }

  /**
   * A row the view shows before it is known (the workspace's group opens with all its rows): asked
   * in turn, as many at a time as a refresh, once however often the view renders it meanwhile,
   * and not at all if a refresh answered it, or both lists dropped it, before its turn.
   */
  load(id: string): Promise<boolean> {
    if (this.#stoppedLoads.has(id)) {
      return Promise.resolve(false);
    }
    let pending = this.#loading.get(id);
    if (!pending) {
      pending = this.#loadInTurn(id, this.#viewAbort.signal).finally(() => (this.#loading.delete(id), this.#tellAsked([id]), this.#offerStop()));
      this.#loading.set(id, pending);
      this.#tellAsked([id]);
      this.#offerStop();
    }
    return pending;
  }

  /** False when Stop Refreshing stopped it. */
  async #loadInTurn(id: string, signal: AbortSignal): Promise<boolean> {
    try {
      // A refresh of everything running asks this row too: waited for, not added to its requests.
      await this.#running?.catch(() => undefined);
      return await this.#viewLoads.run(() => (this.#options.store.get(id) ? Promise.resolve(true) : this.refreshOne(id, signal)), signal);
    } catch (error) {
      if (signal.aborted) {
        return false;
      }
      throw error;
    }
  }

  /** Whether a refresh of everything runs: it asks every failed row itself. */
  get refreshingAll(): boolean {
    return this.#running !== undefined;
  }

  /**
   * The rows whose last answer failed with one of these codes, not being asked now: identifiers of
   * either list, and the open groups and wallets (what a refresh asks). Keys as {@link retry} takes them.
   * `waitAsTold`: not one whose failure said how long to wait (a 503's Retry-After, a maintenance
   * of a day) until then; a 429's own retry comes when its hold ends, and needs no such check.
   */
  failing(codes: ReadonlySet<PlyrErrorCode>, waitAsTold = false): FailedRow[] {
    const { store, tracked, watched, accounts, openRows, listedIn } = this.#options;
    const now = Date.now();
    const waiting = (error: StoredError) => waitAsTold && error.retryAfterMs !== undefined && error.at + error.retryAfterMs > now;
    const failed = (entry: { readonly loading: boolean; readonly error?: StoredError } | undefined) => entry !== undefined && !entry.loading && entry.error !== undefined && codes.has(entry.error.code) && !waiting(entry.error);
    const rows = new Map<string, FailedRow>();
    const wallets = openRows.openWallets(listedIn).flatMap((address) => {
      const parsed = parseIdentifier(address);
      return parsed.ok ? [parsed.value.value] : [];
    });
    for (const id of [...tracked.all.map((t) => t.id), ...watched.all.map((w) => w.id), ...wallets]) {
      const entry = store.get(id);
      if (failed(entry) && !this.isAsked(id)) {
        rows.set(id, { key: id, answeredAt: entry?.fetchedAt, failedAt: entry?.error?.at });
      }
    }
    for (const { plyrId, section } of openRows.openSections(listedIn)) {
      const entry = accounts.get(plyrId, section);
      if (failed(entry)) {
        const key = `${plyrId}\n${section}`;
        rows.set(key, { key, answeredAt: entry?.fetchedAt, failedAt: entry?.error?.at });
      }
    }
    return [...rows.values()];
  }

  /** Asks these rows (as {@link failing} names them) again, as many at a time as a refresh. */
  retry(keys: readonly string[]): Promise<void> {
    return runPool(keys, this.#options.concurrency(), async (key) => {
      const [plyrId, section] = key.split('\n');
      if (section !== undefined) {
        await this.#options.accounts.load(plyrId, section as AccountSection);
      } else if (!(await this.refreshOne(key))) {
        // An open wallet, in neither list.
        const parsed = parseIdentifier(key);
        await (parsed.ok ? this.#options.store.refresh(parsed.value) : undefined);
      }
    });
  }

  /** Refreshes one identifier of either list; false when neither holds it. */
  async refreshOne(id: string, signal?: AbortSignal): Promise<boolean> {
    const entry = this.#options.tracked.find(id) ?? this.#options.watched.find(id);
    if (entry) {
      this.#stoppedLoads.delete(id);
      await this.#options.store.refresh(toIdentifier(entry), { signal });
    }
    return entry !== undefined;
  }

  dispose(): void {
    this.#askedChanged.dispose();
  }

  /** Only rows with nothing known read differently for being asked (the store tells of the others). */
  #tellAsked(ids: readonly string[]): void {
    const unknown = ids.filter((id) => this.#options.store.get(id) === undefined);
    if (unknown.length > 0) {
      this.#askedChanged.fire(unknown);
    }
  }

  /** Offers Stop Refreshing (a context key) while there is something to stop. */
  #offerStop(): void {
    const on = this.#abort !== undefined || this.#loading.size > 0;
    if (on !== this.#offeringStop) {
      this.#offeringStop = on;
      setRefreshing(on);
    }
  }
}

/** Every request in flight and every row waiting its turn listens to its signal: not a leak. */
function manyListeners(controller: AbortController): AbortController {
  setMaxListeners(0, controller.signal);
  return controller;
}

function setRefreshing(on: boolean): void {
  vscode.commands.executeCommand('setContext', CONTEXT_KEYS.refreshing, on).then(undefined, () => undefined);
}

/**
 * When everything is refreshed without being asked: new credentials start a new epoch (answers
 * to requests signed with the old ones are dropped) and open a rate limit's gate, and a new
 * server (once its remembered balances are restored) is asked for every row, and for the status
 * bar's identifier, which need not be in either list.
 */
export function refreshOnServerChanges({ refresher, store, accounts, client, credentials, settings, statusBar }: { refresher: Refresher; store: BalanceStore; accounts: AccountStore; client: { credentialsChanged(): void }; credentials: { readonly onDidChange: vscode.Event<unknown> }; settings: { readonly onDidChange: vscode.Event<{ readonly scope: boolean }> }; statusBar: { refresh(): Promise<void> } }): vscode.Disposable[] {
  // What fails shows in its row; nothing here has anyone to tell.
  const everything = () => void Promise.all([refresher.refreshAllAgain(), statusBar.refresh()]).catch(() => undefined);
  return [
    credentials.onDidChange(() => {
      client.credentialsChanged();
      store.newEpoch();
      accounts.newEpoch();
      everything();
    }),
    settings.onDidChange((change) => change.scope && everything()),
  ];
}
