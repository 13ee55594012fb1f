import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { openFile, openWorkbench, Workbench } from './workbench';

/**
 * Inlay hints after the addresses of the demo's game-config.ts, with `plyr.inlayHints.show` set
 * to `amount`: the treasury wallet, tracked as "Treasury wallet" in the demo's watch-list, reads
 * its label and PLYR amount, and its mistyped copy warns first that its checksum fails; the
 * untracked wallet of 0xgamer its amount, and a Ctrl+click on it asks before tracking it.
 */
describe('inlay hints after addresses, as a person sees them', () => {
  let bench: Workbench;
  before(async () => {
    bench = await openWorkbench({
      watchList: true,
      settings: { 'plyr.inlayHints.show': 'amount' },
      env: { PLYR_API_KEY: DEMO_CREDENTIALS.apiKey, PLYR_SECRET_KEY: DEMO_CREDENTIALS.secretKey },
    });
  });
  after(() => bench?.close());

  it("writes each address's label and amount after it, and a Ctrl+click on an untracked one offers to track it", async () => {
    const { page } = bench;
    await openFile(page, 'game-config.ts');
    const line = (name: string) => page.locator('.monaco-editor .view-line', { hasText: name });
    // The hint is text the editor inserts in the line, after the address and before its quote
    // (with a hair space before it, and no-break spaces in it).
    await bench.expectVisible(line('TREASURY_WALLET').filter({ hasText: /f44e\s*Treasury\swallet\s·\s1\.5\sPLYR\s*'/ }), 'hints-treasury');
    await bench.expectVisible(line('GAMER_WALLET').filter({ hasText: /A9a4\s*[\d,.]+\sPLYR\s*'/ }), 'hints-gamer');
    // The treasury wallet with one letter's case wrong: the same address, which the server refuses as written.
    await bench.expectVisible(line('TYPO_WALLET').filter({ hasText: /f44e\s*⚠\sTreasury\swallet\s·\s1\.5\sPLYR\s*'/ }), 'hints-typo');
    await bench.page.mouse.move(0, 0);
    await bench.readmePicture('inlay-hints');

    // Ctrl+click, as the editor's link gesture wants it: Ctrl held while the mouse moves onto the hint.
    const gamer = await line('GAMER_WALLET').locator('span', { hasText: /^\s*[\d,.]+\sPLYR\s*$/ }).last().boundingBox();
    assert.ok(gamer, "the hint of 0xgamer's wallet");
    const ctrlClick = async () => {
      await page.mouse.move(gamer.x + 2, gamer.y + gamer.height / 2);
      await page.keyboard.down('Control');
      await page.mouse.move(gamer.x + gamer.width / 2, gamer.y + gamer.height / 2, { steps: 4 });
      await page.mouse.down();
      await page.mouse.up();
      await page.keyboard.up('Control');
    };
    const offer = page.locator('.notification-toast', { hasText: 'Track 0x45e45A96C52B16E69D84f48eEBA06564db11A9a4 in the PLYR view?' });
    await bench.gestureUntilVisible(ctrlClick, offer, 'hints-offer');
    await bench.answer(offer, 'Track', 'hints-track');
    await bench.openPlyrView();
    await bench.expectVisible(page.locator('.part.sidebar .monaco-list-row[aria-label^="wallet address 0x45e45A96C52B16E69D84f48eEBA06564db11A9a4"]'), 'hints-tracked');
    // The watch-list is still there. Its rows come a round trip after the new one (VS Code asks
    // for the Workspace row's children once it has shown that row), so wait for them, not count them.
    await bench.expectVisible(page.locator('.part.sidebar .monaco-list-row[aria-label^="Treasury wallet"]'), 'hints-watch-list-kept');
  });
});
