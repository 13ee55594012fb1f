import { runBenchmark, writeReport } from './benchmarkSession';
import { percentOfLimit } from './report';
import { codeServerDescription } from '../test/runners/codeServer';
import type { RefreshBenchRow } from './refreshBench';
import { RATE_LIMITED_TARGET, rateLimitedTable, runRateLimited } from './rateLimitedRuns';

/**
 * `npm run bench:refresh`: refresh-all of 10, 100 and 1,000 identifiers in a real VS Code against
 * the simulator at 50 ms latency, then of the 1,000 moved into one group. Prints a table with each time's ratio to the floor
 * ceil(N / concurrency) × 50 ms (target ≤ 1.25 at N = 1,000), then the same against a server
 * limiting requests to 20, 50 and 200 per second, and writes docs/benchmarks/refresh.md.
 */
const TARGET_RATIO = 1.25;

async function main(): Promise<number> {
  const rows = await runBenchmark<RefreshBenchRow[]>('refreshBench.js', { PLYR_BENCH_SIZES: process.env.PLYR_BENCH_SIZES ?? '10,100,1000', PLYR_BENCH_VIEW: process.env.PLYR_BENCH_VIEW ?? '1', PLYR_BENCH_GROUP: '1' });
  if (!rows || rows.length === 0) {
    console.error('The benchmark reported no numbers.');
    return 1;
  }
  const header = `| N | concurrency | wall time | floor | ratio (target ≤ ${TARGET_RATIO} at N = 1,000; for N = 10, bench:small's median of 5) | balance requests | account requests | other requests | failed | max event-loop delay | heap growth |`;
  const lines = rows.map((r) => `| ${r.n}${r.group ? ' in one group' : ''} | ${r.concurrency} | ${r.wallMs} ms | ${r.floorMs} ms | ${(r.wallMs / r.floorMs).toFixed(2)} | ${r.balanceRequests} | ${r.accountRequests} | ${r.requests - r.balanceRequests - r.accountRequests} | ${r.failed} | ${r.maxEventLoopDelayMs} ms | ${r.heapGrowthMb} MB |`);
  const table = [header, '|---|---|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
  console.log(table);
  const last = rows.filter((r) => !r.group).pop()!;
  const ratio = last.wallMs / last.floorMs;
  console.log(`\nN = ${last.n}: ratio ${ratio.toFixed(2)} against the target ${TARGET_RATIO} (${percentOfLimit(ratio, TARGET_RATIO)})`);
  const limited = await runRateLimited();
  if (!limited) {
    console.error('A rate-limited run reported no numbers.');
    return 1;
  }
  const limitedTable = rateLimitedTable(limited);
  console.log(`\n${limitedTable}`);
  for (const r of limited) {
    const ratio = r.wallMs / r.floorMs;
    console.log(`${r.rateLimit}/s: ratio ${ratio.toFixed(2)} (${((ratio / RATE_LIMITED_TARGET.ratio) * 100).toFixed(0)}% of the target), ${r.refused} refused (target ${RATE_LIMITED_TARGET.refused})`);
  }
  const underLimit = [
    '## Against a rate-limited server',
    '',
    `The same refresh-all against a simulator that allows a number of requests per wall-clock second (past it: 429 with Retry-After), N = 10 × the limit, each run in a VS Code of its own (nothing learned yet), started at the beginning of a wall-clock second (the server's first window is whole: its first 429 comes late, and the gate then takes the most of the next window). The client goes unpaced until the first 429, waits out its Retry-After, then paces its requests at 95% of what the server accepted in that second. The floor is N / limit; the pool must outrun the limit (4 at a time is 80 requests/s at 50 ms latency), so the 200/s run takes 16.`,
    '',
    limitedTable,
  ].join('\n');
  writeReport(
    'refresh',
    'Refresh-all benchmark',
    `a real VS Code (${codeServerDescription()}) with the Balances view open, refreshing N tracked identifiers (every account group collapsed: the account requests column counts requests to the chips, allowances, activity and wallet routes; the other requests are the token list's, asked once for the values) against the PLYR API simulator (in its own process) with 50 ms latency per request, then once more with the 1,000 moved into one group, shown open, whose total in dollars each answer changes. The floor is ceil(N / concurrency) × 50 ms.`,
    `${table}\n\n${underLimit}`,
  );
  return 0;
}

main().then((code) => process.exit(code));
