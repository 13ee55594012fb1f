import * as l10n from '@vscode/l10n';
import { ValueTotal } from '../model/value';
import { describeTotalLine } from './valueContent';

/** What Check Balance's list of balances says above its rows. */
export interface BalanceListHeading {
  readonly title: string;
  readonly placeholder: string;
}

/**
 * The title names whose balances, on which network and how old, with prices their total ("Total ≈
 * $125.09 · 4 of 5 tokens priced"), and last the warning the identifier deserves (a failed
 * checksum): a long title wraps, so all of it shows, and it stays while the user types to filter
 * (the placeholder, which says what Enter does, goes then).
 */
export function balanceListHeading(input: { who: string; network: string; age: string; total?: ValueTotal; masked: boolean; warning?: string }): BalanceListHeading {
  const total = describeTotalLine(input.total, input.masked);
  const parts = [l10n.t('Balances of {0} · {1} · updated {2}', input.who, input.network, input.age), ...(total === undefined ? [] : [total]), ...(input.warning === undefined ? [] : [`⚠ ${input.warning}`])];
  return { title: parts.join(' · '), placeholder: l10n.t('Select a token to copy its exact amount') };
}
