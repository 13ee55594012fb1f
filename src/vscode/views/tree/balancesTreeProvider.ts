import * as vscode from 'vscode';
import { BalanceEntry, BalanceStore } from '../../../core/store/balanceStore';
import { formatAmount, formatAmountCompact } from '../../../core/content/format';
import { MASKED_AMOUNT } from '../../../core/content/privacy';
import { describeAge } from '../../../core/content/time';
import { shortAddress } from '../../../core/content/hoverContent';
import { isAddressText } from '../../../core/model/identifier';
import { isZero } from '../../../core/model/decimal';
import { withoutIcons } from '../../../core/model/safeText';
import { escapeMarkdown } from '../../../core/content/markdown';
import { arrange, Arrangement, SortOrder } from '../../../core/model/sortOrder';
import { TrackedIdentifier } from '../../../core/model/trackedList';
import { fixCommand } from '../../ui/fixes';
import { COMMANDS, ROW_CONTEXT } from '../../ids';
import { inertLabel } from '../../ui/labels';
import { TrackedStore } from '../../state/trackedStore';
import { WorkspaceWatchList } from '../../state/workspaceWatchList';
import { BalanceNode, ErrorNode, GroupNode, IdentifierNode, markShown, ProblemNode, RowSource, TokenNode } from './nodes';

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
  /** The privacy mask is on: amounts (and their changes) show as •••. */
  readonly masked: () => boolean;
  readonly now?: () => number;
}

/**
 * Tracked identifiers and, under each, its token balances (or an error row with the fix), read
 * from the tracked list and the shared balance store. No I/O happens here: an unknown row asks
 * `load` and renders when the store changes.
 */
export class BalancesTreeProvider implements vscode.TreeDataProvider<BalanceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<BalanceNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Row objects by source and identifier, reused so that events and reveal address the same node. */
  private readonly rows = new Map<string, IdentifierNode>();
  private readonly groupRows = new Map<string, GroupNode>();
  /** Each list's arrangement, made once per render (every group row asks for it). */
  private readonly arranged = new Map<RowSource, Arrangement>();
  private readonly group = { type: 'workspaceGroup' } as const;
  private readonly now: () => number;

  constructor(private readonly deps: TreeDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Re-renders the given identifiers' rows, or everything. */
  refresh(ids?: readonly string[]): void {
    this.arranged.clear();
    if (!ids) {
      this.changed.fire(undefined);
      return;
    }
    for (const id of ids) {
      for (const source of ['user', 'workspace'] as const) {
        const row = this.rows.get(rowKey(source, id));
        if (row) {
          this.changed.fire(row);
        }
      }
    }
  }

  /** The user's row of an identifier (what reveal and automation address). */
  rowFor(id: string): IdentifierNode | undefined {
    return this.rows.get(rowKey('user', id));
  }

  getChildren(node?: BalanceNode): BalanceNode[] {
    return markShown(this.childrenOf(node));
  }

  private childrenOf(node?: BalanceNode): BalanceNode[] {
    if (!node) {
      this.forgetGoneRows();
      const watched = this.deps.watched;
      const group = watched.all.length > 0 || watched.problems.length > 0 ? [this.group] : [];
      const { groups, top } = this.arrangement('user');
      return [...groups.map((g) => this.groupRow('user', g.name)), ...top.map((t) => this.row('user', t.id)), ...group];
    }
    if (node.type === 'workspaceGroup') {
      // Its rows open expanded: load them all now rather than one by one as the view asks.
      this.deps.watched.all.filter((t) => !this.deps.store.get(t.id)).forEach((t) => this.deps.load(t.id));
      const problems: ProblemNode[] = this.deps.watched.problems.map((_, index) => ({ type: 'problem', index }));
      const { groups, top } = this.arrangement('workspace');
      return [...groups.map((g) => this.groupRow('workspace', g.name)), ...top.map((t) => this.row('workspace', t.id)), ...problems];
    }
    if (node.type === 'group') {
      const members = this.arrangement(node.source).groups.find((g) => g.name === node.name)?.members ?? [];
      return members.map((t) => this.row(node.source, t.id));
    }
    if (node.type !== 'identifier') {
      return [];
    }
    const entry = this.deps.store.get(node.id);
    if (!entry) {
      this.deps.load(node.id);
      return [];
    }
    const children: BalanceNode[] = entry.error ? [{ type: 'error', id: node.id, source: node.source }] : [];
    return [...children, ...this.tokenRows(node, entry)];
  }

  getParent(node: BalanceNode): BalanceNode | undefined {
    switch (node.type) {
      case 'identifier': {
        const group = this.entryOf(node)?.group;
        return group !== undefined ? this.groupRow(node.source, group) : node.source === 'workspace' ? this.group : undefined;
      }
      case 'group':
        return node.source === 'workspace' ? this.group : undefined;
      case 'token':
      case 'error':
        return this.rows.get(rowKey(node.source, node.id));
      case 'problem':
        return this.group;
      case 'workspaceGroup':
        return undefined;
    }
  }

  getTreeItem(node: BalanceNode): vscode.TreeItem {
    switch (node.type) {
      case 'identifier':
        return this.identifierItem(node);
      case 'token':
        return this.tokenItem(node);
      case 'error':
        return this.errorItem(node);
      case 'group':
        return this.namedGroupItem(node);
      case 'workspaceGroup':
        return this.groupItem();
      case 'problem':
        return this.problemItem(node);
    }
  }

  /** Identifiers of either list whose last refresh failed (the view's badge). */
  failingCount(): number {
    const ids = new Set([...this.deps.tracked.all, ...this.deps.watched.all].map((t) => t.id));
    return [...ids].filter((id) => this.deps.store.get(id)?.error).length;
  }

  private forgetGoneRows(): void {
    keepOnly(this.rows, [...this.deps.tracked.all.map((t) => rowKey('user', t.id)), ...this.deps.watched.all.map((t) => rowKey('workspace', t.id))]);
    keepOnly(this.groupRows, [...this.deps.tracked.groups.map((g) => rowKey('user', g)), ...this.deps.watched.all.map((t) => rowKey('workspace', t.group ?? ''))]);
  }

  /**
   * A list as the view shows it: groups with their members, then the rest, sorted. The workspace's
   * groups are the names its entries give, in the file's order.
   */
  private arrangement(source: RowSource): Arrangement {
    return cached(this.arranged, source, () => this.arrange(source));
  }

  private arrange(source: RowSource): Arrangement {
    const amountOf = (id: string, token: string) => this.deps.store.get(id)?.balances?.[token];
    if (source === 'user') {
      return arrange({ list: this.deps.tracked.all, groups: this.deps.tracked.groups }, this.deps.sortOrder(), amountOf);
    }
    const list = this.deps.watched.all;
    const groups = [...new Set(list.flatMap((t) => (t.group === undefined ? [] : [t.group])))];
    return arrange({ list, groups }, this.deps.sortOrder(), amountOf);
  }

  private groupRow(source: RowSource, name: string): GroupNode {
    return cached(this.groupRows, rowKey(source, name), () => ({ type: 'group', name, source }));
  }

  private row(source: RowSource, id: string): IdentifierNode {
    return cached(this.rows, rowKey(source, id), () => ({ type: 'identifier', id, source }));
  }

  private entryOf(node: { id: string; source: RowSource }): TrackedIdentifier | undefined {
    return node.source === 'workspace' ? this.deps.watched.find(node.id) : this.deps.tracked.find(node.id);
  }

  private tokenRows(node: IdentifierNode, entry: BalanceEntry): TokenNode[] {
    const tracked = this.entryOf(node);
    const shown = tracked?.tokens ? new Set(tracked.tokens) : undefined;
    const hideZero = this.deps.hideZeroBalances();
    return Object.entries(entry.balances ?? {})
      .filter(([token, amount]) => (!shown || shown.has(token)) && !(hideZero && isZero(amount)))
      .map(([token, amount]) => ({ type: 'token', id: node.id, source: node.source, token, amount }));
  }

  private identifierItem(node: IdentifierNode): vscode.TreeItem {
    const tracked = this.entryOf(node);
    const entry = this.deps.store.get(node.id);
    // A team's watch-list is short and meant to be glanced at: its rows open with their balances.
    const workspace = node.source === 'workspace';
    const item = new vscode.TreeItem(tracked?.label ?? node.id, workspace ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${workspace ? 'workspace:' : ''}identifier:${node.id}`;
    const status = this.status(entry);
    item.description = tracked?.label ? `${shorten(node.id)} · ${status}` : status;
    const kind = tracked?.kind ?? 'plyrId';
    const failing = entry?.error !== undefined;
    item.iconPath = entry?.loading
      ? new vscode.ThemeIcon('loading~spin')
      : new vscode.ThemeIcon(kind === 'address' ? 'credit-card' : 'account', failing ? new vscode.ThemeColor('list.errorForeground') : undefined);
    const notifying = !workspace && tracked?.notify === true;
    item.contextValue = (workspace ? (kind === 'address' ? ROW_CONTEXT.watchedAddress : ROW_CONTEXT.watchedPlyrId) : kind === 'address' ? ROW_CONTEXT.address : ROW_CONTEXT.plyrId) + (notifying ? ROW_CONTEXT.notifyingSuffix : '');
    item.tooltip = this.identifierTooltip(node.id, tracked, entry);
    const what = kind === 'address' ? vscode.l10n.t('wallet address {0}', node.id) : vscode.l10n.t('PLYR ID {0}', node.id);
    // Read aloud: commas where the row shows a middle dot.
    item.accessibilityInformation = { label: `${tracked?.label ? `${tracked.label}, ` : ''}${what}, ${status.replace(/ · /g, ', ')}${notifying ? `, ${vscode.l10n.t('notifies on change')}` : ''}` };
    return item;
  }

  private status(entry: BalanceEntry | undefined): string {
    if (!entry || (entry.loading && !entry.balances && !entry.error)) {
      return entry?.loading ? vscode.l10n.t('loading…') : vscode.l10n.t('not loaded');
    }
    const age = entry.fetchedAt === undefined ? undefined : describeAge(this.now() - entry.fetchedAt);
    if (entry.error) {
      const stale = age ? ` · ${vscode.l10n.t('stale, {0}', age)}` : '';
      return `${shortError(entry.error.message)}${stale}`;
    }
    const count = Object.keys(entry.balances ?? {}).length;
    const tokens = count === 1 ? vscode.l10n.t('1 token') : vscode.l10n.t('{0} tokens', count);
    return `${tokens} · ${age === undefined ? vscode.l10n.t('updated never') : vscode.l10n.t('updated {0}', age)}`;
  }

  private identifierTooltip(id: string, tracked: TrackedIdentifier | undefined, entry: BalanceEntry | undefined): vscode.MarkdownString {
    // Outside text (a label from a file, the URL from a setting, a server's message) goes in
    // escaped as the hover's is: no Markdown, no autolinked URL. Icons render after the Markdown,
    // so its `$(` is also broken with a zero-width space: only the icons written here are icons.
    const text = (value: string) => escapeMarkdown(withoutIcons(value));
    const md = new vscode.MarkdownString('', true);
    if (tracked?.label) {
      md.appendMarkdown(`**${text(tracked.label)}**\n\n`);
    }
    md.appendMarkdown(`${tracked?.kind === 'address' ? vscode.l10n.t('Wallet address:') : vscode.l10n.t('PLYR ID:')} ${text(id)}\n\n`);
    md.appendMarkdown(`${vscode.l10n.t('Network:')} ${text(this.deps.networkLabel())}\n\n`);
    md.appendMarkdown(`${vscode.l10n.t('Last update:')} `).appendText(entry?.fetchedAt ? `${new Date(entry.fetchedAt).toLocaleString()} (${describeAge(this.now() - entry.fetchedAt)})` : vscode.l10n.t('never'));
    if (tracked?.notify) {
      md.appendMarkdown('\n\n$(bell) ').appendText(vscode.l10n.t('Notifies when a balance changes.'));
    }
    if (entry?.error) {
      md.appendMarkdown(`\n\n---\n\n$(error) ${text(entry.error.message)}`);
    }
    return md;
  }

  private tokenItem(node: TokenNode): vscode.TreeItem {
    const entry = this.deps.store.get(node.id);
    const item = new vscode.TreeItem(inertLabel(tokenLabel(node.token)), vscode.TreeItemCollapsibleState.None);
    item.id = `${node.source === 'workspace' ? 'workspace:' : ''}token:${node.id}:${node.token}`;
    const stale = entry?.error !== undefined;
    const masked = this.deps.masked();
    const shown = masked ? MASKED_AMOUNT : formatAmountCompact(node.amount);
    // The exact change the last refresh brought, computed on the decimal strings.
    const change = masked ? undefined : entry?.changes?.[node.token];
    const arrow = change ? ` ${change.startsWith('+') ? '▲' : '▼'} ${change}` : '';
    const age = entry?.fetchedAt !== undefined ? describeAge(this.now() - entry.fetchedAt) : '';
    item.description = stale ? vscode.l10n.t('last known {0} · {1}', shown, age) : `${shown}${arrow}`;
    const md = new vscode.MarkdownString();
    md.appendText(tokenLabel(node.token)).appendMarkdown(': ').appendMarkdown('`').appendText(masked ? MASKED_AMOUNT : node.amount.replace(/`/g, '')).appendMarkdown('`');
    if (change && !stale) {
      md.appendMarkdown('\n\n').appendText(vscode.l10n.t('Changed by {0} at the last refresh.', change));
    }
    if (stale && entry?.fetchedAt) {
      md.appendMarkdown('\n\n').appendText(vscode.l10n.t('Stale: last updated {0}.', describeAge(this.now() - entry.fetchedAt)));
    }
    item.tooltip = md;
    item.contextValue = ROW_CONTEXT.token;
    item.iconPath = new vscode.ThemeIcon(stale ? 'history' : 'circle-small-filled');
    // The exact amount, grouped as it is read ("GAMR 1,234.5"), and the state in words.
    const spoken = `${tokenLabel(node.token)} ${masked ? vscode.l10n.t('amount hidden') : formatAmount(node.amount)}${change && !stale ? `, ${vscode.l10n.t('changed by {0}', change)}` : ''}`;
    item.accessibilityInformation = { label: stale ? vscode.l10n.t({ message: '{0}, stale, last updated {1}', args: [spoken, age], comment: 'A token and its amount, then an age such as 3 hr. ago' }) : spoken };
    return item;
  }

  private errorItem(node: ErrorNode): vscode.TreeItem {
    const error = this.deps.store.get(node.id)?.error;
    const item = new vscode.TreeItem(shortError(error?.message ?? vscode.l10n.t('Failed')), vscode.TreeItemCollapsibleState.None);
    item.id = `${node.source === 'workspace' ? 'workspace:' : ''}error:${node.id}`;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = ROW_CONTEXT.error;
    const fix = error?.fix ? fixCommand(error.fix) : { title: vscode.l10n.t('Retry'), command: COMMANDS.refreshIdentifier, arguments: [node.id] };
    item.command = fix;
    item.description = fix.title;
    item.accessibilityInformation = { label: vscode.l10n.t('Error: {0} Enter: {1}', error?.message ?? vscode.l10n.t('Failed'), fix.title) };
    item.tooltip = new vscode.MarkdownString().appendText(error?.message ?? '').appendMarkdown('\n\n').appendText(vscode.l10n.t('Click: {0}', fix.title));
    return item;
  }

  private namedGroupItem(node: GroupNode): vscode.TreeItem {
    const workspace = node.source === 'workspace';
    const count = this.arrangement(node.source).groups.find((g) => g.name === node.name)?.members.length ?? 0;
    const item = new vscode.TreeItem(inertLabel(node.name), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${workspace ? 'workspace:' : ''}group:${node.name}`;
    const identifiers = count === 1 ? vscode.l10n.t('1 identifier') : vscode.l10n.t('{0} identifiers', count);
    item.description = identifiers;
    item.iconPath = new vscode.ThemeIcon(workspace ? 'folder-library' : 'folder');
    item.contextValue = workspace ? ROW_CONTEXT.watchedGroup : ROW_CONTEXT.group;
    item.tooltip = workspace ? vscode.l10n.t('Group {0} of the workspace\'s watch-list: {1}', node.name, identifiers) : vscode.l10n.t('Group {0}: {1}', node.name, identifiers);
    item.accessibilityInformation = { label: workspace ? vscode.l10n.t('Workspace group {0}, {1}', node.name, identifiers) : vscode.l10n.t('Group {0}, {1}', node.name, identifiers) };
    return item;
  }

  private groupItem(): vscode.TreeItem {
    const { all, problems } = this.deps.watched;
    const item = new vscode.TreeItem(vscode.l10n.t('Workspace'), vscode.TreeItemCollapsibleState.Expanded);
    item.id = 'workspaceGroup';
    item.description = problems.length > 0 ? vscode.l10n.t('.vscode/plyr.json · {0} skipped', problems.length) : '.vscode/plyr.json';
    item.iconPath = new vscode.ThemeIcon('organization');
    item.contextValue = ROW_CONTEXT.workspaceGroup;
    item.accessibilityInformation = { label: vscode.l10n.t('Workspace watch-list, {0} identifiers from .vscode/plyr.json', all.length) };
    item.tooltip = vscode.l10n.t("The workspace's watch-list: {0} identifiers from .vscode/plyr.json, shared with everyone who opens this workspace. Read-only here: edit the file to change it.", all.length);
    const file = this.deps.watched.fileUri();
    item.command = file && { title: vscode.l10n.t('Open .vscode/plyr.json'), command: 'vscode.open', arguments: [file] };
    return item;
  }

  private problemItem(node: ProblemNode): vscode.TreeItem {
    const problem = this.deps.watched.problems[node.index] ?? '';
    const item = new vscode.TreeItem(inertLabel(problem), vscode.TreeItemCollapsibleState.None);
    item.id = `problem:${node.index}`;
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    item.contextValue = ROW_CONTEXT.problem;
    item.tooltip = problem;
    item.accessibilityInformation = { label: vscode.l10n.t('Skipped: {0}', problem) };
    const file = this.deps.watched.fileUri();
    item.command = file && { title: vscode.l10n.t('Open .vscode/plyr.json'), command: 'vscode.open', arguments: [file] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The map's value for `key`, made on first use and kept. */
function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Drops the entries whose key is not among `live`. */
function keepOnly<V>(map: Map<string, V>, live: readonly string[]): void {
  const keep = new Set(live);
  for (const key of map.keys()) {
    if (!keep.has(key)) {
      map.delete(key);
    }
  }
}

function rowKey(source: RowSource, id: string): string {
  return `${source}:${id}`;
}

/** `0x742d…f44e` for addresses in narrow places; PLYR IDs are short already. */
export function shorten(id: string): string {
  return isAddressText(id) ? shortAddress(id) : id;
}

function tokenLabel(token: string): string {
  return isAddressText(token) ? shorten(token) : token.toUpperCase();
}

/** The first sentence of an error, for a row's description. */
function shortError(message: string): string {
  const first = message.split(/(?<=[.:])\s/)[0] ?? message;
  return first.length > 60 ? `${first.slice(0, 59)}…` : first.replace(/[.:]$/, '');
}
