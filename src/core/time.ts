/** "2 minutes ago", "just now": ages for people, through Intl.RelativeTimeFormat. */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function describeAge(ageMs: number, locale?: string): string {
  if (ageMs < 45_000) {
    return 'just now';
  }
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  for (const [unit, size] of UNITS) {
    if (ageMs >= size) {
      return format.format(-Math.round(ageMs / size), unit);
    }
  }
  return format.format(-1, 'minute');
}
