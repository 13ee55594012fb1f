import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { assertTestedVersion, codeServerDescription, freePort } from './codeServer';
import { runSession, Session, Summary } from './extensionHostSession';
import { PSEUDO_LOCALE, pseudoLocalisedCopy } from './pseudoLocale';

const PSEUDO_SUITE = 'pseudoLocale';

/**
 * Runs the integration suites (out/test/integration) inside a real VS Code. Five sessions: every
 * suite; the restart check, which tracks identifiers, restarts VS Code on the same port and
 * profile (where the web workbench keeps globalState) and reads them back; credentials from
 * the environment; and VS Code in its pseudo-language, where no English may be left. Prints "integration: N passed, N failed".
 */
async function main(): Promise<number> {
  assertTestedVersion();
  const started = Date.now();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-integration-'));
  const restart = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-restart-'));
  const envCredentials = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-env-'));
  const pseudo = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-pseudo-'));
  try {
    // PLYR_TEST_FILES picks suites; the pseudo-locale suite always gets a session of its own.
    const selected = process.env.PLYR_TEST_FILES?.split(',').map((f) => f.trim());
    const sessions: Session[] = [];
    if (!selected || selected.some((f) => f !== PSEUDO_SUITE)) {
      sessions.push({ scratch, port: await freePort(), env: selected ? { PLYR_TEST_FILES: selected.filter((f) => f !== PSEUDO_SUITE).join(',') } : {} });
    }
    if (!selected) {
      const port = await freePort();
      // The simulator comes back on the same port: remembered balances are kept per API root.
      const simulatorPort = String(await freePort());
      sessions.push({ scratch: restart, port, env: { PLYR_TEST_FILES: 'persistence', PLYR_TEST_PHASE: 'before-restart', PLYR_TEST_SIM_PORT: simulatorPort } });
      sessions.push({ scratch: restart, port, env: { PLYR_TEST_FILES: 'persistence', PLYR_TEST_PHASE: 'after-restart', PLYR_TEST_SIM_PORT: simulatorPort } });
      sessions.push({ scratch: envCredentials, port: await freePort(), env: { PLYR_TEST_FILES: 'envCredentials', PLYR_API_KEY: DEMO_CREDENTIALS.apiKey, PLYR_SECRET_KEY: DEMO_CREDENTIALS.secretKey } });
    }
    if (!selected || selected.includes(PSEUDO_SUITE)) {
      // VS Code in its pseudo-language, with the extension's pseudo-localised bundle beside it.
      const extensionPath = pseudoLocalisedCopy(path.join(pseudo, 'extension'));
      sessions.push({ scratch: pseudo, port: await freePort(), extensionPath, locale: PSEUDO_LOCALE, env: { PLYR_TEST_FILES: PSEUDO_SUITE } });
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
      fs.rmSync(pseudo, { recursive: true, force: true });
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
