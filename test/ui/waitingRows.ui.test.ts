import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { openWorkbench, Workbench } from './workbench';

/**
 * Rows never loaded, waiting their turn behind a slow server one request at a time: each reads
 * "loading…" from the moment it is asked, and "not loaded" again once Stop Refreshing drops it.
 */
describe('rows waiting their turn, driven like a person', () => {
  // The simulator's load-test users; the last waits five answers of 2 s each for its turn.
  const IDS = ['load-1', 'load-2', 'load-3', 'load-4', 'load-5', 'load-6'];
  let bench: Workbench;
  before(async () => {
    bench = await openWorkbench({
      settings: { 'plyr.refreshConcurrency': 1 },
      simulator: { latencyMs: 2_000 },
      workspaceFiles: { '.vscode/plyr.json': JSON.stringify({ identifiers: IDS }) },
      env: { PLYR_API_KEY: DEMO_CREDENTIALS.apiKey, PLYR_SECRET_KEY: DEMO_CREDENTIALS.secretKey },
    });
  });
  after(() => bench?.close());

  /** The last row as drawn, by what a screen reader hears: "PLYR ID load-6, loading…". */
  const lastRow = (status: string) => bench.page.locator(`.part.sidebar .monaco-list-row[aria-label^="PLYR ID load-6, ${status}"]`).first();

  it('reads "loading…" while asked, "not loaded" once stopped, and "loading…" again as Refresh All asks it', async () => {
    await bench.openPlyrView();
    await bench.expectVisible(lastRow('loading…'), 'waiting-row-loading');
    await bench.palette('PLYR: Stop Refreshing');
    await bench.expectVisible(lastRow('not loaded'), 'stopped-row-not-loaded');
    await bench.palette('PLYR: Refresh All Balances');
    // Its own request is five answers (10 s) away: within 5 s, only being asked can make it read so.
    await bench.expectVisible(lastRow('loading…'), 'refreshed-row-loading', 5_000);
    await bench.palette('PLYR: Stop Refreshing');
    await bench.expectVisible(lastRow('not loaded'), 'stopped-again-row-not-loaded');
  });
});
