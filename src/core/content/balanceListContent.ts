import * as l10n from '@vscode/l10n';
import { ValueTotal } from '../model/value';
import { describeTotalLine } from './valueContent';

/** What Check Balance's list of balances says above its rows. */
export interface BalanceListHeading {
  readonly title: string;
  readonly placeholder: string;
}

/**
 * The title names whose balances, on which network and how old, and with prices their total
 * ("Total ≈ $125.09 · 4 of 5 tokens priced"): a long title wraps, so all of it shows. The input's
 * placeholder is cut at the box's width, so it holds one short sentence: the warning the
 * identifier deserves (a failed checksum), else what Enter does.
 */
export function balanceListHeading(input: { who: string; network: string; age: string; total?: ValueTotal; masked: boolean; warning?: string }): BalanceListHeading {
  const title = l10n.t('Balances of {0} · {1} · updated {2}', input.who, input.network, input.age);
  const total = describeTotalLine(input.total, input.masked);
  return {
    title: total === undefined ? title : `${title} · ${total}`,
    placeholder: input.warning === undefined ? l10n.t('Select a token to copy its exact amount') : `⚠ ${input.warning}`,
  };
}
