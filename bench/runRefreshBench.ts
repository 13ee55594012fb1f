import { runBenchmark, writeReport } from './benchmarkSession';
import { codeServerDescription } from '../test/runners/codeServer';
import type { RefreshBenchRow } from './refreshBench';

/**
 * `npm run bench:refresh`: refresh-all of 10, 100 and 1,000 identifiers in a real VS Code against
 * the simulator at 50 ms latency. Prints a table with each time's ratio to the floor
 * ceil(N / concurrency) × 50 ms (target ≤ 1.25 at N = 1,000) and writes docs/benchmarks/refresh.md.
 */
const TARGET_RATIO = 1.25;

async function main(): Promise<number> {
  const rows = await runBenchmark<RefreshBenchRow[]>('refreshBench.js', { PLYR_BENCH_SIZES: process.env.PLYR_BENCH_SIZES ?? '10,100,1000', PLYR_BENCH_VIEW: process.env.PLYR_BENCH_VIEW ?? '1' });
  if (!rows || rows.length === 0) {
    console.error('The benchmark reported no numbers.');
    return 1;
  }
  const header = `| N | concurrency | wall time | floor | ratio (target ≤ ${TARGET_RATIO}) | requests | account requests | failed | max event-loop delay | heap growth |`;
  const lines = rows.map((r) => `| ${r.n} | ${r.concurrency} | ${r.wallMs} ms | ${r.floorMs} ms | ${(r.wallMs / r.floorMs).toFixed(2)} | ${r.requests} | ${r.accountRequests} | ${r.failed} | ${r.maxEventLoopDelayMs} ms | ${r.heapGrowthMb} MB |`);
  const table = [header, '|---|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
  console.log(table);
  const last = rows[rows.length - 1];
  const ratio = last.wallMs / last.floorMs;
  console.log(`\nN = ${last.n}: ratio ${ratio.toFixed(2)} against the target ${TARGET_RATIO} (${((ratio / TARGET_RATIO) * 100).toFixed(0)}% of the limit)`);
  writeReport('refresh', 'Refresh-all benchmark', `a real VS Code (${codeServerDescription()}) with the Balances view open, refreshing N tracked identifiers (every account group collapsed: the account requests column counts requests to the chips, allowances, activity and wallet routes) against the PLYR API simulator (in its own process) with 50 ms latency per request. The floor is ceil(N / concurrency) × 50 ms.`, table);
  return 0;
}

main().then((code) => process.exit(code));
