import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { PlyrBalanceApi } from '../src/vscode/api';
import { poll } from '../test/runners/poll';
import { simulatorAdmin } from './simulatorAdmin';
import { useSimulator } from './hostSetup';
import { median, round } from './stats';

/**
 * Runs inside the extension host: the time from expanding a PLYR ID's Activity group to its first
 * rows, against the simulator (in the runner's process) with 50 ms latency. Each run takes a PLYR
 * ID the view has never shown (VS Code remembers which rows were open by their ids, and the store
 * what it loaded), tracks it with its balances loaded and reveals its row, so that its Activity
 * group shows, collapsed, as a user would see it before a click. Then it times
 * `plyr.revealAccount(id, 'activity')`, which expands the group: VS Code's expand resolves once
 * the group's children (the store's load of the log's first page) are in and rendered. The
 * simulator's log says when it answered the log's request, and that nothing else was asked.
 *
 * The floor is the same first expand of a second such PLYR ID, its log as long, with the simulator
 * answering at once: VS Code's own round trips, and its fetching and drawing of rows it has never
 * shown. The expand again, once VS Code has the rows, is timed too; it fetches and draws less, so
 * it is no floor.
 */
export interface ActivityBenchRun {
  /** From the expand to the rows shown. */
  readonly ms: number;
  /** From the expand to the simulator's answer of the log's request (its clock is the host's: one machine). */
  readonly answeredMs: number;
  /** Requests during the run: the log's first page and nothing else. */
  readonly requests: number;
  /** The same first expand of another such PLYR ID, answered at once. */
  readonly floorMs: number;
  /** The expand again, collapsed and revealed anew: VS Code has the rows. */
  readonly againMs: number;
}

export interface ActivityBenchResult {
  readonly latencyMs: number;
  readonly runs: readonly ActivityBenchRun[];
  /** Medians over the runs. */
  readonly medianMs: number;
  readonly medianAnsweredMs: number;
  readonly medianFloorMs: number;
  readonly medianAgainMs: number;
  /** Entries each account's log holds (the first page shows 25, and Load more). */
  readonly logEntries: number;
}

const LATENCY_MS = 50;
const RUNS = Number(process.env.PLYR_BENCH_RUNS ?? 7);
const LOG_ENTRIES = 30;
/** Quiet time before each timed expand, so that the renders before it are done. */
const SETTLE_MS = 500;

export async function run(): Promise<void> {
  const sim = simulatorAdmin(process.env.PLYR_BENCH_SIM_URL ?? '');
  await useSimulator(sim.url, { autoRefreshSeconds: 0 });
  const api = (await vscode.extensions.getExtension<PlyrBalanceApi>('plyr-tools.plyr-balance')!.activate()) as PlyrBalanceApi;
  await vscode.commands.executeCommand('workbench.view.extension.plyr');
  const settle = () => delay(SETTLE_MS);
  const expandActivity = async (plyrId: string) => {
    const started = performance.now();
    await vscode.commands.executeCommand('plyr.revealAccount', plyrId, 'activity');
    return performance.now() - started;
  };

  /** A generated account of the simulator, never shown before, with a log of its own: tracked, loaded, its row revealed. */
  const showAccount = async (plyrId: string) => {
    await sim.configure({ latencyMs: 0 });
    const now = Date.now();
    for (let e = 0; e < LOG_ENTRIES; e++) {
      await sim.logActivity(plyrId, { action: 'pay', gameId: 'tavern', data: { token: 'gamr', amount: String(e + 1) }, timestamp: now - e * 60_000 });
    }
    await vscode.commands.executeCommand('plyr.addIdentifier', plyrId);
    const status = await poll(async () => api.getTracked().find((t) => t.identifier === plyrId)?.status, (s) => s === 'ok', 10_000, 10);
    if (status !== 'ok') {
      throw new Error(`The balances of ${plyrId} did not load (${status})`);
    }
    await vscode.commands.executeCommand('plyr.revealIdentifier', plyrId);
    await settle();
    await sim.clearRequests();
  };
  /** Expands its Activity at this latency; the log's first page and nothing else is asked. */
  const firstExpand = async (plyrId: string, latencyMs: number) => {
    await sim.configure({ latencyMs });
    const startedAt = Date.now();
    const ms = await expandActivity(plyrId);
    await sim.configure({ latencyMs: 0 });
    const requests = await sim.requests();
    const activity = requests.filter((r) => r.path === `/api/actionLog/${plyrId}`);
    if (activity.length !== 1 || activity[0].status !== 200 || requests.length !== 1) {
      throw new Error(`Expanding Activity of ${plyrId} asked: ${JSON.stringify(requests)}`);
    }
    return { ms, answeredMs: activity[0].endedAt - startedAt, requests: requests.length };
  };
  /** Out of the list again (its groups closed first): the next run starts from one row, as this one did. */
  const forget = async (plyrId: string) => {
    await vscode.commands.executeCommand('workbench.actions.treeView.plyr.balances.collapseAll');
    await vscode.commands.executeCommand('plyr.removeIdentifier', plyrId);
  };

  const runs: ActivityBenchRun[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const plyrId = `load-${900_000 + i}`;
    await showAccount(plyrId);
    const { ms, answeredMs, requests } = await firstExpand(plyrId, LATENCY_MS);

    // The expand again, the log known: VS Code has the rows.
    await vscode.commands.executeCommand('workbench.actions.treeView.plyr.balances.collapseAll');
    await vscode.commands.executeCommand('plyr.revealIdentifier', plyrId);
    await settle();
    await sim.clearRequests();
    const againMs = await expandActivity(plyrId);
    if ((await sim.requestCount()) !== 0) {
      throw new Error(`Expanding Activity of ${plyrId} again asked the server: ${JSON.stringify(await sim.requests())}`);
    }
    await forget(plyrId);

    // The floor: another account's first expand, answered at once.
    const floorId = `load-${910_000 + i}`;
    await showAccount(floorId);
    const floor = await firstExpand(floorId, 0);
    await forget(floorId);

    runs.push({ ms: round(ms), answeredMs, requests, floorMs: round(floor.ms), againMs: round(againMs) });
  }
  const result: ActivityBenchResult = {
    latencyMs: LATENCY_MS,
    runs,
    medianMs: median(runs.map((r) => r.ms)),
    medianAnsweredMs: median(runs.map((r) => r.answeredMs)),
    medianFloorMs: median(runs.map((r) => r.floorMs)),
    medianAgainMs: median(runs.map((r) => r.againMs)),
    logEntries: LOG_ENTRIES,
  };
  if (process.env.PLYR_TEST_RESULTS) {
    fs.writeFileSync(process.env.PLYR_TEST_RESULTS, JSON.stringify({ passed: 1, failed: 0, pending: 0, failures: [], bench: result }));
  }
}
