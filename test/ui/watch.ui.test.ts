import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { poll } from '../runners/poll';
import { openWorkbench, Workbench } from './workbench';

/**
 * The all-day watch as a person sees it: the status bar item, a change notification with its
 * Reveal action, and PLYR: Test Connection's list of checks.
 */
describe('the status bar, change notifications and Test Connection, driven like a person', () => {
  let bench: Workbench;
  before(async () => {
    bench = await openWorkbench({
      // Automatic refresh every 3 s, backing off to 6 s: an outage shows within seconds, and a
      // change's ▲ stays on its row until the next round.
      settings: { 'plyr.statusBar.identifier': 'player123', 'plyr.statusBar.token': 'gamr', 'plyr.openViewOnStartup': true, 'plyr.autoRefreshSeconds': 3, 'plyr.autoRefreshBackoffMaxSeconds': 6 },
      env: { PLYR_API_KEY: DEMO_CREDENTIALS.apiKey, PLYR_SECRET_KEY: DEMO_CREDENTIALS.secretKey },
      workspaceFiles: {
        'team.csv': 'identifier,label,tokens,group\ncrypto-fennec,Fox,,Guild\ntester-01,Tester,,\n=cmd|calc,formula,,\n',
        // Its one row listed already (by then): the import only makes the group.
        'raid.json': JSON.stringify({ identifiers: ['tester-01'], groups: ['Raid'] }),
      },
    });
  });
  after(() => bench?.close());

  /**
   * Waits until the simulator has seen `count` rounds of requests begin since `since` (epoch ms).
   * A round's retries follow within about a second; the next round comes 3 s or more after it
   * ends. Once a round has begun, whatever the one before it showed is on screen.
   */
  async function roundsBegun(since: number, count: number): Promise<void> {
    const rounds = () => {
      const starts = bench.sim.requests.map((r) => r.startedAt).filter((t) => t >= since).sort((a, b) => a - b);
      return starts.filter((t, i) => i === 0 || t - starts[i - 1] >= 2_500).length;
    };
    const seen = await poll(async () => rounds(), (n) => n >= count, 30_000, 100);
    assert.ok(seen >= count, `${seen} of ${count} rounds of requests since the mark`);
  }

  /** PLYR: Import Identifiers, the file's path typed into the open dialog. */
  async function importFile(name: string): Promise<void> {
    await bench.palette('PLYR: Import Identifiers');
    const input = bench.page.locator('.quick-input-widget .quick-input-box input');
    // The dialog writes its folder into the input once it has listed it: typing before that is
    // overwritten, so wait for the listing first.
    await bench.expectVisible(bench.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: name }), 'open-dialog-listing');
    await input.fill(path.join(bench.workspace, name));
    await bench.page.keyboard.press('Enter');
  }

  const statusItem = () => bench.page.locator('.part.statusbar .statusbar-item', { hasText: 'GAMR' }).first();
  const row = (text: string) => bench.page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();

  it("shows the simulator's amount in the status bar, and a click reveals the identifier in the view", async () => {
    await bench.palette('PLYR: Add Identifier');
    await bench.enter('player123', 'Add Identifier (1/2)');
    await bench.enter('Test player', 'Add Identifier (2/2)');
    await bench.expectVisible(statusItem(), 'status-bar-item');
    assert.match(await statusItem().innerText(), /9,007,199\.25\d* GAMR/);
    const spoken = (await statusItem().getAttribute('aria-label')) ?? '';
    assert.match(spoken, /GAMR/);
    assert.match(spoken, /player123/, 'the accessible label names the identifier');
    assert.match(spoken, /updated/i, 'and the age of the amount');
    // Its tooltip, as a mouse shows it: identifier, network and age.
    await statusItem().hover();
    const tooltip = bench.page.locator('.monaco-hover, .workbench-hover', { hasText: '(player123) on custom' }).first();
    await bench.expectVisible(tooltip, 'status-bar-tooltip');
    assert.match(await tooltip.innerText(), /GAMR: 9007199\.254740993123456789\s+Updated just now/);
    await bench.readmePicture('status-bar');
    await statusItem().click();
    await bench.expectVisible(bench.page.locator('.part.sidebar .monaco-list-row.selected', { hasText: 'Test player' }), 'status-bar-reveal');
  });

  it('with "Notify on Change" from the row\'s menu, a change on the server gives exactly one notification, whose Reveal works', async () => {
    // Its token rows open, to show the change on them too (ArrowRight expands a closed row).
    await row('Test player').click();
    if ((await row('Test player').getAttribute('aria-expanded')) !== 'true') {
      await bench.page.keyboard.press('ArrowRight');
    }
    // The row's menu from the keyboard (Shift+F10); the pointer picks the entry (which focuses
    // it) and Enter runs it.
    await bench.page.keyboard.press('Shift+F10');
    await bench.page.locator('.monaco-menu .action-item', { hasText: 'Notify on Change' }).hover();
    await bench.page.keyboard.press('Enter');
    // The row says so (to a screen reader too) once the command ran and the menu closed.
    await bench.expectVisible(bench.page.locator('.part.sidebar .monaco-list-row[aria-label*="notifies on change"]'), 'row-notifies');
    // And shows it: a bell where the row's icon was.
    await bench.expectVisible(bench.page.locator('.part.sidebar .monaco-list-row[aria-label*="notifies on change"] .codicon-bell'), 'row-bell');
    await bench.clearNotifications(); // the picture shows the change's notification alone
    // The next automatic round (every 3 s here) finds it.
    bench.sim.setHolding('player123', 'gamr', 9_007_210_254_740_993_123_456_789n); // +11
    const toast = bench.page.locator('.notification-toast', { hasText: 'went from' });
    await bench.expectVisible(toast.first(), 'change-notification');
    const text = await toast.first().innerText();
    assert.match(text, /Test player \(player123\): GAMR went from 9,007,199\.254740993123456789 to 9,007,210\.254740993123456789 \(\+11\)/);
    await bench.page.mouse.move(700, 300);
    await bench.expectVisible(bench.page.locator('.notification-toast.notification-fade-in-done', { hasText: 'went from' }), 'change-notification-shown');
    await bench.expectVisible(row('▲ +11'), 'change-delta-row');
    await bench.readmePicture('change-notification', 1);
    // Refreshes that find nothing moved (this one and the automatic ones) add none: the manual
    // round and the automatic one after it have begun, so the manual one's outcome shows.
    const refreshedAt = Date.now();
    await bench.palette('PLYR: Refresh All Balances');
    await roundsBegun(refreshedAt, 2);
    assert.equal(await toast.count(), 1, 'exactly one change notification');
    await bench.answer(toast.first(), 'Reveal', 'change-reveal');
    await bench.expectVisible(bench.page.locator('.part.sidebar .monaco-list-row.selected', { hasText: 'Test player' }), 'notification-reveal');
    assert.match(await statusItem().innerText(), /9,007,210\.25\d* GAMR/, 'the status bar follows the change');
  });

  it('while the server cannot be reached, shows one notification and one line in the view, keeps the amounts, and recovers', async () => {
    bench.sim.fault({ kind: 'reset' }); // every connection drops: the server cannot be reached
    const warning = bench.page.locator('.notification-toast', { hasText: 'cannot be reached' });
    await bench.expectVisible(warning.first(), 'outage-notification');
    await bench.expectVisible(bench.page.locator('.part.sidebar', { hasText: 'Trying again in' }).first(), 'outage-view-message');
    // More automatic rounds fail meanwhile (6 s apart): two more have ended, and the third
    // begun, with still one notification.
    await roundsBegun(Date.now(), 3);
    assert.equal(await warning.count(), 1, 'one notification per outage');
    assert.match(await statusItem().innerText(), /9,007,210\.25\d* GAMR/, 'the last known amount, never 0');
    bench.sim.clearFaults();
    await bench.expectVisible(row('updated just now'), 'outage-recovered', 15_000);
    await bench.page.keyboard.press('Escape'); // the notification goes; nothing else depends on it
  });

  it('PLYR: Test Connection lists every check, passed', async () => {
    await bench.clearNotifications(); // the outage's warning is over: not part of the picture
    await bench.palette('PLYR: Test Connection');
    await bench.expectVisible(bench.page.locator('.quick-input-widget .quick-input-title', { hasText: 'all checks passed' }), 'test-connection');
    const checks = await bench.page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    for (const check of ['Network and server', 'Server reachable', 'API credentials', 'Clock', 'Signed request', 'Rate limit']) {
      assert.ok(checks.some((c) => c.includes(check)), `${check} in ${checks.join(' | ')}`);
    }
    // No check has a fix to pick: the box says so rather than offer one.
    assert.equal(await bench.page.locator('.quick-input-widget .quick-input-box input').getAttribute('placeholder'), 'Nothing to fix: Escape closes the list');
    await bench.page.locator('.notification-toast', { hasText: 'Testing the connection' }).waitFor({ state: 'hidden' });
    await bench.readmePicture('test-connection');
    await bench.page.keyboard.press('Escape');
  });

  it("PLYR: Test Connection against a rate limit: picking its fix waits the server's Retry-After, then tests again", async () => {
    await bench.clearNotifications();
    // The unsigned probe's one request is refused for 2 s; the signed one then waits at the gate.
    bench.sim.fault({ kind: 'status', status: 429, error: 'Too many requests', retryAfter: '2', path: '/api/tokenlist', times: 1 });
    await bench.palette('PLYR: Test Connection');
    await bench.expectVisible(bench.page.locator('.quick-input-widget .quick-input-title', { hasText: /checks? failed/ }), 'test-connection-limited');
    const fix = bench.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Rate limit' });
    assert.match((await fix.getAttribute('aria-label')) ?? '', /asks to wait 2 s/);
    await fix.click();
    await bench.expectVisible(bench.page.locator('.notification-toast', { hasText: "Waiting for the PLYR API's rate limit" }), 'test-connection-waiting');
    await bench.expectVisible(bench.page.locator('.quick-input-widget .quick-input-title', { hasText: 'all checks passed' }), 'test-connection-again', 15_000);
    await bench.page.keyboard.press('Escape');
  });

  it('with the privacy mask on (the key chord), no amount shows in the tree, the status bar or Check Balance; the eye button turns it off', async () => {
    await bench.page.keyboard.press('Control+Alt+P');
    await bench.page.keyboard.press('Control+Alt+M');
    await bench.expectVisible(bench.page.locator('.part.statusbar .statusbar-item', { hasText: '••• GAMR' }), 'privacy-status-bar');
    await bench.expectVisible(bench.page.locator('.part.sidebar .monaco-list-row[aria-label="GAMR amount hidden"]'), 'privacy-tree');
    const tokenRows = (await bench.sidebarRows()).filter((r) => /^(PLYR|GAMR|AVAX|USDC|FLOKI) /.test(r));
    assert.equal(tokenRows.length, 5, tokenRows.join('\n'));
    for (const label of tokenRows) {
      assert.doesNotMatch(label, /\d/, label);
    }
    const shown = await bench.page.$$eval('.part.sidebar .monaco-list-row .label-description', (els) => els.map((e) => e.textContent ?? ''));
    assert.ok(shown.filter((d) => d === '•••').length >= 5, shown.join(' | '));
    await bench.page.mouse.move(700, 500);
    await bench.screenshot('privacy-mask-status-bar');

    await bench.palette('PLYR: Check Balance');
    await bench.enter('player123', 'PLYR: Check Balance');
    await bench.expectVisible(bench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'All tokens' }), 'privacy-check-balance-token-step');
    await bench.page.keyboard.press('Enter');
    await bench.expectVisible(bench.page.locator('.quick-input-widget', { hasText: 'Balances of player123' }), 'privacy-check-balance-result');
    // Each row's accessible name, set as it renders: the list reuses row elements, and a reused
    // one can still show a part of what it held before (a Test Connection detail) for a moment.
    const results = await bench.page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    assert.equal(results.length, 5, results.join('\n'));
    for (const row of results) {
      assert.match(row, /^(PLYR|GAMR|AVAX|USDC|FLOKI)\b/, row);
      assert.doesNotMatch(row, /\d/, row);
    }
    await bench.page.keyboard.press('Escape');

    await bench.page.locator('.part.sidebar .action-label[aria-label^="Show Amounts"]').first().click();
    await bench.expectVisible(bench.page.locator('.part.statusbar .statusbar-item', { hasText: '9,007,210' }), 'privacy-off');
  });

  it('imports a file picked in the open dialog, says which row it refused, and Undo takes back what it added: not a row removed and added again since', async () => {
    await importFile('team.csv');
    const summary = 'Imported 2 identifiers';
    let toast = bench.page.locator('.notification-toast', { hasText: summary });
    await bench.expectVisible(toast, 'import-summary');
    assert.match(await toast.innerText(), /1 row refused/);
    await bench.expectVisible(row('Fox'), 'import-row');
    await bench.expectVisible(row('Guild'), 'import-group');
    // Meanwhile tester-01 is removed, and added again by hand: the user's own row now.
    await row('Tester').click();
    await bench.page.keyboard.press('Delete');
    await row('Tester').waitFor({ state: 'detached' });
    await bench.palette('PLYR: Add Identifier');
    await bench.enter('tester-01', 'Add Identifier (1/2)');
    await bench.enter('Tester by hand', 'Add Identifier (2/2)');
    await bench.expectVisible(row('Tester by hand'), 'added-by-hand');
    // The import's toast, or (gone by now on a slow machine) its entry in the notification centre.
    if (!(await toast.isVisible())) {
      await bench.palette('Notifications: Show Notifications');
      toast = bench.page.locator('.notifications-center .notification-list-item', { hasText: summary });
    }
    await bench.answer(toast, 'Undo', 'import-undo');
    await row('Fox').waitFor({ state: 'detached' });
    await row('Guild').waitFor({ state: 'detached' });
    assert.ok(await row('Tester by hand').isVisible(), 'the row added by hand stays');
  });

  it('offers Undo for an import that only made a group (its one row listed already), and Undo takes the group away, not the row', async () => {
    await importFile('raid.json');
    const toast = bench.page.locator('.notification-toast', { hasText: 'Imported 0 identifiers; 1 already in the list' });
    await bench.expectVisible(toast, 'group-only-import-summary');
    assert.match(await toast.innerText(), /1 new group\./);
    await bench.expectVisible(row('Raid'), 'group-only-import-group');
    await bench.answer(toast, 'Undo', 'group-only-import-undo');
    await row('Raid').waitFor({ state: 'detached' });
    assert.ok(await row('Tester by hand').isVisible(), 'the row that was listed stays');
  });
  it('Why? on a change notification lists the activity entry behind the change, saying how many in its title, and offers to copy its hash where no explorer is known', async () => {
    await bench.clearNotifications();
    // Test player still notifies on change: a game pays it 5 GAMR, logged as the server logs it.
    bench.sim.logActivity('player123', { action: 'earn', gameId: 'arena', data: { gameId: 'arena', token: 'gamr', amount: '5', hash: `0x${'c3'.repeat(32)}`, success: 'success' } });
    bench.sim.setHolding('player123', 'gamr', 9_007_215_254_740_993_123_456_789n); // +5
    const toast = bench.page.locator('.notification-toast', { hasText: '(+5)' });
    await bench.expectVisible(toast.first(), 'why-change-notification');
    // Clicked after later refreshes (every 3 s here) that changed nothing: it explains the change it announced.
    await roundsBegun(Date.now(), 2);
    await bench.answer(toast.first(), 'Why?', 'why-answer');
    const title = bench.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Why did GAMR of player123 change by +5?' });
    await bench.expectVisible(title, 'why-list');
    // The title wraps, so all of it shows, and stays while the user types to filter.
    assert.match(await title.innerText(), /1 activity entry between the refresh before the change and the one that found it names it\./);
    const input = bench.page.locator('.quick-input-widget .quick-input-box input');
    // The simulator is a custom network, with no known explorer: Enter copies the hash, and no entry offers to open it.
    assert.equal(await input.getAttribute('placeholder'), 'Enter copies its transaction hash.');
    assert.equal(await bench.page.locator('.quick-input-widget .quick-input-list .action-label.codicon-link-external').count(), 0);
    assert.equal(await bench.page.locator('.quick-input-widget .quick-input-list .action-label.codicon-copy').count(), 1);
    const entries = await bench.page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (rows) => rows.map((r) => r.textContent ?? ''));
    assert.equal(entries.length, 1, entries.join(' | '));
    assert.match(entries[0], /earn 5 GAMR/);
    await bench.page.keyboard.press('Escape');
  });

  it('Why? on a change of two tokens, the log naming one, says in its title that no entry names the other', async () => {
    await bench.clearNotifications();
    // A game pays 7 PLYR, logged; 10 USDC leave the wallet outside any game, which the log never
    // shows. (Not GAMR: the earn of 5 GAMR above may be within the minute of slack before the change.)
    bench.sim.logActivity('player123', { action: 'earn', gameId: 'arena', data: { gameId: 'arena', token: 'plyr', amount: '7', hash: `0x${'d4'.repeat(32)}`, success: 'success' } });
    bench.sim.setHolding('player123', 'usdc', 240_750_000n); // −10
    bench.sim.setHolding('player123', 'plyr', 1_241_500_000_000_000_000_000n); // +7
    const toast = bench.page.locator('.notification-toast', { hasText: '(+7)' });
    await bench.expectVisible(toast.first(), 'why-two-tokens-notification');
    assert.match(await toast.first().innerText(), /USDC went from 250\.75 to 240\.75 \(−10\)/, 'one notification names both changes');
    await bench.answer(toast.first(), 'Why?', 'why-two-tokens-answer');
    const title = bench.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Why did PLYR (+7) and USDC (−10) of player123 change?' });
    await bench.expectVisible(title, 'why-two-tokens-list');
    assert.equal(
      await title.innerText(),
      "Why did PLYR (+7) and USDC (−10) of player123 change? 1 activity entry between the refresh before the change and the one that found it names it. No entry names USDC. On-chain transfers outside games (straight to or from the account's wallet) do not show in the activity log.",
    );
    const entries = await bench.page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (rows) => rows.map((r) => r.textContent ?? ''));
    assert.equal(entries.length, 1, entries.join(' | '));
    assert.match(entries[0], /earn 7 PLYR/);
    await bench.page.keyboard.press('Escape');
  });
});
