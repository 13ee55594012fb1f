import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openWorkbench, Workbench } from './workbench';

describe('the address hover, as a person sees it', () => {
  let bench: Workbench;
  before(async () => {
    bench = await openWorkbench();
    await bench.setDemoCredentials();
  });
  after(() => bench?.close());

  it('shows balances when the mouse rests on an address in an open file', async () => {
    const { page } = bench;
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget .quick-input-box input').fill('game-config.ts');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'game-config.ts' }).first().waitFor();
    await page.keyboard.press('Enter');
    const address = page.locator('.monaco-editor .view-lines span span', { hasText: '0x742d35Cc' }).first();
    const hover = page.locator('.monaco-hover', { hasText: 'PLYR' });
    // Rest the mouse on the address (Playwright re-finds it if the editor re-renders). While the
    // editor is still starting, a first rest can show nothing: move away and back, as a person would.
    for (let attempt = 1; ; attempt++) {
      await page.mouse.move(0, 0);
      await address.hover();
      try {
        await hover.waitFor({ state: 'visible', timeout: 6_000 });
        break;
      } catch (error) {
        if (attempt === 5) {
          await bench.screenshot('failed-hover');
          throw error;
        }
      }
    }
    await bench.expectVisible(page.locator('.monaco-hover', { hasText: 'Updated' }), 'hover-balances');
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /PLYR ID player123/);
    assert.match(text, /PLYR 1\.5/);
    assert.match(text, /Track in sidebar/);
    await bench.screenshot('hover');
  });
});
