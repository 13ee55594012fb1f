import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertTestedVersion, codeServerDescription, freePort } from './codeServer';
import { runSession, Session, Summary } from './extensionHostSession';
import { PSEUDO_LOCALE, pseudoLocalisedCopy } from './pseudoLocale';
import { suiteSessions } from './suiteSessions';

/**
 * Runs the integration suites (out/test/integration) inside a real VS Code. Five sessions: every
 * suite; the restart check, which tracks identifiers, restarts VS Code on the same port and
 * profile (where the web workbench keeps globalState) and reads them back; credentials from
 * the environment; and VS Code in its pseudo-language, where no English may be left. Prints "integration: N passed, N failed".
 */
async function main(): Promise<number> {
  assertTestedVersion();
  const started = Date.now();
  // A profile's folder and port, shared by its sessions (a restart comes back on both).
  const profiles = new Map<string, { scratch: string; port: number }>();
  try {
    // PLYR_TEST_FILES picks suites; those that need a session of their own get it (suiteSessions).
    const selected = process.env.PLYR_TEST_FILES?.split(',').map((f) => f.trim());
    const sessions: Session[] = [];
    for (const { profile, env, locale } of suiteSessions(String(await freePort()), selected)) {
      if (!profiles.has(profile)) {
        profiles.set(profile, { scratch: fs.mkdtempSync(path.join(os.tmpdir(), `plyr-${profile}-`)), port: await freePort() });
      }
      const where = profiles.get(profile)!;
      // VS Code in its pseudo-language, with the extension's pseudo-localised bundle beside it.
      const extensionPath = locale === PSEUDO_LOCALE ? pseudoLocalisedCopy(path.join(where.scratch, 'extension')) : undefined;
      sessions.push({ ...where, env, locale, extensionPath });
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
      profiles.forEach(({ scratch }) => fs.rmSync(scratch, { recursive: true, force: true }));
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
