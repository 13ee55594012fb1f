import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { freePort, ROOT } from './codeServer';
import { Summary } from './extensionHostSession';
import { PSEUDO_LOCALE, pseudoLocalisedCopy, registerPseudoLanguagePack } from './pseudoLocale';
import { suiteSessions } from './suiteSessions';

/** One start of desktop VS Code: its profile and workspace under `scratch` (kept across a restart). */
interface DesktopSession {
  readonly scratch: string;
  readonly env: Record<string, string>;
  readonly extensionPath?: string;
  readonly locale?: string;
}

/**
 * `npm run test:electron`: the same integration suites in desktop VS Code through
 * @vscode/test-electron, for machines that can download VS Code (or set VSCODE_EXECUTABLE_PATH to
 * a local one). The default is the oldest version the manifest supports. The same sessions as in
 * code-server (test/runners/suiteSessions.ts).
 */
async function main(): Promise<number> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-electron-'));
  const selected = process.env.PLYR_TEST_FILES?.split(',').map((f) => f.trim());
  const sessions: DesktopSession[] = (suiteSessions(String(await freePort()), selected)).map(({ profile, env, locale }) => {
    const folder = path.join(scratch, profile);
    fs.mkdirSync(folder, { recursive: true });
    // VS Code in its pseudo-language, with the extension's pseudo-localised bundle beside it.
    const extensionPath = locale === PSEUDO_LOCALE && !fs.existsSync(path.join(folder, 'extension')) ? pseudoLocalisedCopy(path.join(folder, 'extension')) : undefined;
    return { scratch: folder, env, locale, extensionPath };
  });
  const total: Summary = { passed: 0, failed: 0, pending: 0, failures: [] };
  let exitCode = 0;
  try {
    for (const session of sessions) {
      const { code, summary } = await runDesktopSession(session);
      exitCode ||= code;
      total.passed += summary?.passed ?? 0;
      total.failed += summary?.failed ?? 0;
      total.pending += summary?.pending ?? 0;
      if (!summary) {
        console.error(`A session (${session.env.PLYR_TEST_FILES ?? 'every suite'}) reported nothing: VS Code did not run its tests.`);
        exitCode ||= 1;
      }
    }
  } finally {
    if (!process.env.PLYR_KEEP_TEMP) {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
  console.log(`integration (VS Code desktop, ${sessions.length} sessions): ${total.passed} passed, ${total.failed} failed${total.pending ? `, ${total.pending} skipped` : ''}`);
  return exitCode === 0 && total.failed === 0 && total.pending === 0 && total.passed > 0 ? 0 : 1;
}

async function runDesktopSession({ scratch, env, extensionPath, locale }: DesktopSession): Promise<{ code: number; summary?: Summary }> {
  const workspace = path.join(scratch, 'workspace');
  if (!fs.existsSync(workspace)) {
    fs.cpSync(path.join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
  }
  const userData = path.join(scratch, 'user-data');
  fs.mkdirSync(userData, { recursive: true });
  if (locale === PSEUDO_LOCALE) {
    registerPseudoLanguagePack(userData);
  }
  const results = path.join(scratch, 'results.json');
  fs.rmSync(results, { force: true });
  const engine = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { vscode: string } }).engines.vscode.replace(/^\^/, '');
  const code = await runTests({
    extensionDevelopmentPath: extensionPath ?? ROOT,
    extensionTestsPath: path.join(ROOT, 'out/test/integration/index.js'),
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
    version: process.env.VSCODE_VERSION ?? engine,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', userData, ...(locale ? ['--locale', locale] : [])],
    extensionTestsEnv: { ...env, PLYR_TEST_USER_DATA_DIR: userData, PLYR_TEST_RESULTS: results, PLYR_TEST_WORKSPACE: workspace },
  }).catch((error: unknown) => {
    console.error(error);
    return 1;
  });
  return { code, summary: fs.existsSync(results) ? (JSON.parse(fs.readFileSync(results, 'utf8')) as Summary) : undefined };
}

main().then((code) => process.exit(code));
