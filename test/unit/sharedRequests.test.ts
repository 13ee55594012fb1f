import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { SharedRequests } from '../../src/core/store/sharedRequests';
import { Deferred, deferred } from '../support/deferred';


/** A start() that records every call, with the signal it was given and a deferred to settle it. */
function recordingStart<T>(): { calls: { signal: AbortSignal; result: Deferred<T> }[]; start: (signal: AbortSignal) => Promise<T> } {
  const calls: { signal: AbortSignal; result: Deferred<T> }[] = [];
  return {
    calls,
    start: (signal) => {
      const result = deferred<T>();
      calls.push({ signal, result });
      return result.promise;
    },
  };
}

function abortedWith(reason: unknown): AbortSignal {
  const controller = new AbortController();
  controller.abort(reason);
  return controller.signal;
}

describe('SharedRequests', () => {
  it('shares one start() between two callers of the same key', async () => {
    const requests = new SharedRequests<number>();
    const { calls, start } = recordingStart<number>();
    const first = requests.run('a', start);
    const second = requests.run('a', start);
    assert.equal(calls.length, 1);
    assert.ok(requests.has('a'));
    assert.equal(requests.size, 1);
    calls[0].result.resolve(42);
    assert.deepEqual(await Promise.all([first, second]), [42, 42]);
    assert.equal(calls.length, 1);
  });

  it('shares one start() between callers that each bring a signal', async () => {
    const requests = new SharedRequests<string>();
    const { calls, start } = recordingStart<string>();
    const first = requests.run('a', start, new AbortController().signal);
    const second = requests.run('a', start, new AbortController().signal);
    assert.equal(calls.length, 1);
    calls[0].result.resolve('value');
    assert.deepEqual(await Promise.all([first, second]), ['value', 'value']);
  });

  it('starts a second key separately', async () => {
    const requests = new SharedRequests<string>();
    const { calls, start } = recordingStart<string>();
    const a = requests.run('a', start);
    const b = requests.run('b', start);
    assert.equal(calls.length, 2);
    assert.equal(requests.size, 2);
    assert.notEqual(calls[0].signal, calls[1].signal);
    calls[1].result.resolve('for b');
    calls[0].result.resolve('for a');
    assert.equal(await a, 'for a');
    assert.equal(await b, 'for b');
  });

  it('starts again once the request has settled', async () => {
    const requests = new SharedRequests<number>();
    const { calls, start } = recordingStart<number>();
    const first = requests.run('a', start);
    calls[0].result.resolve(1);
    assert.equal(await first, 1);
    assert.equal(requests.has('a'), false);
    assert.equal(requests.size, 0);

    const second = requests.run('a', start);
    assert.equal(calls.length, 2);
    calls[1].result.resolve(2);
    assert.equal(await second, 2);
  });

  it('starts again once the request has failed', async () => {
    const requests = new SharedRequests<number>();
    const { calls, start } = recordingStart<number>();
    const first = requests.run('a', start);
    calls[0].result.reject(new Error('down'));
    await assert.rejects(first, { message: 'down' });
    assert.equal(requests.has('a'), false);
    const second = requests.run('a', start);
    assert.equal(calls.length, 2);
    calls[1].result.resolve(2);
    assert.equal(await second, 2);
  });

  it("rejects only the caller whose signal aborts, with that signal's reason", async () => {
    const requests = new SharedRequests<number>();
    const { calls, start } = recordingStart<number>();
    const mine = new AbortController();
    const reason = new Error('hover dismissed');
    const aborting = requests.run('a', start, mine.signal);
    const staying = requests.run('a', start);
    const other = new AbortController();
    const stayingWithSignal = requests.run('a', start, other.signal);
    assert.equal(calls.length, 1);

    mine.abort(reason);
    await assert.rejects(aborting, (thrown) => thrown === reason);
    assert.equal(calls[0].signal.aborted, false, 'the shared request was aborted while others still wait');
    assert.ok(requests.has('a'));

    calls[0].result.resolve(7);
    assert.equal(await staying, 7);
    assert.equal(await stayingWithSignal, 7);
    assert.equal(calls[0].signal.aborted, false);
    assert.equal(other.signal.aborted, false);
  });

  it('aborts the request only when the last waiter with a signal has left', async () => {
    const requests = new SharedRequests<number>();
    const { calls, start } = recordingStart<number>();
    const one = new AbortController();
    const two = new AbortController();
    const first = requests.run('a', start, one.signal);
    const second = requests.run('a', start, two.signal);

    one.abort('one');
    await assert.rejects(first, (thrown) => thrown === 'one');
    assert.equal(calls[0].signal.aborted, false);

    two.abort('two');
    await assert.rejects(second, (thrown) => thrown === 'two');
    assert.equal(calls[0].signal.aborted, true);
    assert.equal(requests.has('a'), false);
    calls[0].result.resolve(0);
  });

  it('aborts the underlying request when its only waiter aborts, and starts afresh on the next call', async () => {
    const requests = new SharedRequests<string>();
    const { calls, start } = recordingStart<string>();
    const controller = new AbortController();
    const reason = new Error('cancelled by the user');
    const abandoned = requests.run('a', start, controller.signal);
    assert.equal(calls[0].signal.aborted, false);

    controller.abort(reason);
    await assert.rejects(abandoned, (thrown) => thrown === reason);
    assert.equal(calls[0].signal.aborted, true);
    assert.equal(requests.has('a'), false);
    assert.equal(requests.size, 0);

    const fresh = requests.run('a', start);
    assert.equal(calls.length, 2, 'the next call joined the aborted request');
    assert.equal(calls[1].signal.aborted, false);

    // The aborted request settling late must not evict the fresh one.
    calls[0].result.resolve('stale');
    await calls[0].result.promise;
    await Promise.resolve();
    assert.ok(requests.has('a'));
    const joined = requests.run('a', start);
    assert.equal(calls.length, 2, 'the late settlement of the aborted request removed the fresh one');

    calls[1].result.resolve('fresh');
    assert.equal(await fresh, 'fresh');
    assert.equal(await joined, 'fresh');
  });

  it('rejects an already-aborted caller at once, without waiting for the request', async () => {
    const requests = new SharedRequests<number>();
    const { calls, start } = recordingStart<number>();
    const reason = new Error('already gone');
    // The request never settles during the test: only an immediate rejection can pass.
    await assert.rejects(requests.run('a', start, abortedWith(reason)), (thrown) => thrown === reason);
    assert.equal(requests.has('a'), false, 'an abandoned request stayed in flight');
    assert.equal(calls.length, 0, 'nothing was started for a caller already gone');
  });

  it('rejects an already-aborted caller without disturbing another waiter', async () => {
    const requests = new SharedRequests<number>();
    const { calls, start } = recordingStart<number>();
    const waiting = requests.run('a', start);
    const reason = new Error('already gone');
    await assert.rejects(requests.run('a', start, abortedWith(reason)), (thrown) => thrown === reason);
    assert.equal(calls.length, 1);
    assert.equal(calls[0].signal.aborted, false);
    assert.ok(requests.has('a'));
    calls[0].result.resolve(5);
    assert.equal(await waiting, 5);
  });

  it('passes the rejection of start() to every waiter', async () => {
    const requests = new SharedRequests<number>();
    const { calls, start } = recordingStart<number>();
    const error = new Error('server down');
    const plain = requests.run('a', start);
    const withSignal = requests.run('a', start, new AbortController().signal);
    calls[0].result.reject(error);
    await assert.rejects(plain, (thrown) => thrown === error);
    await assert.rejects(withSignal, (thrown) => thrown === error);
    assert.equal(requests.size, 0);
  });

  it('ignores a caller aborting after its request settled, even with a new request under the key', async () => {
    const requests = new SharedRequests<number>();
    const { calls, start } = recordingStart<number>();
    const controller = new AbortController();
    const result = requests.run('a', start, controller.signal);
    calls[0].result.resolve(3);
    assert.equal(await result, 3);
    const later = requests.run('a', start);
    controller.abort();
    assert.equal(calls[1].signal.aborted, false);
    assert.ok(requests.has('a'), 'a stale caller leaving removed the newer request');
    const joined = requests.run('a', start);
    assert.equal(calls.length, 2);
    calls[1].result.resolve(4);
    assert.equal(await later, 4);
    assert.equal(await joined, 4);
  });
});
