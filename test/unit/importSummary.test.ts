import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ImportCounts, importSummaryText } from '../../src/core/content/importSummary';

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
