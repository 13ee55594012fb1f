import * as vscode from 'vscode';
import { AutoRefresh, AutoRefreshSchedule } from './autoRefresh';
import { CONTEXT_KEYS, VIEWS } from '../ids';
import { Services } from '../services';
import { networkLabel, readViewSettings } from '../settings';
import { BalancesTreeProvider } from './tree/balancesTreeProvider';
import { BalanceNode } from './tree/nodes';
import { BalancesDragAndDrop } from './tree/dragAndDrop';
import { UNREACHABLE_CODES } from '../../core/store/refreshSchedule';
import { toIdentifier } from '../../core/model/trackedList';
import { inertLabel } from '../../core/model/safeText';

const RENDER_FRAME_MS = 50;

/** The sidebar as built: what it owns, and the view and rows that its commands act on. */
export interface Sidebar {
  readonly disposables: vscode.Disposable[];
  readonly view: vscode.TreeView<BalanceNode>;
  /** The row showing an identifier, if any. */
  rowFor(id: string): BalanceNode | undefined;
  /** What the automatic refresh has scheduled now. */
  readonly autoRefresh: { readonly scheduled: AutoRefreshSchedule };
}

/** What the sidebar shows and re-renders on: all but the client and the logs. */
export type SidebarServices = Pick<Services, 'tracked' | 'watched' | 'store' | 'refresher' | 'statusBar' | 'privacy' | 'sortOrder' | 'settings' | 'credentials'>;

/** The "Balances" view: provider, drag and drop, badge, auto-refresh, and re-rendering on change. */
export function createSidebar(services: SidebarServices): Sidebar {
  const { tracked, watched, store, refresher, statusBar } = services;
  const provider = new BalancesTreeProvider({
    tracked,
    watched,
    store,
    hideZeroBalances: () => readViewSettings().hideZeroBalances,
    networkLabel: () => networkLabel(),
    masked: () => services.privacy.on,
    sortOrder: () => services.sortOrder.value,
    load: (id) => {
      const entry = tracked.find(id) ?? watched.find(id);
      if (entry) {
        void store.refresh(toIdentifier(entry));
      }
    },
  });
  const view = vscode.window.createTreeView(VIEWS.balances, {
    treeDataProvider: provider,
    showCollapseAll: true,
    canSelectMany: true,
    dragAndDropController: new BalancesDragAndDrop(tracked),
  });
  // The welcome view ("Add Identifier") shows while the list is empty.
  const updateTrackedCount = () => void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.trackedCount, tracked.all.length);
  updateTrackedCount();
  // Said in words beside the view's title, not only by the Sort button's icon.
  const describeSort = () => {
    const order = services.sortOrder.value;
    view.description = order.by === 'name' ? vscode.l10n.t('sorted by name') : order.by === 'amount' ? vscode.l10n.t('sorted by {0} amount', inertLabel(order.token.toUpperCase(), 20)) : undefined;
  };
  describeSort();
  const updateBadge = () => {
    const failing = provider.failingCount();
    const tooltip = failing === 1 ? vscode.l10n.t('1 identifier failed to refresh') : vscode.l10n.t('{0} identifiers failed to refresh', failing);
    view.badge = failing > 0 ? { value: failing, tooltip } : undefined;
  };
  // Store events come per identifier (twice per refresh) and list edits can come by the
  // thousand; rendering each would flood the view, so they are coalesced into one update a frame.
  const pending = new Set<string>();
  let everything = false;
  let frame: NodeJS.Timeout | undefined;
  const render = (ids?: readonly string[]) => {
    if (ids) {
      ids.forEach((id) => pending.add(id));
    } else {
      everything = true;
    }
    frame ??= setTimeout(() => {
      frame = undefined;
      if (everything) {
        statusBar.render(); // ages move on
      }
      provider.refresh(everything || pending.size > 100 ? undefined : [...pending]);
      pending.clear();
      everything = false;
      updateBadge();
    }, RENDER_FRAME_MS);
  };
  // Sorted by amount, a new amount can move its row: the lists are arranged again.
  const storeListener = store.onDidChange((ids) => render(services.sortOrder.value.by === 'amount' ? undefined : ids));
  if (readViewSettings().openOnStartup) {
    void vscode.commands.executeCommand(`workbench.view.extension.${VIEWS.container}`);
  }
  const disposables: vscode.Disposable[] = [
    provider,
    view,
    { dispose: () => (storeListener.dispose(), clearTimeout(frame)) },
    tracked.onDidChange(() => (updateTrackedCount(), render())),
    services.privacy.onDidChange(() => render()),
    services.sortOrder.onDidChange(() => (describeSort(), render())),
    // New entries of the watch-list load when their (expanded) rows ask; known ones come from the store.
    watched.onDidChange(() => render()),
    services.settings.onDidChange((change) => {
      if (change.scope) {
        // Entries are kept per network: the rows empty at once (or show what is remembered of
        // the new one, restored before this event), then fill from it.
        render();
        void refresher.refreshAll();
      } else if (change.rows) {
        render();
      }
    }),
    services.credentials.onDidChange(() => {
      store.newEpoch();
      void refresher.refreshAll();
    }),
  ];
  const autoRefresh = new AutoRefresh({
    view,
    refresh: async (what) => {
      // The status bar's identifier need not be in either list.
      await Promise.all([what === 'all' ? refresher.refreshAll() : undefined, statusBar.refresh()]);
    },
    rerender: () => render(),
    unreachable: () => {
      const entries = [...tracked.all, ...watched.all].map((t) => store.get(t.id));
      const watchedNow = statusBar.state ? [store.get(statusBar.state.identifier)] : [];
      const all = view.visible ? [...entries, ...watchedNow] : watchedNow;
      return all.length > 0 && all.every((e) => e?.error !== undefined && UNREACHABLE_CODES.has(e.error.code));
    },
    statusBar,
    settingsChanged: services.settings.onDidChange,
  });
  disposables.push(autoRefresh);
  return { disposables, view, rowFor: (id) => provider.rowFor(id), autoRefresh };
}
