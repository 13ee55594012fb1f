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

/** One token whose amount moved between two answers. */
export interface TokenChange {
  readonly token: string;
  readonly previous: string;
  readonly current: string;
  /** Exact, signed: "+12.5", "−3". */
  readonly delta: string;
}

/** The tokens present in both answers whose amount moved, in the new answer's order. */
export function listChanges(previous: Balances | undefined, current: Balances): TokenChange[] {
  if (!previous) {
    return [];
  }
  return Object.entries(current).flatMap(([token, amount]) => {
    const before = Object.prototype.hasOwnProperty.call(previous, token) ? previous[token] : undefined;
    const delta = before === undefined ? undefined : decimalDelta(before, amount);
    return before !== undefined && delta ? [{ token, previous: before, current: amount, delta }] : [];
  });
}

/** Token -> signed change, as rows show it; undefined when nothing moved. */
export function deltaMap(changes: readonly TokenChange[]): Readonly<Record<string, string>> | undefined {
  return changes.length > 0 ? Object.fromEntries(changes.map((c) => [c.token, c.delta])) : undefined;
}
