import * as l10n from '@vscode/l10n';
import { BalanceEntry } from '../store/balanceStore';
import { formatAmount, formatAmountCompact } from './format';
import { MASKED_AMOUNT } from './privacy';
import { describeAge } from './time';

/** The status bar item as plain data: what it says, whether it is stale, and its tooltip lines. */
export interface StatusBarModel {
  readonly text: string;
  readonly stale: boolean;
  readonly tooltip: readonly string[];
  /** What a screen reader says: words for the icons and the mask, the state, then the tooltip. */
  readonly spoken: string;
}

/**
 * One identifier's amount of one token, for the status bar. Never a made-up number: without a
 * good answer it says so ("?"), and a kept answer after a failed refresh is marked stale with
 * its age. Plain text only (the status bar is not Markdown); `$(…)` are VS Code's icons.
 */
export function statusBarModel(input: { identifier: string; label?: string; token: string; networkLabel: string; entry: BalanceEntry | undefined; now: number; masked?: boolean }): StatusBarModel {
  const { entry, token, now } = input;
  const symbol = token.toUpperCase();
  const amount = entry?.balances?.[token];
  const who = input.label ? `${input.label} (${input.identifier})` : input.identifier;
  const tooltip = [l10n.t('{0} on {1}', who, input.networkLabel)];
  if (amount !== undefined) {
    tooltip.push(l10n.t('{0}: {1}', symbol, input.masked ? MASKED_AMOUNT : amount));
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
  const heard =
    amount === undefined
      ? entry?.loading
        ? l10n.t('{0} amount loading', symbol)
        : l10n.t('{0} amount unknown', symbol)
      : input.masked
        ? l10n.t('{0} amount hidden', symbol)
        : `${formatAmount(amount)} ${symbol}`;
  // The amount line of the tooltip is said first already.
  const rest = tooltip.filter((line) => !line.startsWith(`${symbol}: `));
  const spoken = [l10n.t('PLYR balance: {0}', heard), ...(stale ? [l10n.t('stale')] : []), ...rest].join(', ');
  if (amount === undefined) {
    const icon = entry?.loading ? '$(loading~spin)' : '$(question)';
    return { text: `${icon} ? ${symbol}`, stale, tooltip, spoken };
  }
  return { text: `${stale ? '$(warning)' : '$(credit-card)'} ${input.masked ? MASKED_AMOUNT : formatAmountCompact(amount)} ${symbol}`, stale, tooltip, spoken };
}
