import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { deleteWhere } from '../../src/core/store/deleteWhere';

describe('deleteWhere', () => {
  it('deletes the entries picked, by value or key, and keeps the rest in order', () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
    deleteWhere(map, (value) => value % 2 === 0);
    assert.deepEqual([...map], [['a', 1], ['c', 3]]);
    deleteWhere(map, (_, key) => key === 'a');
    assert.deepEqual([...map], [['c', 3]]);
  });

  it('can empty a map, and leaves one untouched when nothing is picked', () => {
    const map = new Map([['x', 'one'], ['y', 'two']]);
    deleteWhere(map, () => false);
    assert.equal(map.size, 2);
    deleteWhere(map, () => true);
    assert.equal(map.size, 0);
  });
});
