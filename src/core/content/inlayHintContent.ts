import * as l10n from '@vscode/l10n';
import { amountIn } from '../model/balances';
import { BalanceEntry } from '../store/balanceStore';
import { inertLabel, oneLine, withoutAutolinks } from '../model/safeText';
import { PriceBook } from '../model/value';
import { formatAmountCompact } from './format';
import { MASKED_AMOUNT } from './privacy';
import { tokenLabel } from './shortNames';
import { describeAge } from './time';
import { approximately } from './valueContent';

/** What the hints after addresses show (plyr.inlayHints.show); `off` shows none and asks nothing. */
export type InlayHintsShow = 'off' | 'name' | 'amount' | 'value';

/** Everything one address's hint is made from, as plain data. */
export interface AddressHintInput {
  readonly show: Exclude<InlayHintsShow, 'off'>;
  /** The label the user gave the address, in either list. */
  readonly label?: string;
  /** Whether the address is in either list: a click reveals it then, else offers to track it. */
  readonly tracked: boolean;
  /** The PLYR ID that owns the address, when known. */
  readonly plyrId?: string;
  /** The token whose amount (or value) shows. */
  readonly token: string;
  readonly entry?: Pick<BalanceEntry, 'balances' | 'fetchedAt' | 'error'>;
  /** With values on and the token list known (show `value`). */
  readonly prices?: PriceBook;
  readonly masked: boolean;
  readonly now: number;
}

/** One hint: plain text only (never Markdown), and whether a click reveals or tracks. */
export interface AddressHint {
  readonly text: string;
  readonly tooltip: string;
  readonly action: 'reveal' | 'track';
  /** What the text is made of, so that {@link fittedHint} can shorten the name and keep the rest. */
  readonly parts: HintParts;
}

/** A hint's text: `⚠ name · figure`, each part optional. */
interface HintParts {
  readonly sign?: string;
  readonly name?: string;
  readonly figure?: string;
}

/** Names in a hint are short: a hint sits inside a line of code. */
const MAX_NAME = 32;
/** A name cut to less than this ("Tre…") says nothing: it is dropped instead. */
const MIN_CUT_NAME = 4;
const SEPARATOR = ' · ';

function textOf({ sign, name, figure }: HintParts): string {
  const rest = [name, figure].filter((part): part is string => !!part).join(SEPARATOR);
  return sign ? `${sign} ${rest}` : rest;
}

/**
 * The hint after an address: "Treasury · 1.5 PLYR", "player123", "PLYR ≈ $1.23", or undefined
 * when there is nothing to say (no name known, no amount yet). Outside text (labels, PLYR IDs)
 * goes in as one short inert line; under the privacy mask no digit of an amount or value shows.
 */
export function addressHint(input: AddressHintInput): AddressHint | undefined {
  const name = input.label ? inertLabel(input.label, MAX_NAME) : input.plyrId ? inertLabel(input.plyrId, MAX_NAME) : undefined;
  const figure = input.show === 'name' ? undefined : figureOf(input);
  const parts = { name, figure: figure?.text };
  const text = textOf(parts);
  if (text === '') {
    return undefined;
  }
  // VS Code shows a plain tooltip as Markdown (escaped, but with bare URLs linked): none in outside text.
  const outside = (value: string) => withoutAutolinks(inertLabel(value));
  const tooltip: string[] = [];
  if (input.label) {
    tooltip.push(l10n.t('Tracked as {0}', outside(input.label)));
  }
  if (input.plyrId) {
    tooltip.push(l10n.t('Primary wallet of PLYR ID {0}', outside(input.plyrId)));
  }
  tooltip.push(...(figure?.tooltip ?? []));
  // VS Code runs a hint's command on Ctrl+click (Cmd+click on a Mac), not a click, and adds its own
  // "Execute Command (ctrl + click)" line below: the tooltip names that line rather than a gesture.
  tooltip.push(input.tracked ? l10n.t('Execute Command, below, reveals it in the PLYR view.') : l10n.t('Execute Command, below, offers to track it in the PLYR view.'));
  return { text, tooltip: tooltip.join('\n'), action: input.tracked ? 'reveal' : 'track', parts };
}

/**
 * A hint after an address that deserves a second look (`identifierWarning`: its EIP-55
 * checksum fails). What the hint names belongs to the checksummed address, and the server refuses
 * the text as written: the hint starts with a warning sign (a sign, not words, to stay short
 * inside the line) and its tooltip starts with why.
 */
export function warnedHint(hint: AddressHint, warning: string): AddressHint {
  const parts = { ...hint.parts, sign: '⚠' };
  return { ...hint, text: textOf(parts), tooltip: `${warning}\n${hint.tooltip}`, parts };
}

/**
 * The hint within `maxLength` UTF-16 units (VS Code's editor.inlayHints.maximumLength; 0: no
 * limit). VS Code cuts a longer hint at its end, which is the amount or value, the point of the
 * hint: here the name gives way instead, cut with … or, with too little room, dropped. The sign
 * and the figure stay whole, even past the limit; a hint of a name alone is left to VS Code's cut,
 * which cuts the name.
 */
export function fittedHint(hint: AddressHint, maxLength: number): AddressHint {
  const { sign, name, figure } = hint.parts;
  if (maxLength <= 0 || hint.text.length <= maxLength || !name || !figure) {
    return hint;
  }
  const room = maxLength - textOf({ sign, figure }).length - SEPARATOR.length;
  const parts = { sign, name: room >= MIN_CUT_NAME ? oneLine(name, room) : undefined, figure };
  return { ...hint, text: textOf(parts), parts };
}

/**
 * The amount (or value) part and its tooltip lines; undefined while no balances are known. Balances
 * without the token show `? GAMRR`, as the status bar does: a token mistyped in the setting would
 * otherwise drop the hints' amounts without a word (and no zero is made up).
 */
function figureOf({ show, token, entry, prices, masked, now }: AddressHintInput): { text: string; tooltip: string[] } | undefined {
  const amount = amountIn(entry?.balances, token);
  const symbol = tokenLabel(token);
  if (amount === undefined) {
    return entry?.balances ? { text: `? ${symbol}`, tooltip: [l10n.t('No {0} balance was reported.', symbol)] } : undefined;
  }
  const stale = entry?.error !== undefined;
  const tooltip = [l10n.t('{0}: {1}', symbol, masked ? MASKED_AMOUNT : amount)];
  // Values belong to current balances: a stale amount gets none.
  const value = show === 'value' && !stale ? prices?.worth(token, amount)?.usd : undefined;
  if (value !== undefined) {
    tooltip.push(l10n.t('Value: {0}', approximately(value, masked)));
  }
  if (entry?.fetchedAt !== undefined) {
    const age = describeAge(now - entry.fetchedAt);
    tooltip.push(stale ? l10n.t('Updated {0} (stale)', age) : l10n.t('Updated {0}', age));
  }
  if (value !== undefined) {
    return { text: `${symbol} ${approximately(value, masked)}`, tooltip };
  }
  const shown = `${masked ? MASKED_AMOUNT : formatAmountCompact(amount)} ${symbol}`;
  return { text: stale ? l10n.t({ message: '{0} (stale)', args: [shown], comment: 'An amount kept after a failed refresh, such as 1.5 PLYR' }) : shown, tooltip };
}
