import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort, ROOT, withTimeout } from '../runners/codeServer';

/**
 * `npm run demo` as a newcomer runs it: `node scripts/demo.mjs` itself (its build, its
 * simulator, its code-server profile and workspace), in a process group of its own like a
 * terminal's foreground job, so that {@link RunningDemo.pressCtrlC} reaches it as Ctrl+C does.
 */
export interface RunningDemo {
  /** The URL the demo printed after "Open:". */
  readonly url: string;
  /** The demo's scratch folder (the workspace it opened is inside it). */
  readonly scratch: string;
  /** Everything the demo printed so far. */
  readonly output: () => string;
  /** SIGINT to the demo's process group; resolves with its exit code. */
  pressCtrlC(): Promise<number | null>;
  /** Ends whatever is left (after a failed test). */
  kill(): void;
}

export async function runDemoCommand(): Promise<RunningDemo> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'scripts/demo.mjs')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PLYR_DEMO_PORT: String(await freePort()), PLYR_DEMO_SIMULATOR_PORT: String(await freePort()) },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const printed = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^\s*Open:\s+(\S+)/m.exec(output)?.[1];
      if (url && output.includes('Ctrl+C stops')) {
        resolve(url);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`npm run demo exited (${code}) before printing its URL:\n${output}`)));
  });
  const kill = () => {
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  // Building, packaging and installing take about 15 s on a warm machine.
  const url = await withTimeout(printed, 5 * 60_000, `npm run demo printed no URL within 5 minutes:\n${output}`).catch((error: unknown) => {
    kill();
    throw error;
  });
  const folder = new URL(url).searchParams.get('folder') ?? '';
  return {
    url,
    scratch: path.dirname(folder),
    output: () => output,
    async pressCtrlC() {
      process.kill(-(child.pid ?? 0), 'SIGINT');
      return withTimeout(exited, 30_000, `npm run demo did not stop within 30 s of Ctrl+C:\n${output}`);
    },
    kill,
  };
}

/** Processes (pid and process group) whose command line mentions `text`, read from /proc. */
export function processesMentioning(text: string): { pid: number; pgid: number; command: string }[] {
  const found: { pid: number; pgid: number; command: string }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) {
      continue;
    }
    try {
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (command.includes(text)) {
        found.push({ pid: Number(entry), pgid: processGroupOf(Number(entry)), command });
      }
    } catch {
      /* gone meanwhile */
    }
  }
  return found;
}

/** Pids of the processes in any of these process groups. */
export function processesInGroups(groups: ReadonlySet<number>): number[] {
  return fs
    .readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map(Number)
    .filter((pid) => groups.has(processGroupOf(pid)));
}

function processGroupOf(pid: number): number {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces, so read after its ')'.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return -1;
  }
}
