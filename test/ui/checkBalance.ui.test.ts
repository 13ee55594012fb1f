import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { poll } from '../runners/poll';
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
    // The keys to go on or back, as every input box says them: once (VS Code adds them to a created box's prompt too).
    const prompt = bench.page.locator('.quick-input-message', { hasText: 'A PLYR ID (such as player123) or a 0x wallet address' });
    await prompt.waitFor();
    assert.equal((await prompt.innerText()).trim(), "A PLYR ID (such as player123) or a 0x wallet address (Press 'Enter' to confirm or 'Escape' to cancel)");
    const input = bench.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('player 123');
    await bench.page.locator('.quick-input-message', { hasText: "a space (U+0020) is not allowed" }).waitFor();
    await bench.screenshot('check-balance-validation');
    // The treasury wallet mistyped, "…f44e" as "…f4g": a PLYR ID by the rules, so a warning.
    await input.fill('0x742d35Cc6634C0532925a3b844Bc454e4438f4g');
    const warning = "Read as a PLYR ID: a wallet address has 40 hex digits after 0x; this has 39 characters, and 'g' (U+0067), character 39, is not a hex digit.";
    await bench.expectVisible(bench.page.locator('.quick-input-message', { hasText: warning }), 'check-balance-not-hex-warning');
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

  it('picks the token whose full name is typed ("usd coin", by its description) with Enter, the space’s error below it, its reason shown whole', async () => {
    await bench.palette('PLYR: Check Balance');
    await bench.enter('player123', 'PLYR: Check Balance');
    const rows = bench.page.locator('.quick-input-list .monaco-list-row');
    await bench.expectVisible(rows.filter({ hasText: 'USD Coin' }), 'full-name-token-step');
    await bench.page.locator('.quick-input-widget .quick-input-box input').fill('usd coin');
    const invalid = rows.filter({ hasText: 'is not allowed' });
    await bench.expectVisible(invalid, 'full-name-error-row');
    const shown = await rows.evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', focused: e.classList.contains('focused') })));
    assert.match(shown[0]?.text ?? '', /^USDC/, `USDC first: ${shown.map((r) => r.text).join(' | ')}`);
    assert.ok(shown[0]?.focused, 'and selected, for Enter');
    // The reason is the row's label, whole on screen; the rule is the line below.
    const label = invalid.locator('.label-name').first();
    assert.match((await label.textContent()) ?? '', /^\s*In a token name, a space \(U\+0020\) is not allowed\.$/);
    // Cut, its box (which ends it with an ellipsis) would be narrower than the text.
    const fit = await label.evaluate((e) => {
      const box = e.closest('.monaco-icon-label-container') ?? e;
      return { text: box.scrollWidth, shown: box.clientWidth };
    });
    assert.ok(fit.shown > 0 && fit.text <= fit.shown, `the reason is not cut: ${JSON.stringify(fit)}`);
    assert.match(await invalid.innerText(), /A token name uses letters, digits/, 'the rule on the line below');
    await bench.page.keyboard.press('Enter');
    await bench.expectVisible(bench.page.locator('.quick-input-widget', { hasText: 'Balances of player123' }), 'full-name-result');
    const result = await rows.evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    assert.ok(result.some((r) => r.includes('USDC') && r.includes('250.75')), result.join('\n'));
    assert.ok(!result.some((r) => r.includes('GAMR')), `USDC alone: ${result.join(' | ')}`);
    await bench.page.keyboard.press('Escape');
  });

  it('hides the amounts of a result already open when the privacy mask goes on (the key chord), and shows them again when it goes off', async () => {
    await bench.palette('PLYR: Check Balance');
    await bench.enter('player123', 'PLYR: Check Balance');
    await bench.expectVisible(bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'All tokens' }), 'mask-token-step');
    await bench.page.keyboard.press('Enter');
    const gamr = bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'GAMR' });
    await bench.expectVisible(gamr.filter({ hasText: '9,007,199.254740993123456789' }), 'mask-result');
    const chord = async () => {
      await bench.page.keyboard.press('Control+Alt+P');
      await bench.page.keyboard.press('Control+Alt+M');
    };
    await chord();
    await bench.expectVisible(gamr.filter({ hasText: '•••' }), 'mask-on-result');
    const rows = await bench.page.$$eval('.quick-input-list .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
    assert.ok(rows.every((r) => !/\d/.test(r)), `no digit left in the open list: ${rows.join(' | ')}`);
    await chord();
    await bench.expectVisible(gamr.filter({ hasText: '9,007,199.254740993123456789' }), 'mask-off-result');
    await bench.page.keyboard.press('Escape');
  });

  it('says in its box again that a PLYR ID unknown to the server has no account, the ID kept to correct, and goes on from there', async () => {
    await bench.clearNotifications();
    await bench.palette('PLYR: Check Balance');
    await bench.enter('nobody-here', 'PLYR: Check Balance');
    await bench.expectVisible(bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'All tokens' }), 'unknown-id-token-step');
    await bench.page.keyboard.press('Enter');
    // The identifier's box again, on what was typed, with the server's answer where a typing error shows.
    const input = bench.page.locator('.quick-input-widget .quick-input-box input');
    await bench.expectVisible(bench.page.locator('.quick-input-message', { hasText: 'No PLYR account was found for nobody-here.' }), 'unknown-id-in-place');
    assert.equal(await input.inputValue(), 'nobody-here');
    // The progress toast may stay a moment (VS Code shows one for a minimum time); no other comes.
    await bench.page.locator('.notification-toast', { hasText: 'Checking balances of' }).waitFor({ state: 'detached' });
    assert.deepEqual(await bench.page.locator('.notification-toast').allInnerTexts(), [], 'no notification');
    // Corrected in place, it goes on.
    await input.fill('player123');
    await bench.page.locator('.quick-input-message', { hasText: 'No PLYR account' }).waitFor({ state: 'detached' });
    await bench.page.keyboard.press('Enter');
    await bench.expectVisible(bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'All tokens' }), 'unknown-id-corrected-token-step');
    await bench.page.keyboard.press('Enter');
    await bench.expectVisible(bench.page.locator('.quick-input-widget', { hasText: 'Balances of player123' }), 'unknown-id-corrected-result');
    await bench.page.keyboard.press('Escape');
  });

  it('says atop the token step again that the PLYR API does not know a typed token, with All tokens selected for Enter', async () => {
    await bench.clearNotifications();
    await bench.palette('PLYR: Check Balance');
    await bench.enter('player123', 'PLYR: Check Balance');
    const rows = bench.page.locator('.quick-input-list .monaco-list-row');
    await bench.expectVisible(rows.filter({ hasText: 'All tokens' }), 'unknown-token-step');
    await bench.page.locator('.quick-input-widget .quick-input-box input').fill('nosuchtoken');
    await bench.expectVisible(rows.filter({ hasText: 'Use this token name or address' }), 'unknown-token-typed');
    await bench.page.keyboard.press('Enter');
    const refused = rows.filter({ hasText: 'The PLYR API does not know the token' });
    await bench.expectVisible(refused, 'unknown-token-in-place');
    assert.match(await refused.innerText(), /nosuchtoken/);
    // The progress toast may stay a moment (VS Code shows one for a minimum time); no other comes.
    await bench.page.locator('.notification-toast', { hasText: 'Checking balances of' }).waitFor({ state: 'detached' });
    assert.deepEqual(await bench.page.locator('.notification-toast').allInnerTexts(), [], 'no notification');
    const shown = await rows.evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', focused: e.classList.contains('focused') })));
    assert.match(shown[0]?.text ?? '', /does not know the token/, `the refusal first: ${shown.map((r) => r.text).join(' | ')}`);
    assert.ok(shown.find((r) => r.text.includes('All tokens'))?.focused, `All tokens selected: ${JSON.stringify(shown)}`);
    await bench.page.keyboard.press('Enter');
    await bench.expectVisible(bench.page.locator('.quick-input-widget', { hasText: 'Balances of player123' }), 'unknown-token-then-all');
    await bench.page.keyboard.press('Escape');
  });

  it('warns in the result that a mistyped mixed-case address fails its checksum, and still lists its balances', async () => {
    await bench.palette('PLYR: Check Balance');
    // The treasury wallet with one letter's case wrong (the demo's TYPO_WALLET).
    await bench.enter('0x742d35cC6634C0532925a3b844Bc454e4438f44e', 'PLYR: Check Balance');
    await bench.expectVisible(bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'All tokens' }), 'typo-token-step');
    await bench.page.keyboard.press('Enter');
    const title = bench.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Balances of 0x742d35Cc6634C0532925a3b844Bc454e4438f44e' });
    await bench.expectVisible(title, 'typo-result');
    const warning = '⚠ This mixed-case address fails its EIP-55 checksum: it may contain a typo.';
    assert.ok((await title.innerText()).endsWith(warning), await title.innerText());
    // Typing to filter the tokens takes the placeholder away, not the warning.
    const input = bench.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('plyr');
    assert.ok((await title.innerText()).endsWith(warning), 'still there after typing');
    await input.fill('');
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

  // The demo's TYPO_WALLET: the treasury wallet with one letter's case wrong.
  const typo = '0x742d35cC6634C0532925a3b844Bc454e4438f44e';
  const checksumWarning = 'This mixed-case address fails its EIP-55 checksum: it may contain a typo.';

  it('warns at once that a mistyped address filled in from the context menu fails its checksum, as typing it does', async () => {
    await openFile(bench.page, 'game-config.ts');
    // A regular expression: text given as a string matches regardless of case.
    const address = bench.page.locator('.view-line span', { hasText: new RegExp(typo) }).first();
    await address.click();
    await bench.contextMenu(address, 'Check PLYR Balance…');
    const input = bench.page.locator('.quick-input-widget .quick-input-box input');
    await bench.expectVisible(bench.page.locator('.quick-input-widget', { hasText: 'PLYR: Check Balance' }), 'typo-menu-check-balance');
    assert.equal(await input.inputValue(), typo);
    await bench.expectVisible(bench.page.locator('.quick-input-message', { hasText: checksumWarning }), 'typo-menu-warning');
    // A warning, not an error: Enter goes on to the token step.
    await bench.page.keyboard.press('Enter');
    await bench.expectVisible(bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'All tokens' }), 'typo-menu-token-step');
    await bench.page.keyboard.press('Escape');
  });

  it('warns at once that a mistyped address filled in by the light bulb’s Check Balance (Ctrl+.) fails its checksum', async () => {
    const { page } = bench;
    await openFile(page, 'game-config.ts');
    const address = page.locator('.monaco-editor .view-lines span span', { hasText: new RegExp(typo) }).first();
    const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Check PLYR balance of 0x742d…f44e' });
    await bench.gestureUntilVisible(
      async () => {
        await page.keyboard.press('Escape');
        await address.click();
        await page.keyboard.press('Control+.');
      },
      action,
      'typo-code-action',
    );
    // Chosen from the keyboard, as a person does after Ctrl+. (the widget's pointer block takes clicks).
    for (let step = 0; step < 20 && !/\bfocused\b/.test((await action.getAttribute('class')) ?? ''); step++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await bench.expectVisible(page.locator('.quick-input-widget', { hasText: 'PLYR: Check Balance' }), 'typo-action-check-balance');
    assert.equal(await page.locator('.quick-input-widget .quick-input-box input').inputValue(), typo);
    await bench.expectVisible(page.locator('.quick-input-message', { hasText: checksumWarning }), 'typo-action-warning');
    await page.keyboard.press('Escape');
  });

  it('leaves the item out of the context menu of a language outside plyr.hover.languages', async () => {
    const saved = fs.readFileSync(bench.userSettings, 'utf8');
    // Edited as a person edits settings.json (a file written behind VS Code's back is not always noticed):
    // the hover, and so the menu item, for JSON only.
    await bench.editUserSettings(JSON.stringify({ ...(JSON.parse(saved) as object), 'plyr.hover.languages': ['json'] }, null, 2));
    try {
      await openFile(bench.page, 'game-config.ts');
      const address = bench.page.locator('.view-line span', { hasText: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e' }).first();
      const menuItems = bench.page.locator('.context-view .action-item .action-label');
      // The menu opens with VS Code's own items; the setting reaches the menu within moments of the file's change.
      const menu = async () => {
        await address.click({ button: 'right' });
        await menuItems.first().waitFor();
        const shown = await menuItems.allTextContents();
        await bench.page.keyboard.press('Escape');
        return shown;
      };
      const labels = await poll(menu, (shown) => !shown.includes('Check PLYR Balance…'), 15_000, 250);
      assert.ok(labels.includes('Command Palette...') || labels.length > 3, `the editor's own menu opened: ${labels.join(' | ')}`);
      assert.ok(!labels.includes('Check PLYR Balance…'), `no PLYR item in a TypeScript file: ${labels.join(' | ')}`);
    } finally {
      await bench.editUserSettings(saved);
    }
  });
});

describe('Check Balance’s token step, with a token list whose symbol imitates another token', () => {
  let bench: Workbench;
  before(async () => {
    // The list sends GAMR with the symbol PLYR, beside the real PLYR: a list a server may send.
    bench = await openWorkbench({ simulator: { listedSymbols: { gamr: 'PLYR' } } });
    await bench.setDemoCredentials();
  });
  after(() => bench?.close());

  it('labels each token by its API name, the odd symbol beside it, and shows the balance of the token the label names', async () => {
    await bench.palette('PLYR: Check Balance');
    await bench.enter('player123', 'PLYR: Check Balance');
    const gamr = bench.page.locator('.quick-input-list .monaco-list-row', { has: bench.page.locator('.label-name', { hasText: /^GAMR$/ }) });
    await bench.expectVisible(gamr, 'imitated-symbol-token-step');
    // Its name (GAMR) is its label already: said once.
    assert.equal(await gamr.locator('.label-description').textContent(), 'PLYR', 'the odd symbol beside the label');
    const labels = await bench.page.$$eval('.quick-input-list .monaco-list-row .label-name', (els) => els.map((e) => e.textContent ?? ''));
    assert.deepEqual(labels.filter((l) => l === 'PLYR'), ['PLYR'], `one row labelled PLYR, the real one: ${labels.join(' | ')}`);
    const asked = bench.sim.requests.length;
    await gamr.click();
    await bench.expectVisible(bench.page.locator('.quick-input-list .monaco-list-row', { hasText: '9,007,199.254740993123456789' }), 'imitated-symbol-result');
    assert.deepEqual(
      bench.sim.requests.slice(asked).map((r) => r.path).filter((p) => p.startsWith('/api/user/balance/')),
      ['/api/user/balance/player123/gamr'],
    );
    await bench.page.keyboard.press('Escape');
  });
});

describe('Check Balance’s token step, while the token list cannot be loaded', () => {
  let bench: Workbench;
  before(async () => {
    bench = await openWorkbench();
    bench.sim.fault({ kind: 'status', status: 500, error: 'token list is down', path: '/api/tokenlist' });
    await bench.setDemoCredentials();
  });
  after(() => bench?.close());

  it('says so in the list, and a token typed still gets its balance', async () => {
    await bench.palette('PLYR: Check Balance');
    await bench.enter('player123', 'PLYR: Check Balance');
    const why = bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'The token list could not be loaded' });
    await bench.expectVisible(why, 'token-list-failed');
    assert.match(await why.innerText(), /500|server/i, 'with the reason');
    const input = bench.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('gamr');
    await bench.page.keyboard.press('Enter');
    await bench.expectVisible(bench.page.locator('.quick-input-list .monaco-list-row', { hasText: '9,007,199.254740993123456789' }), 'token-list-failed-result');
    await bench.page.keyboard.press('Escape');
  });
});
