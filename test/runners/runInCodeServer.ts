import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { assertTestedVersion, codeServerDescription, freePort } from './codeServer';
import { runSession, Session, Summary } from './extensionHostSession';

/**
 * Runs the integration suites (out/test/integration) inside a real VS Code. Four sessions: every
 * suite; the restart check, which tracks identifiers, restarts VS Code on the same port and
 * profile (where the web workbench keeps globalState) and reads them back; and credentials from
 * the environment. Prints "integration: N passed, N failed".
 */
async function main(): Promise<number> {
  assertTestedVersion();
  const started = Date.now();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-integration-'));
  const restart = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-restart-'));
  const envCredentials = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-env-'));
  try {
    const sessions: Session[] = [{ scratch, port: await freePort(), env: {} }];
    if (!process.env.PLYR_TEST_FILES) {
      const port = await freePort();
      // The simulator comes back on the same port: remembered balances are kept per API root.
      const simulatorPort = String(await freePort());
      sessions.push({ scratch: restart, port, env: { PLYR_TEST_FILES: 'persistence', PLYR_TEST_PHASE: 'before-restart', PLYR_TEST_SIM_PORT: simulatorPort } });
      sessions.push({ scratch: restart, port, env: { PLYR_TEST_FILES: 'persistence', PLYR_TEST_PHASE: 'after-restart', PLYR_TEST_SIM_PORT: simulatorPort } });
      sessions.push({ scratch: envCredentials, port: await freePort(), env: { PLYR_TEST_FILES: 'envCredentials', PLYR_API_KEY: DEMO_CREDENTIALS.apiKey, PLYR_SECRET_KEY: DEMO_CREDENTIALS.secretKey } });
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
    console.log(`integration (${codeServerDescription()}, ${sessions.length} sessions, ${((Date.now() - started) / 1000).toFixed(1)} s): ${total.passed} passed, ${total.failed} failed${total.pending ? `, ${total.pending} skipped` : ''}`);
    return total.failed === 0 && total.pending === 0 && total.passed > 0 ? 0 : 1;
  } finally {
    if (!process.env.PLYR_KEEP_TEMP) {
      fs.rmSync(scratch, { recursive: true, force: true });
      fs.rmSync(restart, { recursive: true, force: true });
      fs.rmSync(envCredentials, { recursive: true, force: true });
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
