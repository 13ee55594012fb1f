import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { againstLimit, renderTable, rowsOf, tableRows, withTable } from '../../bench/report';

const BEFORE_PREVIOUS_COLUMN = [
  '# Benchmarks',
  '',
  'Measured by `npm run bench`.',
  '',
  '| measure | value | limit | against the limit |',
  '|---|---|---|---|',
  '| bundle | 246.0 KiB | 256 KiB (ours) | 96% |',
  '| hover, cache hit p50 | 0.098 ms |  |  |',
  '',
  'Details.',
].join('\n');

describe('the benchmark report puts the previous run beside today', () => {
  it('reads a report written before the "previous run" column', () => {
    assert.deepEqual(tableRows(BEFORE_PREVIOUS_COLUMN), [
      { what: 'bundle', value: '246.0 KiB', previous: '', limit: '256 KiB (ours)', against: '96%' },
      { what: 'hover, cache hit p50', value: '0.098 ms', previous: '', limit: '', against: '' },
    ]);
  });

  it("matches today's figures to the previous report's rows by their measure", () => {
    const rows = rowsOf(
      [
        { what: 'bundle', value: '182.0 KiB', limit: '140 KiB', ratio: 1.3 },
        { what: 'a new measure', value: '1 ms', limit: '' },
      ],
      BEFORE_PREVIOUS_COLUMN,
    );
    assert.deepEqual(rows, [
      { what: 'bundle', value: '182.0 KiB', previous: '246.0 KiB', limit: '140 KiB', against: '130% **over**' },
      { what: 'a new measure', value: '1 ms', previous: '', limit: '', against: '' },
    ]);
  });

  it('writes a table it reads back, keeping the text around it', () => {
    const rows = rowsOf([{ what: 'bundle', value: '182.0 KiB', limit: '140 KiB', ratio: 1.3 }], BEFORE_PREVIOUS_COLUMN);
    const doc = withTable(BEFORE_PREVIOUS_COLUMN, renderTable(rows));
    assert.deepEqual(tableRows(doc), rows);
    assert.ok(doc.startsWith('# Benchmarks\n\nMeasured by `npm run bench`.\n\n| measure | value | previous run | limit | against the limit |\n|---|---|---|---|---|\n'));
    assert.ok(doc.endsWith('|\n\nDetails.'));
  });

  it('says how much of its limit a figure uses', () => {
    assert.equal(againstLimit(undefined), '');
    assert.equal(againstLimit(0.71), '71%');
    assert.equal(againstLimit(1.01), '101% **over**');
    assert.equal(againstLimit(Infinity), '**failed**');
  });
});
