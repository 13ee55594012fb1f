/**
 * Amounts are decimal strings with 18 decimals (or more) and values beyond 2^53: they are read as
 * digits and worked on as scaled BigInts (subtracted, multiplied by a price, added into a total), and
 * never pass through a JavaScript number.
 */

/** An optional minus, digits, and optionally a point and digits: no exponent, plus sign or spaces. */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A decimal string's parts: `whole` without leading zeros ('0' when there is none), `fraction` without trailing zeros. */
export interface Decimal {
  /** As written: "-0" is negative. */
  readonly negative: boolean;
  readonly whole: string;
  readonly fraction: string;
}

/** The parts of a decimal string, or undefined when it is not one. */
export function parseDecimal(value: string): Decimal | undefined {
  const match = DECIMAL.exec(value);
  return match ? { negative: match[1] === '-', whole: match[2].replace(/^0+(?=\d)/, ''), fraction: (match[3] ?? '').replace(/0+$/, '') } : undefined;
}

/** A non-negative decimal string: the shape of every amount (what ethers' formatUnits produces). */
export function isAmount(value: string): boolean {
  return parseDecimal(value)?.negative === false;
}

/** A decimal string whose value is zero ("0", "0.000", "-0"); false for anything that is not a decimal. */
export function isZero(value: string): boolean {
  const parts = parseDecimal(value);
  return parts !== undefined && parts.whole === '0' && parts.fraction === '';
}

/**
 * Compares two decimal strings exactly: negative when a < b, 0 when equal ("1.50" and "1.5"),
 * positive when a > b. What is not a decimal counts as zero.
 */
export function compareDecimal(a: string, b: string): number {
  const { diff } = difference(parseDecimal(a) ?? ZERO, parseDecimal(b) ?? ZERO);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/**
 * The exact change from one decimal string to another ("+12.5", "−3" with a true minus sign), or
 * undefined when they are equal or either is not a decimal.
 */
export function decimalDelta(previous: string, current: string): string | undefined {
  const before = parseDecimal(previous);
  const after = parseDecimal(current);
  if (!before || !after) {
    return undefined;
  }
  const { diff, scale } = difference(after, before);
  if (diff === 0n) {
    return undefined;
  }
  return `${diff < 0n ? '\u2212' : '+'}${written(diff < 0n ? -diff : diff, scale)}`;
}

/** a × b, exactly, as a plain decimal string; undefined when either is not a non-negative decimal. */
export function multiplyDecimal(a: string, b: string): string | undefined {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return x && y && !x.negative && !y.negative ? written(units(x) * units(y), x.fraction.length + y.fraction.length) : undefined;
}

/** The exact sum of non-negative decimal strings, as a plain decimal string ("0" for none). */
export function sumDecimals(values: Iterable<string>): string {
  let sum = 0n;
  let scale = 0;
  for (const value of values) {
    const parts = parseDecimal(value);
    if (!parts || parts.negative) {
      throw new RangeError('Not a non-negative decimal');
    }
    // Both at the larger scale: the sum keeps every digit of either.
    const places = parts.fraction.length;
    if (places > scale) {
      sum *= 10n ** BigInt(places - scale);
      scale = places;
    }
    sum += units(parts, scale);
  }
  return written(sum, scale);
}

/** A JSON number's text: an optional minus, digits, an optional fraction and an optional exponent. */
const JSON_NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * A JSON number's text as a plain decimal string, exactly: as written when it has no exponent
 * ("1.50" stays "1.50"), else with the point moved along its digits ("1e+21" is a 1 and 21 zeros,
 * "1.5e-7" is "0.00000015"), which is how a server's JSON.stringify writes large and small numbers.
 * Undefined when it is not a JSON number, or when writing it out would take more than `maxLength` characters.
 */
export function decimalFromJsonNumber(text: string, maxLength = 200): string | undefined {
  const match = JSON_NUMBER.exec(text);
  if (!match) {
    return undefined;
  }
  const [, sign, whole, fraction = '', exponent] = match;
  if (exponent === undefined) {
    return text.length <= maxLength ? text : undefined;
  }
  const digits = whole + fraction;
  // Where the point goes, counted from the left of `digits`. The exponent is a count, not an amount.
  const point = whole.length + Number(exponent);
  if (digits.length > maxLength || Math.abs(point) > maxLength) {
    return undefined;
  }
  const written =
    point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  const result = sign + written.replace(/^0+(?=\d)/, '');
  return result.length <= maxLength ? result : undefined;
}

const ZERO: Decimal = { negative: false, whole: '0', fraction: '' };

/** A decimal's magnitude as a whole number of 10^-scale units (scale: at least its own decimals). */
function units(d: Decimal, scale = d.fraction.length): bigint {
  return BigInt(d.whole + d.fraction.padEnd(scale, '0'));
}

/** A non-negative whole number of 10^-scale units as a plain decimal string, without trailing zeros. */
function written(value: bigint, scale: number): string {
  const digits = value.toString().padStart(scale + 1, '0');
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return fraction ? `${digits.slice(0, digits.length - scale)}.${fraction}` : digits.slice(0, digits.length - scale);
}

/** a − b, both scaled by 10^scale to whole numbers. */
function difference(a: Decimal, b: Decimal): { diff: bigint; scale: number } {
  const scale = Math.max(a.fraction.length, b.fraction.length);
  const scaled = (d: Decimal) => (d.negative ? -units(d, scale) : units(d, scale));
  return { diff: scaled(a) - scaled(b), scale };
}
