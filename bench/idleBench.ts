import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { useSimulator } from './hostSetup';

/**
 * Runs inside the extension host: what 200 tracked identifiers cost over a minute (1) idle, with
 * the PLYR view hidden and no status bar item, and (2) with the view visible and a 30 s interval.
 * Counts the simulator's requests, the extension host's CPU time and its pending timers.
 */
const IDENTIFIERS = 200;
const WINDOW_MS = Number(process.env.PLYR_IDLE_WINDOW_MS ?? 60_000);

export interface IdleBenchResult {
  windowMs: number;
  identifiers: number;
  /** cpuMs: the whole extension host's; ownCpuMs: in this extension's code. */
  idle: { requests: number; cpuMs: number; ownCpuMs: number; timers: number };
  visible: { requests: number; cpuMs: number; ownCpuMs: number; intervalSeconds: number };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of samples whose stack holds a frame from a script whose URL contains `script`. */
function ownTime(profile: CpuProfile, script: string): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parent.set(child, node.id);
    }
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    if (!ours.has(id)) {
      const up = parent.get(id);
      ours.set(id, (byId.get(id)?.callFrame.url.includes(script) ?? false) || (up !== undefined && isOurs(up)));
    }
    return ours.get(id)!;
  };
  return profile.samples.reduce((sum, id, i) => sum + (isOurs(id) ? profile.timeDeltas[i] ?? 0 : 0), 0) / 1000;
}

export async function run(): Promise<void> {
  const simUrl = process.env.PLYR_BENCH_SIM_URL ?? '';
  const admin = (method: string, path: string) => fetch(`${simUrl}/__sim/${path}`, { method });
  const requestCount = async () => ((await (await admin('GET', 'requests')).json()) as unknown[]).length;
  const config = await useSimulator(simUrl);
  await vscode.extensions.getExtension('plyr-tools.plyr-balance')!.activate();
  await vscode.commands.executeCommand('plyr.addIdentifier', Array.from({ length: IDENTIFIERS }, (_, i) => `load-${i + 1}`));
  await config.update('autoRefreshSeconds', 30, vscode.ConfigurationTarget.Global);

  // The host's CPU includes VS Code's own built-in extensions; a CPU profile tells ours apart:
  // the time of samples with a frame of the extension's bundle on the stack.
  const inspector = await import('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = <T>(method: string, params: object = {}) => new Promise<T>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r as T))));
  await post('Profiler.enable');
  const measure = async () => {
    await new Promise((resolve) => setTimeout(resolve, 3000)); // let the switch settle
    await admin('DELETE', 'requests');
    await post('Profiler.start');
    const cpu = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    const used = process.cpuUsage(cpu);
    const { profile } = await post<{ profile: CpuProfile }>('Profiler.stop');
    return { requests: await requestCount(), cpuMs: Math.round((used.user + used.system) / 1000), ownCpuMs: Math.round(ownTime(profile, 'dist/extension.js') * 10) / 10 };
  };

  await vscode.commands.executeCommand('workbench.view.explorer');
  const timers = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const idle = { ...(await measure()), timers };
  await vscode.commands.executeCommand('workbench.view.extension.plyr');
  const visible = { ...(await measure()), intervalSeconds: 30 };
  const result: IdleBenchResult = { windowMs: WINDOW_MS, identifiers: IDENTIFIERS, idle, visible };
  if (process.env.PLYR_TEST_RESULTS) {
    fs.writeFileSync(process.env.PLYR_TEST_RESULTS, JSON.stringify({ passed: 1, failed: 0, pending: 0, failures: [], bench: result }));
  }
}
