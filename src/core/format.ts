/**
 * Amounts are decimal strings with up to 18 (or more) decimals and values beyond 2^53, so they
 * never pass through a JavaScript number. Intl.NumberFormat groups the integer part (as a bigint,
 * exact); the fraction is kept digit for digit, trailing zeros dropped.
 */
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export function formatAmount(amount: string, locale?: string): string {
  const match = DECIMAL.exec(amount);
  if (!match) {
    return amount;
  }
  const [, whole, fraction = ''] = match;
  const grouped = new Intl.NumberFormat(locale, { useGrouping: true }).format(BigInt(whole));
  const digits = fraction.replace(/0+$/, '');
  return digits === '' ? grouped : `${grouped}${decimalSeparator(locale)}${digits}`;
}

function decimalSeparator(locale?: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}
