import { Balances } from './balances';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * The exact change from one decimal string to another ("+12.5", "−3" with a true minus sign), or
 * undefined when they are equal or either is not a decimal. Computed on scaled BigInts: amounts
 * have 18 decimals and exceed a double's precision.
 */
export function decimalDelta(previous: string, current: string): string | undefined {
  const a = DECIMAL.exec(previous);
  const b = DECIMAL.exec(current);
  if (!a || !b) {
    return undefined;
  }
  const scale = Math.max((a[3] ?? '').length, (b[3] ?? '').length);
  const scaled = (m: RegExpExecArray) => BigInt(`${m[1]}${m[2]}${(m[3] ?? '').padEnd(scale, '0')}`);
  const diff = scaled(b) - scaled(a);
  if (diff === 0n) {
    return undefined;
  }
  const digits = (diff < 0n ? -diff : diff).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${diff < 0n ? '\u2212' : '+'}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Per token, the change between two answers, for tokens in both whose amount moved. */
export function balanceChanges(previous: Balances | undefined, current: Balances): Readonly<Record<string, string>> | undefined {
  if (!previous) {
    return undefined;
  }
  const changes = Object.entries(current).flatMap(([token, amount]) => {
    const before = Object.prototype.hasOwnProperty.call(previous, token) ? previous[token] : undefined;
    const delta = before === undefined ? undefined : decimalDelta(before, amount);
    return delta ? [[token, delta] as const] : [];
  });
  return changes.length > 0 ? Object.fromEntries(changes) : undefined;
}
