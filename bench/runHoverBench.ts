import { runBenchmark, writeReport } from './benchmarkSession';
import { percentOfLimit } from './report';
import { codeServerDescription } from '../test/runners/codeServer';
import type { HoverBenchResult } from './hoverBench';

/**
 * `npm run bench:hover`: the address hover in a real VS Code's extension host against the
 * simulator (50 ms latency). Prints each figure against its target; writes docs/benchmarks/hover.md.
 */
async function main(): Promise<number> {
  const r = await runBenchmark<HoverBenchResult>('hoverBench.js');
  if (!r) {
    console.error('The benchmark reported no numbers.');
    return 1;
  }
  const rows = [
    ['cache hit, p50', `${r.hitP50Ms} ms`, '', ''],
    ['cache hit, p95', `${r.hitP95Ms} ms`, '< 1 ms', percentOfLimit(r.hitP95Ms, 1)],
    ['cold hover (balances and PLYR ID in parallel; a new address, after 45 others)', `${r.coldMs} ms`, `≤ 1.2 × ${r.latencyMs} ms`, `ratio ${(r.coldMs / r.latencyMs).toFixed(2)}, ${percentOfLimit(r.coldMs / r.latencyMs, 1.2)}`],
    ['the first cold hovers after the host started (before V8 optimises)', `${r.firstColdMs} ms`, '', `ratio ${(r.firstColdMs / r.latencyMs).toFixed(2)}`],
    ['hover after the balances expired (owner remembered)', `${r.expiredMs} ms`, `≤ 1.2 × ${r.latencyMs} ms`, `ratio ${(r.expiredMs / r.latencyMs).toFixed(2)}, ${percentOfLimit(r.expiredMs / r.latencyMs, 1.2)}`],
    ['floor: one bare request from the same host, warm connection', `${r.floorMs} ms`, '', `ratio ${(r.floorMs / r.latencyMs).toFixed(2)}; the hover adds ${(r.coldMs - r.floorMs).toFixed(1)} ms`],
    ['balance requests per 1,000 hovers over 10 addresses', String(r.balanceRequestsPer1000), '10', percentOfLimit(r.balanceRequestsPer1000, 10)],
    ['PLYR ID look-ups per 1,000 hovers over 10 addresses', String(r.accountRequestsPer1000), '', ''],
  ];
  const table = ['| measure | value | target | against the target |', '|---|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  console.log(table);
  writeReport('hover', 'Hover benchmark', `the extension's hover provider in a real VS Code extension host (${codeServerDescription()}), against the PLYR API simulator in its own process with ${r.latencyMs} ms latency per request.`, table);
  return 0;
}

main().then((code) => process.exit(code));
