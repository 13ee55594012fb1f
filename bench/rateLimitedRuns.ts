import { runBenchmark } from './benchmarkSession';
import type { RefreshBenchRow } from './refreshBench';

/**
 * Refresh-all against a simulator that allows `limit` requests per second (fixed one-second
 * windows, 429 with Retry-After past it), N = 10 × the limit so that each run takes about 10 s.
 * The pool must outrun the limit, or the row measures the pool: 4 at a time with 50 ms latency
 * is 80 requests/s, so the 200/s run takes 16 (320/s).
 */
export const RATE_LIMITED_RUNS = [
  { limit: 20, n: 200, concurrency: 4 },
  { limit: 50, n: 500, concurrency: 4 },
  { limit: 200, n: 2000, concurrency: 16 },
] as const;

/** The targets: the ratio to the floor N / limit, and requests refused in the whole run. */
export const RATE_LIMITED_TARGET = { ratio: 1.15, refused: 5 } as const;

/** Each run in a VS Code of its own: the client's pacer starts with nothing learned. */
export async function runRateLimited(afterSession?: (scratch: string) => void): Promise<RefreshBenchRow[] | undefined> {
  const rows: RefreshBenchRow[] = [];
  for (const run of RATE_LIMITED_RUNS) {
    const result = await runBenchmark<RefreshBenchRow[]>('refreshBench.js', { PLYR_BENCH_SIZES: String(run.n), PLYR_BENCH_RATE_LIMIT: String(run.limit), PLYR_BENCH_CONCURRENCY: String(run.concurrency) }, afterSession);
    if (!result || result.length === 0) {
      return undefined;
    }
    rows.push(...result);
  }
  return rows;
}

/** The rate-limited rows as a Markdown table, each figure beside its target. */
export function rateLimitedTable(rows: readonly RefreshBenchRow[]): string {
  const { ratio, refused } = RATE_LIMITED_TARGET;
  const header = `| limit | N | concurrency | wall time | floor (N / limit) | ratio (target ≤ ${ratio}) | refused (target ≤ ${refused}) | failed | Test Connection's rate-limit check after the run |`;
  const lines = rows.map((r) => `| ${r.rateLimit}/s | ${r.n} | ${r.concurrency} | ${r.wallMs} ms | ${r.floorMs} ms | ${(r.wallMs / r.floorMs).toFixed(2)} | ${r.refused} | ${r.failed} | ${r.rateLimitCheck ?? ''} |`);
  return [header, '|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
}
