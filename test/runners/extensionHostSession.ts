import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchBrowser, workbenchUrl } from './browser';
import { ROOT, startCodeServer, withTimeout } from './codeServer';
import { PSEUDO_LOCALE, registerPseudoLanguagePack } from './pseudoLocale';
import { StoredExpectation, untilStored } from './storedState';

/**
 * One run of a test entry (a module exporting `run()`, as @vscode/test-electron expects) inside
 * code-server's extension host, opened in headless Chromium. The entry reports counts in the
 * JSON file named by PLYR_TEST_RESULTS.
 */
const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Updating additional builtin)/;
const TIME_LIMIT_MS = Number(process.env.PLYR_TEST_TIMEOUT_MS ?? 15 * 60_000);

export interface Summary {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

export interface Session {
  readonly scratch: string;
  readonly port: number;
  readonly env: Record<string, string>;
  /** The module the extension host runs (default: the integration suites). */
  readonly entry?: string;
  /** The extension's folder (default: the repository, as in development). */
  readonly extensionPath?: string;
  /** The display language (default: English). */
  readonly locale?: string;
}

export async function runSession({ scratch, port, env, entry, extensionPath, locale }: Session): Promise<Summary> {
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
  const results = path.join(scratch, `results-${Date.now()}.json`);
  const expectStored = path.join(scratch, `expect-stored-${Date.now()}.json`);
  if (locale === PSEUDO_LOCALE) {
    registerPseudoLanguagePack(path.join(scratch, 'code-server', 'user-data'));
  }
  const server = await startCodeServer({
    workspace,
    port,
    root: path.join(scratch, 'code-server'),
    locale,
    env: { PLYR_TEST_USER_DATA_DIR: path.join(scratch, 'code-server', 'user-data'), PLYR_TEST_RESULTS: results, PLYR_TEST_EXPECT_STORED: expectStored, PLYR_TEST_WORKSPACE: workspace, ...env },
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
    await page.goto(workbenchUrl(server.origin, workspace, { extensionPath: extensionPath ?? ROOT, testsPath: entry ?? path.join(ROOT, 'out/test/integration/index.js') }));
    const code = await withTimeout(exited, TIME_LIMIT_MS, `The integration suites did not finish within ${TIME_LIMIT_MS / 1000} s`);
    if (fs.existsSync(expectStored)) {
      const since = Date.now();
      await untilStored(page, JSON.parse(fs.readFileSync(expectStored, 'utf8')) as StoredExpectation);
      console.log(`(the browser had stored the state the next session reads ${Date.now() - since} ms after the suites ended)`);
    }
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

