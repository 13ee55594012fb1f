import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { nextRefreshDelayMs } from '../../src/core/refreshSchedule';

describe('nextRefreshDelayMs', () => {
  it('waits the interval while the server answers', () => {
    assert.equal(nextRefreshDelayMs(30_000, 0, 600_000), 30_000);
  });

  it('doubles after each failed round, up to the cap', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((f) => nextRefreshDelayMs(1000, f, 20_000)), [1000, 2000, 4000, 8000, 16_000, 20_000, 20_000]);
  });

  it('never waits less than the interval, whatever the cap, and survives huge failure counts', () => {
    assert.equal(nextRefreshDelayMs(300_000, 3, 60_000), 300_000);
    assert.equal(nextRefreshDelayMs(1000, 10_000, 20_000), 20_000);
  });
});
