import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { PlyrBalanceApi } from '../src/vscode/api';
import { median, round } from './stats';
import { simulatorAdmin } from './simulatorAdmin';
import { useSimulator } from './hostSetup';

/**
 * Runs inside the extension host: refresh-all of 10 tracked identifiers (concurrency 4, so 3 waves)
 * against the simulator with 50 ms latency, 5 times in one session, with the Balances view open.
 * What a small refresh costs beyond its waves of requests is the fixed cost of a refresh: each
 * run is split, by the simulator's log (one machine, one clock), into the time before the first
 * request arrived, the requests themselves, and the time after the last answer was sent.
 */
const LATENCY_MS = 50;
const N = 10;
const RUNS = Number(process.env.PLYR_BENCH_RUNS ?? 5);
/** Quiet time between runs: a person does not refresh twice within a frame. */
const SETTLE_MS = 300;

export interface SmallRefreshRun {
  readonly wallMs: number;
  /** From the command to the simulator's arrival of the first request. */
  readonly beforeFirstMs: number;
  /** From the first request's arrival to the last answer sent. */
  readonly requestsMs: number;
  /** From the last answer sent to the command resolved. */
  readonly afterLastMs: number;
  readonly requests: number;
  /** The simulator's own lateness: the median of (answer − arrival − latency) over the requests. */
  readonly simulatorLateMs: number;
}

export interface SmallRefreshResult {
  readonly n: number;
  readonly concurrency: number;
  readonly latencyMs: number;
  readonly floorMs: number;
  readonly runs: readonly SmallRefreshRun[];
  readonly medianMs: number;
  readonly medianBeforeFirstMs: number;
  readonly medianRequestsMs: number;
  readonly medianAfterLastMs: number;
}

export async function run(): Promise<void> {
  const sim = simulatorAdmin(process.env.PLYR_BENCH_SIM_URL ?? '');
  await useSimulator(sim.url, { autoRefreshSeconds: 0 });
  const api = (await vscode.extensions.getExtension<PlyrBalanceApi>('plyr-tools.plyr-balance')!.activate()) as PlyrBalanceApi;
  await vscode.commands.executeCommand('workbench.view.extension.plyr');
  const concurrency = vscode.workspace.getConfiguration('plyr').get<number>('refreshConcurrency', 4);
  await sim.configure({ latencyMs: 0 });
  await vscode.commands.executeCommand('plyr.addIdentifier', Array.from({ length: N }, (_, i) => `load-${i + 1}`));
  const settle = () => delay(SETTLE_MS);

  const runs: SmallRefreshRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    await sim.configure({ latencyMs: LATENCY_MS });
    await settle();
    await sim.clearRequests();
    const startedAt = performance.timeOrigin + performance.now();
    const started = performance.now();
    await vscode.commands.executeCommand('plyr.refresh');
    const wallMs = performance.now() - started;
    const endedAt = startedAt + wallMs;
    const requests = await sim.requests();
    const failed = api.getTracked().filter((t) => t.status !== 'ok').length;
    if (requests.length !== N || failed > 0) {
      throw new Error(`Run ${i + 1} asked ${requests.length} requests (${N} expected), ${failed} failed`);
    }
    const first = Math.min(...requests.map((r) => r.startedAt));
    const last = Math.max(...requests.map((r) => r.endedAt));
    runs.push({ wallMs: round(wallMs), beforeFirstMs: round(first - startedAt), requestsMs: last - first, afterLastMs: round(endedAt - last), requests: requests.length, simulatorLateMs: median(requests.map((r) => r.endedAt - r.startedAt - LATENCY_MS)) });
  }
  const result: SmallRefreshResult = {
    n: N,
    concurrency,
    latencyMs: LATENCY_MS,
    floorMs: Math.ceil(N / concurrency) * LATENCY_MS,
    runs,
    medianMs: median(runs.map((r) => r.wallMs)),
    medianBeforeFirstMs: median(runs.map((r) => r.beforeFirstMs)),
    medianRequestsMs: median(runs.map((r) => r.requestsMs)),
    medianAfterLastMs: median(runs.map((r) => r.afterLastMs)),
  };
  if (process.env.PLYR_TEST_RESULTS) {
    fs.writeFileSync(process.env.PLYR_TEST_RESULTS, JSON.stringify({ passed: 1, failed: 0, pending: 0, failures: [], bench: result }));
  }
}
