import { runBenchmark, writeReport } from './benchmarkSession';
import { percentOfLimit } from './report';
import { codeServerDescription } from '../test/runners/codeServer';
import type { InlayHintsBenchResult } from './inlayHintsBench';

/** The provider's p95 on cached data: our budget, the hover's cache hit budget (1 ms) for a whole screen of addresses. */
const HINTS_CACHED_P95_MS = 1;

/**
 * `npm run bench:hints`: inlay hints in a real VS Code's extension host against the simulator
 * (50 ms latency): a 2,000-line file with 200 distinct addresses scrolled from top to bottom.
 * Prints each figure against its target; writes docs/benchmarks/hints.md.
 */
async function main(): Promise<number> {
  const r = await runBenchmark<InlayHintsBenchResult>('inlayHintsBench.js');
  if (!r) {
    console.error('The benchmark reported no numbers.');
    return 1;
  }
  const rows = [
    ['balance requests while scrolling', String(r.requests), `≤ ${r.distinctVisible} (distinct addresses that were visible)`, `ratio ${(r.requests / r.distinctVisible).toFixed(2)}, ${percentOfLimit(r.requests, r.distinctVisible)}`],
    ['most balance requests for one address', String(r.maxPerAddress), '1', percentOfLimit(r.maxPerAddress, 1)],
    ['addresses asked for that never came into view', String(r.askedNotVisible), '', ''],
    ['pages scrolled (each checked: one hint per address on it)', String(r.pages), '', ''],
    [`provider on cached data, p50 (a visible range, ${r.addressesPerRange} addresses on average)`, `${r.cachedP50Ms} ms`, '', ''],
    ['provider on cached data, p95', `${r.cachedP95Ms} ms`, `< ${HINTS_CACHED_P95_MS} ms (ours)`, percentOfLimit(r.cachedP95Ms, HINTS_CACHED_P95_MS)],
  ];
  const table = ['| measure | value | target | against the target |', '|---|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  console.log(table);
  writeReport(
    'hints',
    'Inlay hints benchmark',
    `a ${r.lines.toLocaleString('en')}-line file with ${r.addresses} distinct addresses (one every 10 lines), opened in an editor of a real VS Code (${codeServerDescription()}) with \`plyr.inlayHints.show\` set to \`amount\` and scrolled from top to bottom a page at a time, the extension's own provider answering the editor, against the PLYR API simulator in its own process with ${r.latencyMs} ms latency per request.`,
    table,
  );
  return 0;
}

main().then((code) => process.exit(code));
