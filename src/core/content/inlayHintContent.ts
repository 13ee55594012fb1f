import * as l10n from '@vscode/l10n';
import { amountIn } from '../model/balances';
import { BalanceEntry } from '../store/balanceStore';
import { inertLabel, withoutAutolinks } from '../model/safeText';
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
}

/** Names in a hint are short: a hint sits inside a line of code. */
const MAX_NAME = 32;

/**
 * The hint after an address: "Treasury · 1.5 PLYR", "player123", "PLYR ≈ $1.23", or undefined
 * when there is nothing to say (no name known, no amount yet). Outside text (labels, PLYR IDs)
 * goes in as one short inert line; under the privacy mask no digit of an amount or value shows.
 */
export function addressHint(input: AddressHintInput): AddressHint | undefined {
  const name = input.label ? inertLabel(input.label, MAX_NAME) : input.plyrId ? inertLabel(input.plyrId, MAX_NAME) : undefined;
  const figure = input.show === 'name' ? undefined : figureOf(input);
  const text = [name, figure?.text].filter((part): part is string => !!part).join(' · ');
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
  return { text, tooltip: tooltip.join('\n'), action: input.tracked ? 'reveal' : 'track' };
}

/**
 * A hint after an address that deserves a second look (`identifierWarning`: its EIP-55
 * checksum fails). What the hint names belongs to the checksummed address, and the server refuses
 * the text as written: the hint starts with a warning sign (a sign, not words, to stay short
 * inside the line) and its tooltip starts with why.
 */
export function warnedHint(hint: AddressHint, warning: string): AddressHint {
  return { ...hint, text: `⚠ ${hint.text}`, tooltip: `${warning}\n${hint.tooltip}` };
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
