import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_ACTIVITY } from '../../simulator/demoActivity';
import { DEMO_CHIPS, DEMO_CREDENTIALS, DEMO_TOKENS } from '../../simulator/demoData';
import { englishLeft } from '../support/englishLeft';
import { openWorkbench, Workbench } from './workbench';

/**
 * What a person reads in VS Code's pseudo-language, on screen: the sidebar's rows and Check
 * Balance's steps. Every extension message is accented there; plain English words are strings
 * that skipped l10n.t. VS Code's own text and the manifest's titles stay English (no pseudo pack
 * for them), so the palette finds the commands by name.
 */
describe('the extension in the pseudo-language, as a person sees it', () => {
  let bench: Workbench;
  // Data, not sentences: the watch-list's file, identifiers and labels, and the tokens.
  const data = ['.vscode/plyr.json', 'player123', 'crypto-fennec', 'Test player', 'Treasury wallet', ...DEMO_TOKENS.flatMap((t) => [t.symbol, t.name, t.apiId])];
  const noEnglish = (surface: string, lines: string[], more: readonly string[] = []) => assert.deepEqual(englishLeft(lines.join('\n'), [...data, ...more]), [], `English left on ${surface}:\n${lines.join('\n')}`);

  before(async () => {
    bench = await openWorkbench({
      pseudoLocale: true,
      watchList: true,
      settings: { 'plyr.openViewOnStartup': true },
      env: { PLYR_API_KEY: DEMO_CREDENTIALS.apiKey, PLYR_SECRET_KEY: DEMO_CREDENTIALS.secretKey },
    });
  });
  after(() => bench?.close());

  it("the sidebar's rows: labels, descriptions and what a screen reader says", async () => {
    await bench.openPlyrView();
    const rows = bench.page.locator('.part.sidebar .monaco-list-row');
    // The watch-list's group, expanded, with player123's balances in it.
    await bench.expectVisible(rows.filter({ hasText: '9,007,199' }).first(), 'pseudo-sidebar');
    // Every row loaded ("loading…" ends in an ellipsis), so their ages show too.
    await bench.page.waitForFunction("[...document.querySelectorAll('.part.sidebar .monaco-list-row')].every((r) => !(r.getAttribute('aria-label') ?? '').endsWith('…'))");
    const shown = await rows.evaluateAll((els) => els.map((e) => `${e.textContent ?? ''} | ${e.getAttribute('aria-label') ?? ''}`));
    await bench.screenshot('pseudo-locale-sidebar');
    noEnglish('the sidebar', shown);
  });

  it("a PLYR ID's account groups, opened: their rows", async () => {
    // The server's words (chips, games, actions) are data; so are the ages Intl writes, which
    // has no pseudo-language and falls back to English.
    const serverData = [...DEMO_CHIPS.flatMap((c) => [c.name, c.symbol, c.gameId]), ...DEMO_ACTIVITY.map((a) => a.action), 'min. ago', 'hr. ago', 'days ago', 'day ago'];
    const rows = bench.page.locator('.part.sidebar .monaco-list-row:not(.monaco-tree-sticky-row)');
    const shown: string[] = [];
    // Test player's groups come first; each closed group row is known by its icon. Activity, the
    // longest, last: the groups below it would leave the screen.
    for (const [icon, row] of [['symbol-constant', 'TGOLD'], ['key', 'GAMR 100'], ['credit-card', '0x742d'], ['history', 'earn 30']] as const) {
      // Clicked again when the click is lost: the view may be drawing the group opened before (a full UI run).
      const open = () => rows.filter({ has: bench.page.locator(`.codicon-${icon}`) }).and(bench.page.locator('[aria-expanded="false"]')).first().click();
      await bench.gestureUntilVisible(open, rows.filter({ hasText: row }).first(), `pseudo-account-${icon}`);
      shown.push(...(await rows.evaluateAll((els) => els.map((e) => `${e.textContent ?? ''} | ${e.getAttribute('aria-label') ?? ''}`))));
    }
    await bench.screenshot('pseudo-locale-account');
    noEnglish('the account groups', shown, serverData);
  });

  it("Check Balance's steps and its result", async () => {
    await bench.palette('PLYR: Check Balance');
    const title = bench.page.locator('.quick-input-widget .quick-input-title');
    const input = bench.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    const prompt = [await title.innerText(), (await input.getAttribute('placeholder')) ?? ''];
    await input.fill('player 123');
    const validation = bench.page.locator('.quick-input-message');
    await bench.expectVisible(validation.filter({ hasText: /U\+0020/ }), 'pseudo-validation');
    prompt.push(await validation.innerText());
    noEnglish('Check Balance: identifier step', prompt);
    await input.fill('player123');
    await bench.page.keyboard.press('Enter');
    const rows = bench.page.locator('.quick-input-list .monaco-list-row');
    await bench.expectVisible(rows.filter({ hasText: 'GAMR' }).first(), 'pseudo-token-step');
    const tokenStep = [await title.innerText(), (await input.getAttribute('placeholder')) ?? '', ...(await rows.allInnerTexts())];
    noEnglish('Check Balance: token step', tokenStep);
    await bench.page.keyboard.press('Enter');
    await bench.expectVisible(rows.filter({ hasText: '9,007,199.254740993123456789' }).first(), 'pseudo-result');
    const result = [await title.innerText(), (await input.getAttribute('placeholder')) ?? '', ...(await rows.evaluateAll((els) => els.map((e) => `${e.textContent ?? ''} | ${e.getAttribute('aria-label') ?? ''}`)))];
    await bench.screenshot('pseudo-locale-check-balance');
    noEnglish('Check Balance: result', result);
    await bench.page.keyboard.press('Escape');
  });
});
