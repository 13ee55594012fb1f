import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runBenchmark } from './benchmarkSession';
import type { SoakResult } from './soak';
import { codeServerDescription, ROOT } from '../test/runners/codeServer';

/**
 * `npm run soak`: 10 minutes (PLYR_SOAK_MINUTES) of auto-refresh every second over 200
 * identifiers while the simulator injects random faults. Passes when the extension host's heap
 * grew at most HEAP_BOUND_MB between the first and the last sample after warm-up, no promise went
 * unhandled, and every identifier ends equal to the simulator's truth. Writes test-results/soak.log.
 */
const HEAP_BOUND_MB = 30;

async function main(): Promise<number> {
  const minutes = Number(process.env.PLYR_SOAK_MINUTES ?? 10);
  const r = await runBenchmark<SoakResult>('soak.js', { PLYR_SOAK_MINUTES: String(minutes) });
  if (!r) {
    console.error('The soak reported nothing.');
    return 1;
  }
  const warm = r.heapMb[Math.min(2, r.heapMb.length - 1)]; // after the first minute
  const growth = Math.round((r.heapMb[r.heapMb.length - 1] - warm) * 10) / 10;
  const lines = [
    `soak: ${r.minutes} min, auto-refresh every 1 s over 200 identifiers, ${r.faultsInjected} random faults, ${r.refreshes} change events`,
    `heap used (MB, every 30 s): ${r.heapMb.join(' ')}`,
    `heap growth after warm-up: ${growth} MB (bound ${HEAP_BOUND_MB} MB)`,
    `unhandled rejections: ${r.unhandledRejections.length}${r.unhandledRejections.length ? `\n  ${r.unhandledRejections.join('\n  ')}` : ''}`,
    `identifiers differing from the simulator at the end: ${r.mismatches.length}${r.mismatches.length ? `\n  ${r.mismatches.slice(0, 10).join('\n  ')}` : ''}`,
  ];
  const ok = growth <= HEAP_BOUND_MB && r.unhandledRejections.length === 0 && r.mismatches.length === 0;
  lines.push(ok ? 'soak: passed' : 'soak: FAILED');
  console.log(lines.join('\n'));
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-results/soak.log'), `${lines.join('\n')}\n`);
  fs.writeFileSync(path.join(ROOT, 'docs/soak.md'), soakReport(lines));
  return ok ? 0 : 1;
}

/** docs/soak.md: the run's log with where and when it ran. */
export function soakReport(lines: readonly string[]): string {
  const machine = `${os.cpus().length} cores, Node ${process.version}, ${codeServerDescription()}`;
  return ['# Soak', '', `Measured by \`npm run soak\` on ${new Date().toISOString().slice(0, 10)} (${machine}).`, '', '```', ...lines, '```', ''].join('\n');
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
