/**
 * Amounts are decimal strings with up to 18 (or more) decimals and values beyond 2^53, so they
 * never pass through a JavaScript number. Intl.NumberFormat groups the integer part (as a bigint,
 * exact) in Latin digits, like the fraction, which is kept digit for digit, trailing zeros dropped.
 */
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export function formatAmount(amount: string, locale?: string): string {
  const match = DECIMAL.exec(amount);
  if (!match) {
    return amount;
  }
  const [, whole, fraction = ''] = match;
  const format = new Intl.NumberFormat(locale, { useGrouping: true, numberingSystem: 'latn' });
  const grouped = format.format(BigInt(whole));
  const digits = fraction.replace(/0+$/, '');
  const separator = format.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return digits === '' ? grouped : `${grouped}${separator}${digits}`;
}
