import * as vscode from 'vscode';
import { PlyrError } from '../../../core/model/errors';
import type { ActivityEntry } from '../../../core/model/activity';
import type { Allowance } from '../../../core/model/allowances';
import type { Chip } from '../../../core/model/chips';
import type { WalletRole } from '../../../core/content/accountContent';
import type { AccountSection } from '../../../core/store/accountStore';
import type { RowSource } from '../../../core/store/openRows';

/** The tree's rows as plain data; the provider maps them to TreeItems. */
export type BalanceNode = IdentifierNode | TokenNode | HiddenTokensNode | ZeroBalancesNode | ErrorNode | GroupNode | WorkspaceGroupNode | ProblemNode | AccountNode;

/** The rows of a PLYR ID's account, below its token balances (see accountRows.ts). */
export type AccountNode = SectionNode | SectionErrorNode | EmptySectionNode | ChipNode | AllowanceNode | ActivityNode | LoadMoreNode | WalletNode | WalletTokenNode;

/** Where an identifier row comes from: the user's own list, or the workspace's `.vscode/plyr.json`. */
export type { RowSource };
/** Both sources: an identifier may have a row in each. */
export const ROW_SOURCES: readonly RowSource[] = ['user', 'workspace'];

export interface IdentifierNode {
  readonly type: 'identifier';
  readonly id: string;
  readonly source: RowSource;
}

/** A named group (folder) of identifiers: the user's own, or one the workspace's file names. */
export interface GroupNode {
  readonly type: 'group';
  readonly name: string;
  readonly source: RowSource;
}

/** The read-only "Workspace" group: the team's watch-list. */
export interface WorkspaceGroupNode {
  readonly type: 'workspaceGroup';
}

/** A line of `.vscode/plyr.json` that could not be used, under the Workspace group. */
export interface ProblemNode {
  readonly type: 'problem';
  readonly index: number;
}

export interface TokenNode {
  readonly type: 'token';
  readonly id: string;
  readonly source: RowSource;
  readonly token: string;
  /** The exact decimal string as received. */
  readonly amount: string;
}

/** After an identifier's token rows: the tokens its filter leaves out (their names, as the balances key them). */
export interface HiddenTokensNode {
  readonly type: 'hiddenTokens';
  readonly id: string;
  readonly source: RowSource;
  readonly hidden: readonly string[];
}

/** After an identifier's rows, the zeros Hide Zero Balances hides; in place of a wallet's or the Chips group's rows, when it hides every one. */
export interface ZeroBalancesNode {
  readonly type: 'zeroBalances';
  readonly id: string;
  readonly source: RowSource;
  readonly hidden: readonly string[];
  /** Under an account's wallet: whose, and which (as an error row there). */
  readonly wallet?: { readonly owner: string; readonly role: WalletRole };
  /** In the account's Chips group (the id is the PLYR ID; the hidden names are the chips' symbols). */
  readonly section?: 'chips';
}

/** The row for a wallet's or the Chips group's balances, every one of them zero and hidden. */
export function zeroBalancesNode(row: Omit<ZeroBalancesNode, 'type' | 'hidden'>, balances: readonly (readonly [string, string])[]): ZeroBalancesNode {
  return { ...row, type: 'zeroBalances', hidden: balances.map(([token]) => token) };
}

/** One entry of a PLYR ID's activity log. */
export interface ActivityNode {
  readonly type: 'activity';
  /** The PLYR ID whose log it is. */
  readonly id: string;
  readonly entry: ActivityEntry;
  readonly source: RowSource;
  /** The server's clock less ours when the log was read: the entry's age is on its clock. */
  readonly clockOffsetMs: number;
}

/** An activity row (a menu passes the row back): not a plain hash string. */
export function isActivityRow(arg: unknown): arg is ActivityNode {
  return typeof arg === 'object' && arg !== null && (arg as { type?: unknown }).type === 'activity' && typeof (arg as { entry?: unknown }).entry === 'object' && (arg as { entry?: unknown }).entry !== null;
}

export interface ErrorNode {
  readonly type: 'error';
  readonly id: string;
  readonly source: RowSource;
  /** Under an account's wallet (its id an address that may be in no list): whose, and which. */
  readonly wallet?: { readonly owner: string; readonly role: WalletRole };
}

/** A group of the account under a PLYR ID: Chips, Allowances, Activity or Wallets. */
export interface SectionNode {
  readonly type: 'section';
  /** The PLYR ID. */
  readonly id: string;
  readonly source: RowSource;
  readonly section: AccountSection;
}

/** A group's failure, with its fix: first in the group, above what was last known. */
export interface SectionErrorNode {
  readonly type: 'sectionError';
  readonly id: string;
  readonly source: RowSource;
  readonly section: AccountSection;
}

/** The one row of a group read with no rows and no error: "No chips", so an empty group is told from one never read. */
export interface EmptySectionNode {
  readonly type: 'emptySection';
  readonly id: string;
  readonly source: RowSource;
  readonly section: AccountSection;
}

export interface ChipNode {
  readonly type: 'chip';
  readonly id: string;
  readonly source: RowSource;
  readonly chip: Chip;
  /** Its key among the group's rows (see uniqueRowKeys). */
  readonly key: string;
}

export interface AllowanceNode {
  readonly type: 'allowance';
  readonly id: string;
  readonly source: RowSource;
  readonly allowance: Allowance;
  /** Its key among the group's rows (see uniqueRowKeys). */
  readonly key: string;
}

/** "Load more…" at the end of a read activity log that may go on. */
export interface LoadMoreNode {
  readonly type: 'loadMore';
  readonly id: string;
  readonly source: RowSource;
}

/** The Load more row of an account's activity (a menu or a click passes the row back). */
export function isLoadMoreRow(arg: unknown): arg is LoadMoreNode {
  return typeof arg === 'object' && arg !== null && (arg as { type?: unknown }).type === 'loadMore';
}

/** One of the account's wallets; its `id` is the address, so the address commands take it as they take an address row. */
export interface WalletNode {
  readonly type: 'wallet';
  readonly id: string;
  /** The PLYR ID whose wallet it is. */
  readonly owner: string;
  readonly source: RowSource;
  readonly role: WalletRole;
}

/** A wallet row (a menu passes the row back), with an owner and a role: not an address alone. */
export function isWalletRow(arg: unknown): arg is WalletNode {
  if (typeof arg !== 'object' || arg === null || (arg as { type?: unknown }).type !== 'wallet') {
    return false;
  }
  const { owner, role } = arg as { owner?: unknown; role?: unknown };
  return typeof owner === 'string' && (role === 'primary' || role === 'mirror' || role === 'secondary');
}

/** A token balance of a wallet, on-chain (`/api/balance/{address}`). */
export interface WalletTokenNode {
  readonly type: 'walletToken';
  /** The wallet's address. */
  readonly id: string;
  readonly owner: string;
  readonly source: RowSource;
  readonly role: WalletRole;
  readonly token: string;
  readonly amount: string;
}

/** The rows the tree has handed to VS Code: what a menu or a key passes back to a command. */
const shown = new WeakSet<object>();

export function markShown<T extends object>(nodes: T[]): T[] {
  for (const node of nodes) {
    shown.add(node);
  }
  return nodes;
}

/**
 * Whether a command's argument is a row the view showed, so a person clicked it: plain data of
 * the same shape (automation) is not.
 */
export function isShownRow(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && shown.has(arg);
}

/**
 * The rows a context-menu command gets as its second argument when several rows are selected
 * (VS Code passes them after the clicked row): not a label, a name or a token filter.
 */
export function isRowSelection(arg: unknown): arg is BalanceNode[] {
  return Array.isArray(arg) && arg.length > 0 && arg.every((row) => typeof row === 'object' && row !== null && 'type' in row);
}

/** The identifier rows among selected rows: a group or token row selected with them is left out. */
export function selectedIdentifiers(selection: readonly BalanceNode[]): string[] {
  // The user's own rows, each once: the Workspace group's are read-only, and may repeat one of them.
  return [...new Set(selection.flatMap((row) => (row.type === 'identifier' && row.source === 'user' ? [row.id] : [])))];
}

export function isGroupRow(arg: unknown): arg is GroupNode {
  return typeof arg === 'object' && arg !== null && (arg as { type?: unknown }).type === 'group' && (arg as { source?: unknown }).source === 'user';
}

/** The group a group command was invoked on: a group row, or a name (automation). */
export function groupNameOf(arg: unknown): unknown {
  return isGroupRow(arg) ? arg.name : arg;
}

/**
 * The identifier a row command was invoked on: a row, or an identifier string (automation).
 * None at all (a key bound to a row command) is refused with where to run it from.
 */
export function identifierOf(arg: unknown): unknown {
  if (arg === undefined) {
    throw new PlyrError('invalidIdentifier', vscode.l10n.t('No identifier was given: run this from a row of the PLYR view (its menu, or Delete and F2 on the selected rows), or pass a PLYR ID or 0x address.'));
  }
  if (typeof arg === 'object' && arg !== null && 'type' in arg && 'id' in arg) {
    return (arg as { id: unknown }).id;
  }
  return arg;
}
