import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { nextRefreshDelayMs, oversleptTimer } from '../../src/core/store/refreshSchedule';

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

describe('oversleptTimer', () => {
  it('tells a timer that the wall clock has passed (a night asleep) from one still to come', () => {
    assert.equal(oversleptTimer(undefined, 10_000), false, 'no timer pending');
    assert.equal(oversleptTimer(10_000, 9_000), false);
    assert.equal(oversleptTimer(10_000, 11_000), false, 'a second late is only a busy machine');
    assert.equal(oversleptTimer(10_000, 11_001), true);
    assert.equal(oversleptTimer(10_000, 8 * 3_600_000), true);
  });
});
