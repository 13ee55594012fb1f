import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { addressAt, addressesIn } from '../../src/core/model/addressScan';

const A = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const B = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';

describe('addressAt', () => {
  const line = `const wallet = "${A}";`;
  const start = line.indexOf(A);
  const end = start + A.length;

  it('finds the address with the cursor at its start, middle and end', () => {
    for (const character of [start, start + 1, start + 20, end - 1, end]) {
      assert.deepEqual(addressAt(line, character), { text: A, start, end }, `cursor at ${character}`);
    }
  });

  it('finds nothing when the cursor is outside the address', () => {
    assert.equal(addressAt(line, 0), undefined);
    assert.equal(addressAt(line, start - 2), undefined);
    assert.equal(addressAt(line, end + 2), undefined);
    assert.equal(addressAt(line, line.length), undefined);
  });

  it('finds an address that is the whole line', () => {
    assert.deepEqual(addressAt(A, 0), { text: A, start: 0, end: 42 });
    assert.deepEqual(addressAt(A, 42), { text: A, start: 0, end: 42 });
  });

  it('finds nothing inside a 64-hex transaction hash', () => {
    const hash = `0x${'ab12'.repeat(16)}`;
    const text = `tx ${hash} done`;
    for (const character of [3, 10, 30, 44, 60]) {
      assert.equal(addressAt(text, character), undefined, `cursor at ${character}`);
    }
  });

  it('finds nothing when the match is followed or preceded by a word character', () => {
    assert.equal(addressAt(`${A}z`, 5), undefined);
    assert.equal(addressAt(`${A}_x`, 5), undefined);
    assert.equal(addressAt(`x${A}`, 6), undefined);
  });

  it('finds an address right after an escape sequence in a string, but not after a plain letter', () => {
    for (const escape of ['\\n', '\\t', '\\r']) {
      const line = `const text = "Send to:${escape}${A}";`;
      assert.deepEqual(addressesIn(line).map((f) => f.text), [A], line);
    }
    assert.deepEqual(addressesIn(`"n${A}"`), []);
    assert.deepEqual(addressesIn(`"x\\q${A}"`), [], 'not an escape that ends in a letter of a word');
  });

  it('finds an address between punctuation', () => {
    const text = `(${A}),`;
    assert.deepEqual(addressAt(text, 10), { text: A, start: 1, end: 43 });
  });

  it('picks the address under the cursor when a line has two', () => {
    const text = `from ${A} to ${B}`;
    const aStart = text.indexOf(A);
    const bStart = text.indexOf(B);
    assert.deepEqual(addressAt(text, aStart + 3), { text: A, start: aStart, end: aStart + 42 });
    assert.deepEqual(addressAt(text, bStart + 3), { text: B, start: bStart, end: bStart + 42 });
    assert.equal(addressAt(text, aStart + 44), undefined);
  });

  it('finds nothing in a line without an address', () => {
    assert.equal(addressAt('no address here 0x1234', 18), undefined);
    assert.equal(addressAt('', 0), undefined);
  });
});

describe('addressesIn', () => {
  it('finds every address of a line, left to right, with its columns', () => {
    const text = `from ${A} to ${B}.`;
    const aStart = text.indexOf(A);
    const bStart = text.indexOf(B);
    assert.deepEqual(addressesIn(text), [
      { text: A, start: aStart, end: aStart + 42 },
      { text: B, start: bStart, end: bStart + 42 },
    ]);
  });

  it('leaves out a match that is part of a longer word or hex string, and keeps the others', () => {
    const hash = `0x${'ab12'.repeat(16)}`;
    const text = `${hash} x${A} ${A}_ ${B}`;
    assert.deepEqual(addressesIn(text), [{ text: B, start: text.length - 42, end: text.length }]);
  });

  it('finds two addresses glued together as neither', () => {
    assert.deepEqual(addressesIn(`${A}${B}`), []);
    assert.deepEqual(addressesIn(`${A},${B}`).map((f) => f.text), [A, B]);
  });

  it('finds nothing in a line without an address', () => {
    assert.deepEqual(addressesIn('0x1234 and 0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'), []);
  });
});
