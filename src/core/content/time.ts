import * as l10n from '@vscode/l10n';

/** "2 minutes ago", "just now": ages for people, through Intl.RelativeTimeFormat. */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

const formats = new Map<string, Intl.RelativeTimeFormat>();

export function describeAge(ageMs: number, locale?: string): string {
  if (ageMs < 45_000) {
    return l10n.t('just now');
  }
  const key = locale ?? '';
  let format = formats.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'short' });
    formats.set(key, format);
  }
  for (const [unit, size] of UNITS) {
    if (ageMs >= size) {
      // Whole units elapsed: 59.6 minutes is "59 min. ago", not "60 min. ago".
      return format.format(-Math.floor(ageMs / size), unit);
    }
  }
  return format.format(-1, 'minute');
}

const minuteFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "Dec 3, 2026, 11:42 AM": a moment to the minute, as its age is told. A row that says when it
 * was updated then reads the same after a refresh a few seconds later, and is not re-sent.
 * `seconds`: "Dec 3, 2026, 11:42:05 AM", for a moment that does not move (an activity entry's).
 */
export function describeMoment(at: number, locale?: string, seconds = false): string {
  const key = `${locale ?? ''}${seconds ? ':s' : ''}`;
  let format = minuteFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' });
    minuteFormats.set(key, format);
  }
  return format.format(at);
}

const secondFormats = new Map<string, Intl.DateTimeFormat>();

/** "11:42:05 AM": a time of day to the second, for a wait of seconds or minutes that ends then. */
export function describeClockTime(at: number, locale?: string): string {
  const key = locale ?? '';
  let format = secondFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
    secondFormats.set(key, format);
  }
  return format.format(at);
}
