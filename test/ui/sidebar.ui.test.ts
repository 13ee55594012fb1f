import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { openWorkbench, Workbench } from './workbench';

describe('the PLYR sidebar, driven like a person', () => {
  let bench: Workbench;
  before(async () => {
    bench = await openWorkbench();
  });
  after(() => bench?.close());

  it('welcomes a user without credentials with a Set API Credentials button', async () => {
    await bench.openPlyrView();
    await bench.expectVisible(bench.page.locator('.part.sidebar .welcome-view-content a.monaco-button', { hasText: 'Set API Credentials' }), 'welcome-no-credentials');
    await bench.screenshot('welcome-no-credentials');
  });

  it('after the credentials are typed in, offers Add Identifier', async () => {
    await bench.page.locator('.part.sidebar .welcome-view-content a.monaco-button', { hasText: 'Set API Credentials' }).click();
    await bench.enter(DEMO_CREDENTIALS.apiKey, 'Set API Credentials (1/2)');
    await bench.enter(DEMO_CREDENTIALS.secretKey, 'Set API Credentials (2/2)');
    await bench.expectVisible(bench.page.locator('.part.sidebar .welcome-view-content a.monaco-button', { hasText: 'Add Identifier' }), 'welcome-add-identifier');
    await bench.screenshot('welcome-add-identifier');
  });

  it('after a reload, never shows the welcome that asks for credentials to someone who has them, not even while they are read', async () => {
    // Every welcome button that shows from the reload on, however briefly.
    await bench.page.addInitScript(`
      window.plyrWelcomesSeen = [];
      new MutationObserver(() => {
        for (const button of document.querySelectorAll('.welcome-view-content a.monaco-button')) {
          if (!window.plyrWelcomesSeen.includes(button.textContent)) window.plyrWelcomesSeen.push(button.textContent);
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    `);
    // The view is open as the reload begins, so that the workbench draws it (and its welcome) from the start.
    await bench.expectVisible(bench.page.locator('.part.sidebar .welcome-view-content a.monaco-button', { hasText: 'Add Identifier' }), 'welcome-before-reload');
    await bench.page.reload();
    await bench.page.waitForSelector('.part.activitybar a.action-label[aria-label^="PLYR"]', { timeout: 60_000 });
    await bench.openPlyrView();
    await bench.expectVisible(bench.page.locator('.part.sidebar .welcome-view-content a.monaco-button', { hasText: 'Add Identifier' }), 'welcome-after-reload');
    const seen = (await bench.page.evaluate('window.plyrWelcomesSeen')) as string[];
    assert.ok(seen.includes('Add Identifier'), seen.join(', '));
    assert.ok(!seen.includes('Set API Credentials'), `shown while the credentials were read: ${seen.join(', ')}`);
  });

  it('clears the credentials from the palette, and Undo puts them back', async () => {
    const welcome = (button: string) => bench.page.locator('.part.sidebar .welcome-view-content a.monaco-button', { hasText: button });
    await bench.palette('PLYR: Clear API Credentials');
    const toast = bench.page.locator('.notification-toast', { hasText: 'PLYR API credentials cleared.' });
    await bench.expectVisible(toast, 'credentials-cleared');
    await bench.expectVisible(welcome('Set API Credentials'), 'welcome-after-clear');
    await bench.answer(toast, 'Undo', 'credentials-undo');
    await bench.expectVisible(welcome('Add Identifier'), 'welcome-after-undo');
  });

  it('keeps the credentials that Set API Credentials replaced, and Undo puts them back', async () => {
    await bench.clearNotifications();
    await bench.palette('PLYR: Set API Credentials');
    await bench.enter('mistyped-api-key-0009', 'Set API Credentials (1/2)');
    await bench.enter('mistyped-secret', 'Set API Credentials (2/2)');
    const toast = bench.page.locator('.notification-toast', { hasText: 'They replaced the ones with key' });
    await bench.expectVisible(toast, 'credentials-replaced');
    await bench.answer(toast, 'Undo', 'credentials-replaced-undo');
    // Signed with the demo key again: Check Balance lists the balances.
    await bench.palette('PLYR: Check Balance');
    await bench.enter('player123', 'PLYR: Check Balance');
    await bench.expectVisible(bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'All tokens' }), 'replaced-token-step');
    await bench.page.keyboard.press('Enter');
    await bench.expectVisible(bench.page.locator('.quick-input-widget', { hasText: 'Balances of player123' }), 'replaced-undone-result');
    await bench.page.keyboard.press('Escape');
    assert.ok(bench.sim.requests.some((r) => r.path.startsWith('/api/user/balance/player123') && r.status === 200), 'a signed request was answered');
  });

  it("Add Identifier's label step goes Back to the identifier, keeping both what was typed and the label", async () => {
    const input = bench.page.locator('.quick-input-widget .quick-input-box input');
    await bench.palette('PLYR: Add Identifier');
    await bench.enter('player12', 'Add Identifier (1/2)'); // a typo noticed one step late
    await bench.expectVisible(bench.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Add Identifier (2/2)' }), 'add-label-step');
    await input.fill('Test player');
    await bench.page.locator('.quick-input-widget .codicon-quick-input-back').click();
    await bench.expectVisible(bench.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Add Identifier (1/2)' }), 'add-back-to-identifier');
    assert.equal(await input.inputValue(), 'player12');
    await bench.enter('player123', 'Add Identifier (1/2)');
    await bench.expectVisible(bench.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Add Identifier (2/2)' }), 'add-label-step-again');
    assert.equal(await input.inputValue(), 'Test player');
    await bench.page.keyboard.press('Enter');
    await bench.expectVisible(bench.page.locator('.part.sidebar .monaco-list-row.focused.selected', { hasText: 'Test player' }).first(), 'row-after-back');
    assert.ok(!(await bench.sidebarRows()).some((r) => r.includes('player12,')), 'the typo was never added');
  });

  it('shows tracked identifiers with their balances, and a failing one as an error', async () => {
    for (const [identifier, label] of [['0x742d35Cc6634C0532925a3b844Bc454e4438f44e', 'Treasury'], ['nobody-here', '']]) {
      await bench.palette('PLYR: Add Identifier');
      await bench.enter(identifier, 'Add Identifier (1/2)');
      await bench.enter(label, 'Add Identifier (2/2)');
      // The new row has the focus, for the keyboard to go on from there.
      await bench.expectVisible(bench.page.locator('.part.sidebar .monaco-list-row.focused.selected', { hasText: label || identifier }).first(), `row-${identifier.slice(0, 10)}`);
    }
    await bench.page.locator('.part.sidebar .monaco-list-row', { hasText: 'Test player' }).first().click();
    await bench.page.keyboard.press('ArrowRight');
    await bench.page.locator('.part.sidebar .monaco-list-row[aria-label^="GAMR"]').waitFor();
    await bench.page.locator('.part.sidebar .monaco-list-row', { hasText: 'nobody-here' }).first().click();
    await bench.page.keyboard.press('ArrowRight');
    await bench.page.locator('.part.sidebar .monaco-list-row', { hasText: 'No PLYR account' }).last().waitFor();
    const rows = await bench.sidebarRows();
    // Read aloud in words and commas: no middle dots, no bare symbols.
    assert.ok(rows.some((r) => /^Test player, PLYR ID player123, 5 tokens, updated /.test(r)), rows.join('\n'));
    assert.ok(rows.every((r) => !/[·▲▼•]/.test(r)), rows.join('\n'));
    assert.ok(rows.includes('GAMR 9,007,199.254740993123456789'), rows.join('\n'));
    assert.ok(rows.some((r) => r.startsWith('Treasury, wallet address 0x742d35Cc6634C0532925a3b844Bc454e4438f44e')), rows.join('\n'));
    assert.ok(rows.some((r) => r.startsWith('PLYR ID nobody-here, No PLYR account')), rows.join('\n'));
    await bench.screenshot('sidebar');
  });

  it('Filter Tokens names the row by its label; the row then shows the one token kept and says which it leaves out', async () => {
    const row = bench.page.locator('.part.sidebar .monaco-list-row', { hasText: 'Test player' }).first();
    const title = bench.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Tokens to show for Test player (player123)' });
    const tokens = bench.page.locator('.quick-input-list .monaco-list-row');
    await bench.contextMenu(row, 'Filter Tokens…');
    await bench.expectVisible(title, 'filter-title');
    // A click on a token's row takes its check away, as a person unticks what they do not want.
    const names = await tokens.evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    assert.ok(names.some((name) => name.startsWith('GAMR')) && names.length === 5, names.join(', '));
    for (const name of names.filter((name) => !name.startsWith('GAMR'))) {
      await tokens.filter({ hasText: name.split(/[ ,]/)[0] }).first().click();
    }
    await bench.page.locator('.quick-input-widget .quick-input-box input').click();
    await bench.page.keyboard.press('Enter');
    const hidden = bench.page.locator('.part.sidebar .monaco-list-row', { hasText: '4 more tokens not shown' });
    await bench.expectVisible(hidden, 'filter-hidden-row');
    const rows = await bench.sidebarRows();
    const below = rows.slice(rows.findIndex((r) => r.startsWith('Test player')) + 1);
    assert.match(below[0], /^GAMR /, rows.join('\n'));
    assert.match(below[1], /^4 more tokens not shown: /, rows.join('\n'));
    // Every token again: the row's own click opens the same pick, where each one left out is ticked again
    // (a click on its row, as above: VS Code 1.100 draws no "select all" box of the kind 1.90 does).
    await hidden.click();
    await bench.expectVisible(title, 'filter-title-again');
    for (const name of names.filter((name) => !name.startsWith('GAMR'))) {
      await tokens.filter({ hasText: name.split(/[ ,]/)[0] }).first().click();
    }
    await bench.page.locator('.quick-input-widget .quick-input-box input').click();
    await bench.page.keyboard.press('Enter');
    await hidden.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it("shows a label's $(…) and the server URL as typed in the row's tooltip: no icon, no link", async () => {
    await bench.palette('PLYR: Add Identifier');
    await bench.enter('crypto-fennec', 'Add Identifier (1/2)');
    await bench.enter('$(verified) Trusted', 'Add Identifier (2/2)');
    const row = bench.page.locator('.part.sidebar .monaco-list-row', { hasText: 'Trusted' }).first();
    await bench.expectVisible(row, 'row-trusted');
    const tooltip = bench.page.locator('.monaco-hover, .workbench-hover', { hasText: 'PLYR ID:' }).first();
    for (let attempt = 1; !(await tooltip.isVisible()); attempt++) {
      await bench.page.mouse.move(700, 500);
      await row.hover();
      if (attempt === 5) {
        await bench.expectVisible(tooltip, 'tooltip-trusted', 6_000);
      }
      await tooltip.waitFor({ state: 'visible', timeout: 6_000 }).catch(() => undefined);
    }
    // A zero-width space breaks the `$(` up; the person reads the label as typed.
    const shown = (await tooltip.innerText()).replace(/\u200b/g, '');
    assert.match(shown, /\$\(verified\)\sTrusted/);
    assert.match(shown, /Network:\scustom\s\(http:\/\/127\.0\.0\.1:\d+\)\n/, 'the URL as typed, no stray backslash');
    assert.equal(await tooltip.locator('.codicon-verified').count(), 0, 'the label made an icon');
    assert.equal(await tooltip.locator('a').count(), 0, 'no live link: neither the label nor the server URL');
  });
});
