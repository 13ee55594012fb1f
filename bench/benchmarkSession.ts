import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSimulator } from '../simulator/server';
import { freePort, ROOT } from '../test/runners/codeServer';
import { runSession } from '../test/runners/extensionHostSession';

/**
 * Runs a benchmark entry in a real VS Code's extension host, with the simulator in this process
 * (apart from the extension host, as a real server would be). Resolves with the figures the
 * entry reported, or undefined when it reported none.
 */
export async function runBenchmark<T>(entry: string, env: Record<string, string> = {}, afterSession?: (scratch: string) => void): Promise<T | undefined> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-bench-'));
  const sim = await startSimulator();
  try {
    const summary = (await runSession({ scratch, port: await freePort(), env: { PLYR_BENCH_SIM_URL: sim.url, ...env }, entry: path.join(ROOT, 'out/bench', entry) })) as { failed: number; bench?: T };
    afterSession?.(scratch);
    return summary.failed === 0 ? summary.bench : undefined;
  } finally {
    await sim.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The extension's activation time, from its log line ("activated in 12.3 ms") under a session's folders. */
export function activationMsIn(scratch: string): number | undefined {
  const files = fs.readdirSync(scratch, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.log'));
  for (const file of files) {
    const match = /PLYR Balance \S+ activated in ([\d.]+) ms/.exec(fs.readFileSync(path.join(scratch, file), 'utf8'));
    if (match) {
      return Number(match[1]);
    }
  }
  return undefined;
}

/** Writes docs/benchmarks/<name>.md: a title, how it was measured, and the table. */
export function writeReport(name: string, title: string, how: string, table: string): void {
  const file = path.join(ROOT, 'docs/benchmarks', `${name}.md`);
  const machine = `${os.cpus().length} cores, Node ${process.version}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, [`# ${title}`, '', `Measured by \`npm run bench:${name}\` on ${new Date().toISOString().slice(0, 10)} (${machine}): ${how}`, '', table, ''].join('\n'));
  console.log(`Written to docs/benchmarks/${name}.md`);
}
