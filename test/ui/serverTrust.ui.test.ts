import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openWorkbench, Workbench } from './workbench';

/** A server this workspace's settings choose: nothing listens there, and nothing is sent before a yes. */
const WORKSPACE_SERVER = 'http://127.0.0.1:9';

describe("a workspace's server, as a person meets it", () => {
  let bench: Workbench;
  before(async () => {
    bench = await openWorkbench({
      workspaceFiles: { '.vscode/settings.json': JSON.stringify({ 'plyr.customBaseUrl': WORKSPACE_SERVER }) },
      // What a repository's task input or another extension can do too: run the command with the origin.
      keybindings: [{ key: 'ctrl+alt+shift+y', command: 'plyr.allowWorkspaceServer', args: WORKSPACE_SERVER }],
    });
    await bench.setDemoCredentials();
  });
  after(() => bench?.close());

  it('asks before allowing it, even when the command is given the origin', async () => {
    const { page } = bench;
    await bench.clearNotifications();
    await page.locator('.monaco-workbench').click({ position: { x: 600, y: 300 } }); // the editor area has the focus
    await page.keyboard.press('Control+Alt+Shift+Y');
    const dialog = page.locator('.monaco-dialog-box');
    await bench.expectVisible(dialog, 'allow-server-dialog');
    assert.match(await dialog.innerText(), /This workspace sets the PLYR API server to http:\/\/127\.0\.0\.1:9\. Send your API key and signed requests there\?/);
    await dialog.locator('a.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Still not allowed: Check Balance says so, and sends nothing.
    await bench.palette('PLYR: Check Balance');
    await bench.enter('player123', 'PLYR: Check Balance');
    await bench.expectVisible(page.locator('.quick-input-list .monaco-list-row', { hasText: 'All tokens' }), 'allow-server-token-step');
    await page.keyboard.press('Enter');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: '127.0.0.1:9' });
    await bench.expectVisible(toast, 'still-not-allowed');
    assert.match(await toast.innerText(), /Allow Workspace Server/);
    assert.deepEqual(bench.sim.requests.filter((r) => r.apikey), [], "nor did the user's own server get one");
  });
});
