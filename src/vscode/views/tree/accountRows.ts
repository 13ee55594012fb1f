import * as vscode from 'vscode';
import { allowanceRow, chipRow, emptySectionRow, loadMoreRow, sectionRow, WalletRole, walletRow } from '../../../core/content/accountContent';
import { activityRow } from '../../../core/content/activityContent';
import { errorRow, tokenRow, uniqueRowKeys } from '../../../core/content/treeContent';
import { ActivityEntry, activityKey } from '../../../core/model/activity';
import { compareExpiry } from '../../../core/model/allowances';
import { isZero } from '../../../core/model/decimal';
import { inertLabel } from '../../../core/model/safeText';
import { parseIdentifier } from '../../../core/model/identifier';
import { ACCOUNT_SECTIONS, AccountSection, AccountStore, SectionValues } from '../../../core/store/accountStore';
import { BalanceStore } from '../../../core/store/balanceStore';
import { deleteWhere } from '../../../core/store/deleteWhere';
import { LastGood } from '../../../core/store/lastGoodStore';
import { PriceBook } from '../../../core/model/value';
import { TokenNames } from '../../../core/content/shortNames';
import { COMMANDS, gestureArgs, ROW_CONTEXT } from '../../ids';
import { fixCommand } from '../../ui/fixes';
import { AccountNode, ActivityNode, BalanceNode, IdentifierNode, SectionNode, WalletNode, zeroBalancesNode } from './nodes';
import { treeItem } from './treeItem';

export interface AccountRowsDeps {
  readonly accounts: AccountStore;
  /** A wallet's own balances come from the same store as every address's. */
  readonly balances: BalanceStore;
  readonly masked: () => boolean;
  readonly hideZeroBalances: () => boolean;
  readonly now: () => number;
  /** The prices a wallet's token rows show values with, as the identifiers' own token rows do. */
  readonly prices?: () => PriceBook | undefined;
  /** The token list's names for tokens keyed by their contract address: an allowance's, an activity's. */
  readonly names?: TokenNames;
}

/**
 * The account under a PLYR ID's row: its Chips, Allowances, Activity and Wallets groups and their
 * rows. A group loads on its first expand (VS Code shows progress while it does); a collapsed one
 * costs nothing. A failure shows first in its group, above what was last known.
 */
export class AccountRows {
  /** Group rows by source, PLYR ID and section, reused so that events and expansion address the same node. */
  readonly #sectionNodes = new Map<string, SectionNode>();
  /** Wallet rows the same way: a change of a wallet's balances is told on the row VS Code holds. */
  readonly #walletNodes = new Map<string, WalletNode>();
  /** Activity rows by their entry (kept across pages: Load more appends), so that a new one can be revealed. */
  readonly #activityNodes: Record<IdentifierNode['source'], WeakMap<ActivityEntry, ActivityNode>> = { user: new WeakMap(), workspace: new WeakMap() };

  readonly #deps: AccountRowsDeps;

  constructor(deps: AccountRowsDeps) {
    this.#deps = deps;
  }

  /** The groups below a PLYR ID's balances. */
  sectionsOf(row: IdentifierNode): SectionNode[] {
    return ACCOUNT_SECTIONS.map((section) => {
      const key = `${row.source}\n${row.id}\n${section}`;
      let node = this.#sectionNodes.get(key);
      if (!node) {
        node = { type: 'section', id: row.id, source: row.source, section };
        this.#sectionNodes.set(key, node);
      }
      return node;
    });
  }

  /** Drops the group rows of identifiers no longer listed. */
  keepOnly(listed: (source: IdentifierNode['source'], id: string) => boolean): void {
    deleteWhere(this.#sectionNodes, (node) => !listed(node.source, node.id));
    deleteWhere(this.#walletNodes, (node) => !listed(node.source, node.owner));
  }

  /** The wallet rows the view has shown for an address (under any account, in either list). */
  walletsOf(address: string): WalletNode[] {
    const wanted = address.toLowerCase();
    return [...this.#walletNodes.values()].filter((node) => node.id.toLowerCase() === wanted);
  }

  /** The group row of an identifier's section, when the view has shown it. */
  sectionNode(source: IdentifierNode['source'], id: string, section: AccountSection): SectionNode | undefined {
    return this.#sectionNodes.get(`${source}\n${id}\n${section}`);
  }

  async childrenOf(node: AccountNode): Promise<BalanceNode[]> {
    if (node.type === 'section') {
      const known = this.#deps.accounts.get(node.id, node.section);
      const entry = known?.value !== undefined || known?.error ? known : await this.#deps.accounts.load(node.id, node.section);
      return this.#sectionChildren(node, entry);
    }
    if (node.type === 'wallet') {
      return this.#walletChildren(node);
    }
    return [];
  }

  parentOf(node: AccountNode, identifierRow: (source: IdentifierNode['source'], id: string) => IdentifierNode | undefined): BalanceNode | undefined {
    switch (node.type) {
      case 'section':
        return identifierRow(node.source, node.id);
      case 'sectionError':
      case 'emptySection':
        return this.sectionNode(node.source, node.id, node.section);
      case 'wallet':
        return this.sectionNode(node.source, node.owner, 'wallets');
      case 'walletToken':
        return this.walletNode(node.source, node.owner, node.id, node.role);
      case 'chip':
        return this.sectionNode(node.source, node.id, 'chips');
      case 'allowance':
        return this.sectionNode(node.source, node.id, 'allowances');
      case 'activity':
      case 'loadMore':
        return this.sectionNode(node.source, node.id, 'activity');
    }
  }

  itemOf(node: AccountNode): vscode.TreeItem {
    const { masked, now } = this.#deps;
    const prefix = `${node.source === 'workspace' ? 'workspace:' : ''}account:${node.id}`;
    switch (node.type) {
      case 'section': {
        const entry = this.#deps.accounts.get(node.id, node.section);
        const item = treeItem(sectionRow({ section: node.section, entry, count: entry?.value === undefined ? undefined : this.#rowCount(node.section, entry.value), now: now() }), vscode.TreeItemCollapsibleState.Collapsed, `${prefix}:${node.section}`);
        item.contextValue = ROW_CONTEXT.section;
        return item;
      }
      case 'sectionError': {
        const error = this.#deps.accounts.get(node.id, node.section)?.error;
        const fix = error?.fix ? fixCommand(error.fix) : undefined;
        const row = errorRow({ message: error?.message, fixTitle: fix?.title });
        const item = treeItem(row, vscode.TreeItemCollapsibleState.None, `${prefix}:${node.section}:error`);
        item.contextValue = ROW_CONTEXT.sectionError;
        item.command = fix ?? { title: row.description, command: COMMANDS.refreshSection, arguments: gestureArgs(node.id, node.section) };
        return item;
      }
      case 'emptySection': {
        const item = treeItem(emptySectionRow(node.section), vscode.TreeItemCollapsibleState.None, `${prefix}:${node.section}:empty`);
        item.contextValue = ROW_CONTEXT.emptySection;
        return item;
      }
      case 'chip': {
        const item = treeItem(chipRow({ chip: node.chip, masked: masked() }), vscode.TreeItemCollapsibleState.None, `${prefix}:chip:${node.key}`);
        item.contextValue = ROW_CONTEXT.chip;
        return item;
      }
      case 'allowance': {
        const a = node.allowance;
        const item = treeItem(allowanceRow({ allowance: a, masked: masked(), now: now(), names: this.#deps.names }), vscode.TreeItemCollapsibleState.None, `${prefix}:allowance:${node.key}`);
        item.contextValue = ROW_CONTEXT.allowance;
        return item;
      }
      case 'activity':
        return this.#activityItem(node, prefix);
      case 'loadMore': {
        const read = this.#deps.accounts.get(node.id, 'activity')?.value?.entries.length ?? 0;
        const item = treeItem(loadMoreRow({ read }), vscode.TreeItemCollapsibleState.None, `${prefix}:activity:more`);
        item.contextValue = ROW_CONTEXT.loadMore;
        // The row itself: the command moves the focus on to the first entry read, in this row's list.
        item.command = { title: vscode.l10n.t('Load more'), command: COMMANDS.loadMoreActivity, arguments: gestureArgs(node) };
        return item;
      }
      case 'wallet': {
        const item = treeItem(walletRow({ address: node.id, role: node.role }), vscode.TreeItemCollapsibleState.Collapsed, `${prefix}:wallet:${node.owner}:${node.role}:${node.id}`);
        item.contextValue = ROW_CONTEXT.wallet;
        return item;
      }
      case 'walletToken': {
        const entry = this.#deps.balances.get(node.id);
        const prices = entry?.error === undefined ? this.#deps.prices?.() : undefined;
        const item = treeItem(tokenRow({ token: node.token, amount: node.amount, entry, masked: masked(), now: now(), prices, names: this.#deps.names }), vscode.TreeItemCollapsibleState.None, `${prefix}:wallet:${node.owner}:${node.role}:${node.id}:${node.token}`);
        item.contextValue = ROW_CONTEXT.walletToken;
        return item;
      }
    }
  }

  /** A group's rows; one read with none (and no error) says so in a row of its own, which its count leaves out. */
  #sectionChildren(node: SectionNode, entry: LastGood<unknown> | undefined): BalanceNode[] {
    const rows = this.#sectionRows(node, entry);
    const empty = rows.length === 0 && entry?.value !== undefined && !entry.error;
    return empty ? [{ type: 'emptySection', id: node.id, source: node.source, section: node.section }] : rows;
  }

  #sectionRows(node: SectionNode, entry: LastGood<unknown> | undefined): BalanceNode[] {
    const rows: BalanceNode[] = entry?.error ? [{ type: 'sectionError', id: node.id, source: node.source, section: node.section }] : [];
    const base = { id: node.id, source: node.source };
    switch (node.section) {
      case 'chips': {
        const chips = (entry?.value as SectionValues['chips'] | undefined) ?? [];
        const hideZero = this.#deps.hideZeroBalances();
        // Keyed before zero rows are hidden: a row keeps its id whatever shows beside it.
        const keyed = uniqueRowKeys(chips, (chip) => `${chip.gameId}:${chip.address}`);
        const shown = keyed.filter(({ row }) => !(hideZero && isZero(row.balance)));
        if (shown.length === 0 && keyed.length > 0) {
          return [...rows, zeroBalancesNode({ ...base, section: 'chips' }, chips.map((chip) => [chip.symbol && inertLabel(chip.symbol) ? chip.symbol : chip.address, chip.balance]))];
        }
        return [...rows, ...shown.map(({ row, key }) => ({ type: 'chip' as const, ...base, chip: row, key }))];
      }
      case 'allowances': {
        const allowances = (entry?.value as SectionValues['allowances'] | undefined) ?? [];
        // Keyed in the server's order, then sorted: a row keeps its id wherever it moves.
        const keyed = uniqueRowKeys(allowances, (a) => `${a.gameId}:${a.token}:${a.createdAt}`).sort((x, y) => compareExpiry(x.row, y.row));
        return [...rows, ...keyed.map(({ row, key }) => ({ type: 'allowance' as const, ...base, allowance: row, key }))];
      }
      case 'activity': {
        const log = entry?.value as SectionValues['activity'] | undefined;
        const more = log?.mayHaveMore ? [{ type: 'loadMore' as const, ...base }] : [];
        const clockOffsetMs = log?.clockOffsetMs ?? 0;
        return [...rows, ...(log?.entries ?? []).map((e) => this.#activityNode(node, e, clockOffsetMs)), ...more];
      }
      case 'wallets': {
        const wallets = entry?.value as SectionValues['wallets'] | undefined;
        if (!wallets) {
          return rows;
        }
        const { primaryAddress, mirrorAddress } = wallets.info;
        const own: [string | undefined, WalletRole][] = [[primaryAddress, 'primary'], [mirrorAddress, 'mirror'], ...wallets.secondaries.map((w): [string, WalletRole] => [w.address, 'secondary'])];
        return [...rows, ...own.flatMap(([address, role]) => (address ? [this.walletNode(node.source, node.id, address, role)] : []))];
      }
    }
  }

  async #walletChildren(node: WalletNode): Promise<BalanceNode[]> {
    const parsed = parseIdentifier(node.id);
    if (!parsed.ok) {
      return [];
    }
    // Asked only when nothing is known: a failure shows as it is (asked again by a refresh), or the
    // row, told of the failure, would ask again at once, and again, while it stays open.
    const known = this.#deps.balances.get(node.id);
    const entry = known?.balances !== undefined || known?.error !== undefined ? known : await this.#deps.balances.refresh(parsed.value);
    const wallet = { owner: node.owner, role: node.role };
    const errors: BalanceNode[] = entry?.error ? [{ type: 'error', id: node.id, source: node.source, wallet }] : [];
    const all = Object.entries(entry?.balances ?? {});
    const listed = this.#deps.hideZeroBalances() ? all.filter(([, amount]) => !isZero(amount)) : all;
    if (listed.length === 0 && all.length > 0) {
      return [...errors, zeroBalancesNode({ id: node.id, source: node.source, wallet }, all)];
    }
    return [...errors, ...listed.map(([token, amount]) => ({ type: 'walletToken' as const, id: node.id, owner: node.owner, source: node.source, role: node.role, token, amount }))];
  }

  /** The row of an entry of the Activity group, as its children are listed (the same node for the same entry). */
  activityNodeOf(section: SectionNode, entry: ActivityEntry): ActivityNode {
    const log = this.#deps.accounts.get(section.id, 'activity')?.value;
    return this.#activityNode(section, entry, log?.clockOffsetMs ?? 0);
  }

  #activityNode(section: SectionNode, entry: ActivityEntry, clockOffsetMs: number): ActivityNode {
    const known = this.#activityNodes[section.source].get(entry);
    if (known?.id === section.id && known.clockOffsetMs === clockOffsetMs) {
      return known;
    }
    const node: ActivityNode = { type: 'activity', id: section.id, source: section.source, entry, clockOffsetMs };
    this.#activityNodes[section.source].set(entry, node);
    return node;
  }

  walletNode(source: WalletNode['source'], owner: string, address: string, role: WalletRole): WalletNode {
    const key = `${source}\n${owner}\n${role}\n${address}`;
    let node = this.#walletNodes.get(key);
    if (!node) {
      node = { type: 'wallet', id: address, owner, source, role };
      this.#walletNodes.set(key, node);
    }
    return node;
  }

  #activityItem(node: Extract<AccountNode, { type: 'activity' }>, prefix: string): vscode.TreeItem {
    // Its age on the server's clock, which timed it: a clock minutes off would show "in 3 min." or hours.
    const row = activityRow({ entry: node.entry, masked: this.#deps.masked(), now: this.#deps.now() + node.clockOffsetMs, names: this.#deps.names });
    const e = node.entry;
    const item = treeItem(row, vscode.TreeItemCollapsibleState.None, `${prefix}:activity:${activityKey(e)}`);
    item.contextValue = e.txHash ? ROW_CONTEXT.activityTx : ROW_CONTEXT.activity;
    return item;
  }

  #rowCount(section: AccountSection, value: unknown): number {
    switch (section) {
      case 'chips':
        // Every chip held, the zero ones that Hide Zero Balances hides too, as an identifier's "5
        // tokens" counts them: "0 rows" read wrong above "6 zero balances not shown".
        return (value as SectionValues['chips']).length;
      case 'allowances':
        return (value as SectionValues['allowances']).length;
      case 'activity':
        return (value as SectionValues['activity']).entries.length;
      case 'wallets': {
        const w = value as SectionValues['wallets'];
        return [w.info.primaryAddress, w.info.mirrorAddress].filter(Boolean).length + w.secondaries.length;
      }
    }
  }
}
