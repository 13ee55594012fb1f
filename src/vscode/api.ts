import * as vscode from 'vscode';
import { SortOrder } from '../core/model/sortOrder';
import { TrackedIdentifier } from '../core/model/trackedList';
import { Services } from './services';
import type { ActivityEntry } from '../core/model/activity';
import type { Allowance } from '../core/model/allowances';
import type { Chip } from '../core/model/chips';
import { PlyrError } from '../core/model/errors';
import { AccountStore, AccountWallets, SectionValues } from '../core/store/accountStore';
import { plyrIdArgument } from './commands/identifierArguments';
import { AutoRefreshSchedule } from './views/autoRefresh';
import type { SidebarRow } from './views/tree/balancesTreeProvider';

export type { SidebarRow } from './views/tree/balancesTreeProvider';

/** One tracked identifier as other extensions see it. */
export interface TrackedSnapshot {
  readonly identifier: string;
  readonly kind: 'plyrId' | 'address';
  readonly label?: string;
  /** The last good balances (decimal strings as received), even when a later refresh failed. */
  readonly balances?: Readonly<Record<string, string>>;
  readonly status: 'ok' | 'loading' | 'error' | 'unknown';
  /** Epoch ms of the last good balances. */
  readonly updatedAt?: number;
  readonly error?: { readonly code: string; readonly message: string };
  /** Per token, the exact change the last refresh brought ("+12.5", "−3"), when something moved. */
  readonly changes?: Readonly<Record<string, string>>;
  /** Whether "Notify on change" is on for it (the user's list only). */
  readonly notify?: boolean;
  /** The group (folder) it is in; none for the top level. */
  readonly group?: string;
}

/** Balances that moved between two refreshes of one identifier (also across a restart). */
export interface BalancesChangedEvent {
  readonly identifier: string;
  /** Each token whose amount moved: decimal strings as received, and the exact signed change. */
  readonly changes: readonly { readonly token: string; readonly previous: string; readonly current: string; readonly delta: string }[];
}

/** What `activate()` returns: `vscode.extensions.getExtension('plyr-tools.plyr-balance').exports`. */
export interface PlyrBalanceApi {
  readonly apiVersion: 1;
  /** The user's list in its manual order (whatever the view's sort), with each row's group. */
  getTracked(): TrackedSnapshot[];
  /** The user's groups in their order, empty ones included. */
  getGroups(): string[];
  /** How the user chose to sort the view (by value is paused to manual while values are off); the manual order stays that of getTracked(). */
  readonly sortOrder: SortOrder;
  /** The workspace's watch-list (`.vscode/plyr.json`), read-only, in the same shape. */
  getWatched(): TrackedSnapshot[];
  /**
   * The rows of the Balances view as it shows them (labels, descriptions with the values in
   * dollars, tooltips, what a screen reader says), every group and identifier open, the account's
   * groups left out. An identifier not known yet is asked for, as opening its row would.
   */
  getSidebarRows(): SidebarRow[];
  /** The ids of the Balances view's selected rows, as getSidebarRows() names them (the row a reveal or an Undo selected). */
  getSidebarSelection(): string[];
  /** What the status bar item shows (plyr.statusBar.identifier), or undefined when it is off. */
  getStatusBar(): { readonly identifier: string; readonly token: string; readonly text: string; readonly tooltip: string; readonly stale: boolean } | undefined;
  /** Fires when either list or any of their balances change. */
  readonly onDidChange: vscode.Event<void>;
  /**
   * Fires when a refresh finds an identifier's balances moved since its last good answer, with the
   * old and new values: the event behind "Notify on change", for every identifier.
   */
  readonly onDidChangeBalances: vscode.Event<BalancesChangedEvent>;
  /** Whether the user's privacy mask is on: other extensions showing balances should hide amounts too. */
  readonly privacyMask: boolean;
  readonly onDidChangePrivacyMask: vscode.Event<boolean>;
  /**
   * The automatic refresh (plyr.autoRefreshSeconds): whether a round runs now, when the next is
   * due (epoch ms) and the wait between rounds then in force (longer while backing off). No round
   * is due while nobody can see balances (the view hidden and no status bar item, or the window
   * unfocused), so a test can see that nothing will refresh without waiting.
   */
  getAutoRefresh(): AutoRefreshSchedule;
  /**
   * A PLYR ID's game chips, as its Chips group shows them: loaded once through the same store as
   * the sidebar (shared, last good kept), then as known. Rejects with the typed error when
   * nothing could be read.
   */
  getChips(plyrId: string): Promise<readonly Chip[]>;
  /** What each game may spend of the account's tokens, until when (expired ones are left out by the server). */
  getAllowances(plyrId: string): Promise<readonly Allowance[]>;
  /** One page of the activity log, newest first (`limit` 1 to 100, 25 by default), read from the server. */
  getActivity(plyrId: string, page?: { readonly offset?: number; readonly limit?: number }): Promise<readonly ActivityEntry[]>;
  /** The account's primary, mirror (which holds its balances) and secondary wallets. */
  getWallets(plyrId: string): Promise<AccountWallets>;
}

export function createApi(
  { tracked, watched, store, statusBar, privacy, sortOrder, accounts, client }: Pick<Services, 'tracked' | 'watched' | 'store' | 'statusBar' | 'privacy' | 'sortOrder' | 'accounts' | 'client'>,
  sidebar: { readonly autoRefresh: { readonly scheduled: AutoRefreshSchedule }; rows(): SidebarRow[]; selectedIds(): string[] },
  disposables: vscode.Disposable[],
): PlyrBalanceApi {
  const changed = new vscode.EventEmitter<void>();
  const balancesChanged = new vscode.EventEmitter<BalancesChangedEvent>();
  const storeListener = store.onDidChange(() => changed.fire());
  const movedListener = store.onDidChangeBalances(({ id, changes }) => balancesChanged.fire({ identifier: id, changes: changes.map((c) => ({ ...c })) }));
  disposables.push(changed, balancesChanged, tracked.onDidChange(() => changed.fire()), sortOrder.onDidChange(() => changed.fire()), watched.onDidChange(() => changed.fire()), { dispose: () => storeListener.dispose() }, { dispose: () => movedListener.dispose() });
  const snapshot = (t: TrackedIdentifier): TrackedSnapshot => {
    const entry = store.get(t.id);
    const status = !entry ? 'unknown' : entry.loading ? 'loading' : entry.error ? 'error' : 'ok';
    return {
      identifier: t.id,
      kind: t.kind,
      ...(t.label ? { label: t.label } : {}),
      ...(entry?.balances ? { balances: { ...entry.balances } } : {}),
      status,
      ...(entry?.fetchedAt ? { updatedAt: entry.fetchedAt } : {}),
      ...(entry?.error ? { error: { code: entry.error.code, message: entry.error.message } } : {}),
      ...(entry?.changes ? { changes: { ...entry.changes } } : {}),
      ...(t.notify ? { notify: true } : {}),
      ...(t.group !== undefined ? { group: t.group } : {}),
    };
  };
  return {
    apiVersion: 1,
    get privacyMask() {
      return privacy.on;
    },
    onDidChangePrivacyMask: privacy.onDidChange,
    onDidChange: changed.event,
    onDidChangeBalances: balancesChanged.event,
    getTracked: () => tracked.all.map(snapshot),
    getGroups: () => [...tracked.groups],
    get sortOrder() {
      return sortOrder.value;
    },
    getWatched: () => watched.all.map(snapshot),
    getStatusBar: () => statusBar.state,
    getAutoRefresh: () => sidebar.autoRefresh.scheduled,
    getSidebarRows: () => sidebar.rows(),
    getSidebarSelection: () => sidebar.selectedIds(),
    getChips: (plyrId) => sectionOf(accounts, plyrId, 'chips'),
    getAllowances: (plyrId) => sectionOf(accounts, plyrId, 'allowances'),
    getWallets: (plyrId) => sectionOf(accounts, plyrId, 'wallets'),
    getActivity: async (plyrId, page = {}) => (await client.account.getActivity(plyrIdArgument(plyrId).value, { offset: page.offset, limit: page.limit })).value,
  };
}

/** A section as the sidebar knows it, loaded first if it never was. */
async function sectionOf<S extends 'chips' | 'allowances' | 'wallets'>(accounts: AccountStore, plyrId: string, section: S): Promise<SectionValues[S]> {
  const id = plyrIdArgument(plyrId).value;
  const entry = accounts.get(id, section)?.value !== undefined ? accounts.get(id, section) : await accounts.load(id, section);
  if (entry?.value === undefined) {
    throw new PlyrError(entry?.error?.code ?? 'httpError', entry?.error?.message ?? vscode.l10n.t('Nothing is known of {0} yet.', id));
  }
  return entry.value;
}
