import * as l10n from '@vscode/l10n';
import { isAmount, isZero, parseDecimal } from '../model/decimal';

/**
 * Amounts are read by model/decimal and never pass through a JavaScript number. Intl.NumberFormat
 * groups the integer part (as a bigint, exact) in Latin digits, like the fraction, which is kept
 * digit for digit, trailing zeros dropped.
 */

/** Building an Intl.NumberFormat costs far more than using one: keep one per locale and shape. */
const formatters = new Map<string, { format: Intl.NumberFormat; separator: string }>();

function numberFormat(locale: string | undefined, maxFractionDigits?: number): { format: Intl.NumberFormat; separator: string } {
  const key = `${locale ?? ''}|${maxFractionDigits ?? ''}`;
  let cached = formatters.get(key);
  if (!cached) {
    const format = new Intl.NumberFormat(locale, { useGrouping: true, numberingSystem: 'latn', ...(maxFractionDigits === undefined ? {} : { maximumFractionDigits: maxFractionDigits }) });
    cached = { format, separator: format.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.' };
    formatters.set(key, cached);
  }
  return cached;
}

export function formatAmount(amount: string, locale?: string): string {
  const parts = parseDecimal(amount);
  if (!parts || parts.negative) {
    return amount;
  }
  const { format, separator } = numberFormat(locale);
  const grouped = format.format(BigInt(parts.whole));
  return parts.fraction === '' ? grouped : `${grouped}${separator}${parts.fraction}`;
}

/**
 * A compact amount for narrow places (tree rows): grouped, at most `maxFractionDigits` decimals,
 * rounded by Intl from the exact decimal string. The exact value belongs in a tooltip.
 */
export function formatAmountCompact(amount: string, locale?: string, maxFractionDigits = 6): string {
  return isAmount(amount) ? compact(amount, '', locale, maxFractionDigits) : amount;
}

/**
 * A change as compact as the amount beside it: "+2.5" for +2.500000000000000001, "−1,234.5",
 * and a dust change "< +0.000001" rather than "+0". The exact change belongs in a tooltip.
 */
export function formatChangeCompact(change: string, locale?: string): string {
  const sign = change.charAt(0);
  const magnitude = change.slice(1);
  return (sign === '+' || sign === '\u2212') && isAmount(magnitude) ? compact(magnitude, sign, locale, 6) : change;
}

function compact(amount: string, sign: string, locale: string | undefined, maxFractionDigits: number): string {
  const { format } = numberFormat(locale, maxFractionDigits);
  const shown = format.format(amount as Intl.StringNumericLiteral);
  // A dust balance must not read as zero (the digits shown are Latin, so [1-9] finds any non-zero one).
  if (!isZero(amount) && !/[1-9]/.test(shown)) {
    const smallest = maxFractionDigits > 0 ? `0.${'0'.repeat(maxFractionDigits - 1)}1` : '1';
    return l10n.t({ message: '< {0}', args: [sign + format.format(smallest as Intl.StringNumericLiteral)], comment: 'A balance too small to show: less than the smallest amount shown, such as < 0.000001' });
  }
  return sign + shown;
}
