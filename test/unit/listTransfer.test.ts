import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { csvCell, exportList, formatOfPath, mergeImported, parseImport, withoutImported } from '../../src/core/model/listTransfer';
import { Layout, MAX_GROUPS } from '../../src/core/model/groups';
import { MAX_TRACKED, TrackedList } from '../../src/core/model/trackedList';
import { PlyrError } from '../../src/core/model/errors';

const ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
const LIST: TrackedList = [
  { id: 'treasury-main', kind: 'plyrId', label: 'Treasury, main', group: 'Studio', tokens: [] },
  { id: ADDRESS, kind: 'address', label: '=Hot "wallet"', tokens: ['plyr', 'gamr'] },
  { id: 'player123', kind: 'plyrId', notify: true, group: '=Team, A' },
];
const LAYOUT: Layout = { list: LIST, groups: ['=Team, A', 'Empty', 'Studio'] };
const EMPTY: Layout = { list: [], groups: [] };

describe('export and import of the list', () => {
  it('writes a mistyped mixed-case address as the user wrote it, and reads it back with its warning', () => {
    const typo = '0x742d35cC6634C0532925a3b844Bc454e4438f44e';
    const list: TrackedList = [{ id: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e', kind: 'address', label: 'Mine', written: typo }];
    for (const format of ['json', 'csv'] as const) {
      const text = exportList({ list, groups: [] }, format);
      assert.ok(text.includes(typo), text);
      const back = parseImport(text, format);
      assert.deepEqual(back.entries, list, format);
      assert.match(back.warnings[0]?.reason ?? '', /fails its EIP-55 checksum/, format);
    }
  });

  it('gives back the same list, labels, token filters, groups and order, through JSON', () => {
    const back = parseImport(exportList(LAYOUT, 'json'), 'json');
    assert.deepEqual(back.entries, LIST);
    assert.deepEqual(back.groups, LAYOUT.groups);
    assert.deepEqual(back.rejected, []);
    assert.deepEqual(mergeImported(EMPTY, back).layout, LAYOUT, 'imported into an empty list: the same layout');
  });

  it('gives back the same identifiers, labels, token filters (none ticked too), notify flags, groups and order, through CSV', () => {
    const back = parseImport(exportList(LAYOUT, 'csv'), 'csv');
    assert.deepEqual(back.entries, LIST);
    assert.deepEqual(back.groups, ['Studio', '=Team, A'], 'the groups with members, in the order the rows name them');
    assert.deepEqual(back.rejected, []);
  });

  it('writes CSV cells a spreadsheet shows as text: quoted where needed, formulas defused', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
    for (const formula of ['=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(A1)', '\tx']) {
      assert.ok(csvCell(formula).replace(/^"/, '').startsWith("'"), `${JSON.stringify(formula)} -> ${csvCell(formula)}`);
    }
    const csv = exportList(LAYOUT, 'csv');
    assert.match(csv, /^identifier,label,tokens,group,notify\r\n/);
    assert.ok(csv.includes(`treasury-main,"Treasury, main",(none),Studio,\r\n`), csv);
    assert.ok(csv.includes(`${ADDRESS},"'=Hot ""wallet""",plyr gamr,,\r\n`), csv);
    assert.ok(csv.includes(`player123,,,"'=Team, A",yes\r\n`), csv);
  });

  it("gives back a label or group that starts with an apostrophe, before a formula start or not, through CSV", () => {
    const list: TrackedList = [
      { id: 'tester-01', kind: 'plyrId', label: "'=x, an apostrophe first", group: "'@ops" },
      { id: 'player123', kind: 'plyrId', label: "'hello" },
    ];
    const csv = exportList({ list, groups: ["'@ops"] }, 'csv');
    assert.ok(csv.includes(`tester-01,"''=x, an apostrophe first",,''@ops,\r\n`), csv);
    assert.ok(csv.includes(`player123,'hello,,,\r\n`), 'an apostrophe before plain text is left as it is');
    assert.deepEqual(parseImport(csv, 'csv').entries, list);
  });

  it('takes a CSV row padded with empty cells past the last column, and refuses one with more data', () => {
    const parsed = parseImport('identifier,label,tokens,group,notify\r\nplayer123,Team,,,,,\r\ncrypto-fennec,Fox,,,,x\r\n', 'csv');
    assert.deepEqual(parsed.entries.map((e) => [e.id, e.label]), [['player123', 'Team']]);
    assert.deepEqual(parsed.rejected.map((r) => r.row), [3]);
  });

  it('says what a JSON row that is no identifier is: a number, null, a list, or an object without "id"', () => {
    const parsed = parseImport(JSON.stringify({ identifiers: [42, null, ['player123'], { name: 'player123' }, 'crypto-fennec'] }), 'json');
    assert.deepEqual(parsed.rejected, [
      { row: 1, reason: 'An identifier must be text, not a number.' },
      { row: 2, reason: 'An identifier must be text, not null.' },
      { row: 3, reason: 'An identifier must be text, not a list.' },
      { row: 4, reason: 'The row names no identifier (an "id" field).' },
    ]);
    assert.deepEqual(parsed.entries.map((e) => e.id), ['crypto-fennec']);
  });

  it('refuses hostile rows one by one, with the row and the reason, and keeps the good ones', () => {
    const csv = [
      'identifier,label,tokens',
      'player123,Me,',
      '../../etc/passwd,x,',
      `${'a'.repeat(10_000)},long,`,
      `=cmd|' /C calc'!A0,formula,`,
      'crypto-fennec,"Fennec, the fox",gamr',
      '0x12,short address,',
      'zero-hero,x,../x',
      'tester-01,a,b,Team,yes,extra',
      'zero-hero,x,,"bad\u202egroup"',
    ].join('\n');
    const result = parseImport(csv, 'csv');
    assert.deepEqual(result.entries.map((e) => e.id), ['player123', 'crypto-fennec']);
    assert.equal(result.entries[1].label, 'Fennec, the fox');
    assert.deepEqual(result.rejected.map((r) => r.row), [3, 4, 5, 7, 8, 9, 10]);
    for (const { reason } of result.rejected) {
      assert.ok(reason.length > 10 && reason.length < 300, reason);
    }
    assert.match(result.rejected[0].reason, /PLYR ID/);
    assert.match(result.rejected[3].reason, /address/);
    assert.match(result.rejected[5].reason, /more than 5 columns/);
    assert.match(result.rejected[6].reason, /^A group name cannot contain/);
  });

  it('reads the notify column as yes, true or 1 for on and nothing, no, false or 0 for off (as spreadsheets write them), refuses a row with anything else there, and reads a file of four columns as notify off', () => {
    const result = parseImport(['identifier,label,tokens,group,notify', 'player123,,,,YES', 'crypto-fennec,,,,', 'zero-hero,,,,maybe', 'tester-01,,(none),', 'game-studio,,,,TRUE', 'treasury-main,,,,0'].join('\n'), 'csv');
    assert.deepEqual(result.entries, [
      { id: 'player123', kind: 'plyrId', notify: true },
      { id: 'crypto-fennec', kind: 'plyrId' },
      { id: 'tester-01', kind: 'plyrId', tokens: [] },
      { id: 'game-studio', kind: 'plyrId', notify: true },
      { id: 'treasury-main', kind: 'plyrId' },
    ]);
    assert.deepEqual(result.rejected, [{ row: 4, text: 'zero-hero', reason: "The notify column holds yes, true or 1 for on, and nothing, no, false or 0 for off, not 'maybe'." }]);
  });

  it('reads every notify cell its refusal names, in any case, as the README lists them', () => {
    const refusal = parseImport('identifier,label,tokens,group,notify\nplayer123,,,,maybe', 'csv').rejected[0]?.reason ?? '';
    const [on, off] = /holds (.+) for on, and nothing, (.+) for off,/.exec(refusal)?.slice(1).map((list) => list.split(/, | or /)) ?? [[], []];
    assert.deepEqual([on, off], [['yes', 'true', '1'], ['no', 'false', '0']], refusal);
    const cells = [...on, ...off].flatMap((cell) => [cell, cell.toUpperCase()]);
    const result = parseImport(['identifier,label,tokens,group,notify', ...cells.map((cell, i) => `player${100 + i},,,,${cell}`)].join('\n'), 'csv');
    assert.deepEqual(result.rejected, []);
    assert.deepEqual(result.entries.map((e) => e.notify === true), cells.map((cell) => on.includes(cell.toLowerCase())));
  });

  it('imports a probable typo (a failing checksum, an ID that looks like an address) and names its row', () => {
    const csv = ['identifier,label', 'player123,', '0x742d35cC6634C0532925a3b844Bc454e4438f44e,typo', `0x${'a'.repeat(39)},lookalike`, '0xgamer,'].join('\n');
    const result = parseImport(csv, 'csv');
    assert.deepEqual(result.entries.map((e) => e.kind), ['plyrId', 'address', 'plyrId', 'plyrId']);
    assert.deepEqual(result.rejected, []);
    assert.deepEqual(result.warnings, [
      // Each with the identifier as the file wrote it, for the list of rows the import's notification opens.
      { row: 3, text: '0x742d35cC6634C0532925a3b844Bc454e4438f44e', reason: 'This mixed-case address fails its EIP-55 checksum: it may contain a typo.' },
      { row: 4, text: `0x${'a'.repeat(39)}`, reason: 'Read as a PLYR ID: a wallet address has 40 hex digits after 0x, and this has 39.' },
    ]);
  });

  it('skips duplicates, in the file and against the list, and undoes an import in one step', () => {
    const parsed = parseImport(JSON.stringify({ identifiers: [{ id: 'Player123' }, { id: 'player123' }, 'crypto-fennec', { id: 'treasury-main' }] }), 'json');
    assert.equal(parsed.duplicates, 1);
    const merged = mergeImported(LAYOUT, parsed);
    assert.deepEqual(merged.added, ['crypto-fennec']);
    assert.equal(merged.duplicates, 2);
    assert.deepEqual(merged.layout.list.map((t) => t.id), ['treasury-main', ADDRESS, 'player123', 'crypto-fennec']);
    const edited = { ...merged.layout, list: [...merged.layout.list, { id: 'zero-hero', kind: 'plyrId' as const }] };
    assert.deepEqual(withoutImported(edited, merged.added).list.map((t) => t.id), ['treasury-main', ADDRESS, 'player123', 'zero-hero'], 'what was added since stays');
  });

  it('counts the new rows a nearly full list had no room for', () => {
    const nearlyFull: Layout = { list: Array.from({ length: MAX_TRACKED - 1 }, (_, i) => ({ id: `player${i}`, kind: 'plyrId' as const })), groups: [] };
    const merged = mergeImported(nearlyFull, parseImport(JSON.stringify({ identifiers: ['player0', 'crypto-fennec', 'zero-hero', 'tester-01'] }), 'json'));
    assert.deepEqual(merged.added, ['crypto-fennec']);
    assert.equal(merged.duplicates, 1);
    assert.equal(merged.overLimit, 2);
    assert.equal(merged.layout.list.length, MAX_TRACKED);
  });

  it('counts the rows taken without their group when the list has the most groups it may', () => {
    const groups = Array.from({ length: MAX_GROUPS }, (_, i) => `Group ${i}`);
    const merged = mergeImported({ list: [], groups }, parseImport(JSON.stringify({ identifiers: [{ id: 'crypto-fennec', group: 'Group 7' }, { id: 'zero-hero', group: 'Brand new' }, 'tester-01'] }), 'json'));
    assert.deepEqual(merged.layout.list.map((t) => [t.id, t.group]), [['crypto-fennec', 'Group 7'], ['zero-hero', undefined], ['tester-01', undefined]]);
    assert.equal(merged.withoutGroup, 1);
    assert.equal(mergeImported(EMPTY, parseImport(JSON.stringify({ identifiers: [{ id: 'zero-hero', group: 'New' }] }), 'json')).withoutGroup, 0);
  });

  it('uses a group the list has already (whatever its case), creates the others, and its undo takes back only what it created', () => {
    const parsed = parseImport(JSON.stringify({ groups: ['studio', 'New'], identifiers: [{ id: 'crypto-fennec', group: 'STUDIO' }, { id: 'zero-hero', group: 'New' }, { id: 'tester-01', group: 'Later' }] }), 'json');
    const merged = mergeImported(LAYOUT, parsed);
    assert.deepEqual(merged.layout.groups, ['=Team, A', 'Empty', 'Studio', 'New', 'Later']);
    assert.deepEqual(merged.addedGroups, ['New', 'Later']);
    assert.deepEqual(merged.layout.list.slice(3).map((t) => [t.id, t.group]), [['crypto-fennec', 'Studio'], ['zero-hero', 'New'], ['tester-01', 'Later']]);
    // Since the import, the user put one of their own into "Later": that group stays.
    const edited = { ...merged.layout, list: merged.layout.list.map((t) => (t.id === 'player123' ? { ...t, group: 'Later' } : t)) };
    const undone = withoutImported(edited, merged.added, merged.addedGroups);
    assert.deepEqual(undone.groups, ['=Team, A', 'Empty', 'Studio', 'Later']);
    assert.deepEqual(undone.list.map((t) => t.id), ['treasury-main', ADDRESS, 'player123']);
  });

  it('fails a file that is not a list as a whole, saying why (not as "1 rows refused")', () => {
    for (const [text, pattern] of [
      ['{not json', /^The file is not valid JSON \(line 1, column 2\): nothing was imported\.$/],
      ['[\n  "player123",\n  {x', /^The file is not valid JSON \(line 3, column 4\): nothing was imported\.$/],
      // The parser's own message quotes the file around the fault: never shown.
      ['["player123", apikey=pk_live_123]', /^The file is not valid JSON: nothing was imported\.$/],
      ['{"x": 1}', /no list/],
      ['42', /no list/],
    ] as const) {
      assert.throws(() => parseImport(text, 'json'), (error: unknown) => error instanceof PlyrError && error.code === 'invalidFile' && pattern.test(error.message), text);
    }
    assert.equal(formatOfPath('/a/b/list.CSV'), 'csv');
    assert.equal(formatOfPath('/a/b/list.json'), 'json');
    assert.equal(formatOfPath('/a/b/list.txt'), undefined);
  });
});
