import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { PlyrBalanceApi } from '../src/vscode/api';
import { useSimulator } from './hostSetup';

/**
 * Runs inside the extension host: auto-refresh every second of 200 identifiers for
 * PLYR_SOAK_MINUTES (10) while the simulator injects a random fault every 2 s and the truth
 * (a "soak" token's amount) changes. Logs memory every 30 s; at the end, with faults cleared,
 * every identifier must show exactly what the simulator now says, and no promise may have gone
 * unhandled. Writes its figures to PLYR_TEST_RESULTS; the runner prints and judges them.
 */
const IDENTIFIERS = 200;
const FAULTS = [
  { kind: 'status', status: 500, error: 'database down' },
  { kind: 'html', status: 502 },
  { kind: 'malformedJson' },
  { kind: 'reset' },
  { kind: 'status', status: 429, error: 'Too many requests', retryAfter: '1' },
  { kind: 'hang' },
  { kind: 'trickle' },
];

export interface SoakResult {
  minutes: number;
  refreshes: number;
  faultsInjected: number;
  /** Heap used (MB) each 30 s. */
  heapMb: number[];
  unhandledRejections: string[];
  /** Identifiers whose final balances differ from the simulator's answer. */
  mismatches: string[];
}

export async function run(): Promise<void> {
  const simUrl = process.env.PLYR_BENCH_SIM_URL ?? '';
  const minutes = Number(process.env.PLYR_SOAK_MINUTES ?? 10);
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${simUrl}/__sim/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const unhandled: string[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(String(reason).slice(0, 200));
  process.on('unhandledRejection', onUnhandled);

  const config = await useSimulator(simUrl, { requestTimeoutSeconds: 2 });
  const api = (await vscode.extensions.getExtension<PlyrBalanceApi>('plyr-tools.plyr-balance')!.activate()) as PlyrBalanceApi;
  await vscode.commands.executeCommand('plyr.addIdentifier', Array.from({ length: IDENTIFIERS }, (_, i) => `load-${i + 1}`));
  await vscode.commands.executeCommand('workbench.view.extension.plyr');
  await admin('POST', 'config', { latencyMs: 5, extraBalances: { soak: '0' } });

  let refreshes = 0;
  const counter = api.onDidChange(() => refreshes++);
  await config.update('autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
  const heapMb: number[] = [];
  const sample = () => heapMb.push(Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10);
  sample();
  const deadline = Date.now() + minutes * 60_000;
  let faultsInjected = 0;
  let truth = 0;
  let nextSample = Date.now() + 30_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const fault = FAULTS[Math.floor(Math.random() * FAULTS.length)];
    await admin('POST', 'faults', { ...fault, times: 1 + Math.floor(Math.random() * 20) });
    faultsInjected++;
    truth++;
    await admin('POST', 'config', { extraBalances: { soak: `${truth}.${String(truth).padStart(18, '0')}` } });
    if (Date.now() >= nextSample) {
      sample();
      nextSample += 30_000;
    }
  }
  // The end: no more faults; one refresh brings every row to the simulator's truth.
  await config.update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
  await admin('DELETE', 'faults');
  await vscode.commands.executeCommand('plyr.refresh');
  await vscode.commands.executeCommand('plyr.refresh'); // one that surely started after the faults ended
  sample();
  const mismatches: string[] = [];
  for (const row of api.getTracked()) {
    const fresh = (await vscode.commands.executeCommand<{ balances: Record<string, string> }>('plyr.checkBalance', row.identifier)).balances;
    if (row.status !== 'ok' || JSON.stringify(row.balances) !== JSON.stringify(fresh)) {
      mismatches.push(`${row.identifier}: ${row.status} ${JSON.stringify(row.balances)} vs ${JSON.stringify(fresh)}`);
    }
  }
  counter.dispose();
  process.off('unhandledRejection', onUnhandled);
  const result: SoakResult = { minutes, refreshes, faultsInjected, heapMb, unhandledRejections: unhandled, mismatches };
  if (process.env.PLYR_TEST_RESULTS) {
    fs.writeFileSync(process.env.PLYR_TEST_RESULTS, JSON.stringify({ passed: 1, failed: 0, pending: 0, failures: [], bench: result }));
  }
}
