// `npm test`: every test, from a clean compile. Type-check and compile (tsc), bundle (esbuild), lint (ESLint),
// the plain-Node unit tests, then the integration suites inside a real VS Code's extension host and
// the UI tests that drive that VS Code, with the packaged .vsix installed, through Chromium: on the
// oldest supported VS Code, then again on the newest that runs on Node 20. code-server and Chromium are installed
// on first use. Ends with one line per tier and "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tiers = [];
// The reliability suite writes docs/reliability.md from what its assertions measured.
process.env.PLYR_WRITE_DOCS ??= '1';

function run(title, command, args, capture = false, env = process.env) {
  console.log(`\n── ${title}`);
  const result = spawnSync(command, args, { stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env });
  if (capture) process.stdout.write(result.stdout ?? '');
  return result;
}

function finish(problem) {
  const passed = tiers.reduce((n, t) => n + t.passed, 0);
  const failed = tiers.reduce((n, t) => n + t.failed, 0) + (problem && tiers.every((t) => t.failed === 0) ? 1 : 0);
  console.log('');
  for (const t of tiers) console.log(`${t.name}: ${t.passed} passed, ${t.failed} failed`);
  if (problem) console.error(problem);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(problem ? 1 : 0);
}

/** A node:test tier: spec to the terminal, TAP to a file for the counts. Skips count as failures. */
function nodeTestTier(name, title, dir, extra = [], env = process.env) {
  const tap = join(mkdtempSync(join(tmpdir(), `plyr-${name.replace(/\W+/g, '-')}-`)), 'results.tap');
  const result = run(title, 'node', ['--test', ...extra, '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, dir], false, env);
  const text = readFileSync(tap, 'utf8');
  const count = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const tier = { name, passed: count('pass'), failed: count('fail') + count('cancelled') + count('skipped') + count('todo') };
  tiers.push(tier);
  if (result.status !== 0 || tier.passed === 0 || tier.failed > 0) finish(`The ${name} tests failed.`);
}

rmSync('out', { recursive: true, force: true });
if (run('type-check and compile (tsc)', 'npx', ['tsc', '-p', '.']).status !== 0) finish('tsc failed.');
if (run('bundle (esbuild)', 'node', ['scripts/build.mjs']).status !== 0) finish('The esbuild bundle failed.');
if (run('lint (ESLint with typescript-eslint, zero warnings)', 'npx', ['eslint', '--max-warnings', '0', '.']).status !== 0) finish('ESLint found problems.');

nodeTestTier('unit', 'unit tests (plain Node, no vscode)', 'out/test/unit/');

/** The integration suites in the extension host of the code-server that `env` picks (installed once). */
function integrationTier(name, title, env) {
  if (run(`install code-server ${env.CODE_SERVER_VERSION} and Chromium (once)`, 'bash', ['scripts/install-code-server.sh'], false, env).status !== 0) finish('Installing code-server failed.');
  const integration = run(title, 'node', ['out/test/runners/runInCodeServer.js'], true, env);
  const line = /integration[^:]*: (\d+) passed, (\d+) failed/.exec(integration.stdout ?? '');
  tiers.push({ name, passed: Number(line?.[1] ?? 0), failed: Number(line?.[2] ?? 0) });
  if (integration.status !== 0 || !line || Number(line[1]) === 0) finish(`The ${name} tests failed.`);
}

/**
 * The minified bundle and the .vsix just packaged, against their budgets (bench/budgets.ts): growth
 * fails here, at once, where the budget test reads the sizes of the last benchmark report.
 */
function checkSizes() {
  const { BUNDLE_CEILING_KIB, SIZE_TARGETS } = createRequire(import.meta.url)('../out/bench/budgets.js');
  const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
  const sizes = [
    ['bundle (dist/extension.js, minified)', statSync('dist/extension.js').size / 1024, BUNDLE_CEILING_KIB],
    ['.vsix', statSync(`${name}-${version}.vsix`).size / 1024, SIZE_TARGETS.vsixKiB],
  ];
  console.log(`\n── sizes against their budgets`);
  for (const [what, kib, limit] of sizes) console.log(`${what}: ${kib.toFixed(1)} KiB of ${limit} KiB`);
  const over = sizes.filter(([, kib, limit]) => kib > limit);
  tiers.push({ name: 'sizes', passed: sizes.length - over.length, failed: over.length });
  if (over.length > 0) finish(`Over budget: ${over.map(([what]) => what).join(', ')}.`);
}

// Every suite on the oldest supported VS Code, then on the newest that runs on Node 20: an API or a
// menu that behaves otherwise there fails here, not in a user's editor (VS Code 1.100 passes the
// view's rows to its title bar's commands; 1.90 does not). docs/reliability.md is the oldest's.
const { codeServerVersion, newestCodeServerVersion } = JSON.parse(readFileSync('package.json', 'utf8')).config;
const oldest = { ...process.env, CODE_SERVER_VERSION: codeServerVersion };
const newest = { ...process.env, CODE_SERVER_VERSION: newestCodeServerVersion, PLYR_WRITE_DOCS: '0' };

integrationTier('integration', 'integration tests on the oldest supported VS Code (extension host in code-server + Chromium)', oldest);
if (run('package the .vsix the UI tests install (vsce)', 'npm', ['run', '--silent', 'package']).status !== 0) finish('Packaging the .vsix failed.');
checkSizes();
nodeTestTier('ui', 'UI tests on the oldest supported VS Code (a person driving code-server in Chromium)', 'out/test/ui/', ['--test-concurrency=1'], oldest);

integrationTier('integration, newest VS Code', 'integration tests on the newest VS Code', newest);
nodeTestTier('ui, newest VS Code', 'UI tests on the newest VS Code', 'out/test/ui/', ['--test-concurrency=1'], newest);
finish();
