import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';
import fetch from 'node-fetch';
import { AccountLookup, OWNER_MEMORY_MS } from '../src/core/store/accountLookup';
import { addressesIn } from '../src/core/model/addressScan';
import { BalanceStore } from '../src/core/store/balanceStore';
import { silentLogger } from '../src/core/api/logger';
import { PlyrClient } from '../src/core/api/plyrClient';
import { AddressInlayHintsProvider } from '../src/vscode/editor/inlayHintsProvider';
import { SettingsEvents } from '../src/vscode/settings';
import { demoAddress, DEMO_CREDENTIALS } from '../simulator/demoData';
import { useSimulator } from './hostSetup';
import { simulatorAdmin } from './simulatorAdmin';

/**
 * Runs inside the extension host: a 2,000-line file with 200 distinct addresses (one every 10
 * lines) opened in an editor with plyr.inlayHints.show = amount, and scrolled from top to bottom
 * a page at a time, the extension's own provider answering the editor (and, on each page,
 * vscode.executeInlayHintProvider for the visible range, as a check that the page's hints came).
 * Counts the balance requests per address in the simulator's log. Then the provider's time on
 * cached data: the extension's class, wired to a real client and store, timed on each page's
 * range once its balances are cached. Writes the figures to PLYR_TEST_RESULTS.
 */
export interface InlayHintsBenchResult {
  lines: number;
  addresses: number;
  pages: number;
  /** Balance requests made while scrolling. */
  requests: number;
  /** Distinct addresses that were in a visible range at some point. */
  distinctVisible: number;
  /** The most balance requests made for one address. */
  maxPerAddress: number;
  /** Addresses asked for that never came into view (the editor asks a margin around the visible lines). */
  askedNotVisible: number;
  /** Hints the last page's check got (every address on it). */
  hintsOnLastPage: number;
  cachedP50Ms: number;
  cachedP95Ms: number;
  /** Addresses in one timed range, on average. */
  addressesPerRange: number;
  latencyMs: number;
}

const LINES = 2000;
const EVERY = 10;
const LATENCY_MS = 50;
const CACHED_CALLS = 1000;

export async function run(): Promise<void> {
  const simUrl = process.env.PLYR_BENCH_SIM_URL ?? '';
  const sim = simulatorAdmin(simUrl);
  await sim.configure({ latencyMs: LATENCY_MS });
  await useSimulator(simUrl, { 'inlayHints.show': 'amount' });

  const addresses = Array.from({ length: LINES / EVERY }, (_, i) => demoAddress(`inlay bench ${i}`));
  const text = Array.from({ length: LINES }, (_, line) => (line % EVERY === 0 ? `  wallet${line / EVERY}: '${addresses[line / EVERY]}',` : `  const value${line} = ${line} * 2;`)).join('\n');
  // Cleared first: the editor asks for the first page's hints as soon as it shows.
  await sim.clearRequests();
  const document = await vscode.workspace.openTextDocument({ content: text, language: 'typescript' });
  const editor = await vscode.window.showTextDocument(document);

  const scrolled = await scrollToBottom(editor);
  await untilQuiet(sim.requestCount);
  const made = (await sim.requests()).filter((r) => r.path.startsWith('/api/balance/'));
  const perAddress = new Map<string, number>();
  for (const r of made) {
    const address = r.path.slice('/api/balance/'.length);
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
  }
  const cached = await cachedTimes(document, scrolled.ranges, simUrl);
  const result: InlayHintsBenchResult = {
    lines: LINES,
    addresses: addresses.length,
    pages: scrolled.ranges.length,
    requests: made.length,
    distinctVisible: scrolled.visible.size,
    maxPerAddress: Math.max(0, ...perAddress.values()),
    askedNotVisible: [...perAddress.keys()].filter((a) => !scrolled.visible.has(a)).length,
    hintsOnLastPage: scrolled.hintsOnLastPage,
    ...cached,
    latencyMs: LATENCY_MS,
  };
  if (process.env.PLYR_TEST_RESULTS) {
    fs.writeFileSync(process.env.PLYR_TEST_RESULTS, JSON.stringify({ passed: 1, failed: 0, pending: 0, failures: [], bench: result }));
  }
}

/** Pages down from the top until the last line shows; on each page, waits for its hints. */
async function scrollToBottom(editor: vscode.TextEditor): Promise<{ ranges: vscode.Range[]; visible: Set<string>; hintsOnLastPage: number }> {
  const document = editor.document;
  const ranges: vscode.Range[] = [];
  const visible = new Set<string>();
  let hintsOnLastPage = 0;
  for (;;) {
    const range = editor.visibleRanges[0];
    ranges.push(range);
    const here = addressesOn(document, range);
    here.forEach((a) => visible.add(a));
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
    if (hints.length !== here.length) {
      throw new Error(`Lines ${range.start.line}-${range.end.line}: ${hints.length} hints for ${here.length} addresses`);
    }
    hintsOnLastPage = hints.length;
    if (range.end.line >= document.lineCount - 1) {
      return { ranges, visible, hintsOnLastPage };
    }
    editor.revealRange(new vscode.Range(range.end.line, 0, range.end.line, 0), vscode.TextEditorRevealType.AtTop);
    await until(() => editor.visibleRanges[0].start.line > range.start.line);
  }
}

function addressesOn(document: vscode.TextDocument, range: vscode.Range): string[] {
  const found: string[] = [];
  for (let line = range.start.line; line <= range.end.line; line++) {
    // A hint goes after its address: one whose end is past the range gets none there.
    found.push(...addressesIn(document.lineAt(line).text).flatMap((a) => (range.contains(new vscode.Position(line, a.end)) ? [a.text] : [])));
  }
  return found;
}

/** The provider's own time on ranges whose balances are cached: p50 and p95 of CACHED_CALLS calls. */
async function cachedTimes(document: vscode.TextDocument, ranges: readonly vscode.Range[], simUrl: string): Promise<{ cachedP50Ms: number; cachedP95Ms: number; addressesPerRange: number }> {
  const config = () => ({ network: 'custom' as const, customBaseUrl: simUrl, timeoutMs: 10_000, signing: 'emptyObject' as const, retryOtherConvention: true });
  const client = new PlyrClient({ fetch, config, credentials: async () => DEMO_CREDENTIALS, logger: silentLogger });
  const store = new BalanceStore({ fetch: (id, signal) => client.getBalances(id, undefined, signal), scope: () => simUrl });
  const accounts = new AccountLookup({ fetch: (a, s) => client.getPlyrIdForAddress(a, s), scope: () => simUrl, ownerMemoryMs: OWNER_MEMORY_MS });
  const settings = new SettingsEvents();
  const provider = new AddressInlayHintsProvider({
    credentials: { get: async () => DEMO_CREDENTIALS },
    store,
    tracked: { find: () => undefined },
    watched: { find: () => undefined },
    privacy: { on: false },
    values: { load: async () => undefined, peek: () => undefined, balanceKeyOf: (token) => token },
    accounts,
    serverPending: () => false,
    // As the extension reads them: once per change of the host's configuration.
    settings,
    logger: silentLogger,
  });
  const token = new vscode.CancellationTokenSource().token;
  for (const range of ranges) {
    await provider.provideInlayHints(document, range, token);
  }
  const times: number[] = [];
  for (let i = 0; i < CACHED_CALLS; i++) {
    // The editor asks one range at a time: let other work run between them.
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    await provider.provideInlayHints(document, ranges[i % ranges.length], token);
    times.push(performance.now() - started);
  }
  settings.dispose();
  times.sort((a, b) => a - b);
  const percentile = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] * 1000) / 1000;
  const perRange = ranges.reduce((sum, r) => sum + addressesOn(document, r).length, 0) / ranges.length;
  return { cachedP50Ms: percentile(50), cachedP95Ms: percentile(95), addressesPerRange: Math.round(perRange * 10) / 10 };
}

async function until(done: () => boolean, ms = 5000): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > ms) {
      throw new Error('The editor did not scroll');
    }
    await delay(10);
  }
}

/** Waits until `count` has not changed for a second: the editor's last asks have been answered. */
async function untilQuiet(count: () => Promise<number>): Promise<void> {
  let last = -1;
  for (let current = await count(); current !== last; current = await count()) {
    last = current;
    await delay(1000);
  }
}
