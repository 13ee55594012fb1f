import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../runners/browser';
import { processesInGroups, processesMentioning, RunningDemo, runDemoCommand } from './demoCommand';
import { expectVisible, restMouseOn, SCREENSHOTS } from './workbench';

/**
 * `npm run demo` as a newcomer meets it: this runs the demo's own script (its build, simulator,
 * code-server profile, settings and workspace), opens the URL it prints in Chromium, touches
 * nothing, and then presses Ctrl+C. Nothing here sets the demo up a second time.
 */
describe('npm run demo, as a newcomer runs it', () => {
  let demo: RunningDemo | undefined;
  let browser: BrowserContext | undefined;
  let page: Page;
  const rows = () => page.$$eval('.part.sidebar .monaco-list-row', (list) => list.map((r) => r.getAttribute('aria-label') ?? ''));

  before(async () => {
    demo = await runDemoCommand();
    browser = await launchBrowser();
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(demo.url);
  });
  after(async () => {
    await browser?.close().catch(() => undefined);
    demo?.kill();
  });

  it("shows the workspace's identifiers with their balances, and game-config.ts with its addresses annotated, with nothing clicked or typed", async () => {
    const sidebar = page.locator('.part.sidebar .monaco-list-row');
    await expectVisible(page, sidebar.filter({ hasText: 'Workspace' }).first(), 'demo-workspace-group', 60_000);
    await expectVisible(page, page.locator('.part.sidebar .monaco-list-row[aria-label^="GAMR 9,007,199.254740993123456789"]').first(), 'demo-balances');
    for (const [label, what] of [['Test player, ', 'PLYR ID player123'], ['Treasury wallet, ', 'wallet address 0x742d35Cc6634C0532925a3b844Bc454e4438f44e'], ['', 'PLYR ID crypto-fennec']]) {
      await expectVisible(page, page.locator(`.part.sidebar .monaco-list-row[aria-label^="${label}${what}, "]`).filter({ hasText: 'tokens' }).first(), `demo-row-${what.slice(0, 20)}`);
    }
    const labels = await rows();
    assert.ok(labels.some((r) => r.startsWith('Test player, PLYR ID player123, 5 tokens')), labels.join('\n'));
    assert.ok(labels.some((r) => r.startsWith('Treasury wallet, wallet address 0x742d35Cc6634C0532925a3b844Bc454e4438f44e')), labels.join('\n'));
    // Values in dollars are on by default: a token row reads its exact amount, then its value in words.
    assert.ok(labels.some((r) => r === 'PLYR 1,234.5, worth about $15.18'), labels.join('\n'));
    // Nothing asks the newcomer for anything: no error row, no dialog, no notification.
    assert.deepEqual(labels.filter((r) => /^Error\b|not sent|Allow Workspace Server/i.test(r)), [], labels.join('\n'));
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'a dialog is open');
    assert.deepEqual(await page.locator('.notification-toast').allInnerTexts(), [], 'a notification shows');
    // game-config.ts opens beside the view, its mistyped address underlined as a checksum problem.
    await expectVisible(page, page.locator('.tab.active', { hasText: 'game-config.ts' }), 'demo-editor');
    await expectVisible(page, page.locator('.monaco-editor .squiggly-warning').first(), 'demo-checksum-warning');
    // The demo turns inlay hints on: each address is followed by what it holds, the mistyped one by its warning first.
    const line = (name: string) => page.locator('.monaco-editor .view-line', { hasText: name });
    await expectVisible(page, line('TREASURY_WALLET').filter({ hasText: /f44e\s*Treasury\swallet\s·\s1\.5\sPLYR\s*'/ }), 'demo-hint');
    await expectVisible(page, line('TYPO_WALLET').filter({ hasText: /f44e\s*⚠\sTreasury\swallet\s·\s1\.5\sPLYR\s*'/ }), 'demo-hint-typo');
    await page.mouse.move(900, 780); // below the file's last line: no tooltip or hover in the picture
    // A refresh round still running shows as a bar under the view's title: the picture waits it out.
    await page.locator('.part.sidebar .monaco-progress-container.active').waitFor({ state: 'hidden' });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/demo-sidebar.png` });
  });

  it('shows balances when the mouse rests on an address in game-config.ts, which the demo opened', async () => {
    const hover = page.locator('.monaco-hover', { hasText: 'PLYR' });
    await restMouseOn(page, page.locator('.monaco-editor .view-lines span span', { hasText: '0x742d35Cc' }).first(), hover);
    await expectVisible(page, page.locator('.monaco-hover', { hasText: 'Updated' }), 'demo-hover');
    assert.match((await hover.innerText()).replace(/\s+/g, ' '), /PLYR ID player123/);
    // The wallet of 0xgamer: a PLYR ID that starts with 0x is named, not taken for an address.
    const gamer = page.locator('.monaco-hover', { hasText: 'PLYR ID 0xgamer' });
    await restMouseOn(page, page.locator('.monaco-editor .view-lines span span', { hasText: '0x45e45A96' }).first(), gamer);
    await expectVisible(page, gamer.filter({ hasText: 'Updated' }), 'demo-hover-0xgamer');
  });

  it('Ctrl+C stops everything it started and removes its scratch folder', async () => {
    const running = demo!;
    const started = processesMentioning(running.scratch);
    assert.ok(started.length > 0, `no process of the demo mentions ${running.scratch}`);
    const groups = new Set(started.map((p) => p.pgid));
    const ports = [new URL(running.url).port, /Simulator:\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(running.output())?.[1]];
    await browser?.close();
    browser = undefined;
    assert.equal(await running.pressCtrlC(), 0, running.output());
    assert.match(running.output(), /Stopped code-server and the simulator/);
    assert.deepEqual(processesInGroups(groups), [], 'processes of code-server or its extension host are still running');
    assert.deepEqual(processesMentioning(running.scratch), []);
    assert.equal(fs.existsSync(running.scratch), false, `${running.scratch} is still there`);
    for (const port of ports) {
      assert.ok(port, running.output());
      assert.equal(await accepts(Number(port)), false, `something still listens on 127.0.0.1:${port}`);
    }
  });
});

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
