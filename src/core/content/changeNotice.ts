import * as l10n from '@vscode/l10n';
import { TokenChange } from '../model/balances';
import { isOrdinaryTokenName, unusualToken } from '../model/safeText';
import { formatAmount } from './format';
import { tokenLabel } from './shortNames';

/** Tokens named in one notification; the rest are counted. */
export const MAX_TOKENS_NAMED = 3;

/**
 * The text of a "Notify on change" notification, in words a screen reader reads well: who, then
 * each token's old and new amount and the exact change. A token is named only when its name is
 * ordinary: any other could be worded as a change of its own ("GAMR WENT FROM 1,000 TO 0") or
 * push the real ones past the notification's length. `who` comes made inert by the caller.
 */
export function changeNotice(who: string, changes: readonly TokenChange[], locale?: string, masked = false): string {
  const named = changes.slice(0, MAX_TOKENS_NAMED).map((c) => (masked ? maskedChange(c) : fullChange(c, locale)));
  const rest = changes.length - named.length;
  const more = rest === 0 ? '' : rest === 1 ? l10n.t('; and 1 more token') : l10n.t('; and {0} more tokens', rest);
  return l10n.t({ message: '{0}: {1}{2}.', args: [who, named.join('; '), more], comment: '{0} names an identifier; {1} lists the changes; {2} counts the others' });
}

function fullChange(c: TokenChange, locale: string | undefined): string {
  return l10n.t({
    message: '{0} went from {1} to {2} ({3})',
    args: [named(c.token), formatAmount(c.previous, locale), formatAmount(c.current, locale), c.delta],
    comment: '{0} is a token such as GAMR; {1} and {2} are amounts; {3} is the signed change, such as +12.5',
  });
}

/** With the privacy mask on: which tokens moved, and no amount. */
function maskedChange(c: TokenChange): string {
  return l10n.t({ message: '{0} changed', args: [named(c.token)], comment: '{0} is a token such as GAMR; the privacy mask hides the amounts' });
}

function named(token: string): string {
  return isOrdinaryTokenName(token) ? tokenLabel(token) : unusualToken();
}
