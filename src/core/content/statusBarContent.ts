import * as l10n from '@vscode/l10n';
import { amountIn } from '../model/balances';
import { BalanceEntry } from '../store/balanceStore';
import { formatAmount, formatAmountCompact } from './format';
import { MASKED_AMOUNT } from './privacy';
import { tokenLabel } from './shortNames';
import { describeAge } from './time';
import { PriceBook } from '../model/value';
import { formatControlsShown } from '../model/safeText';
import { approximately, describePrice, formatUsd } from './valueContent';

/** The status bar item as plain data: what it says, whether it is stale, and its tooltip lines. */
export interface StatusBarModel {
  readonly text: string;
  readonly stale: boolean;
  readonly tooltip: readonly string[];
  /** What a screen reader says: words for the icons and the mask, the state, then the tooltip. */
  readonly spoken: string;
}

/**
 * One identifier's amount of one token, for the status bar, or with `show: 'value'` its value
 * ("GAMR ≈ $12.34") when a price is known (else the amount). Never a made-up number: without a
 * good answer it says so ("?"), and a kept answer after a failed refresh is marked stale with
 * its age (and shows no value). `prices` is given while values are on and the token list is
 * known. Plain text only (the status bar is not Markdown); `$(…)` are VS Code's icons.
 */
export function statusBarModel(input: {
  identifier: string;
  label?: string;
  token: string;
  networkLabel: string;
  entry: BalanceEntry | undefined;
  now: number;
  masked?: boolean;
  prices?: PriceBook;
  show?: 'amount' | 'value';
  /** What may be wrong with the identifier itself (identifierWarning: a failing checksum, an address look-alike). */
  warning?: string;
}): StatusBarModel {
  const { entry, token, now } = input;
  const symbol = tokenLabel(token);
  const amount = amountIn(entry?.balances, token);
  const who = input.label ? `${formatControlsShown(input.label)} (${input.identifier})` : input.identifier;
  // The reason first: the amount is current, but perhaps not of the wallet the person meant.
  const tooltip = [...(input.warning ? [`⚠ ${input.warning}`] : []), l10n.t('{0} on {1}', who, input.networkLabel)];
  const priced = amount !== undefined && entry?.error === undefined ? input.prices?.worth(token, amount) : undefined;
  const value = priced?.usd;
  if (amount !== undefined) {
    tooltip.push(l10n.t('{0}: {1}', symbol, input.masked ? MASKED_AMOUNT : amount));
    if (priced) {
      tooltip.push(l10n.t('Value: {0}', approximately(priced.usd, input.masked)), describePrice(symbol, priced.price, now));
    } else if (input.prices && entry?.error === undefined) {
      tooltip.push(l10n.t('No price is known for {0}.', symbol));
    }
  } else if (entry?.balances) {
    tooltip.push(l10n.t('No {0} balance was reported.', symbol));
  }
  if (entry?.fetchedAt !== undefined) {
    tooltip.push(l10n.t('Updated {0}', describeAge(now - entry.fetchedAt)));
  }
  if (entry?.error) {
    tooltip.push(l10n.t('The last refresh failed: {0}', entry.error.message));
  }
  const stale = entry?.error !== undefined;
  // Marked as a stale amount is: what it shows may not be what the person meant to watch.
  const careful = stale || input.warning !== undefined;
  const showValue = input.show === 'value' && value !== undefined;
  const heard =
    amount === undefined
      ? entry?.loading
        ? l10n.t('{0} amount loading', symbol)
        : l10n.t('{0} amount unknown', symbol)
      : showValue
        ? input.masked
          ? l10n.t('{0} value hidden', symbol)
          : l10n.t('{0} worth about {1}', symbol, formatUsd(value))
        : input.masked
          ? l10n.t('{0} amount hidden', symbol)
          : `${formatAmount(amount)} ${symbol}`;
  // The amount line of the tooltip is said first already.
  const rest = tooltip.filter((line) => !line.startsWith(`${symbol}: `));
  const spoken = spokenList([l10n.t('PLYR balance: {0}', heard), ...(stale ? [l10n.t('stale')] : []), ...rest]);
  if (amount === undefined) {
    const icon = entry?.loading ? '$(loading~spin)' : '$(question)';
    return { text: `${icon} ? ${symbol}`, stale, tooltip, spoken };
  }
  if (showValue) {
    return { text: `${careful ? '$(warning)' : '$(credit-card)'} ${symbol} ${approximately(value, input.masked)}`, stale, tooltip, spoken };
  }
  return { text: `${careful ? '$(warning)' : '$(credit-card)'} ${input.masked ? MASKED_AMOUNT : formatAmountCompact(amount)} ${symbol}`, stale, tooltip, spoken };
}

/** Parts read one after another: a comma between them, but none after a part that ends a sentence (no "typo., Value"). */
function spokenList(parts: readonly string[]): string {
  return parts.reduce((said, part) => (said === '' ? part : `${said}${/[.!?。]$/.test(said) ? ' ' : ', '}${part}`), '');
}
