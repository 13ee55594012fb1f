import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ChecksumMemo, ChecksumPass, ChecksumProblem, checksumProblemOf, checksumProblemsIn, checksumProblemsInLine } from '../../src/core/model/addressChecksum';
import { MAX_SCANNED_LINE } from '../../src/core/model/addressScan';
import { toChecksumAddress } from '../../src/core/model/identifier';
import { checksumProblemMessage, MAX_LISTED_PROBLEMS, problemListing } from '../../src/core/content/checksumContent';

// EIP-55's own examples: checksummed, and two whose checksummed form happens to be all lower case.
const A = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const B = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const LOWER_BY_CHECKSUM = '0xde709f2102306220921060314715629080e2fb77';
/** A with one letter's case flipped: mixed case, checksum wrong. */
const A_TYPO = A.replace('aAeb', 'aaeb');
const B_TYPO = B.replace('fB69', 'Fb69');

const OFF = { lowerCase: false };
const ON = { lowerCase: true };

describe('checksumProblemOf', () => {
  it('flags a mixed-case address whose checksum fails, with both fixes', () => {
    assert.notEqual(A_TYPO, A);
    assert.deepEqual(checksumProblemOf(A_TYPO, OFF), { kind: 'mismatch', checksummed: A, lowerCase: A.toLowerCase() });
    assert.deepEqual(checksumProblemOf(B_TYPO, ON), { kind: 'mismatch', checksummed: B, lowerCase: B.toLowerCase() });
  });

  it('flags an all-lower-case address only when asked, with its checksummed form', () => {
    const lower = A.toLowerCase();
    assert.equal(checksumProblemOf(lower, OFF), undefined);
    assert.deepEqual(checksumProblemOf(lower, ON), { kind: 'lowerCase', checksummed: A, lowerCase: lower });
  });

  it('never flags an all-lower-case address that is its own checksummed form', () => {
    assert.equal(checksumProblemOf(LOWER_BY_CHECKSUM, ON), undefined);
  });

  it('never flags a correctly checksummed address, an all-upper-case one, or one of digits only', () => {
    for (const options of [OFF, ON]) {
      assert.equal(checksumProblemOf(A, options), undefined);
      assert.equal(checksumProblemOf(B, options), undefined);
      assert.equal(checksumProblemOf(`0x${A.slice(2).toUpperCase()}`, options), undefined, 'EIP-55 allows all upper case');
      assert.equal(checksumProblemOf(`0x${'1234567890'.repeat(4)}`, options), undefined);
    }
  });
});

describe('checksumProblemsInLine', () => {
  it('gives every problem of a line, left to right, with its columns, and skips the good ones', () => {
    const text = `send(${A_TYPO}, ${A}, ${B_TYPO}, ${B.toLowerCase()});`;
    const problems = checksumProblemsInLine(text, 7, OFF);
    assert.deepEqual(
      problems.map((p) => [p.kind, p.line, p.start, p.end, p.checksummed]),
      [
        ['mismatch', 7, text.indexOf(A_TYPO), text.indexOf(A_TYPO) + 42, A],
        ['mismatch', 7, text.indexOf(B_TYPO), text.indexOf(B_TYPO) + 42, B],
      ],
    );
    assert.equal(checksumProblemsInLine(text, 7, ON).length, 3, 'the lower-case one too when asked');
  });

  it('does not flag the first 40 hex digits of a 64-hex hash, or an address glued to a word', () => {
    const hash = `0x${A_TYPO.slice(2)}${'Ab'.repeat(12)}`;
    assert.equal(hash.length, 66);
    assert.deepEqual(checksumProblemsInLine(`tx ${hash} done`, 0, ON), []);
    assert.deepEqual(checksumProblemsInLine(`id_${A_TYPO} ${A_TYPO}z`, 0, ON), []);
  });

  it(`skips a line longer than ${MAX_SCANNED_LINE.toLocaleString('en')} characters, as the hover does`, () => {
    const fits = `${A_TYPO} ${' '.repeat(MAX_SCANNED_LINE - 43)}`;
    assert.equal(fits.length, MAX_SCANNED_LINE);
    assert.equal(checksumProblemsInLine(fits, 0, OFF).length, 1);
    assert.deepEqual(checksumProblemsInLine(`${fits} `, 0, OFF), []);
  });
});

describe('checksumProblemsIn', () => {
  it('numbers lines as VS Code does, whether they end in LF, CR LF or CR', () => {
    const text = `a = ${A_TYPO}\r\nb = ${A}\n\r\nc = ${B_TYPO}`;
    assert.deepEqual(
      checksumProblemsIn(text, OFF).map((p) => [p.line, p.start]),
      [
        [0, 4],
        [3, 4],
      ],
    );
    assert.deepEqual(checksumProblemsIn(`x\r${A_TYPO}\ry`, OFF).map((p) => p.line), [1]);
  });

  it('leaves a text that scans clean once either fix is applied', () => {
    const text = `${A_TYPO}\n  ${B_TYPO} ${A.toLowerCase()}\n`;
    const apply = (form: 'checksummed' | 'lowerCase', options: { lowerCase: boolean }) => {
      const lines = text.split('\n');
      // Right to left, so earlier columns stay put.
      for (const p of [...checksumProblemsIn(text, options)].reverse()) {
        lines[p.line] = lines[p.line].slice(0, p.start) + p[form] + lines[p.line].slice(p.end);
      }
      return lines.join('\n');
    };
    const checksummed = apply('checksummed', ON);
    assert.equal(checksummed, `${A}\n  ${B} ${A}\n`);
    assert.deepEqual(checksumProblemsIn(checksummed, ON), []);
    const lowered = apply('lowerCase', OFF);
    assert.equal(lowered, `${A.toLowerCase()}\n  ${B.toLowerCase()} ${A.toLowerCase()}\n`);
    assert.deepEqual(checksumProblemsIn(lowered, OFF), []);
  });

  it('gives the same answers through a memo as without, pass after pass, as the text changes', () => {
    const memo = new ChecksumMemo();
    for (const text of [[A_TYPO, B_TYPO, A.toLowerCase(), A_TYPO].join('\n'), `${B.toLowerCase()} ${A_TYPO}`, B_TYPO, `${B_TYPO}\n${A_TYPO}`]) {
      const fresh = checksumProblemsIn(text, ON);
      assert.ok(fresh.length > 0);
      assert.deepEqual(checksumProblemsIn(text, ON, memo), fresh);
      assert.deepEqual(checksumProblemsIn(text, ON, memo), fresh, 'again, from the memo');
    }
  });
});

describe('ChecksumMemo', () => {
  it('hashes, after an edit, only the addresses the last pass did not see, and forgets those it no longer asks for', () => {
    const hashed: string[] = [];
    const memo = new ChecksumMemo((hex) => (hashed.push(hex), toChecksumAddress(hex)));
    const pass = (text: string) => {
      hashed.length = 0;
      checksumProblemsIn(text, ON, memo);
      return [...hashed];
    };
    const a = A.slice(2).toLowerCase();
    const b = B.slice(2).toLowerCase();
    assert.deepEqual(pass(`${A_TYPO} ${A_TYPO}\n${B_TYPO}`), [a, b], 'each distinct address once');
    assert.deepEqual(pass(`${A_TYPO} ${A_TYPO}\n${B_TYPO}`), [], 'the same text: nothing');
    assert.deepEqual(pass(`${A_TYPO}\n// B went`), [], 'an address removed');
    assert.deepEqual(pass(`${A_TYPO}\n${B_TYPO}`), [b], 'B is back, and was forgotten');
    assert.deepEqual(pass(`${A} ${A.toLowerCase()}`), [], 'other ways of writing A share its entry');
  });
});

describe('ChecksumPass', () => {
  /** A clock that moves one tick per look: a deadline of `now + n` lets n lines through. */
  const ticking = () => {
    let now = 0;
    return () => now++;
  };

  it('stops at its deadline and goes on where it stopped, to the same problems as one pass', () => {
    const text = [A_TYPO, 'x', B_TYPO, A.toLowerCase(), 'y', A_TYPO].join('\n');
    const clock = ticking();
    const pass = new ChecksumPass(text, ON);
    const slices: number[] = [];
    while (!pass.scanUntil(clock() + 2, clock)) {
      slices.push(pass.problems.length);
    }
    assert.ok(slices.length >= 2, `in slices: ${slices.join()}`);
    assert.deepEqual(pass.problems, checksumProblemsIn(text, ON));
    assert.equal(pass.scanUntil(0), true, 'done stays done');
  });

  it('scans at least one line per call, whatever the deadline', () => {
    const pass = new ChecksumPass(`${A_TYPO}\n${B_TYPO}`, OFF);
    assert.equal(pass.scanUntil(-Infinity, () => 0), false);
    assert.equal(pass.problems.length, 1);
    assert.equal(pass.scanUntil(-Infinity, () => 0), true);
    assert.equal(pass.problems.length, 2);
  });

  it('leaves the memo as good as it was when given up half-way, and ends the memo\'s pass once', () => {
    const hashed: string[] = [];
    const memo = new ChecksumMemo((hex) => (hashed.push(hex), toChecksumAddress(hex)));
    const text = `${A_TYPO}\n${B_TYPO}`;
    checksumProblemsIn(text, ON, memo);
    const halfway = new ChecksumPass(`${B_TYPO}\n${A_TYPO}`, ON, memo);
    halfway.scanUntil(-Infinity, () => 0);
    // Given up: the next pass finds both addresses remembered.
    hashed.length = 0;
    const done = new ChecksumPass(text, ON, memo);
    assert.equal(done.scanUntil(Infinity), true);
    assert.equal(done.scanUntil(Infinity), true, 'asked again once done');
    assert.deepEqual(checksumProblemsIn(text, ON, memo).length, 2);
    assert.deepEqual(hashed, [], 'nothing hashed again: a second end of the pass would have forgotten them');
  });
});

describe('checksumProblemMessage', () => {
  it('says what is wrong and gives the checksummed form in full', () => {
    const mismatch = checksumProblemMessage({ kind: 'mismatch', checksummed: A });
    assert.equal(mismatch, `This mixed-case address fails its EIP-55 checksum: it may contain a typo. Checksummed, it reads ${A}.`);
    const lower = checksumProblemMessage({ kind: 'lowerCase', checksummed: A });
    assert.equal(lower, `This address is all lower case: no EIP-55 checksum can catch a typo in it. Checksummed, it reads ${A}.`);
  });
});

describe('problemListing', () => {
  const problem = (line: number, kind: ChecksumProblem['kind']): ChecksumProblem => ({ line, start: 0, end: 42, kind, checksummed: A, lowerCase: A.toLowerCase() });

  it('lists every problem up to what VS Code shows of a file', () => {
    const problems = Array.from({ length: MAX_LISTED_PROBLEMS }, (_, i) => problem(i, 'lowerCase'));
    assert.deepEqual(problemListing(problems), { listed: problems });
  });

  it('past it, lists the mismatches first, keeps the file order, and says how many are left out at the first of them', () => {
    const problems = [...Array.from({ length: 1500 }, (_, i) => problem(i, 'lowerCase')), problem(1500, 'mismatch'), problem(1501, 'mismatch')];
    const { listed, leftOut } = problemListing(problems);
    assert.equal(listed.length, MAX_LISTED_PROBLEMS - 1);
    assert.deepEqual(listed.map((p) => p.line), [...[...Array(997).keys()], 1500, 1501]);
    assert.equal(leftOut?.at.line, 997);
    assert.equal(leftOut?.message, '503 more addresses in this file fail their checksum or are all lower case; the first 999 are listed. "Fix all in file" writes the checksummed form of every one.');
  });
});
