// `npm test`: every test, from a clean compile. Type-check and compile (tsc), bundle (esbuild),
// the plain-Node unit tests, then the integration suites inside a real VS Code (code-server,
// installed on first use). Ends with one line: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0 };
const tiers = [];

function run(title, command, args, options = {}) {
  console.log(`\n── ${title}`);
  const result = spawnSync(command, args, { stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env: process.env });
  if (options.capture) {
    process.stdout.write(result.stdout ?? '');
  }
  return result;
}

function fail(message) {
  console.error(`\n${message}`);
  console.log(`tests: ${totals.passed} passed, ${Math.max(1, totals.failed)} failed`);
  process.exit(1);
}

rmSync('out', { recursive: true, force: true });
if (run('type-check and compile (tsc)', 'npx', ['tsc', '-p', '.']).status !== 0) fail('tsc failed.');
if (run('bundle (esbuild)', 'node', ['scripts/build.mjs']).status !== 0) fail('The esbuild bundle failed.');

const tap = join(mkdtempSync(join(tmpdir(), 'plyr-unit-')), 'unit.tap');
const unit = run('unit tests (plain Node, no vscode)', 'node', ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, 'out/test/unit/']);
const tapText = readFileSync(tap, 'utf8');
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tapText)?.[1] ?? 0);
const unitCounts = { passed: count('pass'), failed: count('fail'), skipped: count('skipped') + count('todo') };
tiers.push(`unit: ${unitCounts.passed} passed, ${unitCounts.failed} failed`);
totals.passed += unitCounts.passed;
totals.failed += unitCounts.failed + unitCounts.skipped;
if (unit.status !== 0 || unitCounts.passed === 0 || unitCounts.skipped > 0) fail(`Unit tests failed (${tiers.at(-1)}, ${unitCounts.skipped} skipped).`);

if (run('install code-server and Chromium (once)', 'bash', ['scripts/install-code-server.sh']).status !== 0) fail('Installing code-server failed.');
const integration = run('integration tests (extension host in code-server + Chromium)', 'node', ['out/test/runners/runInCodeServer.js'], { capture: true });
const line = /integration[^:]*: (\d+) passed, (\d+) failed/.exec(integration.stdout ?? '');
const integrationCounts = { passed: Number(line?.[1] ?? 0), failed: Number(line?.[2] ?? 0) };
totals.passed += integrationCounts.passed;
totals.failed += integrationCounts.failed;
tiers.push(`integration: ${integrationCounts.passed} passed, ${integrationCounts.failed} failed`);
if (integration.status !== 0 || integrationCounts.passed === 0) fail(`Integration tests failed (${tiers.at(-1)}).`);

console.log(`\n${tiers.join('\n')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
