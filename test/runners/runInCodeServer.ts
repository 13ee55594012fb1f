import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchBrowser, workbenchUrl } from './browser';
import { freePort, ROOT, startCodeServer, withTimeout } from './codeServer';

/**
 * Runs the integration suites (out/test/integration) inside a real VS Code: code-server's
 * extension host, opened in headless Chromium. Three sessions: every suite; then the restart
 * check, which tracks identifiers, restarts VS Code on the same port and profile (where the web
 * workbench keeps globalState) and reads them back. Prints "integration: N passed, N failed".
 */
const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Updating additional builtin)/;
const TIME_LIMIT_MS = Number(process.env.PLYR_TEST_TIMEOUT_MS ?? 15 * 60_000);

interface Summary {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

interface Session {
  readonly scratch: string;
  readonly port: number;
  readonly env: Record<string, string>;
}

async function runSession({ scratch, port, env }: Session): Promise<Summary> {
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
  const results = path.join(scratch, `results-${Date.now()}.json`);
  const server = await startCodeServer({
    workspace,
    port,
    root: path.join(scratch, 'code-server'),
    env: { PLYR_TEST_USER_DATA_DIR: path.join(scratch, 'code-server', 'user-data'), PLYR_TEST_RESULTS: results, PLYR_TEST_WORKSPACE: workspace, ...env },
  });
  const browser = await launchBrowser(path.join(scratch, 'chromium'));
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    let exit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (!/^\s*$/.test(text) && !WORKBENCH_NOISE.test(text)) {
        process.stdout.write(`${type === 'error' ? '[err] ' : ''}${text}\n`);
      }
    });
    await page.goto(workbenchUrl(server.origin, workspace, ROOT, path.join(ROOT, 'out/test/integration/index.js')));
    const code = await withTimeout(exited, TIME_LIMIT_MS, `The integration suites did not finish within ${TIME_LIMIT_MS / 1000} s`);
    // The web workbench writes globalState to the browser's storage on a short delay, and
    // nothing flushes it on close: give it time before the browser goes.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    if (!fs.existsSync(results)) {
      console.error(`The suites reported no results (exit code ${code}). code-server output:\n${server.output.join('').slice(-5000)}`);
      return { passed: 0, failed: 1, pending: 0, failures: [] };
    }
    const summary = JSON.parse(fs.readFileSync(results, 'utf8')) as Summary;
    if (code !== 0 && summary.failed === 0) {
      summary.failed = 1;
    }
    return summary;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-integration-'));
  const restart = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-restart-'));
  try {
    const sessions: Session[] = [{ scratch, port: await freePort(), env: {} }];
    if (!process.env.PLYR_TEST_FILES) {
      const port = await freePort();
      sessions.push({ scratch: restart, port, env: { PLYR_TEST_FILES: 'persistence', PLYR_TEST_PHASE: 'before-restart' } });
      sessions.push({ scratch: restart, port, env: { PLYR_TEST_FILES: 'persistence', PLYR_TEST_PHASE: 'after-restart' } });
    }
    const total: Summary = { passed: 0, failed: 0, pending: 0, failures: [] };
    for (const session of sessions) {
      const summary = await runSession(session);
      total.passed += summary.passed;
      total.failed += summary.failed;
      total.pending += summary.pending;
      total.failures.push(...summary.failures);
    }
    for (const failure of total.failures) {
      console.error(`FAILED: ${failure.title}\n${failure.error}\n`);
    }
    console.log(`integration (code-server 1.100.3, ${sessions.length} sessions, ${((Date.now() - started) / 1000).toFixed(1)} s): ${total.passed} passed, ${total.failed} failed${total.pending ? `, ${total.pending} skipped` : ''}`);
    return total.failed === 0 && total.pending === 0 && total.passed > 0 ? 0 : 1;
  } finally {
    if (!process.env.PLYR_KEEP_TEMP) {
      fs.rmSync(scratch, { recursive: true, force: true });
      fs.rmSync(restart, { recursive: true, force: true });
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
