import { runBenchmark, writeReport } from './benchmarkSession';
import { percentOfLimit } from './report';
import { codeServerDescription } from '../test/runners/codeServer';
import type { SmallRefreshResult } from './smallRefreshBench';

/**
 * `npm run bench:small`: refresh-all of 10 identifiers, 5 times in one real VS Code against the
 * simulator at 50 ms latency; the median's ratio to the floor ceil(N / concurrency) × 50 ms
 * (target ≤ 1.25), each run split into before the first request, the requests, and after the last
 * answer. Writes docs/benchmarks/small.md.
 */
const SMALL_TARGET_RATIO = 1.25;

async function main(): Promise<number> {
  const r = await runBenchmark<SmallRefreshResult>('smallRefreshBench.js');
  if (!r) {
    console.error('The benchmark reported no numbers.');
    return 1;
  }
  const ratio = (ms: number) => (ms / r.floorMs).toFixed(2);
  const table = [
    `| run | wall time | ratio to the ${r.floorMs} ms floor (target ≤ ${SMALL_TARGET_RATIO}) | before the first request arrived | first request to last answer | after the last answer | the simulator's own lateness per request (median) |`,
    '|---|---|---|---|---|---|---|',
    ...r.runs.map((run, i) => `| ${i + 1} | ${run.wallMs} ms | ${ratio(run.wallMs)} | ${run.beforeFirstMs} ms | ${run.requestsMs} ms | ${run.afterLastMs} ms | ${run.simulatorLateMs} ms |`),
    `| **median** | **${r.medianMs} ms** | **${ratio(r.medianMs)}** | ${r.medianBeforeFirstMs} ms | ${r.medianRequestsMs} ms | ${r.medianAfterLastMs} ms | |`,
  ].join('\n');
  console.log(table);
  console.log(`\nN = ${r.n}: median ${r.medianMs} ms, ratio ${ratio(r.medianMs)} against the target ${SMALL_TARGET_RATIO} (${percentOfLimit(r.medianMs / r.floorMs, SMALL_TARGET_RATIO)})`);
  writeReport(
    'small',
    'Refresh-all of 10: the fixed cost of a refresh',
    `a real VS Code (${codeServerDescription()}) with the Balances view open and ${r.n} tracked identifiers, refreshed ${r.runs.length} times (\`plyr.refresh\`, concurrency ${r.concurrency}) against the PLYR API simulator (in its own process) with ${r.latencyMs} ms latency per request. The floor is ceil(N / concurrency) × ${r.latencyMs} ms = ${r.floorMs} ms. Each run is split by the simulator's log (one machine, one clock): from the command to the first request's arrival, from there to the last answer sent, and from that answer to the command's end.`,
    table,
  );
  return 0;
}

main().then((code) => process.exit(code));
