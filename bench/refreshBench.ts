import * as fs from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { PlyrBalanceApi } from '../src/vscode/api';
import { simulatorAdmin } from './simulatorAdmin';
import { useSimulator } from './hostSetup';

/**
 * Runs inside the extension host (like a test entry): refresh-all of N tracked identifiers against
 * the simulator with 50 ms latency, for N = 10, 100, 1,000, with the Balances view open and every
 * account group (Chips, Allowances, Activity, Wallets) collapsed, as a new profile has them; with
 * PLYR_BENCH_GROUP, once more with all of them in that group, whose total each answer changes. The
 * simulator runs in the runner's process (PLYR_BENCH_SIM_URL), as a real server would run apart.
 * Measures wall time, requests, event-loop delay and heap growth; writes them to PLYR_TEST_RESULTS.
 */
const LATENCY_MS = 50;
const SIZES = (process.env.PLYR_BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
/** Requests per second the simulator allows (429 with Retry-After past it); 0: no limit. */
const RATE_LIMIT = Number(process.env.PLYR_BENCH_RATE_LIMIT ?? 0);
/** plyr.refreshConcurrency for the run; the setting's default when not given. */
const CONCURRENCY = process.env.PLYR_BENCH_CONCURRENCY ? Number(process.env.PLYR_BENCH_CONCURRENCY) : undefined;
/** PLYR_BENCH_GROUP=1: after the sizes, every identifier moved into one group, for one more refresh-all of them all. */
const GROUP = process.env.PLYR_BENCH_GROUP === '1' ? 'All' : undefined;

export interface RefreshBenchRow {
  n: number;
  concurrency: number;
  wallMs: number;
  floorMs: number;
  /** Every request answered (not refused): the balance requests, the account routes' and others (the token list, asked once for the values). */
  requests: number;
  /** Balance requests answered: one per identifier. */
  balanceRequests: number;
  failed: number;
  maxEventLoopDelayMs: number;
  heapGrowthMb: number;
  /** The extension host's heap and resident memory after the refresh, with N tracked. */
  heapUsedMb: number;
  rssMb: number;
  rateLimit: number;
  /** Requests the simulator refused with 429 (retried by the client). */
  refused: number;
  /** Requests to the account routes (chips, allowances, activity, wallets): none while every account group is collapsed. */
  accountRequests: number;
  /** Under a rate limit: what Test Connection's rate-limit check said after the refresh. */
  rateLimitCheck?: string;
  /** The group every identifier was in (PLYR_BENCH_GROUP=1); none for the sizes' rows. */
  group?: string;
}

export async function run(): Promise<void> {
  const sim = simulatorAdmin(process.env.PLYR_BENCH_SIM_URL ?? '');
  await useSimulator(sim.url, {
    autoRefreshSeconds: 0,
    // A/B: what values in dollars cost a refresh.
    ...(process.env.PLYR_BENCH_VALUES === '0' ? { showValues: false } : {}),
    ...(CONCURRENCY !== undefined ? { refreshConcurrency: CONCURRENCY } : {}),
  });
  const api = (await vscode.extensions.getExtension<PlyrBalanceApi>('plyr-tools.plyr-balance')!.activate()) as PlyrBalanceApi;
  if (process.env.PLYR_BENCH_VIEW !== '0') {
    await vscode.commands.executeCommand('workbench.view.extension.plyr');
  }
  const concurrency = vscode.workspace.getConfiguration('plyr').get<number>('refreshConcurrency', 4);
  const rows: RefreshBenchRow[] = [];
  for (const n of SIZES) {
    // Sizes grow: add the identifiers this size has beyond the last one (the profile is thrown away after).
    await sim.configure({ latencyMs: 0 });
    const have = api.getTracked().length;
    await vscode.commands.executeCommand('plyr.addIdentifier', Array.from({ length: n - have }, (_, i) => `load-${have + i + 1}`));
    rows.push(await timedRefresh(sim, api, n, concurrency));
  }
  if (GROUP) {
    // Every identifier moved into one group, shown open: each answer then changes its total in dollars.
    const ids = api.getTracked().map((t) => t.identifier);
    await vscode.commands.executeCommand('plyr.createGroup', GROUP);
    await vscode.commands.executeCommand('plyr.moveToGroup', ids, GROUP);
    // Resolves once VS Code has asked for the group's row and its members' rows: the refresh then
    // renders what a person would see, not a view still catching up with the move.
    await vscode.commands.executeCommand('plyr.revealIdentifier', ids[0]);
    rows.push({ ...(await timedRefresh(sim, api, ids.length, concurrency)), group: GROUP });
  }
  if (process.env.PLYR_TEST_RESULTS) {
    fs.writeFileSync(process.env.PLYR_TEST_RESULTS, JSON.stringify({ passed: 1, failed: 0, pending: 0, failures: [], bench: rows }));
  }
}

/** One refresh-all of what is tracked, at 50 ms latency (and the rate limit, if any), measured. */
async function timedRefresh(sim: ReturnType<typeof simulatorAdmin>, api: PlyrBalanceApi, n: number, concurrency: number): Promise<RefreshBenchRow> {
  if (RATE_LIMIT > 0) {
    // The run starts in a second of its own: the add's requests (unlimited) are in none of the
    // seconds the server counts against its limit, nor in the client's count of them.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000)));
  }
  await sim.clearRequests();
  await sim.configure({ latencyMs: LATENCY_MS, rateLimitPerSecond: RATE_LIMIT });
  const heapBefore = process.memoryUsage().heapUsed;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  await vscode.commands.executeCommand('plyr.refresh');
  const wallMs = performance.now() - started;
  delay.disable();
  await sim.configure({ latencyMs: 0, rateLimitPerSecond: 0 });
  const counts = await sim.requestCounts();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return {
    n,
    concurrency,
    wallMs: Math.round(wallMs),
    // Limited by the pool, or by the server's rate limit, whichever is slower.
    floorMs: Math.max(Math.ceil(n / concurrency) * LATENCY_MS, RATE_LIMIT > 0 ? Math.ceil((n / RATE_LIMIT) * 1000) : 0),
    requests: counts.answered,
    balanceRequests: counts.balance,
    refused: counts.refused,
    accountRequests: counts.account,
    rateLimit: RATE_LIMIT,
    failed: api.getTracked().filter((t) => t.status !== 'ok').length,
    maxEventLoopDelayMs: Math.round(delay.max / 1e6),
    heapGrowthMb: mb(process.memoryUsage().heapUsed - heapBefore),
    heapUsedMb: mb(process.memoryUsage().heapUsed),
    rssMb: mb(process.memoryUsage().rss),
    ...(RATE_LIMIT > 0 ? { rateLimitCheck: await rateLimitCheck() } : {}),
  };
}

/** What PLYR: Test Connection says of the rate limit now (after the counts: it sends requests of its own). */
async function rateLimitCheck(): Promise<string> {
  const checks = await vscode.commands.executeCommand<{ check: string; detail: string }[]>('plyr.testConnection');
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  return checks.find((c) => c.check === 'rateLimit')?.detail ?? '';
}
