import { performance } from 'node:perf_hooks';

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

/** The median of `times` runs of `run`, in ms to 0.01: a plain-Node benchmark's figure. */
export function medianOfRuns(run: () => void, times = 5): number {
  const ms = Array.from({ length: times }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return Math.round(ms[Math.floor(times / 2)] * 100) / 100;
}
