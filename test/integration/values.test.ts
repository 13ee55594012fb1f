import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_PRICES, DEMO_USERS } from '../../simulator/demoData';
import { Simulator, SimulatorConfig, startSimulator } from '../../simulator/server';
import type { SidebarRow } from '../../src/vscode/api';
import { checkBalance, hoverOn, plyrApi, pointAt, startSuite, tracked, untrackAll, waitFor } from './helpers';

const config = () => vscode.workspace.getConfiguration('plyr');
const run = <T = unknown>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);
const PLAYER_ADDRESS = DEMO_USERS[0].primaryAddress;

/** What a Markdown renderer shows for escaped text (tooltips and hovers escape outside text, appendText its spaces too). */
const unescape = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&nbsp;/g, ' ');
const rows = async () => (await plyrApi()).getSidebarRows();
const rowOf = (all: readonly SidebarRow[], id: string) => all.find((r) => r.id === id);
const tokenLists = (sim: Simulator) => sim.requests.filter((r) => r.path === '/api/tokenlist');

/** The sidebar's rows once `ready` holds for them (reading them is what asks for the prices). */
function rowsWhen(ready: (all: readonly SidebarRow[]) => boolean, what: string): Promise<readonly SidebarRow[]> {
  return waitFor(async () => {
    const all = await rows();
    return ready(all) && all;
  }, what);
}

const valued = (all: readonly SidebarRow[]) => rowOf(all, 'identifier:player123')?.description?.includes('≈') === true;

/** The PLYR hover's Markdown for the player's address. */
async function hoverMarkdown(): Promise<string> {
  const hover = await hoverOn(`const wallet = "${PLAYER_ADDRESS}";`, PLAYER_ADDRESS);
  assert.ok(hover, 'the PLYR hover');
  return hover.markdown;
}

/** Runs `test` against a simulator of its own (a server of its own, so a token list of its own), then points back. */
async function onOwnServer(suite: Simulator, sim: Partial<SimulatorConfig>, test: (own: Simulator) => Promise<void>): Promise<void> {
  const own = await startSimulator({ config: sim });
  try {
    await pointAt(own.url);
    await test(own);
  } finally {
    await pointAt(suite.url);
    await own.close();
  }
}

describe('values in dollars', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSuite();
    await config().update('showValues', true, vscode.ConfigurationTarget.Global);
  });
  beforeEach(async () => {
    await untrackAll();
  });
  after(async () => {
    if ((await plyrApi()).privacyMask) {
      await run('plyr.togglePrivacy');
    }
    for (const key of ['statusBar.identifier', 'statusBar.token', 'statusBar.show']) {
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    }
    // The other suites run with values off (test/integration/index.ts).
    await config().update('showValues', false, vscode.ConfigurationTarget.Global);
    await untrackAll();
    await sim.close();
  });

  it('shows each token’s value beside its amount, and the totals of the identifier and its group', async () => {
    await run('plyr.addIdentifier', 'player123');
    await run('plyr.createGroup', 'Team');
    await run('plyr.moveToGroup', ['player123'], 'Team');
    const all = await rowsWhen(valued, 'the values in the rows');
    assert.match(rowOf(all, 'identifier:player123')?.description ?? '', /^≈ \$4,503,866 · 4 of 5 tokens priced · updated /);
    assert.match(unescape(rowOf(all, 'identifier:player123')?.tooltip ?? ''), /Value: ≈ \$4,503,865\.56 · 4 of 5 tokens priced/);
    assert.equal(rowOf(all, 'group:Team')?.description, '1 identifier · ≈ $4,503,866 · 4 of 5 tokens priced');
    const gamr = rowOf(all, 'token:player123:gamr');
    assert.equal(gamr?.description, '9,007,199.254741 · ≈ $4,503,599.63');
    assert.match(unescape(gamr?.tooltip ?? ''), /Price \$0\.5 per GAMR \(CoinMarketCap DEX, updated (just now|\d+ min\. ago)\)/);
    assert.match(gamr?.spoken ?? '', /worth about \$4,503,599\.63$/);
    assert.equal(rowOf(all, 'token:player123:plyr')?.description, '1,234.5 · ≈ $15.18');
    assert.equal(rowOf(all, 'token:player123:avax')?.description, '0 · $0.00');
    const floki = rowOf(all, 'token:player123:floki');
    assert.equal(floki?.description, '1,000,000.123457', 'no price: no value, never $0');
    assert.match(unescape(floki?.tooltip ?? ''), /No price is known for this token/);
    assert.match(unescape(rowOf(all, 'identifier:player123')?.tooltip ?? ''), /No price for: FLOKI/);
  });

  it('keeps a group’s total in step with a member whose balance moved, and the other member’s value as it was', async () => {
    // In manual order an answer re-renders its own rows and its group's (by value, everything).
    await run('plyr.sortBy', 'manual');
    await run('plyr.addIdentifier', ['player123', 'crypto-fennec']);
    await run('plyr.createGroup', 'Team');
    await run('plyr.moveToGroup', ['player123', 'crypto-fennec'], 'Team');
    const team = (all: readonly SidebarRow[]) => rowOf(all, 'group:Team')?.description;
    const value = (all: readonly SidebarRow[], id: string) => /Value: ≈ (\$[\d,.]+)/.exec(unescape(rowOf(all, `identifier:${id}`)?.tooltip ?? ''))?.[1];
    /** Gives crypto-fennec `gamr` GAMR, refreshes it alone, and reads the rows once the group's total has moved from `before`. */
    const moveFennec = async (gamr: bigint, before: string) => {
      sim.setHolding('crypto-fennec', 'gamr', gamr);
      await run('plyr.refreshIdentifier', 'crypto-fennec');
      return rowsWhen((all) => team(all) !== before, 'the group’s new total');
    };
    const start = '2 identifiers · ≈ $4,503,866 · 8 of 10 tokens priced';
    await rowsWhen((all) => team(all) === start, 'the group’s total');
    try {
      // The first move may share its render with the group's creation; the second has one of its own.
      const raised = await moveFennec(2_000_500_000_000_000_000_000n, start); // 0.5 → 2,000.5 GAMR: +$1,000
      assert.equal(team(raised), '2 identifiers · ≈ $4,504,866 · 8 of 10 tokens priced');
      assert.equal(value(raised, 'crypto-fennec'), '$1,000.77');
      const back = await moveFennec(500_000_000_000_000_000n, team(raised) ?? '');
      assert.equal(team(back), start);
      assert.equal(value(back, 'crypto-fennec'), '$0.77');
      assert.equal(value(back, 'player123'), '$4,503,865.56');
      // A member whose refresh fails has no current value: left out of the total, and said to be.
      sim.fault({ kind: 'status', status: 500, error: 'Internal error', path: '/api/user/balance/crypto-fennec' });
      await Promise.resolve(run('plyr.refreshIdentifier', 'crypto-fennec')).catch(() => undefined);
      const partial = await rowsWhen((all) => team(all) !== start, 'the total without the stale member');
      assert.equal(team(partial), '2 identifiers · ≈ $4,503,866 · 4 of 5 tokens priced · 1 not counted');
      assert.match(unescape(rowOf(partial, 'group:Team')?.tooltip ?? ''), /Not counted: 1 identifier without current balances/);
    } finally {
      sim.clearFaults();
      sim.setHolding('crypto-fennec', 'gamr', 500_000_000_000_000_000n);
      await run('plyr.refreshIdentifier', 'crypto-fennec');
    }
  });

  it('says how many members a group leaves out also when every member is stale (no total at all)', async () => {
    await run('plyr.sortBy', 'manual');
    await run('plyr.addIdentifier', ['player123', 'crypto-fennec', 'tester-01']);
    await run('plyr.createGroup', 'Team 3');
    await run('plyr.moveToGroup', ['player123', 'crypto-fennec', 'tester-01'], 'Team 3');
    const team = (all: readonly SidebarRow[]) => rowOf(all, 'group:Team 3');
    await rowsWhen((all) => /^3 identifiers · ≈ \$/.test(team(all)?.description ?? ''), 'the group’s total');
    try {
      // Every balance request fails: each member keeps its last balances, stale, and none has a value.
      sim.fault({ kind: 'status', status: 500, error: 'Internal error', path: '/api/user/balance/' });
      await Promise.resolve(run('plyr.refresh')).catch(() => undefined);
      const stale = await rowsWhen((all) => team(all)?.description?.includes('not counted') === true, 'the group’s row without a total');
      assert.equal(team(stale)?.description, '3 identifiers · 3 not counted');
      assert.match(unescape(team(stale)?.tooltip ?? ''), /Not counted: 3 identifiers without current balances \(stale after a failed refresh/);
      assert.match(team(stale)?.spoken ?? '', /, 3 not counted$/);
    } finally {
      sim.clearFaults();
      await run('plyr.refresh');
    }
  });

  it('asks for the token list once for the tree, the hover and Check Balance within its validity', async () => {
    await onOwnServer(sim, {}, async (own) => {
      await run('plyr.addIdentifier', 'player123');
      await rowsWhen(valued, 'the values in the rows');
      const markdown = unescape(await hoverMarkdown());
      assert.match(markdown, /^\| Token \| Amount \| Value \|$/m);
      assert.match(markdown, /^\| PLYR \| 1\.5 \| ≈ \$0\.02 \|$/m);
      assert.match(markdown, /^\| AVAX \| 0\.02 \| ≈ \$0\.70 \|$/m);
      assert.match(markdown, /^\| FLOKI \| 0 \| {2}\|$/m, 'no price: an empty cell');
      assert.match(markdown, /_Total ≈ \$0\.72 · 4 of 5 tokens priced · prices from CoinMarketCap, CoinMarketCap DEX, CoinGecko, updated /);
      const result = await checkBalance('player123');
      assert.deepEqual(result.values, { plyr: '15.18435', gamr: '4503599.6273704965617283945', avax: '0', usdc: '250.75' });
      assert.equal(result.balances.gamr, '9007199.254740993123456789', 'the balances as they always were');
      await run('plyr.refresh');
      await rows();
      // Check Balance waits for the token list, joining a request the rows started: once it is back, any such request was answered (and logged).
      await checkBalance('player123');
      assert.equal(tokenLists(own).length, 1, `token list requests: ${JSON.stringify(own.requests.map((r) => r.path))}`);
    });
  });

  it('hides the values under the privacy mask, in the rows and the hover', async () => {
    await run('plyr.addIdentifier', 'player123');
    await rowsWhen(valued, 'the values in the rows');
    assert.equal(await run('plyr.togglePrivacy'), true);
    try {
      const all = await rowsWhen((r) => rowOf(r, 'token:player123:gamr')?.description === '••• · ≈ •••', 'the masked rows');
      for (const row of all.filter((r) => r.id.includes('player123'))) {
        assert.doesNotMatch(`${row.description ?? ''} ${row.spoken ?? ''}`, /\$\d|4,503|15\.18/, row.id);
      }
      assert.match(rowOf(all, 'identifier:player123')?.description ?? '', /^≈ ••• · 4 of 5 tokens priced/);
      const markdown = unescape(await hoverMarkdown());
      assert.match(markdown, /^\| PLYR \| ••• \| ≈ ••• \|$/m);
      assert.doesNotMatch(markdown, /\$\d/);
    } finally {
      assert.equal(await run('plyr.togglePrivacy'), false);
    }
  });

  it('shows the value in the status bar when asked', async () => {
    await config().update('statusBar.token', 'gamr', vscode.ConfigurationTarget.Global);
    await config().update('statusBar.show', 'value', vscode.ConfigurationTarget.Global);
    await config().update('statusBar.identifier', 'player123', vscode.ConfigurationTarget.Global);
    const state = await waitFor(async () => (await plyrApi()).getStatusBar()?.text.includes('≈') && (await plyrApi()).getStatusBar(), 'the value in the status bar');
    assert.equal(state.text, '$(credit-card) GAMR ≈ $4,503,599.63');
    assert.match(state.tooltip, /GAMR: 9007199\.254740993123456789/);
    assert.match(state.tooltip, /Price \$0\.5 per GAMR \(CoinMarketCap DEX/);
    await config().update('statusBar.show', undefined, vscode.ConfigurationTarget.Global);
    assert.equal((await plyrApi()).getStatusBar()?.text, '$(credit-card) 9,007,199.254741 GAMR');
    await config().update('statusBar.identifier', undefined, vscode.ConfigurationTarget.Global);
  });

  it('sorts by value, largest first', async () => {
    await run('plyr.addIdentifier', ['zero-hero', 'crypto-fennec', 'tester-01', 'player123']);
    assert.deepEqual(await run('plyr.sortBy', 'value'), { by: 'value' });
    const all = await rowsWhen((r) => r.filter((row) => row.id.startsWith('identifier:') && row.description?.includes('$')).length === 4, 'a value on every row (an exact zero without ≈)');
    assert.deepEqual(
      all.filter((r) => r.id.startsWith('identifier:')).map((r) => r.id),
      ['identifier:player123', 'identifier:tester-01', 'identifier:crypto-fennec', 'identifier:zero-hero'],
    );
    assert.match(rowOf(all, 'identifier:crypto-fennec')?.description ?? '', /^≈ \$0\.77 · 4 of 5 tokens priced/);
    assert.match(rowOf(all, 'identifier:zero-hero')?.description ?? '', /^\$0\.00 · 4 of 5 tokens priced/);
  });

  it('pauses a sort by value while values are off (the manual order, and Sort By says so), and resumes it when they are on', async () => {
    await run('plyr.addIdentifier', ['zero-hero', 'crypto-fennec', 'tester-01', 'player123']);
    await run('plyr.sortBy', 'value');
    const order = (all: readonly SidebarRow[]) => all.filter((r) => r.id.startsWith('identifier:')).map((r) => r.id.slice('identifier:'.length));
    const byValue = ['player123', 'tester-01', 'crypto-fennec', 'zero-hero'];
    const manual = ['zero-hero', 'crypto-fennec', 'tester-01', 'player123'];
    await rowsWhen((all) => JSON.stringify(order(all)) === JSON.stringify(byValue), 'the value order');
    const window = vscode.window as { showQuickPick: unknown };
    const { showQuickPick } = window;
    let offered: vscode.QuickPickItem[] = [];
    window.showQuickPick = async (items: vscode.QuickPickItem[]) => ((offered = items), undefined);
    await config().update('showValues', false, vscode.ConfigurationTarget.Global);
    try {
      await rowsWhen((all) => !valued(all) && JSON.stringify(order(all)) === JSON.stringify(manual), 'the manual order, values off');
      assert.deepEqual((await plyrApi()).sortOrder, { by: 'value' }, 'the choice is kept');
      // Sort By: the manual order is the current one, by value not offered, and nothing says it applies.
      await run('plyr.sortBy');
      const described = offered.map((item) => [item.label, item.description]);
      assert.deepEqual(described[0], ['Manual order', 'current: sorting by value is paused while values are off']);
      assert.ok(!described.some(([label]) => label === 'By value'), JSON.stringify(described));
      assert.equal(described.filter(([, description]) => description?.startsWith('current')).length, 1, JSON.stringify(described));
    } finally {
      window.showQuickPick = showQuickPick;
      await config().update('showValues', true, vscode.ConfigurationTarget.Global);
    }
    await rowsWhen((all) => valued(all) && JSON.stringify(order(all)) === JSON.stringify(byValue), 'the value order again, values on');
    await run('plyr.sortBy', 'manual');
  });

  it('removes every value when plyr.showValues is off', async () => {
    await run('plyr.addIdentifier', 'player123');
    await rowsWhen(valued, 'the values in the rows');
    await config().update('showValues', false, vscode.ConfigurationTarget.Global);
    try {
      const all = await rowsWhen((r) => !valued(r), 'the rows without values');
      assert.ok(all.every((r) => !/[≈$]/.test(`${r.description ?? ''}${r.tooltip ?? ''}${r.spoken ?? ''}`)), JSON.stringify(all));
      assert.equal(rowOf(all, 'token:player123:gamr')?.description, '9,007,199.254741');
      const markdown = unescape(await hoverMarkdown());
      assert.match(markdown, /^\| Token \| Amount \|$/m);
      assert.doesNotMatch(markdown, /Value|≈/);
      assert.equal((await checkBalance('player123')).values, undefined);
    } finally {
      await config().update('showValues', true, vscode.ConfigurationTarget.Global);
    }
  });

  it("values Check Balance's balances with the prices of the server they came from, when the server changes meanwhile", async () => {
    const other = await startSimulator({ config: { prices: { ...DEMO_PRICES, gamr: '1000' } } });
    try {
      await onOwnServer(sim, { latencyMs: 2000 }, async (own) => {
        const checking = checkBalance('player123');
        await waitFor(() => own.inFlightPaths.some((p) => p.startsWith('/api/user/balance/')), 'the balance request at the first server');
        await pointAt(other.url); // before the first server answers
        assert.ok(own.inFlightPaths.some((p) => p.startsWith('/api/user/balance/')), 'switched while the balance request was on its way');
        const result = await checking;
        assert.equal(result.balances.gamr, '9007199.254740993123456789');
        assert.equal(result.values?.gamr, '4503599.6273704965617283945', "the first server's price (0.5), not the other's (1000)");
      });
    } finally {
      await other.close();
    }
  });

  it('keeps the balances and takes the values away when the token list fails', async () => {
    // Prices refreshed every 2 s by a server whose clock is half a second ahead of ours, so that
    // the list is due again within seconds (and its nextUpdatedAt is never behind our clock).
    await onOwnServer(sim, { priceRefreshMs: 2000, clockOffsetMs: 500 }, async (own) => {
      await run('plyr.addIdentifier', 'player123');
      await rowsWhen(valued, 'the values in the rows');
      own.fault({ kind: 'status', status: 500, error: 'price feed down', path: '/api/tokenlist' });
      const all = await rowsWhen((r) => !valued(r) && tokenLists(own).some((t) => t.status === 500), 'the values gone');
      assert.equal(rowOf(all, 'token:player123:gamr')?.description, '9,007,199.254741', 'the amount stays, exactly as it was');
      assert.match(rowOf(all, 'identifier:player123')?.description ?? '', /^5 tokens · updated /);
      const row = await tracked('player123');
      assert.equal(row?.status, 'ok');
      assert.equal(row?.balances?.gamr, '9007199.254740993123456789');
      const markdown = unescape(await hoverMarkdown());
      assert.match(markdown, /^\| PLYR \| 1\.5 \|$/m, 'the hover keeps its balances');
      assert.doesNotMatch(markdown, /Value|≈/);
      assert.equal((await checkBalance('player123')).balances.plyr, '1234.5');
      await rows();
      await checkBalance('player123'); // joins a token list request the rows started, if any
      assert.equal(tokenLists(own).filter((t) => t.status === 500).length, 1, 'one failed request, not one per surface: the next waits a minute');
    });
  });

  it('says why the values are missing, and brings them back at Refresh once the token list answers again', async () => {
    // As the previous test: the list is due again within seconds, so that the failure comes soon.
    await onOwnServer(sim, { priceRefreshMs: 2000, clockOffsetMs: 500 }, async (own) => {
      await run('plyr.addIdentifier', 'player123');
      await run('plyr.createGroup', 'Team');
      await run('plyr.moveToGroup', ['player123'], 'Team');
      await rowsWhen(valued, 'the values in the rows');
      own.fault({ kind: 'status', status: 500, error: 'price feed down', path: '/api/tokenlist' });
      const missing = /No values: the prices could not be read\. The PLYR API had a server error: 500: "price feed down"\./;
      let seen = '';
      const failed = await waitFor(
        async () => {
          const all = await rows();
          seen = unescape(rowOf(all, 'identifier:player123')?.tooltip ?? '');
          return !valued(all) && missing.test(seen) && all;
        },
        () => `the values gone, and why, in the tooltip: ${seen}`,
      );
      assert.match(rowOf(failed, 'group:Team')?.tooltip ?? '', missing, 'the group says why it has no total');
      assert.equal(rowOf(failed, 'group:Team')?.description, '1 identifier');
      // The server answers again within the failure's minute: a refresh asks for the list again.
      own.clearFaults();
      await run('plyr.refresh');
      const back = await rowsWhen((r) => valued(r) && rowOf(r, 'group:Team')?.description?.includes('≈') === true, 'the values back after Refresh');
      assert.doesNotMatch(unescape(rowOf(back, 'identifier:player123')?.tooltip ?? ''), /No values/);
      assert.doesNotMatch(rowOf(back, 'group:Team')?.tooltip ?? '', /No values/);
      assert.match((await checkBalance('player123')).values?.gamr ?? '', /^4503599\./, "Check Balance's values too");
    });
  });

  // That rows without balances ask nothing is held where it is decided, in treeUpdates.test.ts
  // (the tree asks for prices only for a row with balances): a quiet period here would be a sleep.
  it('asks for the token list once there are balances to value, and once only', async () => {
    await onOwnServer(sim, {}, async (own) => {
      await run('plyr.addIdentifier', 'player123');
      await rowsWhen(valued, 'the values in the rows');
      await checkBalance('player123'); // joins or reuses the rows' list: no second request
      assert.equal(tokenLists(own).length, 1);
    });
  });
});
