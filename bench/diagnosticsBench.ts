import { performance } from 'node:perf_hooks';
import { keccak_256 } from '@noble/hashes/sha3';
import { bytesToHex } from '@noble/hashes/utils';
import { checksumProblemMessage, problemListing } from '../src/core/content/checksumContent';
import { CHECKSUM_SLICE_MS, ChecksumMemo, ChecksumPass, checksumProblemsIn } from '../src/core/model/addressChecksum';
import { toChecksumAddress } from '../src/core/model/identifier';

/**
 * Plain Node: one full pass of the checksum diagnostics over a 10,000-line file (the scan and the
 * messages; what the editor then draws is VS Code's), with all-lower-case addresses flagged too,
 * the setting that asks the most. The pass is vscode-free, so it runs here as it runs in the
 * extension host. Two files:
 * - code: an address on every 5th line (2,000, of 400 distinct; a quarter each checksummed, with a
 *   wrong checksum, lower case and upper case) and a 64-hex hash on every 7th;
 * - addresses only: a distinct mixed-case address on every line, the most hashing a file can ask.
 * For each, the first pass (on open: every distinct address hashed) and the median of 9 passes
 * after it (after an edit: the checksums are remembered).
 */
export interface DiagnosticsBenchRow {
  readonly file: string;
  readonly lines: number;
  readonly addresses: number;
  readonly distinct: number;
  readonly problems: number;
  readonly firstPassMs: number;
  readonly medianPassMs: number;
}

const LINES = 10_000;
const RUNS = 9;

export function diagnosticsBench(): DiagnosticsBenchRow[] {
  return [measure('code', codeFile()), measure('addresses only', addressesOnlyFile())];
}

function measure(file: string, { text, addresses, distinct }: { text: string; addresses: number; distinct: number }): DiagnosticsBenchRow {
  const memo = new ChecksumMemo();
  const pass = () => checksumProblemsIn(text, { lowerCase: true }, memo).map((p) => checksumProblemMessage(p));
  let started = performance.now();
  const problems = pass().length;
  const firstPassMs = performance.now() - started;
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    started = performance.now();
    pass();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { file, lines: LINES, addresses, distinct, problems, firstPassMs: round(firstPassMs), medianPassMs: round(ms[Math.floor(RUNS / 2)]) };
}

export interface SlicedPassRow {
  readonly lines: number;
  readonly problems: number;
  readonly slices: number;
  readonly totalMs: number;
  /** The longest the pass held the thread at a time: what a hover waits for at worst (a garbage collection may fall in it). */
  readonly longestSliceMs: number;
  readonly medianSliceMs: number;
  /** After the last slice, in one block: the problems listed and their messages (what the diagnostics are made of). */
  readonly listingMs: number;
  readonly listed: number;
  /** The same block with every problem's message, as before the listing's limit. */
  readonly allMessagesMs: number;
}

/**
 * A 100,000-line file of distinct addresses (an airdrop list) opened: the first pass, every
 * address hashed, in slices of CHECKSUM_SLICE_MS as the extension host runs it. In one piece it
 * held the extension host for the whole of it.
 */
export function slicedPassBench(lines = 100_000): SlicedPassRow {
  const text = Array.from({ length: lines }, (_, i) => `${written(address(`airdrop ${i}`), i % 2)},`).join('\n');
  const pass = new ChecksumPass(text, { lowerCase: true }, new ChecksumMemo());
  const slices: number[] = [];
  for (let done = false; !done; ) {
    const started = performance.now();
    done = pass.scanUntil(started + CHECKSUM_SLICE_MS);
    slices.push(performance.now() - started);
  }
  const block = (messages: () => number) => {
    const started = performance.now();
    const made = messages();
    return { ms: performance.now() - started, made };
  };
  const listing = block(() => {
    const { listed, leftOut } = problemListing(pass.problems);
    return listed.map(checksumProblemMessage).length + (leftOut ? 1 : 0);
  });
  const all = block(() => pass.problems.map(checksumProblemMessage).length);
  return {
    lines,
    problems: pass.problems.length,
    listingMs: round(listing.ms),
    listed: listing.made,
    allMessagesMs: round(all.ms),
    slices: slices.length,
    totalMs: round(slices.reduce((a, b) => a + b, 0)),
    longestSliceMs: round(Math.max(...slices)),
    medianSliceMs: round([...slices].sort((a, b) => a - b)[Math.floor(slices.length / 2)]),
  };
}

/** A made-up address, checksummed: the same for the same seed. */
function address(seed: string): string {
  return toChecksumAddress(bytesToHex(keccak_256(seed)).slice(0, 40));
}

/** The address written one of four ways: checksummed, wrong checksum, lower case, upper case. */
function written(checksummed: string, way: number): string {
  const hex = checksummed.slice(2);
  switch (way % 4) {
    case 0:
      return checksummed;
    case 1: {
      // One letter's case flipped: the checksum fails.
      const i = hex.search(/[a-fA-F]/);
      const c = hex[i];
      return `0x${hex.slice(0, i)}${c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()}${hex.slice(i + 1)}`;
    }
    case 2:
      return `0x${hex.toLowerCase()}`;
    default:
      return `0x${hex.toUpperCase()}`;
  }
}

function codeFile(): { text: string; addresses: number; distinct: number } {
  const distinct = Array.from({ length: 400 }, (_, i) => address(`code ${i}`));
  const lines: string[] = [];
  let addresses = 0;
  for (let i = 0; i < LINES; i++) {
    if (i % 5 === 0) {
      lines.push(`  const wallet${i} = '${written(distinct[addresses % distinct.length], Math.floor(addresses / distinct.length) + addresses)}'; // owner ${i}`);
      addresses++;
    } else if (i % 7 === 0) {
      lines.push(`  const tx${i} = '0x${bytesToHex(keccak_256(`tx ${i}`))}';`);
    } else {
      lines.push(`  total += balances[${i}].amount * rate; // line ${i} of the ledger, no address here`);
    }
  }
  return { text: lines.join('\n'), addresses, distinct: distinct.length };
}

function addressesOnlyFile(): { text: string; addresses: number; distinct: number } {
  const lines = Array.from({ length: LINES }, (_, i) => `${written(address(`only ${i}`), i % 2)},`);
  return { text: lines.join('\n'), addresses: LINES, distinct: LINES };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

if (require.main === module) {
  const sliced = slicedPassBench();
  console.log(`checksum diagnostics on open, ${sliced.lines.toLocaleString('en')} addresses: ${sliced.totalMs} ms in ${sliced.slices} slices, the longest ${sliced.longestSliceMs} ms (median ${sliced.medianSliceMs} ms); then ${sliced.listingMs} ms listing ${sliced.listed.toLocaleString('en')} of ${sliced.problems.toLocaleString('en')} problems (every message: ${sliced.allMessagesMs} ms)`);
  for (const r of diagnosticsBench()) {
    console.log(
      `checksum diagnostics, ${r.file}: ${r.lines.toLocaleString('en')} lines, ${r.addresses.toLocaleString('en')} addresses (${r.distinct.toLocaleString('en')} distinct), ${r.problems.toLocaleString('en')} flagged: first pass ${r.firstPassMs} ms, then ${r.medianPassMs} ms a pass (median of ${RUNS})`,
    );
  }
}
