import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openFile, openWorkbench, Workbench } from './workbench';

/**
 * The demo's game-config.ts writes the treasury wallet twice: once as its checksum asks, once
 * with one letter's case wrong (TYPO_WALLET). A person sees the second in the Problems panel,
 * fixes it from the light bulb's menu (Ctrl+.), and can take the fix back with Undo.
 */
describe('checksum problems in the code, as a person meets them', () => {
  const typo = '0x742d35cC6634C0532925a3b844Bc454e4438f44e';
  const checksummed = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
  let bench: Workbench;
  before(async () => {
    bench = await openWorkbench(); // nothing is asked of the network: no credentials needed
  });
  after(() => bench?.close());

  it('lists the mistyped address in Problems, and the quick fix writes its checksummed form; Undo takes it back', async () => {
    const { page } = bench;
    await openFile(page, 'game-config.ts');
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'fails its EIP-55 checksum' });
    await bench.expectVisible(problem, 'checksum-problem');
    assert.match((await problem.innerText()).replace(/\s+/g, ' '), new RegExp(`Checksummed, it reads ${checksummed}\\. PLYR`));
    assert.equal(await page.locator('.markers-panel .monaco-list-row', { hasText: 'EIP-55' }).count(), 1, 'only the mistyped address is a problem');

    // Into the address, as a person clicks it, then the quick fixes from the keyboard (Ctrl+.).
    // (A regular expression: text given as a string matches regardless of case.)
    // Ctrl+. before the fixes are ready finds none: Escape, and again. The light bulb is not waited
    // for: a CI run saw none in 30 s, the line scrolled to the top of the editor (where it has no room).
    const address = page.locator('.monaco-editor .view-lines span span', { hasText: new RegExp(typo) }).first();
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Use the checksummed form' });
    await bench.gestureUntilVisible(
      async () => {
        await page.keyboard.press('Escape');
        await address.click();
        await page.keyboard.press('Control+.');
      },
      fix,
      'checksum-quick-fix',
    );
    assert.ok(await page.locator('.action-widget .monaco-list-row', { hasText: 'Use lower case' }).isVisible(), 'the second fix is offered');
    await bench.readmePicture('checksum');
    // The preferred fix comes first and has the focus: Enter applies it.
    assert.match((await fix.getAttribute('class')) ?? '', /\bfocused\b/);
    await page.keyboard.press('Enter');

    const line = page.locator('.monaco-editor .view-line', { hasText: 'TYPO_WALLET' });
    await bench.expectVisible(line.filter({ hasText: new RegExp(checksummed) }), 'checksum-fixed');
    await problem.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Z');
    await bench.expectVisible(line.filter({ hasText: new RegExp(typo) }), 'checksum-undone');
    await bench.expectVisible(problem, 'checksum-problem-again');
  });
});
