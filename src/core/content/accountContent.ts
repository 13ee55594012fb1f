import * as l10n from '@vscode/l10n';
import { Allowance } from '../model/allowances';
import { Chip } from '../model/chips';
import { describeDuration } from '../model/errors';
import { inertLabel } from '../model/safeText';
import { LastGood } from '../store/lastGoodStore';
import { AccountSection } from '../store/accountStore';
import { formatAmount, formatAmountCompact } from './format';
import { shortAddress, tokenLabel, TokenNames } from './shortNames';
import { MASKED_AMOUNT } from './privacy';
import { describeAge, describeMoment } from './time';
import { RowContent } from './treeContent';

/** Under an hour left, an allowance row warns. */
export const EXPIRY_WARNING_MS = 60 * 60 * 1000;

const SECTION_NAMES: { readonly [S in AccountSection]: () => string } = {
  chips: () => l10n.t('Chips'),
  allowances: () => l10n.t('Allowances'),
  activity: () => l10n.t('Activity'),
  wallets: () => l10n.t('Wallets'),
};

const SECTION_ICONS: { readonly [S in AccountSection]: string } = { chips: 'symbol-constant', allowances: 'key', activity: 'history', wallets: 'credit-card' };

const SECTION_HELP: { readonly [S in AccountSection]: () => string } = {
  chips: () => l10n.t("The account's game chips: each game's own tokens, held by its mirror wallet."),
  allowances: () => l10n.t("What each game may spend of the account's tokens, and until when."),
  activity: () => l10n.t('What games and the account did, newest first: pays, earns, approvals, deposits, logins.'),
  wallets: () => l10n.t("The account's primary wallet, its mirror wallet (which holds the balances shown), and its secondary wallets."),
};

/**
 * A group under a PLYR ID (Chips, Allowances, Activity, Wallets): how many rows it holds once
 * loaded and how fresh; nothing before its first expand, which is when it loads.
 */
export function sectionRow(input: { section: AccountSection; entry?: LastGood<unknown>; count?: number; now: number }): RowContent {
  const { section, entry } = input;
  const name = SECTION_NAMES[section]();
  const age = entry?.fetchedAt !== undefined ? describeAge(input.now - entry.fetchedAt) : undefined;
  const count = input.count === undefined ? undefined : input.count === 1 ? l10n.t('1 row') : l10n.t('{0} rows', input.count);
  const status = entry?.loading
    ? l10n.t('loading…')
    : entry?.error && age
      ? l10n.t('stale, {0}', age)
      : entry?.error
        ? l10n.t('failed')
        : count && age
          ? `${count} · ${age}`
          : undefined;
  return {
    label: name,
    description: status,
    tooltip: `${SECTION_HELP[section]()}${entry?.error ? `\n\n${entry.error.message}` : ''}`,
    // Read aloud with commas where the row shows a middle dot, as the identifier rows are.
    spoken: status ? `${name}, ${status.replace(/ · /g, ', ')}` : name,
    icon: { id: entry?.error ? 'warning' : SECTION_ICONS[section], ...(entry?.error ? { color: 'list.warningForeground' } : {}) },
  };
}

const EMPTY_SECTIONS: { readonly [S in AccountSection]: () => { label: string; tooltip: string } } = {
  chips: () => ({ label: l10n.t('No chips'), tooltip: l10n.t('The account holds no game chips.') }),
  allowances: () => ({ label: l10n.t('No allowances'), tooltip: l10n.t("No game may spend the account's tokens.") }),
  activity: () => ({ label: l10n.t('No activity yet'), tooltip: l10n.t("The account's activity log is empty.") }),
  wallets: () => ({ label: l10n.t('No wallets'), tooltip: l10n.t('The server names no wallet of the account.') }),
};

/** The one row of a group read with nothing in it: told apart from a group never read, which shows no row. */
export function emptySectionRow(section: AccountSection): RowContent {
  const { label, tooltip } = EMPTY_SECTIONS[section]();
  return { label, tooltip, spoken: label, icon: { id: 'info' } };
}

/** A game chip: its symbol and exact balance, its name and game beside. */
export function chipRow(input: { chip: Chip; masked: boolean }): RowContent {
  const { chip, masked } = input;
  // A symbol or name that is blank once made inert is no symbol or name: the chip goes by its contract.
  const symbol = inertLabel(chip.symbol ?? '', 24) || shortAddress(chip.address);
  const fullSymbol = inertLabel(chip.symbol ?? '') || shortAddress(chip.address);
  const name = inertLabel(chip.name ?? '', 40);
  const fullName = inertLabel(chip.name ?? '');
  const shown = masked ? MASKED_AMOUNT : formatAmountCompact(chip.balance);
  const game = inertLabel(gameLabel(chip.gameId), 40);
  return {
    label: symbol,
    description: `${shown} · ${name}${name ? ' · ' : ''}${game}`,
    tooltip: [`${fullSymbol}${fullName ? ` (${fullName})` : ''}: ${masked ? MASKED_AMOUNT : chip.balance}`, inertLabel(gameLabel(chip.gameId)), l10n.t('Chip contract {0}', chip.address)].join('\n'),
    spoken: l10n.t('Chip {0} of {1}: {2}', symbol, game, masked ? l10n.t('amount hidden') : formatAmount(chip.balance)),
    icon: { id: 'symbol-constant' },
  };
}

/** An allowance: token and amount; the game and the time left, with a warning under an hour. */
export function allowanceRow(input: { allowance: Allowance; masked: boolean; now: number; names?: TokenNames }): RowContent {
  const { allowance, masked, now } = input;
  // The server keys an allowance by the token's contract: the token list names it.
  const token = tokenLabel(allowance.token, input.names);
  const shown = masked ? MASKED_AMOUNT : formatAmountCompact(allowance.amount);
  const left = allowance.expiresAt === undefined ? undefined : allowance.expiresAt - now;
  const expiry = left === undefined ? l10n.t('no expiry') : left <= 0 ? l10n.t('expired') : l10n.t('expires in {0}', describeDuration(left));
  const soon = left !== undefined && left < EXPIRY_WARNING_MS;
  const game = gameLabel(allowance.gameId);
  const until = allowance.expiresAt === undefined ? expiry : `${expiry} (${describeMoment(allowance.expiresAt)})`;
  return {
    label: `${inertLabel(token, 24)} ${shown}`,
    description: `${inertLabel(game, 40)} · ${expiry}`,
    tooltip: [l10n.t('{0} may spend {1} {2}.', inertLabel(game, 40), masked ? MASKED_AMOUNT : allowance.amount, inertLabel(token, 24)), until].join('\n'),
    spoken: l10n.t('{0} may spend {1} {2}, {3}', inertLabel(game, 40), masked ? l10n.t('amount hidden') : formatAmount(allowance.amount), inertLabel(token, 24), expiry),
    icon: soon ? { id: 'warning', color: 'list.warningForeground' } : { id: 'key' },
  };
}

export type WalletRole = 'primary' | 'mirror' | 'secondary';

/** The label of a wallet tracked from its row, which says whose it is: "Secondary wallet of player123". */
export function walletLabel(role: WalletRole, owner: string): string {
  return role === 'primary' ? l10n.t('Primary wallet of {0}', owner) : role === 'mirror' ? l10n.t('Mirror wallet of {0}', owner) : l10n.t('Secondary wallet of {0}', owner);
}

/** One of the account's wallets; the mirror is marked as the one whose balances the PLYR ID's row shows. */
export function walletRow(input: { address: string; role: WalletRole }): RowContent {
  const { address, role } = input;
  const name = role === 'primary' ? l10n.t('Primary wallet') : role === 'mirror' ? l10n.t('Mirror wallet') : l10n.t('Secondary wallet');
  const note = role === 'mirror' ? l10n.t("holds the balances shown above") : undefined;
  return {
    label: name,
    description: note ? `${shortAddress(address)} · ${note}` : shortAddress(address),
    tooltip: [address, note ? l10n.t("The mirror wallet holds the account's tokens and chips: the balances shown for the PLYR ID are this wallet's.") : l10n.t('Expand to see its own on-chain balances.')].join('\n\n'),
    spoken: note ? `${name} ${address}, ${note}` : `${name} ${address}`,
    icon: { id: role === 'mirror' ? 'mirror' : 'credit-card' },
  };
}

/** The last row of a read activity log that may go on. */
export function loadMoreRow(input: { read: number }): RowContent {
  return {
    label: l10n.t('Load more…'),
    description: l10n.t('{0} read', input.read),
    tooltip: l10n.t('Read the next page of the activity log.'),
    spoken: l10n.t('Load more activity; {0} entries read', input.read),
    icon: { id: 'more' },
  };
}

/** "game tavern": a game by its ID (outside text, made inert where it is shown). */
function gameLabel(gameId: string): string {
  return l10n.t({ message: 'game {0}', args: [gameId], comment: 'The game an activity happened in, by its ID, such as: game tavern' });
}
