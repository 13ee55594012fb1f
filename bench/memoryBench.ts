import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { PlyrBalanceApi } from '../src/vscode/api';
import { simulatorAdmin } from './simulatorAdmin';
import { useSimulator } from './hostSetup';
import { median } from './stats';

/**
 * Runs inside the extension host: what the extension's heap holds for 1,000 tracked identifiers
 * (5 tokens each, as the simulator answers) and what a refresh-all of them costs on top.
 *
 * - baseline: the heap after a full garbage collection, the Balances view open, one identifier
 *   tracked and refreshed (so that the code a refresh runs is loaded and compiled);
 * - the 1,000 are added (and loaded, as adding does, at no latency);
 * - refresh-all at 50 ms latency, heapUsed sampled every 10 ms: the transient peak is the highest
 *   sample over the heap at the refresh's start (itself just collected);
 * - a full collection after it: the retained growth is that heap over the baseline;
 * - 3 more refresh-alls at 50 ms latency, sampled the same way: the peaks of a refresh-all after
 *   the first (in which V8 collected the old generation late; docs/benchmarks/memory.md);
 * - then 10 refresh-alls in a row, alike (no latency: the same work, sooner), each followed by a
 *   collection: the drift is the retained growth after the 10th less that after the 1st of them.
 *
 * With PLYR_BENCH_HEAP_SNAPSHOT set to a folder, heap snapshots are written there at the baseline,
 * after the measured refresh, and after the first and the last of the 10 (the runner compares
 * them); the figures of such a run include what taking them leaves behind.
 *
 * To tell apart what the first refresh-all's peak is made of: PLYR_BENCH_MEMORY_PROXY_SUPPORT sets
 * VS Code's http.proxySupport (`off` measures without its proxy agent), and
 * PLYR_BENCH_MEMORY_ALLOCATIONS names a file for V8's sampling heap profile of that refresh-all,
 * counting only the objects that outlived a young-generation collection (what the peak holds), or
 * every allocation with PLYR_BENCH_MEMORY_ALL=1.
 * PLYR_BENCH_MEMORY_GROUP names a group the 1,000 are moved into before it: every answer then
 * changes that group's total in dollars too.
 */
const N = Number(process.env.PLYR_BENCH_MEMORY_N ?? 1000);
const REFRESHES = Number(process.env.PLYR_BENCH_MEMORY_REFRESHES ?? 10);
const LATENCY_MS = 50;
const SAMPLE_MS = 10;
/** Refresh-alls after the first whose peaks are measured too. */
const LATER_PEAKS = Number(process.env.PLYR_BENCH_MEMORY_LATER_PEAKS ?? 3);
const RERENDERS = 20;
/** Long enough for a render (a 50 ms frame) and VS Code's fetch of the rows (it merges changes over 200 ms). */
const RENDER_SETTLE_MS = 400;

export interface MemoryBenchResult {
  readonly n: number;
  /** Tokens in each identifier's answer. */
  readonly tokens: number;
  readonly latencyMs: number;
  /** The heap after a collection, one identifier tracked. */
  readonly baselineMb: number;
  /**
   * The first refresh-all's highest heapUsed sample over the heap at its start: the first after
   * the extension host started, during which V8 collects the old generation late.
   */
  readonly transientPeakMb: number;
  /** The same for the refresh-alls after it, alike, and their median. */
  readonly laterPeaksMb: readonly number[];
  readonly laterPeakMb: number;
  readonly firstRefreshMs: number;
  /** After the measured refresh-all and a collection: the heap over the baseline. */
  readonly retainedMb: number;
  /** The same after each of the refresh-alls in a row. */
  readonly seriesMb: readonly number[];
  /** seriesMb's last less its first. */
  readonly driftMb: number;
  /**
   * What stays after each re-render of every row (Hide Amounts or Show Amounts, each changing
   * what every row shows, as the age moving on each minute does), over RERENDERS of them.
   */
  readonly keptPerRerenderMb: number;
  readonly rerenders: number;
  /** The heap snapshots written, when asked for. */
  readonly snapshots?: { readonly baseline: string; readonly refreshed: string; readonly seriesFirst: string; readonly seriesLast: string };
}

export async function run(): Promise<void> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (options?: { type: 'major'; execution: 'sync' }) => void;
  // Twice: what the first pass frees can let go of more (weak maps, finalizers).
  const collect = async () => {
    await delay(100); // timers and answers of what just ended
    gc();
    gc();
    return v8.getHeapStatistics().used_heap_size;
  };
  const snapshotDir = process.env.PLYR_BENCH_HEAP_SNAPSHOT;

  if (process.env.PLYR_BENCH_MEMORY_PROXY_SUPPORT) {
    await vscode.workspace.getConfiguration('http').update('proxySupport', process.env.PLYR_BENCH_MEMORY_PROXY_SUPPORT, vscode.ConfigurationTarget.Global);
  }
  const sim = simulatorAdmin(process.env.PLYR_BENCH_SIM_URL ?? '');
  await useSimulator(sim.url, { autoRefreshSeconds: 0 });
  const api = (await vscode.extensions.getExtension<PlyrBalanceApi>('plyr-tools.plyr-balance')!.activate()) as PlyrBalanceApi;
  await vscode.commands.executeCommand('workbench.view.extension.plyr');
  // One identifier tracked and refreshed first: the code a refresh runs is loaded and compiled
  // before the baseline, which then differs from the end by the 1,000 identifiers alone.
  await sim.configure({ latencyMs: 0 });
  await vscode.commands.executeCommand('plyr.addIdentifier', 'load-0');
  await vscode.commands.executeCommand('plyr.refresh');

  const baseline = await collect();
  // The snapshot itself leaves garbage (and V8's heap profiler state): collected before going on.
  const snapshot = async (name: string) => {
    const file = v8.writeHeapSnapshot(path.join(snapshotDir!, `${name}.heapsnapshot`));
    await collect();
    return file;
  };
  const snapshots = snapshotDir ? { baseline: await snapshot('baseline'), refreshed: '', seriesFirst: '', seriesLast: '' } : undefined;

  await vscode.commands.executeCommand('plyr.addIdentifier', Array.from({ length: N }, (_, i) => `load-${i + 1}`));
  const group = process.env.PLYR_BENCH_MEMORY_GROUP;
  if (group) {
    await vscode.commands.executeCommand('plyr.createGroup', group);
    await vscode.commands.executeCommand('plyr.moveToGroup', Array.from({ length: N }, (_, i) => `load-${i + 1}`), group);
  }
  const tokens = Object.keys(api.getTracked()[1]?.balances ?? {}).length;

  /** A refresh-all at 50 ms latency, the heap sampled: its peak over the heap at its start (just collected). */
  const sampledRefresh = async () => {
    await sim.configure({ latencyMs: LATENCY_MS });
    const start = await collect();
    let peak = start;
    const sampler = setInterval(() => (peak = Math.max(peak, v8.getHeapStatistics().used_heap_size)), SAMPLE_MS);
    const started = performance.now();
    await vscode.commands.executeCommand('plyr.refresh');
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, v8.getHeapStatistics().used_heap_size);
    await sim.configure({ latencyMs: 0 });
    const failed = api.getTracked().filter((t) => t.status !== 'ok').length;
    if (failed > 0) {
      throw new Error(`${failed} of ${N} identifiers failed to refresh`);
    }
    return { peak: peak - start, ms };
  };
  const allocations = process.env.PLYR_BENCH_MEMORY_ALLOCATIONS ? await profileAllocations() : undefined;
  const first = await sampledRefresh();
  if (allocations) {
    fs.writeFileSync(process.env.PLYR_BENCH_MEMORY_ALLOCATIONS!, JSON.stringify(await allocations.stop()));
  }
  const retained = await collect();
  if (snapshots) {
    snapshots.refreshed = await snapshot('refreshed');
  }
  const later: number[] = [];
  for (let i = 0; i < LATER_PEAKS; i++) {
    later.push((await sampledRefresh()).peak);
  }
  const series: number[] = [];
  for (let i = 0; i < REFRESHES; i++) {
    await vscode.commands.executeCommand('plyr.refresh');
    series.push(await collect());
    if (snapshots && i === 0) {
      snapshots.seriesFirst = await snapshot('series-first');
    }
  }
  if (snapshots) {
    snapshots.seriesLast = await snapshot('series-last');
  }
  const beforeRerenders = await collect();
  for (let i = 0; i < RERENDERS; i++) {
    await vscode.commands.executeCommand(i % 2 === 0 ? 'plyr.hideAmounts' : 'plyr.showAmounts');
    await delay(RENDER_SETTLE_MS);
  }
  const keptByRerenders = (await collect()) - beforeRerenders;
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;
  const result: MemoryBenchResult = {
    n: N,
    tokens,
    latencyMs: LATENCY_MS,
    baselineMb: mb(baseline),
    transientPeakMb: mb(first.peak),
    laterPeaksMb: later.map(mb),
    laterPeakMb: mb(median(later)),
    firstRefreshMs: Math.round(first.ms),
    retainedMb: mb(retained - baseline),
    seriesMb: series.map((bytes) => mb(bytes - baseline)),
    driftMb: mb(series[series.length - 1] - series[0]),
    keptPerRerenderMb: mb(keptByRerenders / RERENDERS),
    rerenders: RERENDERS,
    ...(snapshots ? { snapshots } : {}),
  };
  if (process.env.PLYR_TEST_RESULTS) {
    fs.writeFileSync(process.env.PLYR_TEST_RESULTS, JSON.stringify({ passed: 1, failed: 0, pending: 0, failures: [], bench: result }));
  }
}

/** V8's sampling heap profiler in this process, keeping only samples that outlive a minor GC. */
async function profileAllocations(): Promise<{ stop(): Promise<unknown> }> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params: object = {}) => new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 2048, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: process.env.PLYR_BENCH_MEMORY_ALL === '1' });
  return {
    stop: async () => {
      const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
      session.disconnect();
      return profile;
    },
  };
}
