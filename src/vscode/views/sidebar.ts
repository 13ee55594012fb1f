import * as vscode from 'vscode';
import { AutoRefresh, AutoRefreshSchedule } from './autoRefresh';
import { CONTEXT_KEYS, VIEWS } from '../ids';
import { Services } from '../services';
import { networkLabel } from '../settings';
import { explorerOf } from '../../core/api/networks';
import { BalancesTreeProvider, SidebarRow } from './tree/balancesTreeProvider';
import { BalanceNode, RowSource } from './tree/nodes';
import type { ActivityEntry } from '../../core/model/activity';
import { BalancesDragAndDrop } from './tree/dragAndDrop';
import { RenderQueue } from './renderQueue';
import { AccountRows } from './tree/accountRows';
import { UNREACHABLE_CODES } from '../../core/store/refreshSchedule';
import { appliedSortOrder, SortOrder } from '../../core/model/sortOrder';
import { AccountSection } from '../../core/store/accountStore';
import { inertLabel } from '../../core/model/safeText';
import { tokenLabel } from '../../core/content/shortNames';
import { ViewMessage } from './viewMessage';
import { RateLimitLine } from './rateLimitLine';
import { RowRetry } from './rowRetry';
import { PASSING_FAILURES, PlyrErrorCode } from '../../core/model/errors';
import { revealWhenKnown } from './reveal';

/** A 429's failure: its rows are asked again once the hold ends. */
const RATE_LIMITED: ReadonlySet<PlyrErrorCode> = new Set(['rateLimited']);

/** The sidebar as built: what it owns, and the view and rows that its commands act on. */
export interface Sidebar {
  readonly disposables: vscode.Disposable[];
  readonly view: vscode.TreeView<BalanceNode>;
  /** The row showing an identifier, if any. */
  rowFor(id: string): BalanceNode | undefined;
  /** What the automatic refresh has scheduled now. */
  readonly autoRefresh: { readonly scheduled: AutoRefreshSchedule };
  /** Shows, selects and opens an identifier's row (the user's list first, else the Workspace group's); false when neither lists it. */
  revealRow(id: string): Promise<boolean>;
  /** Opens a group of a PLYR ID's row (which loads it, as a click does); false when the ID is not listed. */
  revealSection(id: string, section: AccountSection): Promise<boolean>;
  /** Selects and focuses an entry of a PLYR ID's Activity group in one list (the first that Load more read). */
  revealActivity(source: RowSource, id: string, entry: ActivityEntry): Promise<boolean>;
  /** The rows as the view shows them, fully open (the account's groups left out). */
  rows(): SidebarRow[];
  /** The row of one of the user's groups, if it is in the list. */
  groupFor(name: string): BalanceNode | undefined;
  /** Where the focus goes once these identifier or group rows are gone: the next row, else the one before, else their group. */
  rowAfter(gone: readonly BalanceNode[]): BalanceNode | undefined;
  /** Selects and focuses a row, once the view shows what changed; false when the row is gone meanwhile. */
  focusRow(node: BalanceNode): Promise<boolean>;
  /** {@link focusRow} for a row of the user's list or one of their groups, looked up once the view shows it (after an Undo). */
  focusListed(row: ListedRow): Promise<boolean>;
  /** The selected rows' ids, as {@link rows} names them. */
  selectedIds(): string[];
}

/** An identifier's row (the user's list first) or one of the user's groups. */
export type ListedRow = { readonly identifier: string } | { readonly group: string };

/** What the sidebar shows and re-renders on. */
export type SidebarServices = Pick<Services, 'client' | 'rateLimits' | 'answers' | 'tracked' | 'watched' | 'store' | 'refresher' | 'statusBar' | 'privacy' | 'sortOrder' | 'settings' | 'accounts' | 'openRows' | 'owners' | 'values'>;

/** The "Balances" view: provider, drag and drop, badge, auto-refresh, and re-rendering on change. */
export function createSidebar(services: SidebarServices): Sidebar {
  const { tracked, watched, store, statusBar } = services;
  const { account, provider } = createProvider(services);
  const view = vscode.window.createTreeView(VIEWS.balances, {
    treeDataProvider: provider,
    showCollapseAll: true,
    canSelectMany: true,
    dragAndDropController: new BalancesDragAndDrop(tracked),
  });
  const queue = new RenderQueue((ids) => {
    if (!ids) {
      statusBar.render(); // ages move on
    }
    provider.refresh(ids);
    showFailures(view, provider.failingCount());
  });
  const render = (ids?: readonly string[]) => queue.render(ids);
  // The welcome view ("Add Identifier") shows while the list is empty.
  const updateTrackedCount = () => void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.trackedCount, tracked.all.length);
  updateTrackedCount();
  const updateExplorer = () => {
    const { network, customBaseUrl } = services.settings.clientConfig();
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.hasExplorer, explorerOf(network, customBaseUrl) !== undefined);
  };
  updateExplorer();
  const message = new ViewMessage(view);
  const sortLine = () => showSort(message, services.sortOrder.value, services.values.on);
  sortLine();
  const storeListener = store.onDidChange((ids) => render(ids));
  // A row never loaded reads "loading…" while it waits its turn, and "not loaded" again if Stop Refreshing drops it.
  const askedListener = services.refresher.onDidChangeAsked((ids) => render(ids));
  // A group is re-rendered once its answer is in (VS Code shows progress while it loads); firing
  // its PLYR ID's row instead would reload the row's children under a reveal still resolving.
  const accountListener = services.accounts.onDidChange((changes) => provider.refreshSections(changes.filter((c) => !services.accounts.get(c.plyrId, c.section)?.loading)));
  if (services.settings.view().openOnStartup) {
    void vscode.commands.executeCommand(`workbench.view.extension.${VIEWS.container}`);
  }
  const autoRefresh = createAutoRefresh(services, view, message, () => render());
  const rateLimitLine = new RateLimitLine(message, () => services.client.rateLimitedUntil(), services.rateLimits);
  const canSee = () => view.visible && vscode.window.state.focused;
  // The rows a 429 refused, once its hold ends.
  const rateLimitRetry = new RowRetry({
    onDidChange: services.rateLimits,
    wait: () => services.client.rateLimitedUntil() !== undefined,
    failed: () => services.refresher.failing(RATE_LIMITED),
    canSee,
    retry: (keys) => services.refresher.retry(keys),
  });
  // The rows a 5xx, a time-out or a dropped connection left, once the server answers anything
  // (a Check Balance, a hover, Test Connection): not left in error until the next round; but not
  // before the time a Retry-After gave (a route may be down for maintenance while others answer).
  const recoveryRetry = new RowRetry({
    onDidChange: services.answers,
    wait: () => services.refresher.refreshingAll,
    failed: () => services.refresher.failing(PASSING_FAILURES, true),
    canSee,
    retry: (keys) => services.refresher.retry(keys),
  });
  const disposables: vscode.Disposable[] = [
    provider,
    view,
    queue,
    { dispose: () => (storeListener.dispose(), askedListener.dispose(), accountListener.dispose()) },
    // What is open is what a refresh asks again (state/refresher.ts).
    view.onDidExpandElement(({ element }) => (trackOpen(services.openRows, element, true), element.type === 'section' && services.refresher.reopened(element.id, element.section))),
    view.onDidCollapseElement(({ element }) => trackOpen(services.openRows, element, false)),
    tracked.onDidChange(() => (updateTrackedCount(), render())),
    services.privacy.onDidChange(() => render()),
    // New prices (or none after a failure), or values turned on or off: every row's value changes,
    // and a sort by value pauses or resumes (the sort line says which applies).
    services.values.onDidChange(() => (sortLine(), render())),
    services.sortOrder.onDidChange(() => (sortLine(), render())),
    // New entries of the watch-list load when their (expanded) rows ask; known ones come from the store.
    watched.onDidChange(() => render()),
    // Entries are kept per network: on a new one the rows empty at once (or show what is
    // remembered of it), then fill as the refresh the state layer starts answers.
    services.settings.onDidChange((change) => {
      if (change.scope) {
        updateExplorer();
      }
      if (change.scope || change.rows) {
        render();
      }
    }),
    autoRefresh,
    rateLimitLine,
    rateLimitRetry,
    recoveryRetry,
  ];
  // A row just added (or moved) is in the view once the queued render is done: reveal after it.
  const reveal = async (node: BalanceNode | undefined) => {
    if (node) {
      await queue.whenRendered();
      await revealWhenKnown(view, node, { select: true, focus: true, expand: true });
    }
    return node !== undefined;
  };
  const revealRow = (id: string) => reveal(provider.rowFor(id));
  const revealSection = async (id: string, section: AccountSection) => {
    const row = provider.rowFor(id);
    return (await reveal(row)) && reveal(account.sectionsOf(row!).find((n) => n.section === section));
  };
  const revealActivity = async (source: RowSource, id: string, entry: ActivityEntry) => {
    const section = account.sectionNode(source, id, 'activity');
    const node = section && account.activityNodeOf(section, entry);
    if (node) {
      await queue.whenRendered();
      await revealWhenKnown(view, node, { select: true, focus: true });
    }
    return node !== undefined;
  };
  const focusRow = async (node: BalanceNode) => {
    await queue.whenRendered();
    if (!provider.isListed(node)) {
      return false;
    }
    await revealWhenKnown(view, node, { select: true, focus: true });
    return true;
  };
  const focusListed = async (row: ListedRow) => {
    await queue.whenRendered();
    const node = 'group' in row ? provider.groupFor(row.group) : provider.rowFor(row.identifier);
    return node !== undefined && focusRow(node);
  };
  return {
    disposables,
    view,
    rowFor: (id) => provider.rowFor(id),
    autoRefresh,
    revealRow,
    revealSection,
    revealActivity,
    rows: () => provider.rowsAsShown(),
    groupFor: (name) => provider.groupFor(name),
    rowAfter: (gone) => provider.rowAfter(gone),
    focusRow,
    focusListed,
    selectedIds: () => view.selection.map((node) => provider.idOf(node)),
  };
}

/** The tree's data: every row kind, fed by the stores and the settings it shows them with. */
function createProvider(services: SidebarServices): { account: AccountRows; provider: BalancesTreeProvider } {
  const { tracked, watched, store } = services;
  // Under the privacy mask every row shows, masked: rows left out would tell which balances are zero.
  const hideZeroBalances = () => services.settings.view().hideZeroBalances && !services.privacy.on;
  // A token keyed by its contract goes by the list's name; the list's answer re-renders (values.onDidChange).
  const names = (token: string) => services.values.balanceKeyOf(token);
  const account = new AccountRows({ accounts: services.accounts, balances: store, masked: () => services.privacy.on, hideZeroBalances, now: Date.now, prices: () => services.values.prices(), names });
  const provider = new BalancesTreeProvider({
    account,
    knownOwner: (address) => services.owners.knownOwner(address),
    tracked,
    watched,
    store,
    hideZeroBalances,
    networkLabel: () => networkLabel(services.settings.clientConfig()),
    masked: () => services.privacy.on,
    prices: () => services.values.prices(),
    pricesKnown: () => services.values.peek() !== undefined,
    noValues: () => services.values.failure(),
    names,
    sortOrder: () => appliedSortOrder(services.sortOrder.value, services.values.on),
    load: (id) => void services.refresher.load(id),
    asked: (id) => services.refresher.isAsked(id),
    opened: (node) => trackOpen(services.openRows, node, true),
  });
  return { account, provider };
}

function trackOpen(openRows: SidebarServices['openRows'], row: BalanceNode, open: boolean): void {
  if (row.type === 'section') {
    openRows.openSection(row.source, row.id, row.section, open);
  } else if (row.type === 'wallet') {
    openRows.openWallet(row.source, row.owner, row.id, open);
  }
}

/**
 * The sort, said in words on the view's message line, not only by the Sort button's icon (a
 * description beside the title does not show while the view is its container's only one); and
 * the order applied, in the context key that shows Move Up and Down while rows are in manual order.
 */
function showSort(message: ViewMessage, order: SortOrder, valuesOn: boolean): void {
  const applied = appliedSortOrder(order, valuesOn);
  void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.sortBy, applied.by);
  const paused = applied !== order;
  message.set(
    'sort',
    paused
      ? vscode.l10n.t('Sorting by value is paused while values are off: rows are in manual order.')
      : order.by === 'name'
        ? vscode.l10n.t('Sorted by name.')
        : order.by === 'amount'
          ? vscode.l10n.t('Sorted by {0} amount, largest first.', inertLabel(tokenLabel(order.token), 20))
          : order.by === 'value'
            ? vscode.l10n.t('Sorted by value, largest first.')
            : undefined,
  );
}

/** The view's badge counts the rows whose last refresh failed. */
function showFailures(view: vscode.TreeView<BalanceNode>, failing: number): void {
  const tooltip = failing === 1 ? vscode.l10n.t('1 identifier failed to refresh') : vscode.l10n.t('{0} identifiers failed to refresh', failing);
  view.badge = failing > 0 ? { value: failing, tooltip } : undefined;
}

/** Automatic refresh of what someone can see: the view's rows when it shows, and the status bar item. */
function createAutoRefresh(services: SidebarServices, view: vscode.TreeView<BalanceNode>, message: ViewMessage, rerender: () => void): AutoRefresh {
  const { tracked, watched, store, refresher, statusBar } = services;
  return new AutoRefresh({
    view,
    message,
    refresh: async (what) => {
      // The status bar's identifier need not be in either list.
      await Promise.all([what === 'all' ? refresher.refreshAll() : undefined, statusBar.refresh()]);
    },
    rerender,
    unreachable: () => {
      const entries = [...tracked.all, ...watched.all].map((t) => store.get(t.id));
      const watchedNow = statusBar.state ? [store.get(statusBar.state.identifier)] : [];
      const all = view.visible ? [...entries, ...watchedNow] : watchedNow;
      return all.length > 0 && all.every((e) => e?.error !== undefined && UNREACHABLE_CODES.has(e.error.code));
    },
    onDidChangeRows: (listener) => store.onDidChange(listener),
    answeredSince: (ids, since) =>
      ids.some((id) => {
        const entry = store.get(id);
        if (!entry || entry.loading) {
          return false;
        }
        return entry.error ? entry.error.at > since && !UNREACHABLE_CODES.has(entry.error.code) : (entry.fetchedAt ?? 0) > since;
      }),
    statusBar,
    settings: services.settings,
  });
}
