import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { nextRefreshDelayMs, nextRoundInMs, oversleptTimer } from '../../src/core/store/refreshSchedule';

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

describe('nextRoundInMs', () => {
  const base = { intervalMs: 60_000, now: 1_000_000 };

  it('is due at once with nothing refreshed yet, else an interval after the last round', () => {
    assert.equal(nextRoundInMs({ ...base, viewVisible: true }), 0);
    assert.equal(nextRoundInMs({ ...base, viewVisible: true, lastRoundAt: base.now - 10_000, lastViewRoundAt: base.now - 10_000 }), 50_000);
    assert.equal(nextRoundInMs({ ...base, viewVisible: false, lastRoundAt: base.now - 90_000 }), 0);
  });

  it("counts, for a view shown again, only the rounds that refreshed its rows: the status bar's own leave them old", () => {
    // Hidden for three hours, the status bar refreshed a second ago.
    const after = { ...base, lastRoundAt: base.now - 1000, lastViewRoundAt: base.now - 3 * 3_600_000 };
    assert.equal(nextRoundInMs({ ...after, viewVisible: true }), 0, 'the rows are refreshed at once');
    assert.equal(nextRoundInMs({ ...after, viewVisible: false }), 59_000, 'the status bar waits its interval');
  });
});
