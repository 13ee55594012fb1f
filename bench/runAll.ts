import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ActivityBenchResult } from './activityBench';
import { activationMsIn, runBenchmark } from './benchmarkSession';
import type { HoverBenchResult } from './hoverBench';
import type { InlayHintsBenchResult } from './inlayHintsBench';
import type { IdleBenchResult } from './idleBench';
import type { RefreshBenchRow } from './refreshBench';
import { RATE_LIMITED_TARGET, runRateLimited } from './rateLimitedRuns';
import type { SmallRefreshResult } from './smallRefreshBench';
import type { MemoryBenchResult } from './memoryBench';
import { refreshChartSvg } from './refreshChart';
import { renderSvgToPng } from './renderPng';
import { importBench } from './importBench';
import { type Figure, renderTable, rowsOf } from './report';
import { diagnosticsBench, slicedPassBench } from './diagnosticsBench';
import { redactionMs, signingMicros } from './signingBench';
import { sizeFigures } from './sizes';
import { codeServerDescription, ROOT } from '../test/runners/codeServer';

/**
 * `npm run bench`: every benchmark, each figure against its limit and beside the value of the
 * report it replaces, in docs/benchmarks.md with a chart of refresh time against N
 * (docs/benchmarks/refresh-chart.png). Sessions of a real VS Code: refresh-all (10, 100, 1,000
 * identifiers, every account group collapsed; then the 1,000 in one group), refresh-all under a server limiting requests to 20,
 * 50 and 200 per second, the hover, the inlay hints scrolled through a 2,000-line file, the idle cost, and the time to the first activity row after
 * expanding a PLYR ID's Activity group, refresh-all of 10 five times, and the heap with 1,000
 * tracked. The package must be built first (the npm script does it).
 */
const LATENCY_MS = 50;
/** Budgets of our own where the issue sets none; each is said to be ours in the report. */
const LIMITS = { idleCpuMs: 50, activationMs: 100, refreshRatio: 1.25, hoverHitP95Ms: 1, hoverColdRatio: 1.2, heapMbPer1000: 50, signingShareOfLatency: 0.01, importMs: 1000, firstActivityRatio: 1.5, diagnosticsPassMs: 50, hintsCachedP95Ms: 1 };
/** Issue 18's targets: refresh-all of 10 (median of 5) to its floor; heap with 1,000 tracked × 5 tokens. */
const SMALL_REFRESH_RATIO = 1.25;
const MEMORY_LIMITS_MB = { retained: 10, transientPeak: 25, drift: 1 };
/** Refresh-all of 1,000 before the account groups existed (2026-11-28): a collapsed group must cost nothing. */
const RATIO_BEFORE_ACCOUNT_GROUPS = 1.1;


/** The middle value (the mean of the two middle ones for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<number> {
  const started = Date.now();
  const figures: Figure[] = [];
  const add = (what: string, value: string, limit = '', ratio?: number) => {
    figures.push({ what, value, limit, ratio });
    console.log(`${what}: ${value}${limit ? ` (limit ${limit}${ratio === undefined ? '' : `, ${(ratio * 100).toFixed(0)}% of it`})` : ''}`);
  };

  for (const f of sizeFigures()) {
    add(f.what, f.value, f.limit, f.ratio);
  }

  // Each benchmark session starts its own extension host: together they give the activation time.
  const activations: number[] = [];
  const noteActivation = (scratch: string) => {
    const ms = activationMsIn(scratch);
    if (ms !== undefined) {
      activations.push(ms);
    }
  };
  const refresh = await runBenchmark<RefreshBenchRow[]>('refreshBench.js', { PLYR_BENCH_SIZES: '10,100,1000', PLYR_BENCH_GROUP: '1' }, noteActivation);
  const limited = await runRateLimited(noteActivation);
  const hover = await runBenchmark<HoverBenchResult>('hoverBench.js', {}, noteActivation);
  const hints = await runBenchmark<InlayHintsBenchResult>('inlayHintsBench.js', {}, noteActivation);
  const idle = await runBenchmark<IdleBenchResult>('idleBench.js', {}, noteActivation);
  const activity = await runBenchmark<ActivityBenchResult>('activityBench.js', {}, noteActivation);
  const small = await runBenchmark<SmallRefreshResult>('smallRefreshBench.js', {}, noteActivation);
  const memory = await runBenchmark<MemoryBenchResult>('memoryBench.js', {}, noteActivation);
  if (!small || !memory) {
    console.error('The small refresh or the memory session reported no numbers.');
    return 1;
  }
  if (!refresh || !limited || !hover || !hints || !idle || !activity) {
    console.error('A benchmark session reported no numbers.');
    return 1;
  }
  if (activations.length > 0) {
    const activationMs = median(activations);
    add('activation in the extension host', `${activationMs.toFixed(1)} ms, median of ${activations.length} host starts (one per session below: ${activations.join(', ')} ms)`, `${LIMITS.activationMs} ms (ours)`, activationMs / LIMITS.activationMs);
  }
  const sizes = refresh.filter((r) => !r.group);
  for (const r of refresh) {
    const ratio = r.wallMs / r.floorMs;
    // The sidebar issue's target is for N = 1,000; smaller N show the fixed cost of a refresh.
    const limited = r.n >= 1000;
    const before = limited && !r.group ? ` (before the account groups: ${RATIO_BEFORE_ACCOUNT_GROUPS.toFixed(2)})` : '';
    const what = r.group ? `${r.n.toLocaleString('en')} in one group, shown open` : r.n.toLocaleString('en');
    add(`refresh-all, N = ${what} (${r.failed} failed)`, `${r.wallMs} ms, floor ${r.floorMs} ms, ratio ${ratio.toFixed(2)}${before}`, limited ? `ratio ${LIMITS.refreshRatio}` : '', limited ? ratio / LIMITS.refreshRatio : undefined);
  }
  const big = sizes[sizes.length - 1];
  add(`refresh-all, N = ${big.n.toLocaleString('en')}, every account group collapsed: requests to the account routes`, String(big.accountRequests), '0', big.accountRequests === 0 ? 0 : Infinity);
  add(`extension host memory with ${big.n.toLocaleString('en')} tracked`, `heap ${big.heapUsedMb} MB (+${big.heapGrowthMb} MB during the refresh), RSS ${big.rssMb} MB`, `+${LIMITS.heapMbPer1000} MB heap (ours)`, big.heapGrowthMb / LIMITS.heapMbPer1000);
  for (const rl of limited) {
    const rlRatio = rl.wallMs / rl.floorMs;
    // The worse of the two targets, the ratio and the refused requests, each against its own.
    const against = rl.failed > 0 ? Infinity : Math.max(rlRatio / RATE_LIMITED_TARGET.ratio, rl.refused / RATE_LIMITED_TARGET.refused);
    add(
      `refresh-all, N = ${rl.n.toLocaleString('en')} against ${rl.rateLimit} requests/s (429 + Retry-After past it), concurrency ${rl.concurrency}`,
      `${rl.wallMs} ms, floor ${rl.floorMs} ms (N / limit), ratio ${rlRatio.toFixed(2)}; ${rl.refused} refused and retried, ${rl.failed} failed`,
      `ratio ${RATE_LIMITED_TARGET.ratio}, ${RATE_LIMITED_TARGET.refused} refused, 0 failed`,
      against,
    );
  }
  const smallRatio = small.medianMs / small.floorMs;
  add(`refresh-all, N = ${small.n}, median of ${small.runs.length} in one session`, `${small.medianMs} ms, floor ${small.floorMs} ms, ratio ${smallRatio.toFixed(2)} (before the first request ${small.medianBeforeFirstMs} ms, after the last answer ${small.medianAfterLastMs} ms)`, `ratio ${SMALL_REFRESH_RATIO}`, smallRatio / SMALL_REFRESH_RATIO);
  const heap = `extension host heap, ${memory.n.toLocaleString('en')} tracked × ${memory.tokens} tokens`;
  add(`${heap}: retained growth after a refresh-all and a garbage collection`, `${memory.retainedMb} MB`, `${MEMORY_LIMITS_MB.retained} MB`, memory.retainedMb / MEMORY_LIMITS_MB.retained);
  add(`${heap}: transient peak during that refresh-all (the first since the extension host started)`, `${memory.transientPeakMb} MB`, `${MEMORY_LIMITS_MB.transientPeak} MB`, memory.transientPeakMb / MEMORY_LIMITS_MB.transientPeak);
  add(`${heap}: transient peak of the ${memory.laterPeaksMb.length} refresh-alls after it (median)`, `${memory.laterPeakMb} MB (each ${memory.laterPeaksMb.join(', ')} MB)`, `${MEMORY_LIMITS_MB.transientPeak} MB`, memory.laterPeakMb / MEMORY_LIMITS_MB.transientPeak);
  add(`${heap}: retained growth after ${memory.seriesMb.length} refresh-alls in a row less after the first`, `${memory.driftMb} MB`, `${MEMORY_LIMITS_MB.drift} MB`, memory.driftMb / MEMORY_LIMITS_MB.drift);
  add(`${heap}: kept by VS Code's extension host after each re-render of every row (as the age moving on makes one a minute while the view shows)`, `${memory.keptPerRerenderMb} MB (the mean of ${memory.rerenders})`);
  add('hover, cache hit p50', `${hover.hitP50Ms} ms`);
  add('hover, cache hit p95', `${hover.hitP95Ms} ms`, `${LIMITS.hoverHitP95Ms} ms`, hover.hitP95Ms / LIMITS.hoverHitP95Ms);
  add('hover, cold (balances and owner in parallel; a new address, after 45 others)', `${hover.coldMs} ms, ratio ${(hover.coldMs / LATENCY_MS).toFixed(2)} to the ${LATENCY_MS} ms latency`, `ratio ${LIMITS.hoverColdRatio}`, hover.coldMs / LATENCY_MS / LIMITS.hoverColdRatio);
  add('hover, cold: the first 15 after the host started (before V8 optimises)', `${hover.firstColdMs} ms, ratio ${(hover.firstColdMs / LATENCY_MS).toFixed(2)}`);
  add('hover, balances expired (owner remembered)', `${hover.expiredMs} ms, ratio ${(hover.expiredMs / LATENCY_MS).toFixed(2)}`, `ratio ${LIMITS.hoverColdRatio}`, hover.expiredMs / LATENCY_MS / LIMITS.hoverColdRatio);
  add('hover, floor: one bare request from the same host', `${hover.floorMs} ms, ratio ${(hover.floorMs / LATENCY_MS).toFixed(2)}`);
  add('hover, balance requests per 1,000 hovers over 10 addresses', String(hover.balanceRequestsPer1000), '10', hover.balanceRequestsPer1000 / 10);
  const scrolled = `inlay hints, a ${hints.lines.toLocaleString('en')}-line file with ${hints.addresses} addresses scrolled top to bottom`;
  add(`${scrolled}: balance requests`, `${hints.requests} for ${hints.distinctVisible} distinct addresses visible`, `${hints.distinctVisible} (one per visible address)`, hints.requests / hints.distinctVisible);
  add(`${scrolled}: most requests for one address`, String(hints.maxPerAddress), '1', hints.maxPerAddress);
  add('inlay hints, provider on cached data (a visible range) p95', `${hints.cachedP95Ms} ms (p50 ${hints.cachedP50Ms} ms, ${hints.addressesPerRange} addresses a range)`, `${LIMITS.hintsCachedP95Ms} ms (ours)`, hints.cachedP95Ms / LIMITS.hintsCachedP95Ms);
  const seconds = idle.windowMs / 1000;
  add(`idle cost over ${seconds} s, ${idle.identifiers} tracked, view hidden: requests`, String(idle.idle.requests), '0', idle.idle.requests === 0 ? 0 : Infinity);
  add(`idle cost over ${seconds} s: CPU in this extension's code (profiled)`, `${idle.idle.ownCpuMs} ms (the whole host: ${idle.idle.cpuMs} ms, VS Code's own extensions included; ${idle.idle.timers} timers pending in the host)`, `${LIMITS.idleCpuMs} ms`, idle.idle.ownCpuMs / LIMITS.idleCpuMs);
  const expectedVisible = idle.identifiers * Math.round(idle.windowMs / (idle.visible.intervalSeconds * 1000));
  add(`view visible, ${idle.visible.intervalSeconds} s interval, over ${seconds} s: requests`, `${idle.visible.requests} (CPU in this extension ${idle.visible.ownCpuMs} ms)`, `${expectedVisible} (identifiers × ${expectedVisible / idle.identifiers})`, idle.visible.requests / expectedVisible);
  const firstActivityRatio = activity.medianMs / LATENCY_MS;
  add(
    `time to the first activity row after expanding Activity (median of ${activity.runs.length}, each a PLYR ID never shown)`,
    `${activity.medianMs} ms, ratio ${firstActivityRatio.toFixed(2)} to the ${LATENCY_MS} ms latency (the log's answer sent after ${activity.medianAnsweredMs} ms; VS Code's own first expand of as many rows, answered at once: ${activity.medianFloorMs} ms)`,
    `ratio ${LIMITS.firstActivityRatio} (ours)`,
    firstActivityRatio / LIMITS.firstActivityRatio,
  );
  const signing = signingMicros();
  add('signing one request (HMAC-SHA256)', `${signing} µs`, `${LIMITS.signingShareOfLatency * 100}% of the ${LATENCY_MS} ms latency (ours)`, signing / 1000 / (LATENCY_MS * LIMITS.signingShareOfLatency));
  const redaction = redactionMs();
  add(`credentials taken out of a ${redaction.bytes / 1024 / 1024} MiB answer (the size limit) before it is read: a hostile one (a string that never closes)`, `${redaction.hostileMs} ms (an ordinary JSON answer: ${redaction.ordinaryMs} ms)`, `${LIMITS.diagnosticsPassMs} ms (ours: the longest hold)`, redaction.hostileMs / LIMITS.diagnosticsPassMs);
  for (const r of importBench([5_000, 100_000])) {
    // Linear: the time per row read stays flat, and rows past the 5,000 limit are only counted.
    add(`import of a ${r.rows.toLocaleString('en')}-row CSV (${r.fileKiB} KiB; ${r.imported.toLocaleString('en')} taken, ${r.overLimit.toLocaleString('en')} over the limit)`, `${r.parseMs} ms, ${(r.parseMs / r.readMs).toFixed(1)}× the ${r.readMs} ms of reading the file`, `${LIMITS.importMs} ms (ours)`, r.parseMs / LIMITS.importMs);
  }
  for (const r of diagnosticsBench()) {
    // After an edit: the file's checksums are remembered. The first pass, on open, hashes each distinct address.
    add(`checksum diagnostics, a full pass over a ${r.lines.toLocaleString('en')}-line file, ${r.file} (${r.addresses.toLocaleString('en')} addresses, ${r.distinct.toLocaleString('en')} distinct, ${r.problems.toLocaleString('en')} flagged)`, `${r.medianPassMs} ms (the first, on open: ${r.firstPassMs} ms)`, `${LIMITS.diagnosticsPassMs} ms (ours)`, r.medianPassMs / LIMITS.diagnosticsPassMs);
  }
  // A pass too long for one piece runs in slices: what a hover or another extension waits for at worst is one slice.
  const sliced = slicedPassBench();
  add(`checksum diagnostics on opening a ${sliced.lines.toLocaleString('en')}-line file of distinct addresses: the longest the extension host is held at a time`, `${sliced.longestSliceMs} ms, the median slice ${sliced.medianSliceMs} ms (${sliced.totalMs} ms in all, in ${sliced.slices} slices)`, `${LIMITS.diagnosticsPassMs} ms (ours)`, sliced.longestSliceMs / LIMITS.diagnosticsPassMs);
  add(
    `checksum diagnostics of that file, after the last slice, in one block: the ${sliced.problems.toLocaleString('en')} problems listed (${sliced.listed.toLocaleString('en')}, as many as VS Code shows) with their messages`,
    `${sliced.listingMs} ms (every problem's message, as before the limit: ${sliced.allMessagesMs} ms)`,
    `${LIMITS.diagnosticsPassMs} ms (ours)`,
    sliced.listingMs / LIMITS.diagnosticsPassMs,
  );

  const chartFile = path.join(ROOT, 'docs/benchmarks/refresh-chart.png');
  fs.mkdirSync(path.dirname(chartFile), { recursive: true });
  await renderSvgToPng(refreshChartSvg(sizes, `Refresh-all against N, ${LATENCY_MS} ms latency, concurrency ${big.concurrency}`), chartFile);

  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const reportFile = path.join(ROOT, 'docs/benchmarks.md');
  const table = renderTable(rowsOf(figures, fs.existsSync(reportFile) ? fs.readFileSync(reportFile, 'utf8') : ''));
  const doc = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, in a real VS Code (${codeServerDescription()}), against the PLYR API simulator in its own process with ${LATENCY_MS} ms latency per request. The whole run took ${minutes} minutes. Limits marked "ours" are budgets this project sets itself; the others come from the issues. "previous run" is the value in the report this one replaced.`,
    '',
    table,
    '',
    '![Refresh-all wall time and floor against N](benchmarks/refresh-chart.png)',
    '',
    'Details: [refresh](benchmarks/refresh.md) (`npm run bench:refresh`), [hover](benchmarks/hover.md) (`npm run bench:hover`), [inlay hints](benchmarks/hints.md) (`npm run bench:hints`), [first activity row](benchmarks/account.md) (`npm run bench:account`), [refresh-all of 10](benchmarks/small.md) (`npm run bench:small`), [memory](benchmarks/memory.md) (`npm run bench:memory`).',
    '',
  ].join('\n');
  fs.writeFileSync(reportFile, doc);
  console.log(`\n${table}\n\nWritten to docs/benchmarks.md and docs/benchmarks/refresh-chart.png (${minutes} min).`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
