import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { openWorkbench, Workbench } from './workbench';

/**
 * What `npm run demo` shows a newcomer: the packaged extension, the demo workspace with its
 * `.vscode/plyr.json`, credentials from the environment, and nothing typed.
 */
describe('the demo, as a newcomer opens it', () => {
  let bench: Workbench;
  before(async () => {
    bench = await openWorkbench({
      watchList: true,
      settings: { 'plyr.openViewOnStartup': true },
      env: { PLYR_API_KEY: DEMO_CREDENTIALS.apiKey, PLYR_SECRET_KEY: DEMO_CREDENTIALS.secretKey },
    });
  });
  after(() => bench?.close());

  it("shows the workspace's identifiers with their balances, with nothing clicked or typed", async () => {
    const rows = bench.page.locator('.part.sidebar .monaco-list-row');
    await bench.expectVisible(rows.filter({ hasText: 'Workspace' }).first(), 'demo-workspace-group');
    await bench.expectVisible(bench.page.locator('.part.sidebar .monaco-list-row[aria-label^="GAMR 9,007,199.254740993123456789"]').first(), 'demo-balances');
    for (const [label, what] of [['Test player', 'PLYR ID player123'], ['Treasury wallet', 'wallet address 0x742d35Cc6634C0532925a3b844Bc454e4438f44e'], ['crypto-fennec', 'PLYR ID crypto-fennec']]) {
      await bench.expectVisible(bench.page.locator(`.part.sidebar .monaco-list-row[aria-label^="${label === 'crypto-fennec' ? '' : `${label}, `}${what}, "]`).filter({ hasText: 'tokens' }).first(), `demo-row-${label}`);
    }
    const labels = await bench.sidebarRows();
    assert.ok(labels.some((r) => r.startsWith('Test player, PLYR ID player123, 5 tokens')), labels.join('\n'));
    assert.ok(labels.some((r) => r.startsWith('Treasury wallet, wallet address 0x742d35Cc6634C0532925a3b844Bc454e4438f44e')), labels.join('\n'));
    assert.ok(labels.some((r) => r === 'PLYR 1,234.5'), labels.join('\n'));
    await bench.page.mouse.move(700, 500); // no tooltip in the picture
    await bench.screenshot('demo-sidebar');
  });
});
