import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ImportCounts, ImportProblems, importProblemItems, importSummaryText } from '../../src/core/content/importSummary';
import { parseImport } from '../../src/core/model/listTransfer';

const NONE: ImportCounts = { added: 0, alreadyListed: 0, repeated: 0, refused: 0, groupsAdded: 0, warnings: 0, withoutGroup: 0, maxGroups: 200 };

describe('importSummaryText', () => {
  it('counts the rows the list held already apart from those the file repeats', () => {
    assert.equal(importSummaryText({ ...NONE, added: 1, repeated: 1 }), 'Imported 1 identifier. 1 row repeated an earlier row of the file.');
    assert.equal(importSummaryText({ ...NONE, added: 2, alreadyListed: 3 }), 'Imported 2 identifiers; 3 already in the list.');
  });

  it('adds what else happened, each only when it did', () => {
    assert.equal(
      importSummaryText({ ...NONE, added: 4, refused: 2, groupsAdded: 1, warnings: 1, withoutGroup: 3 }),
      'Imported 4 identifiers; 2 rows refused. 1 new group. 1 row may hold a typo (see the log). 3 rows went in without their group: the list has 200 groups, the most it may.',
    );
  });

  it('says one row, group or identifier in the singular, and more in the plural', () => {
    assert.equal(
      importSummaryText({ ...NONE, added: 0, refused: 1, repeated: 2, groupsAdded: 2, warnings: 2, withoutGroup: 1 }),
      'Imported 0 identifiers; 1 row refused. 2 rows repeated an earlier row of the file. 2 new groups. 2 rows may hold a typo (see the log). 1 row went in without its group: the list has 200 groups, the most it may.',
    );
  });
});

describe('importProblemItems', () => {
  const NO_PROBLEMS: ImportProblems = { rejected: [], warnings: [], overLimit: 0, maxTracked: 5000, withoutGroup: 0, maxGroups: 200 };

  it('lists the refused and doubtful rows of a file in its order, each with the identifier it wrote (inert) and why', () => {
    const csv = ['identifier,label', 'player123,Me', 'bad id!,x', '0x742d35cC6634C0532925a3b844Bc454e4438f44e,Typo', '$(alert) [x](command:plyr.removeIdentifier),y'].join('\n');
    const { rejected, warnings } = parseImport(csv, 'csv');
    const items = importProblemItems({ ...NO_PROBLEMS, rejected, warnings, overLimit: 2, withoutGroup: 1 });
    assert.deepEqual(items.map((i) => [i.label, i.description]), [
      ['Row 3', 'bad id!'],
      ['Row 4', '0x742d35cC6634C0532925a3b844Bc454e4438f44e'],
      ['Row 5', '$\u200b(alert) [x](command:plyr.removeIdentifier)'],
      ['Rows over the limit: 2', undefined],
      ['Rows without their group: 1', undefined],
    ]);
    assert.match(items[0].detail ?? '', /^Refused: /);
    assert.match(items[1].detail ?? '', /^May hold a typo: .*checksum/);
    assert.equal(items[3].detail, 'Refused: the list holds at most 5000 identifiers.');
  });

  it('lists so many rows at most, then counts the rest in one line', () => {
    const rejected = Array.from({ length: 5 }, (_, i) => ({ row: i + 2, reason: 'No.', text: `row${i}` }));
    const items = importProblemItems({ ...NO_PROBLEMS, rejected }, 3);
    assert.deepEqual(items.map((i) => i.label), ['Row 2', 'Row 3', 'Row 4', '2 more rows']);
  });
});
