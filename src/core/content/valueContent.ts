import * as l10n from '@vscode/l10n';
import { compareDecimal, isAmount, isZero } from '../model/decimal';
import { PriceSource, TokenPrice, ValueTotal } from '../model/value';
import { oneLine } from '../model/safeText';
import { MASKED_AMOUNT } from './privacy';
import { describeAge } from './time';

/**
 * Values in dollars as people read them. The exact value (model/value.ts) is rounded here, and
 * only here: to cents, or to 2 significant digits under a cent ("$0.0042"), by Intl.NumberFormat,
 * which reads a decimal string exactly (never as a float) and rounds it half up (halfExpand, on
 * values that are never negative), in Latin digits like the amounts.
 */

/** Under this a value shows as "< $0.000001", as a dust amount shows as "< 0.000001". */
const SMALLEST_SHOWN = '0.000001';
const CENT = '0.01';
/**
 * From here a total in a narrow row drops its cents ("≈ $12,345"); its tooltip keeps them. Not
 * 1000: 999.995 rounds to "$1,000.00" in cents, which would read beside "$1,000" as more.
 */
const WHOLE_DOLLARS_FROM = '999.995';

/** Building an Intl.NumberFormat costs far more than using one: one per locale and shape. */
const formatters = new Map<string, Intl.NumberFormat>();

const DIGITS: Record<'whole' | 'cents' | 'significant' | 'price', Intl.NumberFormatOptions> = {
  whole: { minimumFractionDigits: 0, maximumFractionDigits: 0 },
  cents: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  significant: { maximumSignificantDigits: 2 },
  price: { maximumSignificantDigits: 6 },
};

function usdFormat(locale: string | undefined, shape: keyof typeof DIGITS): Intl.NumberFormat {
  const key = `${locale ?? ''}|${shape}`;
  let format = formatters.get(key);
  if (!format) {
    const digits = DIGITS[shape];
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', numberingSystem: 'latn', roundingMode: 'halfExpand', ...digits });
    formatters.set(key, format);
  }
  return format;
}

/**
 * An exact USD value for display: "$1,234.56", "$0.0042", "$0.00" (a zero balance), "< $0.000001";
 * `compact` (a total in a narrow row): whole dollars from $1,000 ("$12,346").
 */
export function formatUsd(usd: string, locale?: string, compact = false): string {
  if (!isAmount(usd)) {
    return usd;
  }
  const exact = usd as Intl.StringNumericLiteral;
  if (compact && compareDecimal(usd, WHOLE_DOLLARS_FROM) >= 0) {
    return usdFormat(locale, 'whole').format(exact);
  }
  if (isZero(usd) || compareDecimal(usd, CENT) >= 0) {
    return usdFormat(locale, 'cents').format(exact);
  }
  if (compareDecimal(usd, SMALLEST_SHOWN) < 0) {
    return l10n.t({ message: '< {0}', args: [usdFormat(locale, 'significant').format(SMALLEST_SHOWN as Intl.StringNumericLiteral)], comment: 'A value too small to show: less than the smallest shown, such as < $0.000001' });
  }
  return usdFormat(locale, 'significant').format(exact);
}

/**
 * "≈ $1,234.56": a value is a rounded product of a market price, never an exact figure, except
 * nothing's: "$0.00" (a "≈" on every zero balance is noise). Masked: "≈ •••", zero or not.
 */
export function approximately(usd: string, masked = false, locale?: string, compact = false): string {
  if (!masked && isAmount(usd) && isZero(usd)) {
    return formatUsd(usd, locale, compact);
  }
  return l10n.t({ message: '≈ {0}', args: [masked ? MASKED_AMOUNT : formatUsd(usd, locale, compact)], comment: 'An approximate value in dollars, such as ≈ $1,234.56' });
}

/** "worth about $12.34", as a screen reader hears a value: "worth $0.00" for an exact zero, as {@link approximately} shows it. */
export function spokenWorth(usd: string): string {
  return isAmount(usd) && isZero(usd) ? l10n.t('worth {0}', formatUsd(usd)) : l10n.t('worth about {0}', formatUsd(usd));
}

/** A price per token: up to 6 significant digits ("$0.0123", "$35.2"). */
export function formatPrice(usd: string, locale?: string): string {
  return isAmount(usd) ? usdFormat(locale, 'price').format(usd as Intl.StringNumericLiteral) : usd;
}

/** A price source in words: the names of the services, as they write them. */
export function priceSourceName(source: PriceSource): string {
  switch (source) {
    case 'cmc_api':
      return 'CoinMarketCap';
    case 'cg_api':
      return 'CoinGecko';
    case 'cmc_dex_api':
      return 'CoinMarketCap DEX';
  }
}

/** "4 of 5 tokens priced". */
export function pricedCount(total: ValueTotal): string {
  return total.tokens === 1 ? l10n.t('{0} of 1 token priced', total.priced) : l10n.t('{0} of {1} tokens priced', total.priced, total.tokens);
}

/**
 * What is said of a total: "≈ $12,345.67" when every token had a price, "≈ $12,345.67 · 4 of 5
 * tokens priced" when some had none; undefined when none had one (a total of nothing is not
 * "$0"). `compact` for a row's description: "≈ $12,346 · 4 of 5 tokens priced".
 */
export function describeTotal(total: ValueTotal | undefined, masked: boolean, locale?: string, compact = false): string | undefined {
  if (total?.usd === undefined) {
    return undefined;
  }
  const value = approximately(total.usd, masked, locale, compact);
  return total.priced < total.tokens ? `${value} · ${pricedCount(total)}` : value;
}

/** "Total ≈ $1,234.56 · 4 of 5 tokens priced" (the hover, Check Balance); undefined when no token had a price. */
export function describeTotalLine(total: ValueTotal | undefined, masked: boolean, locale?: string): string | undefined {
  const described = describeTotal(total, masked, locale);
  return described === undefined ? undefined : l10n.t({ message: 'Total {0}', args: [described], comment: 'An approximate value in dollars, such as ≈ $1,234.56' });
}

/**
 * The price line of a tooltip: "Price $0.0123 per GAMR (CoinMarketCap, updated 4 min. ago)". The
 * source and the age are left out when the server did not give them. Masked, the price still
 * shows: it says nothing of what anyone holds.
 */
export function describePrice(symbol: string, price: TokenPrice, now: number, locale?: string): string {
  const perToken = l10n.t({ message: 'Price {0} per {1}', args: [formatPrice(price.usd, locale), symbol], comment: 'A price in dollars, then a token such as GAMR' });
  const age = price.updatedAt === undefined ? undefined : describeAge(now - price.updatedAt, locale);
  const source = price.source === undefined ? undefined : priceSourceName(price.source);
  if (source !== undefined && age !== undefined) {
    return l10n.t({ message: '{0} ({1}, updated {2})', args: [perToken, source, age], comment: 'A price, the service it comes from (such as CoinGecko), then an age such as 4 min. ago' });
  }
  if (source !== undefined) {
    return l10n.t({ message: '{0} ({1})', args: [perToken, source], comment: 'A price, then the service it comes from, such as CoinGecko' });
  }
  return age === undefined ? perToken : l10n.t({ message: '{0} (updated {1})', args: [perToken, age], comment: 'A price, then an age such as 4 min. ago' });
}

/** Longest a reason for missing values is shown: a server's message is cut, not shown whole. */
const REASON_MAX = 200;

/**
 * Why no value shows where one would (a row's or a group's tooltip): the token list, which
 * carries the prices, could not be read. `reason` is the failure's message (any text: one line here).
 */
export function describeValuesMissing(reason: string): string {
  return l10n.t('No values: the prices could not be read. {0}', oneLine(reason, REASON_MAX));
}
