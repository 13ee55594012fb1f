import * as assert from 'node:assert/strict';
import { poll } from '../runners/poll';
import { after, before, describe, it } from 'node:test';
import { openFile, openWorkbench, restMouseOn, Workbench } from './workbench';

describe('the address hover, as a person sees it', () => {
  let bench: Workbench;
  before(async () => {
    bench = await openWorkbench();
    await bench.setDemoCredentials();
  });
  after(() => bench?.close());

  it('shows balances when the mouse rests on an address in an open file', async () => {
    const { page } = bench;
    await bench.clearNotifications(); // the credentials' toast is not part of the picture
    await openFile(page, 'game-config.ts');
    const address = page.locator('.monaco-editor .view-lines span span', { hasText: '0x742d35Cc' }).first();
    const hover = page.locator('.monaco-hover', { hasText: 'PLYR' });
    await restMouseOn(page, address, hover);
    await bench.expectVisible(page.locator('.monaco-hover', { hasText: 'Updated' }), 'hover-balances');
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /PLYR ID player123/);
    assert.match(text, /PLYR 1\.5/);
    assert.match(text, /Track in sidebar/);
    // Another hover provider (TypeScript's) may still say "Loading..." under ours: the picture waits for it.
    await poll(() => hover.innerText(), (shown) => !shown.includes('Loading'), 5_000);
    await bench.readmePicture('hover');
  });
});
