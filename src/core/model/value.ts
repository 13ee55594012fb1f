import { multiplyDecimal, sumDecimals } from './decimal';

/**
 * What holdings are worth in US dollars: an amount (a decimal string) times a price (a decimal
 * string), multiplied exactly as scaled BigInts (decimal.ts). Nothing here passes through a
 * JavaScript number; the results are exact decimal strings, rounded only where they are shown
 * (content/valueContent.ts).
 */

/** Where the server's token list service found a price (`priceSource`). */
export type PriceSource = 'cmc_api' | 'cg_api' | 'cmc_dex_api';

export const PRICE_SOURCES: readonly PriceSource[] = ['cmc_api', 'cg_api', 'cmc_dex_api'];

/** One token's price in USD, as the token list gave it. */
export interface TokenPrice {
  /** USD per whole token: a plain, positive decimal string. */
  readonly usd: string;
  /** Undefined when the server named no source, or one this extension does not know. */
  readonly source?: PriceSource;
  /** When the server last refreshed its prices (epoch ms). */
  readonly updatedAt?: number;
}

/** Prices by token, found by the balance's key: a token's API name (`gamr`) or its contract address, any case. */
export class PriceBook {
  readonly #byKey = new Map<string, TokenPrice>();

  constructor(entries: Iterable<{ readonly keys: readonly string[]; readonly price: TokenPrice }>) {
    for (const { keys, price } of entries) {
      for (const key of keys) {
        const lower = key.toLowerCase();
        // The first token to claim a key keeps it, as the token list keeps the first of an apiId.
        if (lower !== '' && !this.#byKey.has(lower)) {
          this.#byKey.set(lower, price);
        }
      }
    }
  }

  get size(): number {
    return this.#byKey.size;
  }

  priceOf(token: string): TokenPrice | undefined {
    return this.#byKey.get(token.toLowerCase());
  }

  /** An amount of `token` at its price: the price and the exact value; undefined without a price. */
  worth(token: string, amount: string): { readonly price: TokenPrice; readonly usd: string } | undefined {
    const price = this.priceOf(token);
    const usd = price ? valueOf(amount, price.usd) : undefined;
    return price && usd !== undefined ? { price, usd } : undefined;
  }
}

/** amount × price, exact, as a plain decimal string; undefined when either is not a non-negative decimal. */
export function valueOf(amount: string, usd: string): string | undefined {
  return multiplyDecimal(amount, usd);
}

/** The value of several tokens: the sum of those with a price, and how many had one. */
export interface ValueTotal {
  /** The exact sum of the priced tokens' values; undefined when none had a price (never "0"). */
  readonly usd?: string;
  readonly priced: number;
  /** Every token counted, priced or not. */
  readonly tokens: number;
}

/** Sums the values of `balances` (token → amount) at the book's prices. */
export function totalValue(balances: Iterable<readonly [string, string]>, prices: PriceBook): ValueTotal {
  // Each token a total of one, added as a group's members are.
  return addTotals(
    Array.from(balances, ([token, amount]) => {
      const usd = prices.worth(token, amount)?.usd;
      return usd === undefined ? { priced: 0, tokens: 1 } : { usd, priced: 1, tokens: 1 };
    }),
  );
}

/** Several totals as one (a group's members): sums and counts added. */
export function addTotals(totals: Iterable<ValueTotal>): ValueTotal {
  const values: string[] = [];
  let priced = 0;
  let tokens = 0;
  for (const total of totals) {
    priced += total.priced;
    tokens += total.tokens;
    if (total.usd !== undefined) {
      values.push(total.usd);
    }
  }
  return { ...(values.length > 0 ? { usd: sumDecimals(values) } : {}), priced, tokens };
}
