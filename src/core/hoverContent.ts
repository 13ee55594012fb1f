import { Balances } from './balances';
import { formatAmount, formatAmountCompact } from './format';
import { commandLink, escapeMarkdown } from './markdown';
import { describeAge } from './time';

/** Everything a hover on an address shows, as plain data. */
export interface AddressHover {
  readonly address: string;
  /** false: mixed case that fails EIP-55, likely a typo. */
  readonly checksumMatches: boolean;
  readonly networkLabel: string;
  readonly plyrId?: string;
  /** The server said there is no PLYR account for this address (information, not an error). */
  readonly noAccount: boolean;
  readonly balances?: Balances;
  readonly fetchedAt?: number;
  /** One line on what went wrong, when the lookup failed. */
  readonly error?: string;
  readonly links: readonly HoverLink[];
  readonly now: number;
}

export interface HoverLink {
  readonly label: string;
  readonly command: string;
  readonly args: readonly unknown[];
}

/** `0x742d…f44e` */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** The hover's Markdown. Every server string is escaped; links are the given commands only. */
export function renderAddressHover(hover: AddressHover): string {
  const lines: string[] = [];
  const owner = hover.plyrId ? ` · PLYR ID **${escapeMarkdown(hover.plyrId)}**` : '';
  lines.push(`**PLYR** \`${shortAddress(hover.address)}\`${owner} · ${escapeMarkdown(hover.networkLabel)}`);
  if (!hover.checksumMatches) {
    lines.push('⚠️ This mixed-case address fails its EIP-55 checksum: it may contain a typo.');
  }
  if (hover.noAccount) {
    lines.push('No PLYR account for this address.');
  }
  if (hover.error) {
    lines.push(`⚠️ ${escapeMarkdown(hover.error)}`);
  }
  const entries = Object.entries(hover.balances ?? {});
  if (entries.length > 0) {
    lines.push(['| Token | Amount |', '|:--|--:|', ...entries.map(([token, amount]) => `| ${escapeMarkdown(token.toUpperCase())} | ${amountCell(amount)} |`)].join('\n'));
  } else if (hover.balances) {
    lines.push('No token balances.');
  }
  if (hover.fetchedAt !== undefined) {
    lines.push(`_Updated ${escapeMarkdown(describeAge(hover.now - hover.fetchedAt))}${hover.error ? ' (stale)' : ''}_`);
  }
  if (hover.links.length > 0) {
    lines.push(hover.links.map((l) => commandLink(l.label, l.command, l.args)).join(' · '));
  }
  return lines.join('\n\n');
}

/** Grouped and rounded for reading; the exact value follows on the same line when they differ. */
function amountCell(amount: string): string {
  const compact = formatAmountCompact(amount);
  const full = formatAmount(amount);
  return compact === full ? escapeMarkdown(compact) : `${escapeMarkdown(compact)} (exact ${escapeMarkdown(amount)})`;
}

/** The one-line hover shown without credentials: a link to set them, and no request. */
export function renderNoCredentialsHover(setCredentials: HoverLink): string {
  return `**PLYR**: ${commandLink(setCredentials.label, setCredentials.command, setCredentials.args)} to see this address's balances.`;
}
