import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSimulator } from '../simulator/server';
import { freePort, ROOT } from '../test/runners/codeServer';
import { runSession } from '../test/runners/extensionHostSession';
import type { RefreshBenchRow } from './refreshBench';

/**
 * `npm run bench:refresh`: refresh-all of 10, 100 and 1,000 identifiers in a real VS Code against
 * the simulator at 50 ms latency. Prints a table with each time's ratio to the floor
 * ceil(N / concurrency) × 50 ms (target ≤ 1.25 at N = 1,000) and writes docs/benchmarks/refresh.md.
 */
const TARGET_RATIO = 1.25;

async function main(): Promise<number> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-bench-'));
  const sim = await startSimulator();
  try {
    const env = { PLYR_BENCH_SIM_URL: sim.url, PLYR_BENCH_SIZES: process.env.PLYR_BENCH_SIZES ?? '10,100,1000', PLYR_BENCH_VIEW: process.env.PLYR_BENCH_VIEW ?? '1' };
    const summary = (await runSession({ scratch, port: await freePort(), env, entry: path.join(ROOT, 'out/bench/refreshBench.js') })) as { failed: number; bench?: RefreshBenchRow[] };
    if (!summary.bench) {
      console.error('The benchmark reported no numbers.');
      return 1;
    }
    const header = '| N | concurrency | wall time | floor | ratio (target ≤ 1.25) | requests | failed | max event-loop delay | heap growth |';
    const lines = summary.bench.map((r) => `| ${r.n} | ${r.concurrency} | ${r.wallMs} ms | ${r.floorMs} ms | ${(r.wallMs / r.floorMs).toFixed(2)} | ${r.requests} | ${r.failed} | ${r.maxEventLoopDelayMs} ms | ${r.heapGrowthMb} MB |`);
    const table = [header, '|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
    console.log(table);
    const last = summary.bench.at(-1)!;
    const ratio = last.wallMs / last.floorMs;
    console.log(`\nN = ${last.n}: ratio ${ratio.toFixed(2)} against the target ${TARGET_RATIO} (${((ratio / TARGET_RATIO) * 100).toFixed(0)}% of the limit)`);
    const doc = [
      '# Refresh-all benchmark',
      '',
      `Measured by \`npm run bench:refresh\` on ${new Date().toISOString().slice(0, 10)}: a real VS Code (code-server 1.100.3) with the Balances view open, refreshing N tracked identifiers against the PLYR API simulator (in its own process) with 50 ms latency per request (${os.cpus().length} cores, Node ${process.version}). The floor is ceil(N / concurrency) × 50 ms.`,
      '',
      table,
      '',
    ].join('\n');
    fs.mkdirSync(path.join(ROOT, 'docs/benchmarks'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'docs/benchmarks/refresh.md'), doc);
    console.log('Written to docs/benchmarks/refresh.md');
    return summary.failed === 0 ? 0 : 1;
  } finally {
    await sim.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
