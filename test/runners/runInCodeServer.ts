import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchBrowser, workbenchUrl } from './browser';
import { ROOT, startCodeServer, withTimeout } from './codeServer';

/**
 * Runs the integration suites (out/test/integration) inside a real VS Code: code-server's
 * extension host, opened in headless Chromium. Exits with the suites' result and prints
 * "integration: N passed, N failed".
 */
const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Updating additional builtin)/;
const TIME_LIMIT_MS = Number(process.env.PLYR_TEST_TIMEOUT_MS ?? 15 * 60_000);

async function main(): Promise<number> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-integration-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
  const results = path.join(scratch, 'results.json');
  const server = await startCodeServer({
    workspace,
    root: path.join(scratch, 'code-server'),
    env: { PLYR_TEST_USER_DATA_DIR: path.join(scratch, 'code-server', 'user-data'), PLYR_TEST_RESULTS: results, PLYR_TEST_WORKSPACE: workspace },
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
    const started = Date.now();
    await page.goto(workbenchUrl(server.origin, workspace, ROOT, path.join(ROOT, 'out/test/integration/index.js')));
    const code = await withTimeout(exited, TIME_LIMIT_MS, `The integration suites did not finish within ${TIME_LIMIT_MS / 1000} s`);
    const summary = fs.existsSync(results) ? (JSON.parse(fs.readFileSync(results, 'utf8')) as { passed: number; failed: number; pending: number; failures: { title: string; error: string }[] }) : undefined;
    if (!summary) {
      console.error(`The suites reported no results (exit code ${code}). code-server output:\n${server.output.join('').slice(-5000)}`);
      return 1;
    }
    for (const failure of summary.failures) {
      console.error(`FAILED: ${failure.title}\n${failure.error}\n`);
    }
    console.log(`integration (code-server ${'1.100.3'}, ${((Date.now() - started) / 1000).toFixed(1)} s): ${summary.passed} passed, ${summary.failed} failed${summary.pending ? `, ${summary.pending} skipped` : ''}`);
    return code === 0 && summary.failed === 0 && summary.passed > 0 && summary.pending === 0 ? 0 : 1;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
