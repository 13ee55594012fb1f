import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { FetchLike, send } from '../../src/core/api/transport';

const URL_ = new URL('https://api.example.com/api/tokenlist');
const answering: FetchLike = async () => ({ status: 200, headers: { get: () => null }, text: async () => '{}' });
const failing: FetchLike = async () => {
  throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
};

describe('send', () => {
  /** The timers send arms, and those cleared. */
  let armed: unknown[];
  let cleared: unknown[];
  beforeEach(() => {
    armed = [];
    cleared = [];
    const setTimer = globalThis.setTimeout;
    const clearTimer = globalThis.clearTimeout;
    mock.method(globalThis, 'setTimeout', (...args: Parameters<typeof setTimeout>) => {
      const handle = setTimer(...args);
      armed.push(handle);
      return handle;
    });
    mock.method(globalThis, 'clearTimeout', (handle: Parameters<typeof clearTimeout>[0]) => {
      cleared.push(handle);
      clearTimer(handle);
    });
  });
  afterEach(() => mock.restoreAll());

  it("clears its timeout and leaves no listener on the caller's signal once answered", async () => {
    const caller = new AbortController();
    const response = await send(answering, URL_, { timeoutMs: 10_000, signal: caller.signal });
    assert.equal(response.status, 200);
    assert.equal(armed.length, 1, 'one timeout for the request');
    assert.deepEqual(cleared, armed, 'cleared, not left to fire 10 s later holding the request');
    assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
  });

  it('leaves none behind after a failure either', async () => {
    const caller = new AbortController();
    await assert.rejects(send(failing, URL_, { timeoutMs: 10_000, signal: caller.signal }), { code: 'network' });
    assert.deepEqual(cleared, armed);
    assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
  });

  it("passes the caller's cancellation, also one made before the request, to the request", async () => {
    const seen: AbortSignal[] = [];
    const waiting: FetchLike = (_url, init) => {
      seen.push(init.signal);
      return new Promise((_resolve, reject) => {
        const stop = () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
        if (init.signal.aborted) {
          stop();
        }
        init.signal.addEventListener('abort', stop);
      });
    };
    const caller = new AbortController();
    const pending = send(waiting, URL_, { timeoutMs: 10_000, signal: caller.signal });
    caller.abort();
    await assert.rejects(pending, { code: 'cancelled' });
    assert.equal(seen[0].aborted, true);
    const early = new AbortController();
    early.abort();
    await assert.rejects(send(waiting, URL_, { timeoutMs: 10_000, signal: early.signal }), { code: 'cancelled' });
    assert.equal(seen[1].aborted, true);
  });
});
