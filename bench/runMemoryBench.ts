import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runBenchmark, writeReport } from './benchmarkSession';
import { Holder, newObjectsByHolder, readHeapSnapshot } from './heapSnapshot';
import type { MemoryBenchResult } from './memoryBench';
import { codeServerDescription } from '../test/runners/codeServer';

/**
 * `npm run bench:memory`: the extension host's heap with 1,000 tracked identifiers (5 tokens
 * each) in a real VS Code against the simulator: what stays after a refresh-all and a garbage
 * collection, the transient peak during it, and the drift over 10 refresh-alls, each against its
 * target. A second session takes heap snapshots and says what holds the memory. Writes
 * docs/benchmarks/memory.md.
 */
const MEMORY_TARGETS = { retainedMb: 10, transientPeakMb: 25, driftMb: 1 };

async function main(): Promise<number> {
  const r = await runBenchmark<MemoryBenchResult>('memoryBench.js');
  if (!r) {
    console.error('The benchmark reported no numbers.');
    return 1;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-heap-'));
  try {
    const snapshotted = await runBenchmark<MemoryBenchResult>('memoryBench.js', { PLYR_BENCH_HEAP_SNAPSHOT: scratch });
    if (!snapshotted?.snapshots) {
      console.error('The snapshot session reported no snapshots.');
      return 1;
    }
    const baseline = readHeapSnapshot(snapshotted.snapshots.baseline);
    const refreshed = readHeapSnapshot(snapshotted.snapshots.refreshed);
    const afterFirst = newObjectsByHolder(baseline, refreshed, 10);
    const afterLast = newObjectsByHolder(readHeapSnapshot(snapshotted.snapshots.seriesFirst), readHeapSnapshot(snapshotted.snapshots.seriesLast), 6);
    const table = memoryTable(r);
    console.log(table);
    writeReport(
      'memory',
      'Memory: what stays, what passes',
      `a real VS Code (${codeServerDescription()}) with the Balances view open, its extension host's heap (V8's used heap size) with ${r.n.toLocaleString('en')} tracked identifiers of ${r.tokens} tokens each, against the PLYR API simulator (in its own process). The baseline is the heap after a full garbage collection with one identifier tracked and refreshed (so that the code a refresh runs is loaded). The ${r.n.toLocaleString('en')} are then added (adding loads them) and refreshed at ${r.latencyMs} ms latency (${r.firstRefreshMs} ms) while the heap is sampled every 10 ms: the transient peak is the highest sample over the heap at the refresh's start, itself just collected. After a full collection, the retained growth is the heap over the baseline. ${r.laterPeaksMb.length} more refresh-alls at ${r.latencyMs} ms latency are sampled the same way: these show a refresh-all after the first, which peaks higher (see below). Then ${r.seriesMb.length} refresh-alls in a row, alike (no latency: the same work, sooner), each followed by a collection, give the drift: the retained growth after the last of them less that after the first.`,
      [
        table,
        '',
        `Retained growth after each of the ${r.seriesMb.length} refresh-alls in a row: ${r.seriesMb.map((mb) => `${mb} MB`).join(', ')}.`,
        '',
        '## Where the memory goes',
        '',
        `A second session took heap snapshots at the baseline, after the measured refresh-all, and after the first and the last of the ${snapshotted.seriesMb.length} in a row, each after a collection (its figures: retained ${snapshotted.retainedMb} MB, drift ${snapshotted.driftMb} MB). The objects the later snapshot has and the earlier lacks (V8 keeps an object's id from one snapshot to the next) are grouped by what holds them: each object's dominators (what every path from the roots to it passes through) are followed up to the first object the earlier snapshot had. VS Code's own code is minified: its objects are named by the field of ours that holds them, or by the object of ours they hold.`,
        '',
        `### After the measured refresh-all: ${mb(afterFirst.bytes)} MB in ${afterFirst.objects.toLocaleString('en')} new objects`,
        '',
        holderTable(afterFirst.holders),
        '',
        `### From the first to the last of the refresh-alls in a row: ${mb(afterLast.bytes)} MB in ${afterLast.objects.toLocaleString('en')} new objects (some replace objects since freed)`,
        '',
        holderTable(afterLast.holders),
        '',
        '## How to read it',
        '',
        '- Each row of the view is a node in VS Code\'s tree view in the extension host (the item VS Code keeps, and its copy sent to the window): about 1.1 KB per identifier, the largest share of what stays.',
        "- The drift is VS Code's (1.90): its extension host makes a node for every row it is told changed, registers a DisposableStore for each in the tree view's own (`createTreeNode`: `this._register(new DisposableStore())`), and disposing the node never takes it out again. The snapshots show it: the growth from the first to the last of the refresh-alls in a row is that store's Set (the row `VS Code's i holding BalancesTreeProvider → .q VS Code's n → .f Set`: the tree view, its own store, the store's Set). Counted in another such session, that Set went from 6,573 DisposableStores to 15,023 over those 9 refresh-alls, each holding about 0.21 KB (the store, its empty Set and that Set's table, and its slot in the big one): 1.77 MB, against a drift of 1.72 MB in that session. VS Code merges a row's changes within 200 ms, so a refresh-all then made one node per row (counted: 1,001 calls of getTreeItem per refresh-all of 1,000, at 50 ms latency and at none): every answer changed what the row showed, its tooltip's time of the last update, to the second. Since, that time is told to the minute, as the row's age is, and a row is sent again only when its item or its open token rows would read differently (src/vscode/views/tree/sentRows.ts). An answer that changes nothing shown, seconds after the last, now makes no node; a row whose spinner showed (a request still in flight when the view renders, 50 ms a frame) still makes one, as does every row once its minute moves on. The drift measured 1.28 MB before that change and 0.14 to 0.32 MB after it (four sessions of this benchmark). Nothing of the extension grows with them.",
        "- The same happens on every re-render of every row, whatever changed what the rows show (the row \"kept by VS Code's extension host\" of the first table): each makes a node, and keeps its DisposableStore, per row VS Code fetches again. The age moving on is such a change: while the view shows, in a focused window, the rows are rendered again each minute so that their ages read right, and VS Code keeps that much each minute, 13 to 15 MB an hour with 1,000 rows (0.22 to 0.25 MB a re-render in the runs so far), about a tenth of that with 100. VS Code 1.100 does the same (`CODE_SERVER_VERSION=4.100.3 npm run bench:memory`: 0.22 MB a re-render, one run). Nothing but rows that read the same each minute (a time of day rather than an age) would avoid it. A tree refreshed again and again growing the same way was reported upstream on VS Code 1.86 (microsoft/vscode#207308, after the fixes of #193421 and #202080) and closed for want of a reproduction in the developer tools.",
        "- The transient peak is garbage: the young generation (V8 lets it fill up to 16 MB before collecting it: 13 to 16 MB of every peak, first or later, by V8's heap space statistics at the peak; it is at its full size from the first refresh-all on) and what was promoted out of it into the old generation until the next full collection. The first refresh-all differs in when V8 collects the old generation, not in what a request leaves (V8's --trace-gc-nvp, one session): each young collection promoted 1.5 to 1.9 MB in the first refresh-all and the later ones alike, but V8 collected the old generation every 3 s or so during the later ones (it grew 7 to 10 MB) and not once in the first one's 14 s (it grew from 45 to 77 MB). VS Code's proxy support (http.proxySupport, on by default) is what tips it: with it off (PLYR_BENCH_MEMORY_PROXY_SUPPORT=off) each young collection promoted 0.4 to 0.5 MB, V8 collected the old generation every 4 s in the first refresh-all too, and the first peak measured 18 to 24 MB; with it on, 40 to 43 MB. It wraps every request in a new proxy agent, whose `protocol` and `defaultPort` (read three times by Node's http client per request) are found by formatting a stack trace (VS Code formats 100 frames) and splitting it. Of the 42 MB that outlived a young collection in the first refresh-all (PLYR_BENCH_MEMORY_ALLOCATIONS, V8's sampling heap profile), 5.0 MB came from those stack traces, 4.4 MB from the rest of the proxy agent, 10.6 MB from node-fetch's response streams, 5.6 MB from Node's http client, 2.6 MB from writing the remembered balances, 6.6 MB from the rest of the extension. Shortening stack traces to 10 frames alone did not lower the peak (41.9 MB, one run). Nor does the current VS Code, whose proxy agent is told its protocol and formats no stack trace: on code-server 4.100.3 (VS Code 1.100.3, `CODE_SERVER_VERSION=4.100.3 npm run bench:memory`) the first peak measured 39.6 and 40.8 MB with proxy support on, 19.2 and 21.9 MB with it off (two runs each). Nor does one agent for every request: with the agent VS Code made for the first request reused for all the others (a trial, not kept: taken from Node's `http.client.request.start` diagnostics channel, which VS Code's patch then leaves as it is), the first peak measured 41.4 MB (one run). What doubles it is the rest of the way VS Code's proxy support takes each request (resolving its proxy), not the agent object or its stack traces. Nor does the extension's own work, by much: of the 235 MB allocated in the first refresh-all (the same profile counting every allocation, one run: PLYR_BENCH_MEMORY_ALL=1), a request took 73 MB (node-fetch, Node's http client and the proxy agent: 32 MB of it the proxy agent's stack traces), and the rows' rendering 78 MB (each answer renders its row twice, to tell whether it changed and when VS Code asks for it); with the rows' rendering left out altogether (a trial, not kept), 157 MB were allocated and the first peak measured 35.6 MB.",
        "- A group's total: with the 1,000 in one group (PLYR_BENCH_MEMORY_GROUP=All), every answer changes the group's total in dollars. The tree provider used to forget every identifier's value at each render (one each 50 ms during a refresh-all) and work out all 1,000 again for that total: the first refresh-all took 16.3 s and peaked at 77.9 MB, the next one at 64.1 MB (one run, production bundle). It now keeps each value until that identifier's balances change, and each group's total until a member's do: 13.9 s, 43.2 MB, then 23.5 MB (one run), as without the group.",
      ].join('\n'),
    );
    return 0;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The figures against their targets, as docs/benchmarks/memory.md shows them. */
function memoryTable(r: MemoryBenchResult): string {
  const row = (what: string, value: number, target: number) => `| ${what} | ${value} MB | ${target} MB | ${((value / target) * 100).toFixed(0)}%${value > target ? ' **over**' : ''} |`;
  return [
    '| measure | value | target | against the target |',
    '|---|---|---|---|',
    row(`retained growth after a refresh-all of ${r.n.toLocaleString('en')} and a collection`, r.retainedMb, MEMORY_TARGETS.retainedMb),
    row('transient peak during it (the first refresh-all since the extension host started)', r.transientPeakMb, MEMORY_TARGETS.transientPeakMb),
    row(`transient peak of the ${r.laterPeaksMb.length} refresh-alls after it, alike (median; each ${r.laterPeaksMb.join(', ')} MB)`, r.laterPeakMb, MEMORY_TARGETS.transientPeakMb),
    row(`drift over ${r.seriesMb.length} refresh-alls in a row`, r.driftMb, MEMORY_TARGETS.driftMb),
    `| kept by VS Code's extension host after each re-render of every row (the mean of ${r.rerenders}, Hide and Show Amounts in turn) | ${r.keptPerRerenderMb} MB | | |`,
    `| baseline heap (one identifier tracked) | ${r.baselineMb} MB | | |`,
  ].join('\n');
}

function holderTable(holders: readonly Holder[]): string {
  return [
    '| held by | MB | objects | mostly |',
    '|---|---|---|---|',
    ...holders.map((h) => `| ${h.path.replace(/\|/g, '\\|')} | ${mb(h.bytes)} | ${h.objects.toLocaleString('en')} | ${h.classes.map((c) => `${c.name.replace(/\|/g, '\\|')} ${Math.round(c.bytes / 1024)} KB`).join(', ')} |`),
  ].join('\n');
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(2);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
