import * as l10n from '@vscode/l10n';
import { Balances } from '../model/balances';
import { isZero } from '../model/decimal';
import { checksumMismatchWarning } from '../model/identifier';
import { formatAmount, formatAmountCompact } from './format';
import { commandLink, escapeMarkdown, markdownText } from './markdown';
import { MASKED_AMOUNT } from './privacy';
import { shortAddress, tokenLabel, TokenNames } from './shortNames';
import { describeAge } from './time';
import { PriceBook, totalValue } from '../model/value';
import { approximately, describeTotalLine, priceSourceName } from './valueContent';

/** A token's name is the server's key, checked by nothing: a long one must not push the links out of the hover. */
const TOKEN_CELL_LENGTH = 80;

/** Everything a hover on an address shows, as plain data. */
export interface AddressHover {
  readonly address: string;
  /** The label the user's list (or the workspace's) gives the address, as its row and hint show it. */
  readonly label?: string;
  /** false: mixed case that fails EIP-55, likely a typo. */
  readonly checksumMatches: boolean;
  /** The checksum warning is the editor's own diagnostic at this address, which its hover shows beside ours: not said twice. */
  readonly checksumWarnedBeside?: boolean;
  readonly networkLabel: string;
  readonly plyrId?: string;
  /** The server said there is no PLYR account for this address (information, not an error). */
  readonly noAccount: boolean;
  readonly balances?: Balances;
  readonly fetchedAt?: number;
  /** One line on what went wrong, when the lookup failed. */
  readonly error?: string;
  /** The last refresh failed, whether or not its error shows (a "no account" answer shows as that line instead). */
  readonly stale?: boolean;
  readonly links: readonly HoverLink[];
  readonly now: number;
  /** The privacy mask is on: token names show, amounts (and values) do not. */
  readonly masked?: boolean;
  /** With values on and the token list known: the table gains a Value column and a total. */
  readonly prices?: PriceBook;
  /** The token list's names for tokens keyed by their contract address. */
  readonly names?: TokenNames;
}

export interface HoverLink {
  readonly label: string;
  readonly command: string;
  readonly args: readonly unknown[];
}

/**
 * The most balances a hover lists. A hover is a glance, and VS Code cuts hover Markdown at 100,000
 * characters, links and all: an answer with thousands of tokens would lose the end of the hover.
 */
export const MAX_HOVER_BALANCES = 20;

/**
 * The hover's Markdown. Every server string is escaped; links are the given commands only.
 * Translated templates carry words only: l10n.t puts its arguments in as they are, so each one is
 * escaped (and given its Markdown) before it goes in.
 */
export function renderAddressHover(hover: AddressHover): string {
  const lines: string[] = [];
  // The balances below are this address's own, not the account's (its mirror wallet holds those).
  const owner = hover.plyrId ? ` · ${l10n.t('primary wallet of PLYR ID {0}', `**${escapeMarkdown(hover.plyrId)}**`)}` : '';
  // A label is outside text (a teammate's file): one short inert line, escaped.
  const label = hover.label ? ` ${markdownText(hover.label, 40)}` : '';
  lines.push(`**PLYR**${label} \`${shortAddress(hover.address)}\`${owner} · ${escapeMarkdown(hover.networkLabel)}`);
  // The links come second: VS Code shows a hover at most a quarter of the editor's height (250 px at
  // least) and scrolls the rest, so under a table of balances they were out of sight.
  if (hover.links.length > 0) {
    lines.push(hover.links.map((l) => commandLink(l.label, l.command, l.args)).join(' · '));
  }
  if (!hover.checksumMatches && hover.checksumWarnedBeside !== true) {
    lines.push(`⚠️ ${checksumMismatchWarning()}`);
  }
  if (hover.noAccount) {
    lines.push(l10n.t('No PLYR account has this address as its primary wallet.'));
  }
  if (hover.error) {
    lines.push(`⚠️ ${escapeMarkdown(hover.error)}`);
  }
  const stale = hover.error !== undefined || hover.stale === true;
  const entries = Object.entries(hover.balances ?? {});
  if (hover.plyrId && hover.balances) {
    // A primary wallet's own balances are often none: the account's tokens are in its mirror wallet.
    lines.push(`_${l10n.t("This address's own balances. The account's are in its mirror wallet: see Account Details.")}_`);
  }
  if (entries.length > 0) {
    const shown = balancesToShow(entries);
    // Headers escaped too: a translation must not add a column with a '|'.
    const header = `| ${escapeMarkdown(l10n.t('Token'))} | ${escapeMarkdown(l10n.t('Amount'))} |`;
    // Values belong to current balances: stale ones (after a failed refresh) get none.
    const prices = stale ? undefined : hover.prices;
    if (prices) {
      // A token without a price has an empty cell: no value, never "$0".
      const valueCell = (token: string, amount: string) => {
        const value = prices.worth(token, amount)?.usd;
        return value === undefined ? '' : escapeMarkdown(approximately(value, hover.masked));
      };
      const rows = shown.map(([token, amount]) => `| ${markdownText(tokenLabel(token, hover.names), TOKEN_CELL_LENGTH)} | ${hover.masked ? MASKED_AMOUNT : amountCell(amount)} | ${valueCell(token, amount)} |`);
      lines.push([`${header} ${escapeMarkdown(l10n.t('Value'))} |`, '|:--|--:|--:|', ...rows].join('\n'));
    } else {
      lines.push([header, '|:--|--:|', ...shown.map(([token, amount]) => `| ${markdownText(tokenLabel(token, hover.names), TOKEN_CELL_LENGTH)} | ${hover.masked ? MASKED_AMOUNT : amountCell(amount)} |`)].join('\n'));
    }
    if (shown.length < entries.length) {
      const more = escapeMarkdown(formatAmount(String(entries.length - shown.length)));
      lines.push(l10n.t({ message: '…and {0} more tokens: Check Balance lists them all.', args: [more], comment: '{0} is a number; Check Balance is the link below' }));
    }
  } else if (hover.balances) {
    lines.push(l10n.t('No token balances.'));
  }
  const values = hover.prices && entries.length > 0 && !stale ? valuesLine(entries, hover.prices, hover.now, hover.masked === true) : undefined;
  if (values) {
    lines.push(values);
  }
  if (hover.fetchedAt !== undefined) {
    const age = escapeMarkdown(describeAge(hover.now - hover.fetchedAt));
    lines.push(`_${stale ? l10n.t('Updated {0} (stale)', age) : l10n.t('Updated {0}', age)}_`);
  }
  return lines.join('\n\n');
}

/**
 * Under the table: the total of every balance (also those past the table's limit) and where the
 * prices come from and how old they are: "Total ≈ $1,234.56 · 4 of 5 tokens priced · prices from
 * CoinMarketCap, CoinGecko, updated 4 min. ago". Nothing when no token has a price.
 */
function valuesLine(entries: [string, string][], prices: PriceBook, now: number, masked: boolean): string | undefined {
  const totalText = describeTotalLine(totalValue(entries, prices), masked);
  if (totalText === undefined) {
    return undefined;
  }
  const used = entries.flatMap(([token]) => prices.priceOf(token) ?? []);
  const sources = [...new Set(used.flatMap((p) => (p.source ? [priceSourceName(p.source)] : [])))];
  const times = used.flatMap((p) => (p.updatedAt === undefined ? [] : [p.updatedAt]));
  const age = times.length > 0 ? describeAge(now - Math.min(...times)) : undefined;
  const from =
    sources.length > 0 && age !== undefined
      ? l10n.t({ message: 'prices from {0}, updated {1}', args: [sources.join(', '), age], comment: '{0} lists services such as CoinGecko; {1} is an age such as 4 min. ago' })
      : sources.length > 0
        ? l10n.t({ message: 'prices from {0}', args: [sources.join(', ')], comment: '{0} lists services such as CoinGecko' })
        : age !== undefined
          ? l10n.t('prices updated {0}', age)
          : undefined;
  return `_${escapeMarkdown(from === undefined ? totalText : `${totalText} · ${from}`)}_`;
}

/** All of them when they fit; else the first non-zero ones (in the server's order), then zeros, up to the limit. */
function balancesToShow(entries: [string, string][]): [string, string][] {
  if (entries.length <= MAX_HOVER_BALANCES) {
    return entries;
  }
  return [...entries.filter(([, a]) => !isZero(a)), ...entries.filter(([, a]) => isZero(a))].slice(0, MAX_HOVER_BALANCES);
}

/** Grouped and rounded for reading; the exact value follows on the same line when they differ. */
function amountCell(amount: string): string {
  const compact = formatAmountCompact(amount);
  const full = formatAmount(amount);
  return compact === full ? escapeMarkdown(compact) : l10n.t({ message: '{0} (exact {1})', args: [escapeMarkdown(compact), escapeMarkdown(amount)], comment: 'A rounded amount, then the exact one' });
}

/** The one-line hover shown without credentials: a link to set them, and no request. */
export function renderNoCredentialsHover(setCredentials: HoverLink): string {
  const link = commandLink(setCredentials.label, setCredentials.command, setCredentials.args);
  return `**PLYR**: ${l10n.t({ message: "{0} to see this address's balances.", args: [link], comment: '{0} is a link such as: Set API Credentials' })}`;
}

/**
 * The hover while something on this side stops every request (the workspace's server waits for
 * the user's yes, the keyring holding the credentials is locked): the reason and the one action,
 * no balances and no owner (no request was made).
 */
export function renderBlockedHover(message: string, action: HoverLink): string {
  return `**PLYR**: ${escapeMarkdown(message)} ${commandLink(action.label, action.command, action.args)}`;
}
