import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { poll } from '../runners/poll';
import { openWorkbench, Workbench } from './workbench';

/**
 * A PLYR ID in both lists (the user's and the workspace's `.vscode/plyr.json`) has a row under
 * each, and so a Chips group under each: closing one leaves the other open, and Refresh All reads it.
 */
describe("an account group open under one list and closed under the other, driven like a person", () => {
  let bench: Workbench;
  before(async () => {
    bench = await openWorkbench({ watchList: true, env: { PLYR_API_KEY: DEMO_CREDENTIALS.apiKey, PLYR_SECRET_KEY: DEMO_CREDENTIALS.secretKey } });
  });
  after(() => bench?.close());

  const ROW = '.part.sidebar .monaco-list-row:not(.monaco-tree-sticky-row)';
  const row = (selector: string) => bench.page.locator(`${ROW}${selector}`).first();
  const chipRequests = () => bench.sim.requests.filter((r) => r.path.startsWith('/api/game/chip/balance')).length;

  /**
   * Clicks a row unless it is so already (the workspace's rows start open), and waits until it shows
   * as open or closed; clicked again if not (a CI run's click, as the view rendered anew, was lost).
   */
  async function toggle(selector: string, open: boolean, name: string): Promise<void> {
    const target = row(selector);
    await bench.expectVisible(target, `${name}-shown`);
    const click = async () => {
      if ((await target.getAttribute('aria-expanded')) !== String(open)) {
        await target.click();
      }
    };
    await bench.gestureUntilVisible(click, row(`${selector}[aria-expanded="${open}"]`), name);
  }

  it('keeps the Chips group under the workspace row in Refresh All after the one under the user row is closed', async () => {
    await bench.openPlyrView();
    await bench.palette('PLYR: Add Identifier');
    await bench.enter('player123', 'Add Identifier (1/2)');
    await bench.enter('Mine', 'Add Identifier (2/2)');
    // The view renders anew with the row added and loaded: clicks wait for that.
    await bench.expectVisible(row('[aria-label^="Mine, PLYR ID player123, 5 tokens"]'), 'user-row-loaded');
    // The workspace's player123 ("Test player", in the Workspace group) and its Chips, at level 3.
    await toggle('[aria-label^="Test player, PLYR ID player123"][aria-level="2"]', true, 'workspace-row-open');
    await toggle('[aria-label^="Chips"][aria-level="3"]', true, 'workspace-chips-open');
    await poll(async () => chipRequests(), (n) => n >= 1, 15_000);
    // The user's row ("Mine", at the top level) and its Chips, at level 2: opened, then closed.
    await toggle('[aria-label^="Mine, PLYR ID player123"][aria-level="1"]', true, 'user-row-open');
    await toggle('[aria-label^="Chips"][aria-level="2"]', true, 'user-chips-open');
    await toggle('[aria-label^="Chips"][aria-level="2"]', false, 'user-chips-closed');
    assert.equal(await row('[aria-label^="Chips"][aria-level="3"]').getAttribute('aria-expanded'), 'true', 'still open under the workspace row');

    // A Refresh All pressed while another runs joins it, and that one was planned before the groups
    // opened: wait until none runs, the simulator asked nothing for a second and a half.
    const quiet = () => bench.sim.inFlight === 0 && bench.sim.requests.every((r) => Date.now() - r.startedAt > 1_500);
    assert.ok(await poll(async () => quiet(), (settled) => settled, 30_000), 'the requests settle');
    const before = chipRequests();
    await bench.palette('PLYR: Refresh All Balances');
    const after = await poll(async () => chipRequests(), (n) => n > before, 15_000);
    assert.equal(after, before + 1, `Refresh All read the Chips group still open, once (asked: ${bench.sim.requests.map((r) => r.path).join(', ')})`);
  });
});
