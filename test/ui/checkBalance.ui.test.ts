import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openFile, openWorkbench, Workbench } from './workbench';

describe('PLYR: Check Balance from the palette and the editor’s context menu, run like a person', () => {
  let bench: Workbench;
  before(async () => {
    bench = await openWorkbench();
    await bench.setDemoCredentials();
  });
  after(() => bench?.close());

  it('explains a malformed identifier while it is typed', async () => {
    await bench.palette('PLYR: Check Balance');
    const input = bench.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('player 123');
    await bench.page.locator('.quick-input-message', { hasText: "a space (U+0020) is not allowed" }).waitFor();
    await bench.screenshot('check-balance-validation');
    await bench.page.keyboard.press('Escape');
  });

  it('lists every balance of a PLYR ID with all its decimals', async () => {
    await bench.clearNotifications(); // the credentials' toast is not part of the picture
    await bench.palette('PLYR: Check Balance');
    await bench.enter('player123', 'PLYR: Check Balance');
    await bench.expectVisible(bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'All tokens' }), 'check-balance-token-step');
    await bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'GAMR' }).waitFor();
    await bench.screenshot('check-balance-token');
    await bench.page.keyboard.press('Enter');
    await bench.expectVisible(bench.page.locator('.quick-input-widget', { hasText: 'Balances of player123' }), 'check-balance-result');
    await bench.expectVisible(bench.page.locator('.quick-input-widget .quick-input-title', { hasText: /updated (just now|\d+ sec)/ }), 'check-balance-age');
    const rows = await bench.page.$$eval('.quick-input-list .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
    assert.ok(rows.some((r) => r.includes('GAMR') && r.includes('9,007,199.254740993123456789')), rows.join('\n'));
    assert.ok(rows.some((r) => r.includes('USDC') && r.includes('250.75')), rows.join('\n'));
    await bench.readmePicture('check-balance-result');
    await bench.page.keyboard.press('Escape');
  });

  it('warns in the result that a mistyped mixed-case address fails its checksum, and still lists its balances', async () => {
    await bench.palette('PLYR: Check Balance');
    // The treasury wallet with one letter's case wrong (the demo's TYPO_WALLET).
    await bench.enter('0x742d35cC6634C0532925a3b844Bc454e4438f44e', 'PLYR: Check Balance');
    await bench.expectVisible(bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'All tokens' }), 'typo-token-step');
    await bench.page.keyboard.press('Enter');
    await bench.expectVisible(bench.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Balances of 0x742d35Cc6634C0532925a3b844Bc454e4438f44e' }), 'typo-result');
    const input = bench.page.locator('.quick-input-widget .quick-input-box input');
    assert.equal(await input.getAttribute('placeholder'), '⚠ This mixed-case address fails its EIP-55 checksum: it may contain a typo.');
    const rows = await bench.page.$$eval('.quick-input-list .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
    assert.ok(rows.some((r) => r.includes('PLYR') && r.includes('1.5')), rows.join('\n'));
    await bench.page.keyboard.press('Escape');
  });

  it('from the editor’s context menu, asks with the address under the cursor filled in, although VS Code passes the file', async () => {
    await openFile(bench.page, 'game-config.ts');
    const address = bench.page.locator('.view-line span', { hasText: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e' }).first();
    await address.click(); // the cursor on the address
    await bench.contextMenu(address, 'Check PLYR Balance…');
    const input = bench.page.locator('.quick-input-widget .quick-input-box input');
    await bench.expectVisible(bench.page.locator('.quick-input-widget', { hasText: 'PLYR: Check Balance' }), 'editor-menu-check-balance');
    assert.equal(await input.inputValue(), '0x742d35Cc6634C0532925a3b844Bc454e4438f44e');
    await bench.page.keyboard.press('Escape');
  });
});
