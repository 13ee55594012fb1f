import * as l10n from '@vscode/l10n';

/**
 * Amounts are decimal strings with up to 18 (or more) decimals and values beyond 2^53, so they
 * never pass through a JavaScript number. Intl.NumberFormat groups the integer part (as a bigint,
 * exact) in Latin digits, like the fraction, which is kept digit for digit, trailing zeros dropped.
 */
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

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
  const match = DECIMAL.exec(amount);
  if (!match) {
    return amount;
  }
  const [, whole, fraction = ''] = match;
  const { format, separator } = numberFormat(locale);
  const grouped = format.format(BigInt(whole));
  const digits = fraction.replace(/0+$/, '');
  return digits === '' ? grouped : `${grouped}${separator}${digits}`;
}

/**
 * A compact amount for narrow places (tree rows): grouped, at most `maxFractionDigits` decimals,
 * rounded by Intl from the exact decimal string. The exact value belongs in a tooltip.
 */
export function formatAmountCompact(amount: string, locale?: string, maxFractionDigits = 6): string {
  if (!DECIMAL.test(amount)) {
    return amount;
  }
  const { format } = numberFormat(locale, maxFractionDigits);
  const shown = format.format(amount as Intl.StringNumericLiteral);
  // A dust balance must not read as zero (digits are Latin, so [1-9] finds any non-zero one).
  if (/[1-9]/.test(amount) && !/[1-9]/.test(shown)) {
    const smallest = maxFractionDigits > 0 ? `0.${'0'.repeat(maxFractionDigits - 1)}1` : '1';
    return l10n.t({ message: '< {0}', args: [format.format(smallest as Intl.StringNumericLiteral)], comment: 'A balance too small to show: less than the smallest amount shown, such as < 0.000001' });
  }
  return shown;
}
