import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './codeServer';

/**
 * `npm run test:electron`: the same integration suites in desktop VS Code through
 * @vscode/test-electron, for machines that can download VS Code (or set VSCODE_EXECUTABLE_PATH to
 * a local one). The default is the oldest version the manifest supports.
 */
async function main(): Promise<number> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-electron-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
  const userData = path.join(scratch, 'user-data');
  const results = path.join(scratch, 'results.json');
  const engine = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { vscode: string } }).engines.vscode.replace(/^\^/, '');
  const exitCode = await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out/test/integration/index.js'),
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
    version: process.env.VSCODE_VERSION ?? engine,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', userData],
    extensionTestsEnv: { PLYR_TEST_USER_DATA_DIR: userData, PLYR_TEST_RESULTS: results, PLYR_TEST_WORKSPACE: workspace },
  }).catch((error: unknown) => {
    console.error(error);
    return 1;
  });
  if (fs.existsSync(results)) {
    const summary = JSON.parse(fs.readFileSync(results, 'utf8')) as { passed: number; failed: number; pending: number };
    console.log(`integration (VS Code desktop): ${summary.passed} passed, ${summary.failed} failed${summary.pending ? `, ${summary.pending} skipped` : ''}`);
  }
  return exitCode;
}

main().then((code) => process.exit(code));
