import * as vscode from 'vscode';
import { amountIn, splitTokens } from '../../../core/model/balances';
import { BalanceEntry, BalanceStore } from '../../../core/store/balanceStore';
import { errorRow, groupRow, hiddenTokensRow, identifierRow, IdentifierValue, problemRow, tokenRow, watchListRow, zeroBalancesRow } from '../../../core/content/treeContent';
import { addTotals, PriceBook, totalValue, ValueTotal } from '../../../core/model/value';
import { isAddressText } from '../../../core/model/identifier';
import { arrange, Arrangement, SortOrder, sortsByBalances } from '../../../core/model/sortOrder';
import { TrackedIdentifier } from '../../../core/model/trackedList';
import { fixCommand } from '../../ui/fixes';
import { COMMANDS, gestureArgs, ROW_CONTEXT, SETTINGS } from '../../ids';
import { TrackedStore } from '../../state/trackedStore';
import { WorkspaceWatchList } from '../../state/workspaceWatchList';
import { AccountSection } from '../../../core/store/accountStore';
import { deleteWhere } from '../../../core/store/deleteWhere';
import { AccountRows } from './accountRows';
import { AccountNode, BalanceNode, ErrorNode, GroupNode, HiddenTokensNode, IdentifierNode, markShown, ProblemNode, ROW_SOURCES, RowSource, TokenNode, WorkspaceGroupNode, ZeroBalancesNode } from './nodes';
import { treeItem } from './treeItem';
import { TokenNames } from '../../../core/content/shortNames';
import { SentRows } from './sentRows';

export interface TreeDeps {
  readonly tracked: TrackedStore;
  readonly watched: Pick<WorkspaceWatchList, 'all' | 'find' | 'problems' | 'fileUri'>;
  /** Manual, by name, or by a token's amount: applied when rows are listed, never to the lists. */
  readonly sortOrder: () => SortOrder;
  readonly store: BalanceStore;
  readonly hideZeroBalances: () => boolean;
  /** The network's name for tooltips. */
  readonly networkLabel: () => string;
  /** Asked when a row is expanded before anything is known about it. */
  readonly load: (id: string) => void;
  /** Whether a row with nothing known yet was asked for (it waits its turn): it reads "loading…". */
  readonly asked: (id: string) => boolean;
  /**
   * An account row whose children VS Code asks for: it is open. A UI test saw VS Code show a
   * group open under a workspace row (rows that open as the view loads) and ask for its rows,
   * with no expand event: the ask is the sure sign.
   */
  readonly opened?: (node: AccountNode) => void;
  /** The privacy mask is on: amounts (and their changes, and values) show as •••. */
  readonly masked: () => boolean;
  /** The prices to show values with; undefined while values are off or unknown. Asked only for rows with balances (it may ask the server). */
  readonly prices: () => PriceBook | undefined;
  /** Whether prices are known now, asking nothing. */
  readonly pricesKnown: () => boolean;
  /** Why values are on but missing (the token list failed), asking nothing: said where they would be. */
  readonly noValues?: () => string | undefined;
  /** The token list's names for tokens keyed by their contract address (Values.balanceKeyOf). */
  readonly names?: TokenNames;
  readonly now?: () => number;
  /** The account's groups under each PLYR ID (chips, allowances, activity, wallets). */
  readonly account: AccountRows;
  /** An address's owner when already known (no request): its row then offers Track Its PLYR ID. */
  readonly knownOwner: (address: string) => string | undefined;
}

/** A group's total: its members' values (no dollars when no member has one), and how many members have none (stale, or not read yet). */
interface GroupTotal {
  readonly value: ValueTotal;
  readonly uncounted: number;
}

/**
 * Tracked identifiers and, under each, its token balances (or an error row with the fix), read
 * from the tracked list and the shared balance store. No I/O happens here: an unknown row asks
 * `load` and renders when the store changes.
 */
export class BalancesTreeProvider implements vscode.TreeDataProvider<BalanceNode>, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<BalanceNode | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  /** Row objects by source and identifier, reused so that events and reveal address the same node. */
  readonly #rows = new Map<string, IdentifierNode>();
  readonly #groupRows = new Map<string, GroupNode>();
  /** Each list's arrangement, kept until a render of everything (every group row asks for it). */
  readonly #arranged = new Map<RowSource, Arrangement>();
  /**
   * Each identifier's value and each group's total, kept until its balances change (its row, its
   * group's and the sort ask). An answer then costs the work of its own row, not of all its group's
   * members: a refresh-all of 1,000 in one group would work out every value again at each render.
   */
  readonly #valued = new Map<string, IdentifierValue | undefined>();
  readonly #totals = new Map<GroupNode | WorkspaceGroupNode, GroupTotal | undefined>();
  readonly #group = { type: 'workspaceGroup' } as const;
  readonly #now: () => number;
  /** Identifiers of either list whose last refresh failed: the view's badge. */
  readonly #failing = new Set<string>();
  /** Account rows whose children VS Code is waiting for (how many asks). */
  readonly #fetching = new Map<AccountNode, number>();
  /** What VS Code holds of the identifier and group rows: an answer that changes nothing shown re-sends nothing. */
  readonly #sent = new SentRows<BalanceNode>();

  readonly #deps: TreeDeps;

  constructor(deps: TreeDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  /**
   * Re-renders the given identifiers' rows (only their balances changed), or everything: sorted
   * by amount or value, new balances can move any row, so the lists are arranged again.
   */
  refresh(ids?: readonly string[]): void {
    this.#countFailing(ids);
    if (!ids || sortsByBalances(this.#deps.sortOrder())) {
      this.#arranged.clear();
      this.#valued.clear();
      this.#totals.clear();
      this.#changed.fire(undefined);
      return;
    }
    const rows = ids.flatMap((id) => ROW_SOURCES.flatMap((source) => this.#rows.get(rowKey(source, id)) ?? []));
    // From the lists, not the rows: a closed group's members have no rows, and count in its total.
    const groups = ids.flatMap((id) => ROW_SOURCES.flatMap((source) => this.#groupsAbove({ id, source })));
    ids.forEach((id) => this.#valued.delete(id));
    groups.forEach((group) => this.#totals.delete(group));
    // An open wallet of an account lists its token rows from the same store: told to ask again.
    for (const wallet of ids.flatMap((id) => (isAddressText(id) ? this.#deps.account.walletsOf(id) : []))) {
      this.#changed.fire(wallet);
    }
    // With prices known, a row's new balances change the totals of the groups above it too.
    const fired = new Set<BalanceNode>();
    for (const node of [...rows, ...(this.#deps.pricesKnown() ? groups : [])]) {
      if (!fired.has(node)) {
        fired.add(node);
        // A row whose request is in flight shows its spinner: that it changed needs no rendering to tell.
        const loading = node.type === 'identifier' && this.#deps.store.get(node.id)?.loading === true;
        if (loading || this.#sent.changed(node, () => this.#itemOf(node), () => this.#balanceChildItems(node))) {
          this.#changed.fire(node);
        }
      }
    }
  }

  /** The group rows whose totals count an identifier of a list: its named group's and the Workspace group's. */
  #groupsAbove(member: { id: string; source: RowSource }): (GroupNode | WorkspaceGroupNode)[] {
    const entry = this.#entryOf(member);
    const named = entry?.group === undefined ? undefined : this.#groupRows.get(rowKey(member.source, entry.group));
    return [...(named ? [named] : []), ...(entry && member.source === 'workspace' ? [this.#group] : [])];
  }

  /** Re-renders the account groups shown for these PLYR IDs (and their rows, when open). */
  refreshSections(changes: readonly { readonly plyrId: string; readonly section: AccountSection }[]): void {
    for (const { plyrId, section } of changes) {
      for (const source of ROW_SOURCES) {
        const node = this.#deps.account.sectionNode(source, plyrId, section);
        // Being asked for, the group's rows already hold this change (see accountChildren).
        if (node && !this.#fetching.has(node)) {
          this.#changed.fire(node);
        }
      }
    }
  }

  /**
   * The row of an identifier (what reveal and automation address), also before the view first
   * lists it: the user's, or else the Workspace group's (an inlay hint or the status bar reveals those too).
   */
  rowFor(id: string): IdentifierNode | undefined {
    return this.#deps.tracked.find(id) ? this.#row('user', id) : this.#deps.watched.find(id) ? this.#row('workspace', id) : undefined;
  }

  /** The row of one of the user's groups, if it is in the list. */
  groupFor(name: string): GroupNode | undefined {
    return this.#deps.tracked.groups.includes(name) ? this.#groupRow('user', name) : undefined;
  }

  /**
   * Where the focus goes once these rows are gone, as in the Explorer: the next row beside them,
   * else the one before, else the group they were in. Identifier and group rows only.
   */
  rowAfter(gone: readonly BalanceNode[]): BalanceNode | undefined {
    const [first] = gone;
    if (first?.type !== 'identifier' && first?.type !== 'group') {
      return undefined;
    }
    const parent = this.getParent(first);
    const siblings = this.#childrenOf(parent);
    const last = Math.max(...gone.map((node) => siblings.indexOf(node)));
    const staying = (node: BalanceNode) => !gone.includes(node);
    return siblings.slice(last + 1).find(staying) ?? siblings.slice(0, Math.max(last, 0)).reverse().find(staying) ?? parent;
  }

  /** An identifier's row, or the wallet of an account the row is under. */
  #parentOfRowOrWallet(node: ErrorNode | ZeroBalancesNode): BalanceNode | undefined {
    return node.wallet ? this.#deps.account.walletNode(node.source, node.wallet.owner, node.id, node.wallet.role) : this.#rows.get(rowKey(node.source, node.id));
  }

  /** Whether an identifier or group row (or the Workspace group) is still in the tree: VS Code cannot reveal one that is gone. */
  isListed(node: BalanceNode): boolean {
    switch (node.type) {
      case 'identifier':
        return this.#entryOf(node) !== undefined && this.#rows.get(rowKey(node.source, node.id)) === node;
      case 'group':
        return node.source === 'user' && this.groupFor(node.name) === node;
      case 'workspaceGroup':
        return this.#deps.watched.all.length > 0 || this.#deps.watched.problems.length > 0;
      default:
        return false;
    }
  }

  getChildren(node?: BalanceNode): BalanceNode[] | Promise<BalanceNode[]> {
    if (node && isAccountNode(node)) {
      this.#deps.opened?.(node);
      return this.#accountChildren(node).then(markShown);
    }
    const children = markShown(this.#childrenOf(node));
    if (node?.type === 'identifier') {
      this.#sent.childItems(node, this.#balanceChildItems(node));
    }
    return children;
  }

  /**
   * A group's first open waits for its load, whose answer changes the group. Fired while VS Code
   * waits, that change makes VS Code file the rows it gets under the group's replaced row, out of
   * reach: the next refresh of the group fails on their ids ("Element with id … is already
   * registered") and the group shows empty. Fired just after, VS Code (still drawing them) drops
   * its new ask, and the rows on screen answer no menu ("Actual command not found"). So no change
   * is fired for a group being asked for: its rows are read after the load; the group's own row
   * (its count and age) follows at its next refresh. (Told 50 ms after the load, in a trial, it
   * showed at once, but one UI run of four failed, for a cause not found: a guess at VS Code's timing.)
   */
  async #accountChildren(node: AccountNode): Promise<BalanceNode[]> {
    this.#fetching.set(node, (this.#fetching.get(node) ?? 0) + 1);
    try {
      return await this.#deps.account.childrenOf(node);
    } finally {
      const waiting = (this.#fetching.get(node) ?? 1) - 1;
      if (waiting === 0) {
        this.#fetching.delete(node);
      } else {
        this.#fetching.set(node, waiting);
      }
    }
  }

  #childrenOf(node?: BalanceNode): BalanceNode[] {
    if (!node) {
      this.#forgetGoneRows();
      const watched = this.#deps.watched;
      const group = watched.all.length > 0 || watched.problems.length > 0 ? [this.#group] : [];
      const { groups, top } = this.#arrangement('user');
      return [...groups.map((g) => this.#groupRow('user', g.name)), ...top.map((t) => this.#row('user', t.id)), ...group];
    }
    if (node.type === 'workspaceGroup') {
      // Its rows open expanded: load them all now rather than one by one as the view asks.
      this.#deps.watched.all.filter((t) => !this.#deps.store.get(t.id)).forEach((t) => this.#deps.load(t.id));
      const problems: ProblemNode[] = this.#deps.watched.problems.map((_, index) => ({ type: 'problem', index }));
      const { groups, top } = this.#arrangement('workspace');
      return [...groups.map((g) => this.#groupRow('workspace', g.name)), ...top.map((t) => this.#row('workspace', t.id)), ...problems];
    }
    if (node.type === 'group') {
      const members = this.#arrangement(node.source).groups.find((g) => g.name === node.name)?.members ?? [];
      return members.map((t) => this.#row(node.source, t.id));
    }
    if (node.type !== 'identifier') {
      return [];
    }
    const entry = this.#deps.store.get(node.id);
    if (!entry) {
      this.#deps.load(node.id);
      return [];
    }
    // A PLYR ID the server says has no account (a typo) has no chips, allowances, activity or wallets to open either.
    const noAccount = entry.error?.code === 'userNotFound' && entry.balances === undefined;
    const account = isAddressText(node.id) || noAccount ? [] : this.#deps.account.sectionsOf(node);
    return [...this.#balanceChildren(node, entry), ...account];
  }

  getParent(node: BalanceNode): BalanceNode | undefined {
    if (isAccountNode(node)) {
      return this.#deps.account.parentOf(node, (source, id) => this.#rows.get(rowKey(source, id)));
    }
    switch (node.type) {
      case 'identifier': {
        const group = this.#entryOf(node)?.group;
        return group !== undefined ? this.#groupRow(node.source, group) : node.source === 'workspace' ? this.#group : undefined;
      }
      case 'group':
        return node.source === 'workspace' ? this.#group : undefined;
      case 'zeroBalances':
        return node.section ? this.#deps.account.sectionNode(node.source, node.id, node.section) : this.#parentOfRowOrWallet(node);
      case 'error':
        return this.#parentOfRowOrWallet(node);
      case 'token':
      case 'hiddenTokens':
        return this.#rows.get(rowKey(node.source, node.id));
      case 'problem':
        return this.#group;
      case 'workspaceGroup':
        return undefined;
    }
  }

  /** What VS Code shows for a row; of the rows a store change re-renders, what it was handed is remembered (SentRows). */
  getTreeItem(node: BalanceNode): vscode.TreeItem {
    const item = this.#itemOf(node);
    return node.type === 'identifier' || node.type === 'group' || node.type === 'workspaceGroup' ? this.#sent.item(node, item) : item;
  }

  #itemOf(node: BalanceNode): vscode.TreeItem {
    if (isAccountNode(node)) {
      return this.#deps.account.itemOf(node);
    }
    switch (node.type) {
      case 'identifier':
        return this.#identifierItem(node);
      case 'token':
        return this.#tokenItem(node);
      case 'hiddenTokens':
        return this.#hiddenTokensItem(node);
      case 'zeroBalances':
        return this.#zeroBalancesItem(node);
      case 'error':
        return this.#errorItem(node);
      case 'group':
        return this.#namedGroupItem(node);
      case 'workspaceGroup':
        return this.#groupItem();
      case 'problem':
        return this.#problemItem(node);
    }
  }

  /**
   * The rows of both lists as the view shows them, every group and identifier open (an
   * identifier not known yet is asked for, as opening it would), the account's groups left out:
   * what the API's getSidebarRows() reads.
   */
  /** A row's id in the view, as rowsAsShown names it; marks nothing as given to VS Code (getTreeItem does). */
  idOf(node: BalanceNode): string {
    return this.#itemOf(node).id ?? '';
  }

  rowsAsShown(): SidebarRow[] {
    const rows: SidebarRow[] = [];
    const visit = (nodes: readonly BalanceNode[]) => {
      for (const node of nodes) {
        if (!isAccountNode(node)) {
          rows.push(rowText(this.#itemOf(node)));
          visit(this.#childrenOf(node));
        }
      }
    };
    visit(this.#childrenOf());
    return rows;
  }

  /** Identifiers of either list whose last refresh failed (the view's badge), as of the last render. */
  failingCount(): number {
    return this.#failing.size;
  }

  /**
   * Keeps the failing identifiers up to date with the rows a render names (all of them when it
   * names none). Counted afresh on every render, the lists cost 45 MB of garbage in a refresh-all
   * of 1,000 (a render each 50 ms).
   */
  #countFailing(ids: readonly string[] | undefined): void {
    const isFailing = (id: string) => (this.#deps.tracked.find(id) !== undefined || this.#deps.watched.find(id) !== undefined) && this.#deps.store.get(id)?.error !== undefined;
    if (!ids) {
      this.#failing.clear();
    }
    for (const id of ids ?? [...this.#deps.tracked.all, ...this.#deps.watched.all].map((t) => t.id)) {
      if (isFailing(id)) {
        this.#failing.add(id);
      } else {
        this.#failing.delete(id);
      }
    }
  }

  #forgetGoneRows(): void {
    this.#deps.account.keepOnly((source, id) => this.#rows.has(rowKey(source, id)));
    keepOnly(this.#rows, [...this.#deps.tracked.all.map((t) => rowKey('user', t.id)), ...this.#deps.watched.all.map((t) => rowKey('workspace', t.id))]);
    keepOnly(this.#groupRows, [...this.#deps.tracked.groups.map((g) => rowKey('user', g)), ...this.#deps.watched.all.map((t) => rowKey('workspace', t.group ?? ''))]);
  }

  /**
   * A list as the view shows it: groups with their members, then the rest, sorted. The workspace's
   * groups are the names its entries give, in the file's order.
   */
  #arrangement(source: RowSource): Arrangement {
    return cached(this.#arranged, source, () => this.#arrange(source));
  }

  #arrange(source: RowSource): Arrangement {
    const amountOf = (id: string, token: string) => amountIn(this.#deps.store.get(id)?.balances, token);
    const valueOf = (id: string) => this.#valueOf(id)?.usd;
    if (source === 'user') {
      return arrange({ list: this.#deps.tracked.all, groups: this.#deps.tracked.groups }, this.#deps.sortOrder(), amountOf, valueOf);
    }
    const list = this.#deps.watched.all;
    const groups = [...new Set(list.flatMap((t) => (t.group === undefined ? [] : [t.group])))];
    return arrange({ list, groups }, this.#deps.sortOrder(), amountOf, valueOf);
  }

  /**
   * What an identifier's current balances are worth: every token it holds (as its row counts
   * them), priced or not. None while values are off or unknown, or the balances are stale.
   */
  #valueOf(id: string): IdentifierValue | undefined {
    return cached(this.#valued, id, () => {
      const entry = this.#deps.store.get(id);
      const prices = entry?.balances && entry.error === undefined ? this.#deps.prices() : undefined;
      const balances = prices && entry?.balances ? Object.entries(entry.balances) : undefined;
      return prices && balances ? { ...totalValue(balances, prices), unpriced: balances.flatMap(([token]) => (prices.priceOf(token) ? [] : [token])) } : undefined;
    });
  }

  /**
   * The total of identifiers that have a value, and how many have none (stale, or not read);
   * undefined while values are not shown (off, or prices unknown), when no member can have one.
   * With prices known, a group whose every member is stale still says how many it leaves out.
   */
  #totalOf(ids: readonly string[]): GroupTotal | undefined {
    const totals = ids.flatMap((id) => this.#valueOf(id) ?? []);
    return totals.length > 0 || this.#deps.pricesKnown() ? { value: addTotals(totals), uncounted: ids.length - totals.length } : undefined;
  }

  #groupRow(source: RowSource, name: string): GroupNode {
    return cached(this.#groupRows, rowKey(source, name), () => ({ type: 'group', name, source }));
  }

  #row(source: RowSource, id: string): IdentifierNode {
    return cached(this.#rows, rowKey(source, id), () => ({ type: 'identifier', id, source }));
  }

  #entryOf(node: { id: string; source: RowSource }): TrackedIdentifier | undefined {
    return node.source === 'workspace' ? this.#deps.watched.find(node.id) : this.#deps.tracked.find(node.id);
  }

  /**
   * The tokens the row shows, then a row for each cause that leaves some out (splitTokens): its
   * filter's, then Hide Zero Balances'. Each counts its own, so neither row stands for the other.
   */
  #tokenRows(node: IdentifierNode, entry: BalanceEntry): (TokenNode | HiddenTokensNode | ZeroBalancesNode)[] {
    const { id, source } = node;
    const { shown, filtered, zeros } = splitTokens(entry.balances ?? {}, this.#entryOf(node)?.tokens, this.#deps.hideZeroBalances());
    return [
      ...shown.map(([token, amount]): TokenNode => ({ type: 'token', id, source, token, amount })),
      ...(filtered.length > 0 ? [{ type: 'hiddenTokens', id, source, hidden: filtered } as const] : []),
      ...(zeros.length > 0 ? [{ type: 'zeroBalances', id, source, hidden: zeros } as const] : []),
    ];
  }

  /**
   * The items of an identifier row's own children (its error row and tokens; the account's groups
   * re-render on their own), loading nothing: what a changed answer changes under the row.
   */
  #balanceChildItems(node: BalanceNode): vscode.TreeItem[] {
    const entry = node.type === 'identifier' ? this.#deps.store.get(node.id) : undefined;
    return node.type === 'identifier' && entry ? this.#balanceChildren(node, entry).map((child) => this.#itemOf(child)) : [];
  }

  /** An identifier's error row (with the fix), then its tokens. */
  #balanceChildren(node: IdentifierNode, entry: BalanceEntry): BalanceNode[] {
    const error: BalanceNode[] = entry.error ? [{ type: 'error', id: node.id, source: node.source }] : [];
    return [...error, ...this.#tokenRows(node, entry)];
  }

  #identifierItem(node: IdentifierNode): vscode.TreeItem {
    const tracked = this.#entryOf(node);
    const workspace = node.source === 'workspace';
    const entry = this.#deps.store.get(node.id) ?? (this.#deps.asked(node.id) ? WAITING : undefined);
    // Only what is known already: a row asks nothing to name a wallet's owner.
    const owner = this.#deps.knownOwner(node.id);
    const row = identifierRow({ id: node.id, tracked, workspace, entry, networkLabel: this.#deps.networkLabel(), now: this.#now(), value: this.#valueOf(node.id), masked: this.#deps.masked(), owner, noValues: this.#deps.noValues?.() });
    // A team's watch-list is short and meant to be glanced at: its rows open with their balances.
    const item = treeItem(row, workspace ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed, `${idPrefix(node.source)}identifier:${node.id}`);
    const address = row.kind === 'address';
    const owned = address && owner !== undefined ? ROW_CONTEXT.ownedSuffix : '';
    item.contextValue = (workspace ? (address ? ROW_CONTEXT.watchedAddress : ROW_CONTEXT.watchedPlyrId) : address ? ROW_CONTEXT.address : ROW_CONTEXT.plyrId) + (row.notifying ? ROW_CONTEXT.notifyingSuffix : '') + owned;
    return item;
  }

  #tokenItem(node: TokenNode): vscode.TreeItem {
    const entry = this.#deps.store.get(node.id);
    const prices = entry?.error === undefined ? this.#deps.prices() : undefined;
    const row = tokenRow({ token: node.token, amount: node.amount, entry, masked: this.#deps.masked(), now: this.#now(), prices, names: this.#deps.names });
    const item = treeItem(row, vscode.TreeItemCollapsibleState.None, `${idPrefix(node.source)}token:${node.id}:${node.token}`);
    item.contextValue = this.#explainable(node) ? ROW_CONTEXT.tokenChanged : ROW_CONTEXT.token;
    return item;
  }

  /** Only the user's rows have a token filter (the watch-list's file names none). */
  #hiddenTokensItem(node: HiddenTokensNode): vscode.TreeItem {
    const item = treeItem(hiddenTokensRow({ hidden: node.hidden }), vscode.TreeItemCollapsibleState.None, `${idPrefix(node.source)}hidden:${node.id}`);
    item.contextValue = ROW_CONTEXT.hiddenTokens;
    item.command = { title: vscode.l10n.t('Filter Tokens'), command: COMMANDS.filterTokens, arguments: gestureArgs(node.id) };
    return item;
  }

  /** Enter opens the setting that hides them (the Settings editor, at that one setting). */
  #zeroBalancesItem(node: ZeroBalancesNode): vscode.TreeItem {
    const where = node.wallet ? `${node.wallet.owner}:${node.wallet.role}:` : node.section ? `${node.section}:` : '';
    const item = treeItem(zeroBalancesRow({ hidden: node.hidden, chips: node.section === 'chips' }), vscode.TreeItemCollapsibleState.None, `${idPrefix(node.source)}zero:${where}${node.id}`);
    item.contextValue = ROW_CONTEXT.zeroBalances;
    item.command = { title: vscode.l10n.t('Open Settings'), command: 'workbench.action.openSettings', arguments: [`${SETTINGS.section}.${SETTINGS.hideZeroBalances}`] };
    return item;
  }

  /** A token of a PLYR ID (only those have an activity log) that its last good answer changed: Why? can explain it. */
  #explainable(node: TokenNode): boolean {
    const entry = this.#deps.store.get(node.id);
    return entry !== undefined && amountIn(entry.changes, node.token) !== undefined && entry.error === undefined && this.#entryOf(node)?.kind === 'plyrId';
  }

  #errorItem(node: ErrorNode): vscode.TreeItem {
    const error = this.#deps.store.get(node.id)?.error;
    const fix = error?.fix ? fixCommand(error.fix) : undefined;
    const row = errorRow({ message: error?.message, fixTitle: fix?.title });
    const item = treeItem(row, vscode.TreeItemCollapsibleState.None, `${idPrefix(node.source)}error:${node.wallet ? `${node.wallet.owner}:${node.wallet.role}:` : ''}${node.id}`);
    item.contextValue = ROW_CONTEXT.error;
    // A wallet's address may be in no list: Retry refreshes the address itself.
    item.command = fix ?? { title: row.description, command: node.wallet ? COMMANDS.refreshAddress : COMMANDS.refreshIdentifier, arguments: gestureArgs(node.id) };
    return item;
  }

  #namedGroupItem(node: GroupNode): vscode.TreeItem {
    const workspace = node.source === 'workspace';
    const members = this.#arrangement(node.source).groups.find((g) => g.name === node.name)?.members ?? [];
    const total = cached(this.#totals, node, () => this.#totalOf(members.map((t) => t.id)));
    const row = groupRow({ name: node.name, workspace, count: members.length, ...total, masked: this.#deps.masked(), noValues: this.#deps.noValues?.() });
    const item = treeItem(row, vscode.TreeItemCollapsibleState.Expanded, `${idPrefix(node.source)}group:${node.name}`);
    item.contextValue = workspace ? ROW_CONTEXT.watchedGroup : ROW_CONTEXT.group;
    return item;
  }

  #groupItem(): vscode.TreeItem {
    const { all, problems } = this.#deps.watched;
    const total = cached(this.#totals, this.#group, () => this.#totalOf(all.map((t) => t.id)));
    const item = treeItem(watchListRow({ count: all.length, warnings: problems.length, ...total, masked: this.#deps.masked(), noValues: this.#deps.noValues?.() }), vscode.TreeItemCollapsibleState.Expanded, 'workspaceGroup');
    item.contextValue = ROW_CONTEXT.workspaceGroup;
    item.command = this.#openWatchListFile();
    return item;
  }

  #problemItem(node: ProblemNode): vscode.TreeItem {
    const item = treeItem(problemRow(this.#deps.watched.problems[node.index] ?? ''), vscode.TreeItemCollapsibleState.None, `problem:${node.index}`);
    item.contextValue = ROW_CONTEXT.problem;
    item.command = this.#openWatchListFile();
    return item;
  }

  #openWatchListFile(): vscode.Command | undefined {
    const file = this.#deps.watched.fileUri();
    return file && { title: vscode.l10n.t('Open .vscode/plyr.json'), command: 'vscode.open', arguments: [file] };
  }

  dispose(): void {
    this.#changed.dispose();
  }
}

/** One row as the API hands it out: a TreeItem's texts, plain data. */
export interface SidebarRow {
  /** The row's id in the view: `identifier:player123`, `token:player123:gamr`, `group:Team`, `workspaceGroup`, `workspace:identifier:…` */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** Plain text, or the Markdown source of a rich tooltip. */
  readonly tooltip?: string;
  /** What a screen reader says for the row. */
  readonly spoken?: string;
}

function rowText(item: vscode.TreeItem): SidebarRow {
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
  const description = typeof item.description === 'string' ? item.description : undefined;
  const spoken = item.accessibilityInformation?.label;
  return { id: item.id ?? '', label, ...(description !== undefined ? { description } : {}), ...(tooltip !== undefined ? { tooltip } : {}), ...(spoken !== undefined ? { spoken } : {}) };
}

/** The map's value for `key`, made on first use and kept (undefined too). */
function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  if (!map.has(key)) {
    map.set(key, make());
  }
  return map.get(key) as V;
}

/** Drops the entries whose key is not among `live`. */
function keepOnly<V>(map: Map<string, V>, live: readonly string[]): void {
  const keep = new Set(live);
  deleteWhere(map, (_, key) => !keep.has(key));
}

function rowKey(source: RowSource, id: string): string {
  return `${source}:${id}`;
}

/** The watch-list's rows get ids of their own: the same identifier may be in both lists. */
function idPrefix(source: RowSource): string {
  return source === 'workspace' ? 'workspace:' : '';
}

/** A row asked for and waiting its turn, with nothing known yet: shown as loading. */
const WAITING: BalanceEntry = { loading: true };

const ACCOUNT_TYPES: ReadonlySet<BalanceNode['type']> = new Set<AccountNode['type']>(['section', 'sectionError', 'emptySection', 'chip', 'allowance', 'activity', 'loadMore', 'wallet', 'walletToken']);

function isAccountNode(node: BalanceNode): node is AccountNode {
  return ACCOUNT_TYPES.has(node.type);
}
