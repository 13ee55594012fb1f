import { addressesIn, MAX_SCANNED_LINE } from './addressScan';
import { toChecksumAddress } from './identifier';

/**
 * What is worth flagging in how an address is written (EIP-55): a mixed-case address whose case
 * does not match its checksum (a likely typo), and, when asked, an all-lower-case address (no
 * checksum, so a typo would go unnoticed). All upper case, like all lower case, carries no
 * checksum and EIP-55 allows it; it is never flagged.
 */
export type ChecksumProblemKind = 'mismatch' | 'lowerCase';

export interface ChecksumProblem {
  readonly kind: ChecksumProblemKind;
  /**
   * Zero-based line and the address's columns in it (end exclusive). The address as written is not
   * kept: a slice of the text would hold all of it.
   */
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** Its EIP-55 checksummed form: the preferred fix. */
  readonly checksummed: string;
  /** Its all-lower-case form: the other fix. */
  readonly lowerCase: string;
}

export interface ChecksumScanOptions {
  /** Also flag all-lower-case addresses. */
  readonly lowerCase: boolean;
}

/**
 * One text's checksummed forms from its last pass (keccak-256 is nearly the whole cost of a pass),
 * so the pass after an edit hashes only the addresses it has not seen. It keeps only what the last
 * pass asked for: its size follows the text, and a closed document's goes with it.
 */
export class ChecksumMemo {
  /** By lower-case hex digits: the checksummed form, and the last pass that asked for it. */
  readonly #known = new Map<string, { readonly checksummed: string; pass: number }>();
  #pass = 0;

  readonly #checksum: (hex40: string) => string;

  constructor(checksum: (hex40: string) => string = toChecksumAddress) {
    this.#checksum = checksum;
  }

  checksumOf(lowerHex: string): string {
    const entry = this.#known.get(lowerHex);
    if (entry) {
      entry.pass = this.#pass;
      return entry.checksummed;
    }
    const checksummed = flat(this.#checksum(lowerHex));
    // Keyed by a string of its own: the one passed in may be a slice that holds the whole text.
    this.#known.set(checksummed.slice(2).toLowerCase(), { checksummed, pass: this.#pass });
    return checksummed;
  }

  /** The pass is over: what it did not ask for is forgotten. */
  endPass(): void {
    for (const [key, entry] of this.#known) {
      if (entry.pass !== this.#pass) {
        this.#known.delete(key);
      }
    }
    this.#pass++;
  }
}

const HEX_LOWER = /[a-f]/;
const HEX_UPPER = /[A-F]/;

/** A flat copy: `toChecksumAddress` builds its answer a character at a time, a rope of 42 pieces. */
function flat(text: string): string {
  return text.split('').join('');
}

/** The problem with how one `0x` + 40 hex address is written, or undefined when there is none. */
export function checksumProblemOf(text: string, options: ChecksumScanOptions, memo?: ChecksumMemo): Pick<ChecksumProblem, 'kind' | 'checksummed' | 'lowerCase'> | undefined {
  // `0x` is lower case: only the hex digits' letters count.
  if (!HEX_LOWER.test(text)) {
    return undefined;
  }
  const allLower = !HEX_UPPER.test(text);
  if (allLower && !options.lowerCase) {
    return undefined;
  }
  const lower = text.slice(2).toLowerCase();
  const checksummed = memo ? memo.checksumOf(lower) : toChecksumAddress(lower);
  // A lower-case address whose letters all hash below 8 is its own checksummed form.
  if (checksummed === text) {
    return undefined;
  }
  return { kind: allLower ? 'lowerCase' : 'mismatch', checksummed, lowerCase: checksummed.toLowerCase() };
}

/** The problems in one line, left to right; none in a line longer than {@link MAX_SCANNED_LINE}. */
export function checksumProblemsInLine(text: string, line: number, options: ChecksumScanOptions, memo = new ChecksumMemo()): ChecksumProblem[] {
  if (text.length > MAX_SCANNED_LINE || !text.includes('0x')) {
    return [];
  }
  const problems: ChecksumProblem[] = [];
  for (const found of addressesIn(text)) {
    const problem = checksumProblemOf(found.text, options, memo);
    if (problem) {
      problems.push({ kind: problem.kind, line, start: found.start, end: found.end, checksummed: problem.checksummed, lowerCase: problem.lowerCase });
    }
  }
  return problems;
}

/**
 * The problems in a whole text, split into lines as VS Code splits them (CR LF, LF or CR). `memo`
 * is this text's, from its last pass.
 */
export function checksumProblemsIn(text: string, options: ChecksumScanOptions, memo = new ChecksumMemo()): ChecksumProblem[] {
  const pass = new ChecksumPass(text, options, memo);
  pass.scanUntil(Infinity);
  return pass.problems;
}

/** The longest a pass in the extension host works at a time before letting it answer anything else (a hover, another extension). */
export const CHECKSUM_SLICE_MS = 10;

/**
 * One pass over a text that can stop and go on: each {@link scanUntil} scans lines until a
 * deadline, so that a file of 100,000 addresses (1.5 s of hashing) is checked in slices between
 * which the extension host answers everything else. A pass given up half-way (the text changed)
 * leaves `memo` as good as it was.
 */
export class ChecksumPass {
  /** The problems found so far, in order; all of them once {@link done}. */
  readonly problems: ChecksumProblem[] = [];
  readonly #lines: string[];
  readonly #options: ChecksumScanOptions;
  readonly #memo: ChecksumMemo;
  #next = 0;

  constructor(text: string, options: ChecksumScanOptions, memo = new ChecksumMemo()) {
    this.#lines = text.split(/\r\n|\r|\n/);
    this.#options = options;
    this.#memo = memo;
  }

  get done(): boolean {
    return this.#next === this.#lines.length;
  }

  /**
   * Scans on, a line at a time, until `clock()` reaches `deadline` (at least one line each call: a
   * line is at most MAX_SCANNED_LINE characters, about 240 addresses); true once the text is done.
   */
  scanUntil(deadline: number, clock: () => number = () => performance.now()): boolean {
    if (this.done) {
      return true;
    }
    for (;;) {
      this.problems.push(...checksumProblemsInLine(this.#lines[this.#next], this.#next, this.#options, this.#memo));
      this.#next++;
      if (this.done) {
        this.#memo.endPass();
        return true;
      }
      if (clock() >= deadline) {
        return false;
      }
    }
  }
}
