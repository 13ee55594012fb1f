/** The median of some figures, to 0.1. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

/** A figure to 0.1. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
