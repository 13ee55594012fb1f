import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { FailedRow, RetryOnce } from '../../src/core/store/retryOnce';

const keys = (rows: readonly FailedRow[]) => rows.map((row) => row.key);

/** What a retry does: takes the rows due and marks them asked. */
function take(once: RetryOnce, failed: readonly FailedRow[]): string[] {
  const due = once.due(failed);
  once.asked(due);
  return keys(due);
}

describe('RetryOnce', () => {
  it('asks each failed row once: failed again, it is not due, however often the server answers', () => {
    const once = new RetryOnce();
    const failed = [{ key: 'a', answeredAt: 100 }, { key: 'b' }];
    assert.deepEqual(take(once, failed), ['a', 'b']);
    assert.deepEqual(take(once, failed), []);
    assert.deepEqual(take(once, failed), []);
  });

  it('does not mark the rows it only looked at (the view hidden): they are due at the next answer', () => {
    const once = new RetryOnce();
    assert.deepEqual(keys(once.due([{ key: 'a' }])), ['a']);
    assert.deepEqual(take(once, [{ key: 'a' }]), ['a']);
  });

  it('asks a row again after a good answer, seen or not, and a new failure', () => {
    const once = new RetryOnce();
    assert.deepEqual(take(once, [{ key: 'a', answeredAt: 100 }, { key: 'b', answeredAt: 100 }]), ['a', 'b']);
    // a answered well at 200 and failed again before anyone looked: its answeredAt moved.
    assert.deepEqual(take(once, [{ key: 'a', answeredAt: 200 }, { key: 'b', answeredAt: 100 }]), ['a']);
    // b seen answered (or gone), then failed again: due again, though never answered well since.
    assert.deepEqual(take(once, [{ key: 'a', answeredAt: 200 }]), []);
    assert.deepEqual(take(once, [{ key: 'a', answeredAt: 200 }, { key: 'b', answeredAt: 100 }]), ['b']);
  });

  it('asks a row that never had a good answer once, and again only once it was seen not failed', () => {
    const once = new RetryOnce();
    assert.deepEqual(take(once, [{ key: 'new' }]), ['new']);
    assert.deepEqual(take(once, [{ key: 'new' }]), []);
    assert.deepEqual(take(once, []), []);
    assert.deepEqual(take(once, [{ key: 'new' }]), ['new']);
  });
});
