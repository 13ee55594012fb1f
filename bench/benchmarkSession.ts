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
export async function runBenchmark<T>(entry: string, env: Record<string, string> = {}): Promise<T | undefined> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-bench-'));
  const sim = await startSimulator();
  try {
    const summary = (await runSession({ scratch, port: await freePort(), env: { PLYR_BENCH_SIM_URL: sim.url, ...env }, entry: path.join(ROOT, 'out/bench', entry) })) as { failed: number; bench?: T };
    return summary.failed === 0 ? summary.bench : undefined;
  } finally {
    await sim.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Writes docs/benchmarks/<name>.md: a title, how it was measured, and the table. */
export function writeReport(name: string, title: string, how: string, table: string): void {
  const file = path.join(ROOT, 'docs/benchmarks', `${name}.md`);
  const machine = `${os.cpus().length} cores, Node ${process.version}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, [`# ${title}`, '', `Measured by \`npm run bench:${name}\` on ${new Date().toISOString().slice(0, 10)} (${machine}): ${how}`, '', table, ''].join('\n'));
  console.log(`Written to docs/benchmarks/${name}.md`);
}
