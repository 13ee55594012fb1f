import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import * as assert from 'node:assert/strict';
import { QuietTimer } from '../../src/core/store/quietTimer';

describe('QuietTimer', () => {
  let clock = 0;
  let runs: number[];
  const timer = () => new QuietTimer(() => runs.push(clock), 1000, 10_000, () => clock);
  /** Moves the clock and the mocked timers on together. */
  const advance = (ms: number) => {
    for (let step = 0; step < ms; step += 100) {
      clock += 100;
      mock.timers.tick(100);
    }
  };
  beforeEach(() => {
    clock = 0;
    runs = [];
    mock.timers.enable({ apis: ['setTimeout'] });
  });
  afterEach(() => mock.timers.reset());

  it('runs once the changes pause, once for a burst', () => {
    const t = timer();
    for (let i = 0; i < 20; i++) {
      t.poke();
      advance(100);
    }
    assert.deepEqual(runs, [], 'not while changes keep coming');
    assert.equal(t.pending, true);
    advance(1000);
    assert.deepEqual(runs, [2900], '1 s after the last change (at 1.9 s)');
    assert.equal(t.pending, false);
    advance(5000);
    assert.deepEqual(runs, [2900], 'nothing more without a change');
  });

  it('runs at the latest the longest wait after the first change of an endless stream', () => {
    const t = timer();
    for (let i = 0; i < 250; i++) {
      t.poke();
      advance(100);
    }
    assert.deepEqual(runs, [10_000, 20_000]);
  });

  it('forgets the changes when cancelled (run some other way)', () => {
    const t = timer();
    t.poke();
    t.cancel();
    assert.equal(t.pending, false);
    advance(20_000);
    assert.deepEqual(runs, []);
  });
});
