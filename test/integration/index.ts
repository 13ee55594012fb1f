import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { OWN_SESSION_SUITES } from '../runners/suiteSessions';

/**
 * The entry the extension host loads (code-server or @vscode/test-electron): runs every
 * `*.test.js` beside it with mocha and rejects when any fails, or when none ran. Counts also go
 * to PLYR_TEST_RESULTS (a file) for the runner's summary.
 */
/** Suites that need a session of their own (a restart, or a special environment). */
const SEPARATE_SESSION_SUITES = OWN_SESSION_SUITES.map((suite) => `${suite}.test.js`);

export async function run(): Promise<void> {
  // The suites count requests to the exact request and predate values in dollars, which cost a
  // token list request: they run with values off, and values.test.ts turns them on for its own.
  await vscode.workspace.getConfiguration('plyr').update('showValues', false, vscode.ConfigurationTarget.Global);
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  const grep = process.env.PLYR_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  // PLYR_TEST_FILES picks suites by name; by default every suite runs but those that need a
  // session of their own.
  const only = process.env.PLYR_TEST_FILES?.split(',').map((f) => `${f.trim()}.test.js`);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    if (only ? only.includes(file) : !SEPARATE_SESSION_SUITES.includes(file)) {
      mocha.addFile(path.join(__dirname, file));
    }
  }
  return new Promise((resolve, reject) => {
    const failures: { title: string; error: string }[] = [];
    const runner = mocha.run(() => {
      const stats = runner.stats ?? { passes: 0, failures: 0, pending: 0, tests: 0 };
      const summary = { passed: stats.passes, failed: stats.failures, pending: stats.pending, failures };
      if (process.env.PLYR_TEST_RESULTS) {
        fs.writeFileSync(process.env.PLYR_TEST_RESULTS, JSON.stringify(summary, null, 2));
      }
      if (stats.failures > 0) {
        reject(new Error(`${stats.failures} integration test(s) failed`));
      } else if (stats.pending > 0) {
        // A skipped test is not a passed one, whichever runner (code-server or test-electron) reads this.
        reject(new Error(`${stats.pending} integration test(s) skipped`));
      } else if (stats.passes === 0) {
        reject(new Error('No integration test ran'));
      } else {
        resolve();
      }
    });
    runner.on('fail', (test, error: Error) => failures.push({ title: test.fullTitle(), error: String(error?.stack ?? error) }));
  });
}
