// `npm run demo`: a real VS Code (code-server, in your browser) with the packaged extension installed, working
// against the local PLYR API simulator with demo data and demo credentials from the environment,
// so no real API key is needed. Prints the URL to open; Ctrl+C stops everything it started and
// removes its scratch folder. The demo's UI test (test/ui/demo.ui.test.ts) runs this very script.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const step = (title, command, args) => {
  console.log(`── ${title}`);
  if (spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status !== 0) {
    console.error(`${title} failed.`);
    process.exit(1);
  }
};
step('build and package the extension (esbuild, vsce)', 'npm', ['run', '--silent', 'package']);
step('compile the simulator and the runner (tsc)', 'npx', ['tsc', '-p', '.']);
step('install code-server and Chromium if missing', 'bash', ['scripts/install-code-server.sh']);

const require = createRequire(import.meta.url);
const { startSimulator } = require(join(root, 'out/simulator/server.js'));
const { DEMO_CREDENTIALS, DEMO_USERS } = require(join(root, 'out/simulator/demoData.js'));
const { startCodeServer } = require(join(root, 'out/test/runners/codeServer.js'));
const { workbenchUrl } = require(join(root, 'out/test/runners/browser.js'));
const { builtVsix } = require(join(root, 'out/test/runners/vsix.js'));

const sim = await startSimulator({ port: Number(process.env.PLYR_DEMO_SIMULATOR_PORT ?? 4555) });
const scratch = mkdtempSync(join(tmpdir(), 'plyr-demo-'));
const workspace = join(scratch, 'workspace');
cpSync(join(root, 'demo/workspace'), workspace, { recursive: true });
// The simulator is this profile's own test server, chosen in the user settings as a developer
// chooses theirs. A workspace's settings may not pick the server that receives credentials
// (the extension holds them back until the user allows it), so the demo does not put it there.
// Inlay hints are off by default; the demo turns them on, so that every address in game-config.ts
// shows what it holds (and its mistyped copy a warning sign) with nothing clicked.
const server = await startCodeServer({
  workspace,
  root: join(scratch, 'code-server'),
  port: Number(process.env.PLYR_DEMO_PORT ?? 8080),
  install: [builtVsix()],
  settings: { 'plyr.network': 'custom', 'plyr.customBaseUrl': sim.url, 'plyr.openViewOnStartup': true, 'plyr.inlayHints.show': 'amount' },
  env: { PLYR_API_KEY: DEMO_CREDENTIALS.apiKey, PLYR_SECRET_KEY: DEMO_CREDENTIALS.secretKey },
});

console.log(`
PLYR Balance demo is running.
  Open:       ${workbenchUrl(server.origin, workspace, { openFile: join(workspace, 'game-config.ts') })}
  Simulator:  ${sim.url} (demo users: ${DEMO_USERS.map((u) => u.plyrId).join(', ')})
  Try:        the PLYR view opens with the demo's watch-list (.vscode/plyr.json) and balances,
              and game-config.ts beside it, each address followed by what it holds
              (plyr.inlayHints.show, on in this demo): rest the mouse on one for all of it;
              F1 > PLYR: Check Balance; the PLYR view's + to track your own identifiers.
  Faults:     curl -X POST ${sim.url}/__sim/faults -H 'content-type: application/json' -d '{"kind":"status","status":429,"retryAfter":"20"}'
              (kinds: status, html, malformedJson, oversized, hang, reset, trickle, slowAnswer;
              simulator/server.ts says what each does); curl -X DELETE ${sim.url}/__sim/faults clears them.
  Changes:    curl -X POST ${sim.url}/__sim/holdings -H 'content-type: application/json' -d '{"holder":"player123","token":"gamr","baseUnits":"9007207254740993123456789"}'
              gives player123 8 GAMR more (base units: 18 decimals), and its cause in the activity log:
              curl -X POST ${sim.url}/__sim/activity -H 'content-type: application/json' -d '{"plyrId":"player123","entry":{"action":"earn","gameId":"tavern","type":"game","data":{"token":"gamr","amount":"8"}}}'
              then Refresh: the GAMR row shows ▲ +8, and its menu's Why? lists the entry.
Ctrl+C stops code-server and the simulator.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  await sim.close();
  rmSync(scratch, { recursive: true, force: true });
  console.log('Stopped code-server and the simulator; removed the scratch folder.');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
