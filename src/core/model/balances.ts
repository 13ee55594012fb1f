import * as l10n from '@vscode/l10n';
import { decimalDelta, isAmount, isZero } from './decimal';
import { malformedResponse } from './errors';
import { describeType } from './identifier';
import { tokenForMessage } from './safeText';

/** Token name to amount, the amount a decimal string exactly as the server sent it. */
export type Balances = Readonly<Record<string, string>>;

const MAX_AMOUNT_LENGTH = 200;

/**
 * A token's entry in a balance or change map, or undefined. Token names are the server's (and a
 * setting's): `map[token]` would find `constructor` or `toString` on every object, so only the
 * map's own keys count.
 */
export function amountIn(map: Readonly<Record<string, string>> | undefined, token: string): string | undefined {
  return map !== undefined && Object.hasOwn(map, token) ? map[token] : undefined;
}

/**
 * Reads a 200 response body in either shape: the page's `{ balances: {…} }` or the real server's
 * flat map. Values that are not decimal strings are reported, never coerced. The result is built
 * with `Object.fromEntries`, so keys such as `__proto__` become plain own properties.
 */
export function parseBalances(body: unknown): Balances {
  if (!isPlainObject(body)) {
    throw malformedResponse(l10n.t('the body is {0}, not a map of token balances', describeType(body)));
  }
  const wrapped = Object.prototype.hasOwnProperty.call(body, 'balances') && isPlainObject(body.balances);
  const map = wrapped ? (body.balances as Record<string, unknown>) : body;
  const entries: [string, string][] = [];
  for (const [token, amount] of Object.entries(map)) {
    if (typeof amount !== 'string') {
      throw malformedResponse(l10n.t('the amount for {0} is {1}, not a decimal string', tokenForMessage(token), describeType(amount)));
    }
    if (amount.length > MAX_AMOUNT_LENGTH || !isAmount(amount)) {
      throw malformedResponse(l10n.t('the amount for {0} is not a plain non-negative decimal number', tokenForMessage(token)));
    }
    entries.push([token, amount]);
  }
  return Object.fromEntries(entries);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One token whose amount moved between two answers. */
export interface TokenChange {
  readonly token: string;
  readonly previous: string;
  readonly current: string;
  /** Exact, signed: "+12.5", "−3". */
  readonly delta: string;
}

/**
 * The tokens whose amount moved since the previous answer, in the new answer's order. A token the
 * previous answer did not list held nothing then: it moved from "0" if it came with an amount, and
 * one that came with zero is only newly listed. A token no longer listed is no change: the server
 * may have stopped listing it. No previous answer (a first read) has nothing to compare with.
 */
export function listChanges(previous: Balances | undefined, current: Balances): TokenChange[] {
  if (!previous) {
    return [];
  }
  return Object.entries(current).flatMap(([token, amount]) => {
    const before = amountIn(previous, token) ?? '0';
    const delta = decimalDelta(before, amount);
    return delta ? [{ token, previous: before, current: amount, delta }] : [];
  });
}

/** Token -> signed change, as rows show it; undefined when nothing moved. */
export function deltaMap(changes: readonly TokenChange[]): Readonly<Record<string, string>> | undefined {
  return changes.length > 0 ? Object.fromEntries(changes.map((c) => [c.token, c.delta])) : undefined;
}

/**
 * What an identifier's token rows show, and what each cause leaves out: `filtered` the tokens its
 * filter (`tokens`, the user's pick) leaves out, `zeros` the zero balances Hide Zero Balances
 * hides among those the filter keeps. A zero outside the filter counts once, as filtered: the
 * user chose that, and it shows again only when the filter gives it back.
 */
export function splitTokens(balances: Balances, tokens: readonly string[] | undefined, hideZero: boolean): { shown: [string, string][]; filtered: string[]; zeros: string[] } {
  const kept = tokens ? new Set(tokens) : undefined;
  const split = { shown: [] as [string, string][], filtered: [] as string[], zeros: [] as string[] };
  for (const [token, amount] of Object.entries(balances)) {
    if (kept && !kept.has(token)) {
      split.filtered.push(token);
    } else if (hideZero && isZero(amount)) {
      split.zeros.push(token);
    } else {
      split.shown.push([token, amount]);
    }
  }
  return split;
}
