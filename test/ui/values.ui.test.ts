import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import type { Locator } from 'playwright-core';
import { openWorkbench, Workbench } from './workbench';

/**
 * Values in dollars in the sidebar, as a person reads them: beside each amount, in each
 * identifier's total with how much of it was priced, and the price with its source in a token
 * row's tooltip. The simulator's token list prices PLYR, GAMR, AVAX and USDC, and not FLOKI.
 */
describe('values in dollars in the PLYR view, as a person sees them', () => {
  let bench: Workbench;
  before(async () => {
    bench = await openWorkbench({
      watchList: true,
      settings: { 'plyr.showValues': true },
      env: { PLYR_API_KEY: DEMO_CREDENTIALS.apiKey, PLYR_SECRET_KEY: DEMO_CREDENTIALS.secretKey },
    });
  });
  after(() => bench?.close());

  const row = (label: string) => bench.page.locator(`.part.sidebar .monaco-list-row[aria-label^="${label}"]`).first();

  it('shows each amount with its value, each total with how much was priced, and a price with its source', async () => {
    await bench.openPlyrView();
    await widenSidebar(bench);
    // The exact amount, then its value: what a screen reader says, and what the row shows.
    await bench.expectVisible(row('PLYR 1,234.5, worth about $15.18'), 'values-token-row');
    assert.match(await row('PLYR 1,234.5, worth').innerText(), /1,234\.5\s*·\s*≈ \$15\.18/);
    // No price, no value: FLOKI shows its amount alone, never "$0".
    const floki = row('FLOKI 1,000,000.123456');
    assert.doesNotMatch(await floki.innerText(), /\$/);
    // crypto-fennec holds FLOKI too, so its total counts 4 of its 5 tokens.
    const fennec = row('PLYR ID crypto-fennec');
    await bench.expectVisible(fennec.filter({ hasText: '4 of 5 tokens priced' }), 'values-total');
    assert.match(await fennec.innerText(), /≈ \$0\.77 · 4 of 5 tokens priced/);

    // The price, where it comes from (in words) and its age, in the tooltip.
    await bench.page.mouse.move(0, 0);
    await row('GAMR 9,007,199').hover();
    const tooltip = bench.page.locator('.monaco-hover, .workbench-hover', { hasText: 'Price $0.5 per GAMR' }).first();
    await bench.expectVisible(tooltip, 'values-tooltip');
    assert.match((await tooltip.innerText()).replace(/\s+/g, ' '), /Price \$0\.5 per GAMR \(CoinMarketCap DEX, updated [^)]+\)/);
    await bench.readmePicture('values');
  });

  it("shows the values of a wallet's tokens in the account's Wallets group too", async () => {
    await bench.page.mouse.move(0, 0);
    const rows = bench.page.locator('.part.sidebar .monaco-list-row');
    // Test player's Wallets group (known by its icon), then its primary wallet: the treasury address.
    await rows.filter({ has: bench.page.locator('.codicon-credit-card') }).and(bench.page.locator('[aria-expanded="false"]')).first().click();
    const wallet = rows.and(bench.page.locator('[aria-level="4"]')).filter({ hasText: '0x742d' }).first();
    await bench.expectVisible(wallet, 'values-wallet');
    await wallet.click();
    // Five levels deep: Workspace, Test player, Wallets, the wallet, its token.
    await bench.expectVisible(rows.and(bench.page.locator('[aria-level="5"][aria-label="PLYR 1.5, worth about $0.02"]')), 'values-wallet-token');
    assert.match(await rows.and(bench.page.locator('[aria-level="5"][aria-label^="AVAX 0.02"]')).innerText(), /0\.02\s*·\s*≈ \$0\.70/);
  });

  it("lists each token's value in Check Balance's result, and the total in its title", async () => {
    await bench.palette('PLYR: Check Balance');
    await bench.enter('crypto-fennec', 'PLYR: Check Balance');
    await bench.expectVisible(bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'All tokens' }), 'values-check-balance-token-step');
    await bench.page.keyboard.press('Enter');
    // As its row says it, with cents: FLOKI has no price.
    await bench.expectVisible(bench.page.locator('.quick-input-widget .quick-input-title', { hasText: /^Balances of crypto-fennec · .* · Total ≈ \$0\.77 · 4 of 5 tokens priced$/ }), 'values-check-balance-total');
    const rows = await bench.page.$$eval('.quick-input-list .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    assert.ok(rows.includes('GAMR, 0.5 · ≈ $0.25'), rows.join('\n'));
    assert.ok(rows.includes('FLOKI, 0'), rows.join('\n'));
    await bench.page.keyboard.press('Escape');
  });

  it('says a sort by value is paused while values are off, offers Move Up meanwhile, and sorts by value again once they are on', async () => {
    const sortLine = (text: string) => bench.page.locator('.part.sidebar .tree-explorer-viewlet-tree-view > .message', { hasText: text });
    // A row of the user's own list (the watch-list's rows never move): its menu offers Move Up only in manual order.
    await bench.palette('PLYR: Add Identifier');
    await bench.enter('zero-hero', 'Add Identifier (1/2)');
    await bench.enter('', 'Add Identifier (2/2)');
    const own = row('PLYR ID zero-hero');
    await bench.expectVisible(own, 'values-own-row');
    await bench.palette('PLYR: Sort By…');
    await bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'By value' }).click();
    await bench.expectVisible(sortLine('Sorted by value, largest first.'), 'sorted-by-value-line');
    assert.ok(!(await menuItems(bench, own)).includes('Move Up'), 'no Move Up while sorted by value');
    const saved = fs.readFileSync(bench.userSettings, 'utf8');
    await bench.editUserSettings(JSON.stringify({ ...(JSON.parse(saved) as object), 'plyr.showValues': false }, null, 2));
    try {
      // No row shows a value: the line says the rows are in the manual order, not "by value", and the menu lets them move.
      await bench.expectVisible(sortLine('Sorting by value is paused while values are off: rows are in manual order.'), 'value-sort-paused-line');
      const items = await menuItems(bench, own);
      assert.ok(items.includes('Move Up'), `Move Up while the value sort is paused: ${items.join(', ')}`);
    } finally {
      await bench.editUserSettings(saved);
    }
    await bench.expectVisible(sortLine('Sorted by value, largest first.'), 'value-sort-resumed-line');
  });
});

/** The labels of a row's context menu, as a right-click opens it; Escape closes it again. */
async function menuItems(bench: Workbench, target: Locator): Promise<string[]> {
  const labels = bench.page.locator('.context-view .action-item:not(.disabled) .action-label');
  await bench.gestureUntilVisible(() => target.click({ button: 'right' }), labels.first(), 'context-menu');
  const items = (await labels.allInnerTexts()).map((text) => text.trim());
  await bench.page.keyboard.press('Escape');
  await labels.first().waitFor({ state: 'hidden' });
  return items;
}

/** Drags the sash between the sidebar and the editor to the right, as a person would to read whole rows. */
async function widenSidebar(bench: Workbench): Promise<void> {
  const sidebar = await bench.page.locator('.part.sidebar').boundingBox();
  assert.ok(sidebar, 'the sidebar is shown');
  const edge = sidebar.x + sidebar.width;
  const y = sidebar.y + sidebar.height / 2;
  await bench.page.mouse.move(edge, y);
  await bench.page.mouse.down();
  await bench.page.mouse.move(edge + 240, y, { steps: 8 });
  await bench.page.mouse.up();
  const wider = await bench.page.locator('.part.sidebar').boundingBox();
  assert.ok(wider && wider.width > sidebar.width + 200, `the sidebar is ${wider?.width} px wide, was ${sidebar.width}`);
}
