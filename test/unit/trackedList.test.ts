import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  addTracked,
  indexOfTracked,
  MAX_TRACKED,
  moveTo,
  removeAt,
  removeEntries,
  restoreEntries,
  updateEntry,
  restoreAt,
  sanitizeStored,
  toIdentifier,
  TrackedIdentifier,
  TrackedList,
  updateAt,
  validateLabel,
} from '../../src/core/model/trackedList';

// The EIP-55 reference address, in its checksummed and lower-case forms.
const CHECKSUMMED = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const LOWER = CHECKSUMMED.toLowerCase();
// The same address with one letter's case wrong: mixed case whose checksum fails (a probable typo).
const TYPO = '0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

function added(list: TrackedList, id: unknown, label?: unknown): TrackedList {
  const result = addTracked(list, id, label);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.value.list;
}

function refused(list: TrackedList, id: unknown, label?: unknown): string {
  const result = addTracked(list, id, label);
  assert.equal(result.ok, false, `accepted ${JSON.stringify(id)} / ${JSON.stringify(label)}`);
  return result.ok ? '' : result.message;
}

const A: TrackedIdentifier = { id: 'alpha01', kind: 'plyrId' };
const B: TrackedIdentifier = { id: 'bravo01', kind: 'plyrId', label: 'Bravo' };
const C: TrackedIdentifier = { id: CHECKSUMMED, kind: 'address' };
const D: TrackedIdentifier = { id: 'delta01', kind: 'plyrId', tokens: ['PLYR'] };
const LIST: TrackedList = [A, B, C, D];

describe('addTracked', () => {
  it('lower-cases a PLYR ID', () => {
    const result = addTracked([], 'Player123');
    assert.ok(result.ok);
    assert.deepEqual(result.value.entry, { id: 'player123', kind: 'plyrId' });
    assert.deepEqual(result.value.list, [{ id: 'player123', kind: 'plyrId' }]);
  });

  it('checksums a lower-case address', () => {
    const result = addTracked([], LOWER);
    assert.ok(result.ok);
    assert.deepEqual(result.value.entry, { id: CHECKSUMMED, kind: 'address' });
  });

  it('keeps a mixed-case address whose checksum fails as written beside its checksummed id, so the doubt is not lost', () => {
    const result = addTracked([], ` ${TYPO} `, 'Mine');
    assert.ok(result.ok);
    assert.deepEqual(result.value.entry, { id: CHECKSUMMED, kind: 'address', label: 'Mine', written: TYPO });
    assert.deepEqual(toIdentifier(result.value.entry), { kind: 'address', value: CHECKSUMMED, checksumMatches: false });
    // No checksum claim (all lower or upper case), or a checksum that holds: nothing to keep.
    for (const sound of [LOWER, `0x${LOWER.slice(2).toUpperCase()}`, CHECKSUMMED]) {
      const entry = addTracked([], sound);
      assert.ok(entry.ok);
      assert.deepEqual(entry.value.entry, { id: CHECKSUMMED, kind: 'address' }, sound);
      assert.deepEqual(toIdentifier(entry.value.entry), { kind: 'address', value: CHECKSUMMED, checksumMatches: true }, sound);
    }
  });

  it('refuses a mistyped case of an address the list holds, and the other way round: one wallet, one row', () => {
    assert.match(refused(added([], CHECKSUMMED), TYPO), /already in the list/);
    assert.match(refused(added([], TYPO), LOWER), /already in the list/);
    assert.equal(indexOfTracked(added([], TYPO), CHECKSUMMED), 0);
  });

  it('adds at the end and leaves the given list alone', () => {
    const before: TrackedList = [A];
    const after = added(before, 'Bravo01', 'Bravo');
    assert.deepEqual(after, [A, { id: 'bravo01', kind: 'plyrId', label: 'Bravo' }]);
    assert.deepEqual(before, [A]);
  });

  it('refuses a duplicate after normalisation', () => {
    const list = added(added([], 'player123'), LOWER);
    for (const duplicate of ['PLAYER123', ' player123 ', CHECKSUMMED, LOWER.toUpperCase().replace('0X', '0x')]) {
      assert.match(refused(list, duplicate), /already in the list/, duplicate);
    }
  });

  it('refuses invalid identifiers', () => {
    for (const bad of ['', '   ', 'abc', 'bad id', 'no--double', '-leading', '0x12', `0x${'g'.repeat(63)}`, `0X${'a'.repeat(40)}`, '12345', 42, null, undefined, {}, ['player123']]) {
      refused([], bad);
    }
  });

  it('refuses a label that is not text or is too long', () => {
    assert.match(refused([], 'player123', 42), /must be text/);
    assert.match(refused([], 'player123', { text: 'x' }), /must be text/);
    assert.match(refused([], 'player123', 'x'.repeat(61)), /at most 60/);
  });

  it('accepts a label of exactly 60 characters', () => {
    const result = addTracked([], 'player123', 'x'.repeat(60));
    assert.ok(result.ok);
    assert.equal(result.value.entry.label, 'x'.repeat(60));
  });

  it('collapses and trims whitespace in a label, counting the length after', () => {
    const result = addTracked([], 'player123', '  My \t main\n  wallet  ');
    assert.ok(result.ok);
    assert.equal(result.value.entry.label, 'My main wallet');
    const spaced = addTracked([], 'player123', `  ${'x'.repeat(60)}   `);
    assert.ok(spaced.ok, 'surrounding whitespace counted towards the 60 characters');
  });

  it('leaves out the label property for an empty, blank or missing label', () => {
    for (const label of [undefined, null, '', '   \n ']) {
      const result = addTracked([], 'player123', label);
      assert.ok(result.ok);
      assert.equal(Object.hasOwn(result.value.entry, 'label'), false, JSON.stringify(label));
    }
  });
});

describe('validateLabel', () => {
  it('accepts no label and normalises text', () => {
    assert.deepEqual(validateLabel(undefined), { ok: true, value: undefined });
    assert.deepEqual(validateLabel(' a  b '), { ok: true, value: 'a b' });
    assert.equal(validateLabel(true).ok, false);
  });
});

describe('indexOfTracked', () => {
  it('finds an entry from input as typed', () => {
    const list = added(added([], 'player123'), LOWER);
    assert.equal(indexOfTracked(list, 'PLAYER123'), 0);
    assert.equal(indexOfTracked(list, '  Player123 '), 0);
    assert.equal(indexOfTracked(list, LOWER), 1);
    assert.equal(indexOfTracked(list, CHECKSUMMED), 1);
  });

  it('gives -1 for an absent or invalid identifier', () => {
    assert.equal(indexOfTracked(LIST, 'someone-else'), -1);
    assert.equal(indexOfTracked(LIST, 'x'), -1);
    assert.equal(indexOfTracked(LIST, 7), -1);
  });
});

describe('removeAt and restoreAt', () => {
  it('puts a removed entry back at its index', () => {
    for (let index = 0; index < LIST.length; index++) {
      const removed = removeAt(LIST, index);
      assert.equal(removed.length, LIST.length - 1);
      assert.ok(!removed.includes(LIST[index]));
      assert.deepEqual(restoreAt(removed, LIST[index], index), LIST, `index ${index}`);
    }
  });

  it('removes nothing for an index out of range', () => {
    assert.deepEqual(removeAt(LIST, 4), LIST);
    assert.deepEqual(removeAt(LIST, -1), LIST);
  });

  it('does nothing when the entry has been added again meanwhile', () => {
    const removed = removeAt(LIST, 1);
    const readded = added(removed, 'BRAVO01', 'New label');
    assert.equal(restoreAt(readded, B, 1), readded);
  });

  it('clamps the index', () => {
    const removed = removeAt(LIST, 0);
    assert.deepEqual(restoreAt(removed, A, 99), [B, C, D, A]);
    assert.deepEqual(restoreAt(removed, A, -5), [A, B, C, D]);
    assert.deepEqual(restoreAt(removed, A, -1), [A, B, C, D]);
    assert.deepEqual(restoreAt([], A, 3), [A]);
  });
});

describe('removeEntries and restoreEntries', () => {
  it('removes several in one edit, and one undo puts them back in their order', () => {
    for (const ids of [[A.id, B.id], [B.id, D.id], [D.id, A.id, C.id], [A.id, B.id, C.id, D.id]]) {
      const { list, removed } = removeEntries(LIST, ids);
      assert.equal(list.length, LIST.length - ids.length);
      assert.deepEqual(restoreEntries(list, removed), LIST, ids.join());
      // In whatever order they were removed or listed.
      assert.deepEqual(restoreEntries(list, [...removed].reverse()), LIST, ids.join());
    }
  });

  it('leaves the list as it is when none of the identifiers is in it', () => {
    const { list, removed } = removeEntries(LIST, ['someone-else']);
    assert.equal(list, LIST);
    assert.deepEqual(removed, []);
  });

  it('puts back only what fits in a list that filled up since (at most MAX_TRACKED)', () => {
    const full = Array.from({ length: MAX_TRACKED }, (_, i) => ({ id: `member-${i}`, kind: 'plyrId' as const }));
    const { list, removed } = removeEntries(full, ['member-1', 'member-2']);
    const refilled = [...list, { id: 'newcomer', kind: 'plyrId' as const }];
    const restored = restoreEntries(refilled, removed);
    assert.equal(restored.length, MAX_TRACKED);
    assert.deepEqual(restored.slice(0, 3).map((t) => t.id), ['member-0', 'member-1', 'member-3'], 'the first in the list comes back, the other stays out');
  });

  it('does not put back an entry added again meanwhile', () => {
    const { list, removed } = removeEntries(LIST, [A.id, B.id]);
    const readded = added(list, 'BRAVO01', 'New label');
    assert.deepEqual(restoreEntries(readded, removed).map((t) => t.id), [A.id, C.id, D.id, B.id]);
  });
});

describe('updateEntry', () => {
  it('edits the entry with the id wherever it now stands', () => {
    const moved = [D, C, B, A];
    assert.equal(updateEntry(moved, B.id, { label: 'Renamed' })[2].label, 'Renamed');
  });

  it('changes nothing when the entry is gone (removed in another window)', () => {
    const without = [A, C, D];
    assert.equal(updateEntry(without, B.id, { label: 'Renamed' }), without);
  });
});

describe('moveTo', () => {
  it('moves an entry up and down, keeping the order of the others', () => {
    assert.deepEqual(moveTo(LIST, 2, 1), [A, C, B, D]);
    assert.deepEqual(moveTo(LIST, 1, 2), [A, C, B, D]);
    assert.deepEqual(moveTo(LIST, 0, 3), [B, C, D, A]);
    assert.deepEqual(moveTo(LIST, 3, 0), [D, A, B, C]);
    assert.deepEqual(moveTo(LIST, 1, 1), LIST);
  });

  it('clamps the target', () => {
    assert.deepEqual(moveTo(LIST, 0, -1), LIST);
    assert.deepEqual(moveTo(LIST, 3, 4), LIST);
    assert.deepEqual(moveTo(LIST, 1, 100), [A, C, D, B]);
    assert.deepEqual(moveTo(LIST, 2, -100), [C, A, B, D]);
  });

  it('returns the same list for a source out of range', () => {
    assert.equal(moveTo(LIST, -1, 0), LIST);
    assert.equal(moveTo(LIST, 4, 0), LIST);
    assert.equal(moveTo([], 0, 0).length, 0);
  });
});

describe('updateAt', () => {
  it('sets a label and tokens on one entry only', () => {
    const updated = updateAt(LIST, 0, { label: 'Alpha', tokens: ['PLYR', 'GAMR'] });
    assert.deepEqual(updated[0], { id: 'alpha01', kind: 'plyrId', label: 'Alpha', tokens: ['PLYR', 'GAMR'] });
    assert.deepEqual(updated.slice(1), LIST.slice(1));
    assert.deepEqual(LIST[0], { id: 'alpha01', kind: 'plyrId' }, 'the original entry was changed');
  });

  it('removes a label and tokens given as undefined, leaving no own property', () => {
    const withBoth = updateAt(LIST, 1, { tokens: ['PLYR'] });
    assert.deepEqual(withBoth[1], { id: 'bravo01', kind: 'plyrId', label: 'Bravo', tokens: ['PLYR'] });

    const noLabel = updateAt(withBoth, 1, { label: undefined });
    assert.equal(Object.hasOwn(noLabel[1], 'label'), false);
    assert.deepEqual(noLabel[1], { id: 'bravo01', kind: 'plyrId', tokens: ['PLYR'] });

    const neither = updateAt(noLabel, 1, { tokens: undefined });
    assert.equal(Object.hasOwn(neither[1], 'tokens'), false);
    assert.equal(Object.hasOwn(neither[1], 'label'), false);
    assert.deepEqual(neither[1], { id: 'bravo01', kind: 'plyrId' });
  });

  it('keeps what the patch does not mention', () => {
    const updated = updateAt(LIST, 3, { label: 'Delta' });
    assert.deepEqual(updated[3], { id: 'delta01', kind: 'plyrId', label: 'Delta', tokens: ['PLYR'] });
  });

  it('changes nothing for an index out of range', () => {
    assert.deepEqual(updateAt(LIST, 9, { label: 'x' }), LIST);
  });
});

describe('sanitizeStored', () => {
  it('gives an empty list for anything but an array', () => {
    for (const raw of [undefined, null, 'player123', 42, { id: 'player123' }]) {
      assert.deepEqual(sanitizeStored(raw), [], String(raw));
    }
  });

  it('keeps valid entries in order, with their labels and tokens', () => {
    const raw = [
      { id: 'player123', kind: 'plyrId', label: 'Main', tokens: ['PLYR', 'GAMR'] },
      { id: LOWER, kind: 'address' },
      { id: 'Other-One', label: '  spaced   out ' },
    ];
    assert.deepEqual(sanitizeStored(raw), [
      { id: 'player123', kind: 'plyrId', label: 'Main', tokens: ['PLYR', 'GAMR'] },
      { id: CHECKSUMMED, kind: 'address' },
      { id: 'other-one', kind: 'plyrId', label: 'spaced out' },
    ]);
  });

  it('keeps an identifier whose stored label today\'s rules refuse (an older version took it), with the label mended or without it', () => {
    const raw = [
      { id: 'player123', label: 'Treasury\u202e', group: 'Team', notify: true },
      { id: 'gamer2', label: 'x'.repeat(61) },
      { id: 'gamer3', label: '\u2066\u2069' },
      { id: 'gamer4', label: ['Main'] },
      { id: 'gamer5', label: 'Team\tA\u202e' },
    ];
    assert.deepEqual(sanitizeStored(raw), [
      { id: 'player123', kind: 'plyrId', label: 'Treasury', notify: true, group: 'Team' },
      { id: 'gamer2', kind: 'plyrId', label: 'x'.repeat(60) },
      { id: 'gamer3', kind: 'plyrId' },
      { id: 'gamer4', kind: 'plyrId' },
      { id: 'gamer5', kind: 'plyrId', label: 'Team A' },
    ]);
  });

  it('keeps an address as the user wrote it only while it reads as the stored id and fails its checksum', () => {
    const raw = [
      { id: CHECKSUMMED, kind: 'address', label: 'Mine', written: TYPO },
      // Another address, a checksummed form, no text: checked, not trusted.
      { id: 'player123', written: TYPO },
      { id: '0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359', written: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359' },
      { id: '0x52908400098527886E0F7030069857D2E4169EE7', written: 42 },
    ];
    assert.deepEqual(sanitizeStored(raw), [
      { id: CHECKSUMMED, kind: 'address', label: 'Mine', written: TYPO },
      { id: 'player123', kind: 'plyrId' },
      { id: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', kind: 'address' },
      { id: '0x52908400098527886E0F7030069857D2E4169EE7', kind: 'address' },
    ]);
  });

  it('drops garbage and keeps the rest in order', () => {
    const raw = [
      null,
      'player123',
      7,
      { id: 'keep-one' },
      { id: 'no' },
      { id: 12345 },
      { label: 'no id' },
      { id: 'Keep-One' },
      { id: 'bad-label', label: 5 },
      { id: 'long-label', label: 'y'.repeat(61) },
      { id: CHECKSUMMED, tokens: ['PLYR', 5] },
      { id: 'keep-two', tokens: 'PLYR' },
      { id: LOWER },
      [],
      { id: 'keep-three', tokens: [] },
    ];
    const sanitized = sanitizeStored(raw);
    assert.deepEqual(sanitized, [
      { id: 'keep-one', kind: 'plyrId' },
      { id: 'bad-label', kind: 'plyrId' },
      { id: 'long-label', kind: 'plyrId', label: 'y'.repeat(60) },
      { id: CHECKSUMMED, kind: 'address' },
      { id: 'keep-two', kind: 'plyrId' },
      { id: 'keep-three', kind: 'plyrId', tokens: [] },
    ]);
    for (const entry of [sanitized[0], sanitized[1], sanitized[3], sanitized[4]]) {
      assert.equal(Object.hasOwn(entry, 'tokens'), false, `${entry.id} kept a bad tokens value`);
      assert.equal(Object.hasOwn(entry, 'label'), false, `${entry.id} has a label property`);
    }
  });

  it('drops unknown fields', () => {
    assert.deepEqual(sanitizeStored([{ id: 'player123', kind: 'address', extra: true }]), [{ id: 'player123', kind: 'plyrId' }]);
  });
});

describe('toIdentifier', () => {
  it('turns a PLYR ID entry into a request identifier', () => {
    assert.deepEqual(toIdentifier({ id: 'player123', kind: 'plyrId', label: 'x' }), { kind: 'plyrId', value: 'player123' });
  });

  it('turns an address entry into a request identifier whose checksum matches', () => {
    assert.deepEqual(toIdentifier({ id: CHECKSUMMED, kind: 'address' }), { kind: 'address', value: CHECKSUMMED, checksumMatches: true });
  });

  it('keeps "Notify on change" through storage, and only as true', () => {
    const stored = sanitizeStored([{ id: 'player123', notify: true }, { id: 'treasury-main', notify: 'yes' }, { id: 'crypto-fennec', notify: false }]);
    assert.deepEqual(stored, [{ id: 'player123', kind: 'plyrId', notify: true }, { id: 'treasury-main', kind: 'plyrId' }, { id: 'crypto-fennec', kind: 'plyrId' }]);
    assert.deepEqual(updateAt(stored, 0, { notify: undefined })[0], { id: 'player123', kind: 'plyrId' }, 'turning it off removes the field');
  });
});
