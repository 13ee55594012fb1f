// `npm run screenshots`: refreshes the README's pictures from a real run. Packages the extension,
// runs the UI tests (code-server + Chromium, the .vsix installed) and copies the screenshots the
// README shows into media/screenshots/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const README_IMAGES = ['demo-sidebar', 'hover', 'check-balance-result', 'status-bar', 'change-notification', 'test-connection', 'groups', 'privacy-mask', 'account', 'values', 'inlay-hints', 'checksum'];
const shots = mkdtempSync(join(tmpdir(), 'plyr-screenshots-'));
const step = (title, command, args, env = {}) => {
  console.log(`── ${title}`);
  if (spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status !== 0) {
    console.error(`${title} failed.`);
    process.exit(1);
  }
};
step('compile (tsc)', 'npx', ['tsc', '-p', '.']);
step('package the extension (esbuild, vsce)', 'npm', ['run', '--silent', 'package']);
step('install code-server and Chromium if missing', 'bash', ['scripts/install-code-server.sh']);
step('UI tests, saving screenshots', 'node', ['--test', '--test-concurrency=1', 'out/test/ui/'], { PLYR_SCREENSHOTS: shots });
mkdirSync('media/screenshots', { recursive: true });
for (const name of README_IMAGES) {
  copyFileSync(join(shots, `${name}.png`), join('media/screenshots', `${name}.png`));
  console.log(`media/screenshots/${name}.png`);
}
