import * as l10n from '@vscode/l10n';
import { amountIn } from '../model/balances';
import { checksumMismatchWarning, isAddressText } from '../model/identifier';
import { TrackedIdentifier } from '../model/trackedList';
import { BalanceEntry } from '../store/balanceStore';
import { formatAmount, formatAmountCompact, formatChangeCompact } from './format';
import { shortAddress, tokenLabel, TokenNames } from './shortNames';
import { formatControlsShown, inertLabel, oneLine } from '../model/safeText';
import { markdownCode, markdownText } from './markdown';
import { MASKED_AMOUNT } from './privacy';
import { describeAge, describeMoment } from './time';
import { PriceBook, ValueTotal } from '../model/value';
import { approximately, describePrice, describeTotal, describeValuesMissing, pricedCount, spokenWorth } from './valueContent';

/**
 * A tooltip's Markdown, part by part: `markdown` is written here (outside text in it already
 * escaped); `text` is any text and `code` any text shown as code (an exact amount, a hash), both
 * made inert by tooltipMarkdown.
 */
export type TooltipPart = { readonly markdown: string } | { readonly text: string } | { readonly code: string };

export interface MarkdownTooltip {
  readonly parts: readonly TooltipPart[];
  /** `$(name)` in the `markdown` parts renders as an icon. */
  readonly icons: boolean;
}

/** A tooltip's Markdown source: its `text` and `code` parts (outside text among them) inert, see markdownText and markdownCode. */
export function tooltipMarkdown(tooltip: MarkdownTooltip): string {
  return tooltip.parts.map((part) => ('text' in part ? markdownText(part.text) : 'code' in part ? markdownCode(part.code) : part.markdown)).join('');
}

/** A codicon and, when it has one, the theme colour it takes. */
export interface RowIcon {
  readonly id: string;
  readonly color?: string;
}

/** What a tree row shows and says, as plain data: the provider maps it to a TreeItem. */
export interface RowContent {
  readonly label: string;
  readonly description?: string;
  /** Plain text, or Markdown. */
  readonly tooltip: string | MarkdownTooltip;
  /** What a screen reader says for the row. */
  readonly spoken: string;
  readonly icon: RowIcon;
}

export interface IdentifierRow extends RowContent {
  readonly kind: TrackedIdentifier['kind'];
  /** A user's row that notifies on change (a watch-list row never does). */
  readonly notifying: boolean;
}

export interface ErrorRow extends RowContent {
  /** The fix's title, or Retry: what the row runs when clicked. */
  readonly description: string;
}

const ERROR_COLOR = 'list.errorForeground';

/**
 * What an identifier's balances are worth (when values are on and prices known): the total of its
 * priced tokens, how many had a price, and which had none.
 */
export interface IdentifierValue extends ValueTotal {
  readonly unpriced: readonly string[];
}

/** What an identifier's row is made from. */
export interface IdentifierRowInput {
  readonly id: string;
  readonly tracked?: TrackedIdentifier;
  readonly workspace: boolean;
  readonly entry?: BalanceEntry;
  readonly networkLabel: string;
  readonly now: number;
  readonly value?: IdentifierValue;
  readonly masked?: boolean;
  /** The PLYR ID a wallet address belongs to, when known already (the server's word: shown inert); ignored for a PLYR ID. */
  readonly owner?: string;
  /** Why values are on but missing (the token list's failure): said where the value would be. */
  readonly noValues?: string;
}

/**
 * An identifier's row: its label, what it holds (and is worth) and how fresh, and the details in
 * the tooltip. `value` is left out while values are off or no price is known; `masked` hides it.
 */
export function identifierRow(input: IdentifierRowInput): IdentifierRow {
  const { id, tracked, entry } = input;
  const masked = input.masked === true;
  // A value belongs to current balances: none beside an error.
  const value = entry?.balances !== undefined && entry.error === undefined ? input.value : undefined;
  const status = identifierStatus(entry, input.now, value, masked);
  const kind = tracked?.kind ?? 'plyrId';
  const notifying = !input.workspace && tracked?.notify === true;
  // An address the user wrote in a case that fails its checksum shows as written, with the doubt.
  const shownId = tracked?.written ?? id;
  const doubt = tracked?.written === undefined ? undefined : checksumMismatchWarning();
  const owner = ownerOf(input);
  // A wallet says whose it is, as its hover and inlay hint do.
  const what = kind === 'address' ? `${l10n.t('wallet address {0}', shownId)}${owner ? `, ${l10n.t('PLYR ID {0}', inertLabel(owner, OWNER_MAX))}` : ''}` : l10n.t('PLYR ID {0}', shownId);
  // Read aloud: commas where the row shows a middle dot, and the value in words after the rest
  // (a screen reader would say "≈" as a symbol).
  // The spinner of a refresh over known balances has no words of its own: say it.
  const refreshing = entry?.loading && (entry.balances !== undefined || entry.error !== undefined) ? `, ${l10n.t('refreshing')}` : '';
  const heard = `${identifierStatus(entry, input.now, undefined, masked, true).replace(/ · /g, ', ')}${value ? spokenValue(value, masked) : ''}${refreshing}`;
  // A label (the user's, or a workspace file's) with an invisible format character shows it as �, as everywhere.
  const label = tracked?.label ? formatControlsShown(tracked.label) : undefined;
  return {
    label: label ?? shownId,
    description: `${doubt ? '⚠ ' : ''}${label ? `${shorten(shownId)} · ${status}` : status}`,
    tooltip: identifierTooltip(input),
    spoken: `${label ? `${label}, ` : ''}${what}, ${doubt ? `${doubt} ` : ''}${heard}${notifying ? `, ${l10n.t('notifies on change')}` : ''}`,
    // A row that notifies shows a bell where the kind's icon was: the row says its kind by its text too.
    icon: entry?.loading ? { id: 'loading~spin' } : { id: notifying ? 'bell' : kind === 'address' ? 'credit-card' : 'account', ...(entry?.error !== undefined ? { color: ERROR_COLOR } : {}) },
    kind,
    notifying,
  };
}

/** A server's PLYR ID is at most 64 characters: one longer is cut, not shown whole. */
const OWNER_MAX = 64;

/** The owner to show: a wallet address's only. */
function ownerOf(input: IdentifierRowInput): string | undefined {
  return (input.tracked?.kind ?? 'plyrId') === 'address' && input.owner ? input.owner : undefined;
}

/** ", worth about $12.34, 4 of 5 tokens priced" (", value hidden" under the mask); nothing without a sum. */
function spokenValue(total: ValueTotal, masked: boolean): string {
  if (total.usd === undefined) {
    return '';
  }
  const worth = masked ? l10n.t('value hidden') : spokenWorth(total.usd);
  return `, ${worth}${total.priced < total.tokens ? `, ${pricedCount(total)}` : ''}`;
}

/** `spoken`: the error's first sentence whole (a screen reader has no tooltip to read the rest in), not cut to the row's width. */
function identifierStatus(entry: BalanceEntry | undefined, now: number, value: ValueTotal | undefined, masked: boolean, spoken = false): string {
  if (!entry || (entry.loading && !entry.balances && !entry.error)) {
    return entry?.loading ? l10n.t('loading…') : l10n.t('not loaded');
  }
  const age = entry.fetchedAt === undefined ? undefined : describeAge(now - entry.fetchedAt);
  if (entry.error) {
    const stale = age ? ` · ${l10n.t('stale, {0}', age)}` : '';
    return `${shortError(entry.error.message, spoken ? SPOKEN_ERROR_MAX : ROW_ERROR_MAX)}${stale}`;
  }
  const count = Object.keys(entry.balances ?? {}).length;
  const tokens = count === 1 ? l10n.t('1 token') : l10n.t('{0} tokens', count);
  // "≈ $12.34 · 5 tokens", or "≈ $12.34 · 4 of 5 tokens priced": the count says how much is in the total.
  const held = value?.usd === undefined ? tokens : `${approximately(value.usd, masked, undefined, true)} · ${value.priced < value.tokens ? pricedCount(value) : tokens}`;
  return `${held} · ${age === undefined ? l10n.t('updated never') : l10n.t('updated {0}', age)}`;
}

function identifierTooltip(input: IdentifierRowInput): MarkdownTooltip {
  const { tracked, entry } = input;
  // Outside text (a label from a file, the URL from a setting, a server's message) goes in
  // escaped as the hover's is: no Markdown, no autolinked URL, no icon (only those written here).
  const parts: TooltipPart[] = [];
  if (tracked?.label) {
    parts.push({ markdown: `**${markdownText(tracked.label)}**\n\n` });
  }
  if (tracked?.written !== undefined) {
    parts.push({ markdown: `$(warning) ${markdownText(checksumMismatchWarning())}\n\n` });
  }
  parts.push({ markdown: `${tracked?.kind === 'address' ? l10n.t('Wallet address:') : l10n.t('PLYR ID:')} ${markdownText(tracked?.written ?? input.id)}\n\n` });
  const owner = ownerOf(input);
  if (owner) {
    parts.push({ markdown: `${l10n.t('PLYR ID:')} ${markdownText(owner, OWNER_MAX)}\n\n` });
  }
  parts.push({ markdown: `${l10n.t('Network:')} ${markdownText(input.networkLabel)}\n\n` });
  parts.push({ markdown: `${l10n.t('Last update:')} ` });
  parts.push({ text: entry?.fetchedAt ? `${describeMoment(entry.fetchedAt)} (${describeAge(input.now - entry.fetchedAt)})` : l10n.t('never') });
  const value = entry?.error === undefined ? countedTotal(input.value, input.masked === true) : undefined;
  if (value !== undefined && input.value) {
    parts.push({ markdown: `\n\n${l10n.t('Value:')} ` }, { text: value });
    if (input.value.unpriced.length > 0) {
      parts.push({ markdown: `\n\n${l10n.t('No price for:')} ` }, { text: input.value.unpriced.map((token) => tokenLabel(token)).join(', ') });
    }
  } else if (input.noValues && entry?.balances && !entry.error) {
    parts.push({ markdown: '\n\n$(warning) ' }, { text: describeValuesMissing(input.noValues) });
  }
  if (tracked?.notify) {
    parts.push({ markdown: '\n\n$(bell) ' }, { text: l10n.t('Notifies when a balance changes.') });
  }
  if (entry?.error) {
    parts.push({ markdown: `\n\n---\n\n$(error) ${markdownText(entry.error.message)}` });
  }
  return { parts, icons: true };
}

/**
 * One token's amount under an identifier, with the change the last refresh brought and, with
 * `prices` (values on, the token list known), its value; after a failed refresh, the last known
 * amount and its age. Under the privacy mask, no amount, no change and no value.
 */
export function tokenRow(input: { token: string; amount: string; entry?: BalanceEntry; masked: boolean; now: number; prices?: PriceBook; names?: TokenNames }): RowContent {
  const { token, amount, entry, masked } = input;
  const name = tokenLabel(token, input.names);
  // A token's name is the server's key, checked by nothing: one short line where it is spoken too.
  const label = inertLabel(name);
  const stale = entry?.error !== undefined;
  const shown = masked ? MASKED_AMOUNT : formatAmountCompact(amount);
  // The exact change the last refresh brought, computed on the decimal strings.
  const change = masked ? undefined : amountIn(entry?.changes, token);
  // As compact as the amount beside it; the tooltip and the spoken label keep it exact.
  const arrow = change ? ` ${change.startsWith('+') ? '▲' : '▼'} ${formatChangeCompact(change)}` : '';
  const age = entry?.fetchedAt !== undefined ? describeAge(input.now - entry.fetchedAt) : '';
  const parts: TooltipPart[] = [{ text: name }, { markdown: ': ' }, { code: masked ? MASKED_AMOUNT : amount }];
  if (change && !stale) {
    parts.push({ markdown: '\n\n' }, { text: l10n.t('Changed by {0} at the last refresh.', change) });
  }
  if (stale && entry?.fetchedAt) {
    parts.push({ markdown: '\n\n' }, { text: l10n.t('Stale: last updated {0}.', age) });
  }
  // A value belongs to a current amount: a stale one has none.
  const priced = stale ? undefined : input.prices?.worth(token, amount);
  const value = priced?.usd;
  if (priced) {
    parts.push({ markdown: `\n\n${l10n.t('Value:')} ` }, { text: approximately(priced.usd, masked) }, { markdown: '\n\n' }, { text: describePrice(name, priced.price, input.now) });
  } else if (input.prices && !stale) {
    parts.push({ markdown: '\n\n' }, { text: l10n.t('No price is known for this token: it has no value here.') });
  }
  // The exact amount, grouped as it is read ("GAMR 1,234.5"), and the state in words.
  const worth = value === undefined ? '' : `, ${masked ? l10n.t('value hidden') : spokenWorth(value)}`;
  const spoken = `${label} ${masked ? l10n.t('amount hidden') : formatAmount(amount)}${change && !stale ? `, ${l10n.t('changed by {0}', change)}` : ''}${worth}`;
  return {
    label,
    description: stale ? l10n.t('last known {0} · {1}', shown, age) : `${shown}${arrow}${value === undefined ? '' : ` · ${approximately(value, masked)}`}`,
    tooltip: { parts, icons: false },
    spoken: stale ? l10n.t({ message: '{0}, stale, last updated {1}', args: [spoken, age], comment: 'A token and its amount, then an age such as 3 hr. ago' }) : spoken,
    icon: { id: stale ? 'history' : 'circle-small-filled' },
  };
}

/** The row under a failing identifier: the first sentence of the error, and the fix it runs (Retry without one). */
export function errorRow(input: { message?: string; fixTitle?: string }): ErrorRow {
  const message = input.message ?? l10n.t('Failed');
  const action = input.fixTitle ?? l10n.t('Retry');
  return {
    label: shortError(message),
    description: action,
    tooltip: { parts: [{ text: input.message ?? '' }, { markdown: '\n\n' }, { text: l10n.t('Click: {0}', action) }], icons: false },
    spoken: l10n.t('Error: {0} Enter: {1}', message, action),
    icon: { id: 'error', color: ERROR_COLOR },
  };
}

/**
 * A named group of identifiers, the user's own or one the workspace's file names; with `value`,
 * the total of its members' priced tokens ("≈ $12,345.67 · 4 of 5 tokens priced"); with
 * `uncounted`, how many members that total leaves out ("· 1 not counted"), also when it has none.
 */
export function groupRow(input: { name: string; workspace: boolean; count: number; value?: ValueTotal; uncounted?: number; masked?: boolean; noValues?: string }): RowContent {
  const { workspace } = input;
  // One inert line everywhere it shows: its label, tooltip and spoken text (format characters as �).
  const name = inertLabel(input.name);
  const identifiers = input.count === 1 ? l10n.t('1 identifier') : l10n.t('{0} identifiers', input.count);
  const value = describeTotal(input.value, input.masked === true, undefined, true);
  const tooltip = workspace ? l10n.t("Group {0} of the workspace's watch-list: {1}", name, identifiers) : l10n.t('Group {0}: {1}', name, identifiers);
  const spoken = workspace ? l10n.t('Workspace group {0}, {1}', name, identifiers) : l10n.t('Group {0}, {1}', name, identifiers);
  // Said also when no member counts (all stale): the group's total is then missing, not zero.
  const uncounted = input.uncounted ?? 0;
  return {
    label: name,
    description: `${value === undefined ? identifiers : `${identifiers} · ${value}`}${uncountedNote(uncounted)}`,
    tooltip: `${value === undefined ? tooltip : `${tooltip}\n${valueLine(input.value, input.masked === true)}`}${uncountedLine(uncounted)}${missingLine(value, input.noValues)}`,
    spoken: `${spoken}${input.value ? spokenValue(input.value, input.masked === true) : ''}${uncountedNote(uncounted, ',')}`,
    icon: { id: workspace ? 'folder-library' : 'folder' },
  };
}

/**
 * " · 1 not counted": members without current balances (stale after a failure, or not read yet),
 * left out of the group's total, which would otherwise read as the whole group's.
 */
function uncountedNote(uncounted: number, separator = ' ·'): string {
  return uncounted > 0 ? `${separator} ${l10n.t('{0} not counted', uncounted)}` : '';
}

/** The tooltip's line under the value: who the total leaves out, and why. */
function uncountedLine(uncounted: number): string {
  if (uncounted === 0) {
    return '';
  }
  const who = uncounted === 1 ? l10n.t('1 identifier') : l10n.t('{0} identifiers', uncounted);
  return `\n${l10n.t('Not counted: {0} without current balances (stale after a failed refresh, or not read yet).', who)}`;
}

/** The tooltip's line, in place of a total, saying why values are missing (a plain-text tooltip: the reason shows as text). */
function missingLine(shownTotal: string | undefined, noValues: string | undefined): string {
  return !shownTotal && noValues ? `\n${describeValuesMissing(noValues)}` : '';
}

/** "Value: ≈ $12,345.67 · 5 of 5 tokens priced". */
function valueLine(total: ValueTotal | undefined, masked: boolean): string {
  return `${l10n.t('Value:')} ${countedTotal(total, masked) ?? ''}`;
}

/** "≈ $12,345.67 · 5 of 5 tokens priced": a tooltip keeps the cents, and says the count even when every token had a price. */
function countedTotal(total: ValueTotal | undefined, masked: boolean): string | undefined {
  const described = describeTotal(total, masked);
  return total && described !== undefined && total.priced === total.tokens ? `${described} · ${pricedCount(total)}` : described;
}

/** The read-only "Workspace" row: the team's watch-list from `.vscode/plyr.json`, and with `value` its total. */
export function watchListRow(input: { count: number; warnings: number; value?: ValueTotal; uncounted?: number; masked?: boolean; noValues?: string }): RowContent {
  const value = describeTotal(input.value, input.masked === true, undefined, true);
  // Warnings, not "skipped": besides refused rows they say the file waits for trust, or is as last read.
  const warnings = input.warnings === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', input.warnings);
  const file = input.warnings > 0 ? `.vscode/plyr.json · ${warnings}` : '.vscode/plyr.json';
  const tooltip = l10n.t("The workspace's watch-list: {0} identifiers from .vscode/plyr.json, shared with everyone who opens this workspace. Read-only here: edit the file to change it.", input.count);
  const spoken = `${l10n.t('Workspace watch-list, {0} identifiers from .vscode/plyr.json', input.count)}${input.warnings > 0 ? `, ${warnings}` : ''}`;
  const uncounted = input.uncounted ?? 0;
  return {
    label: l10n.t('Workspace'),
    description: `${value === undefined ? file : `${file} · ${value}`}${uncountedNote(uncounted)}`,
    tooltip: `${value === undefined ? tooltip : `${tooltip}\n${valueLine(input.value, input.masked === true)}`}${uncountedLine(uncounted)}${missingLine(value, input.noValues)}`,
    spoken: `${spoken}${input.value ? spokenValue(input.value, input.masked === true) : ''}${uncountedNote(uncounted, ',')}`,
    icon: { id: 'organization' },
  };
}

/**
 * The last row under an identifier whose token filter leaves tokens out: it says how many, and
 * that the row's total still counts them (a total above fewer rows reads as a wrong sum otherwise).
 */
export function hiddenTokensRow(input: { hidden: readonly string[] }): RowContent {
  const count = input.hidden.length;
  const label = count === 1 ? l10n.t('1 more token not shown') : l10n.t('{0} more tokens not shown', count);
  const names = input.hidden.map((token) => inertLabel(tokenLabel(token))).join(', ');
  return {
    label,
    description: l10n.t('Filter Tokens…'),
    tooltip: `${count === 1 ? l10n.t('Filter Tokens chose the tokens this row shows. Not shown: {0}. The total counts it.', names) : l10n.t('Filter Tokens chose the tokens this row shows. Not shown: {0}. The total counts them.', names)}\n\n${l10n.t('Click: choose the tokens to show')}`,
    spoken: `${label}: ${names}. ${count === 1 ? l10n.t('The total counts it.') : l10n.t('The total counts them.')}`,
    icon: { id: 'filter' },
  };
}

/**
 * The row of zero balances Hide Zero Balances hides: the last under an identifier that has any
 * (its count beside the filter's, each its own cause), the only one under a wallet or a Chips group
 * whose every balance is zero (without it the row opens onto nothing, which reads as a failure).
 */
export function zeroBalancesRow(input: { hidden: readonly string[]; chips?: boolean }): RowContent {
  const count = input.hidden.length;
  const label = count === 1 ? l10n.t('1 zero balance not shown') : l10n.t('{0} zero balances not shown', count);
  // A chip goes by its symbol as its own row shows it (or by its contract); a token as the API names it.
  const name = (hidden: string) => (input.chips && !isAddressText(hidden) ? hidden : tokenLabel(hidden));
  const names = input.hidden.map((hidden) => inertLabel(name(hidden))).join(', ');
  return {
    label,
    description: l10n.t('Hide Zero Balances'),
    tooltip: `${l10n.t('These balances are zero, and the setting Hide Zero Balances is on. Not shown: {0}.', names)}\n\n${l10n.t('Click: open the setting')}`,
    spoken: `${label}: ${names}. ${l10n.t('The setting Hide Zero Balances is on.')}`,
    icon: { id: 'eye-closed' },
  };
}

/** A warning about `.vscode/plyr.json`: a row that could not be used, or the file's state (untrusted, unreadable, as last read). */
export function problemRow(problem: string): RowContent {
  return {
    label: inertLabel(problem),
    tooltip: problem,
    spoken: l10n.t('Warning: {0}', problem),
    icon: { id: 'warning', color: 'list.warningForeground' },
  };
}

/** `0x742d…f44e` for addresses in narrow places; PLYR IDs are short already. */
function shorten(id: string): string {
  return isAddressText(id) ? shortAddress(id) : id;
}

const ROW_ERROR_MAX = 60;
/** Only a runaway sentence is cut when read aloud. */
const SPOKEN_ERROR_MAX = 300;

/** The first sentence of an error, for a row's description (or its spoken text, with a longer `max`). */
function shortError(message: string, max = ROW_ERROR_MAX): string {
  const first = message.split(/(?<=[.:])\s/)[0] ?? message;
  return first.length > max ? oneLine(first, max) : first.replace(/[.:]$/, '');
}

/**
 * Each row's key among its siblings: the second row with the same key gets `#2`, the third `#3`.
 * A tree's ids must be unique (VS Code refuses a group with two alike, the good rows with them),
 * and a server may send one thing twice (two games whose names differ only in case): both show.
 */
export function uniqueRowKeys<T>(rows: readonly T[], keyOf: (row: T) => string): { readonly row: T; readonly key: string }[] {
  const issued = new Set<string>();
  return rows.map((row) => {
    const base = keyOf(row);
    let key = base;
    // The keys end in server text: `x#2` may be a row's own, so count on past any key issued.
    for (let count = 2; issued.has(key); count++) {
      key = `${base}#${count}`;
    }
    issued.add(key);
    return { row, key };
  });
}
