import { after, afterEach, before, beforeEach, describe, it, mock } from 'node:test';
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import fetch from 'node-fetch';
import { Simulator, startSimulator } from '../../simulator/server';
import { FetchLike, send } from '../../src/core/api/transport';
import { PlyrError } from '../../src/core/model/errors';
import { freePort } from '../runners/codeServer';

/** node-fetch itself, as the extension passes it, against the simulator. */
const realFetch = fetch as unknown as FetchLike;

/** A fetch that fails as node-fetch does on a system error: with the error's code. */
const failingWith = (code: string): FetchLike => () => Promise.reject(Object.assign(new Error(code), { type: 'system', code }));

describe('send', () => {
  let sim: Simulator;
  let tokenList: URL;
  before(async () => {
    sim = await startSimulator();
    tokenList = new URL(`${sim.url}/api/tokenlist`);
  });
  after(() => sim.close());
  /** The timers send arms, and those cleared. */
  let armed: unknown[];
  let cleared: unknown[];
  beforeEach(() => {
    sim.reset();
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
    const response = await send(realFetch, tokenList, { timeoutMs: 10_000, signal: caller.signal });
    assert.equal(response.status, 200);
    assert.match(response.body, /"tokens"/);
    assert.equal(armed.length, 1, 'one timeout for the request');
    assert.deepEqual(cleared, armed, 'cleared, not left to fire 10 s later holding the request');
    assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
  });

  it('leaves none behind after a failure either', async () => {
    const caller = new AbortController();
    // Nothing listens on a port just found free: the connection is refused.
    const nobody = new URL(`http://127.0.0.1:${await freePort()}/api/tokenlist`);
    await assert.rejects(send(realFetch, nobody, { timeoutMs: 10_000, signal: caller.signal }), { code: 'network' });
    assert.deepEqual(cleared, armed);
    assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
  });

  it('blames no setting for a connection reset or closed under an answer: no fix (a row retries), and words that say to retry', async () => {
    sim.fault({ kind: 'reset' });
    const reset = await send(realFetch, tokenList, { timeoutMs: 10_000 }).then(() => assert.fail('answered'), (error: PlyrError) => error);
    assert.equal(reset.code, 'network');
    assert.equal(reset.fix, undefined, 'no Open Settings');
    assert.equal(reset.message, 'The connection to the PLYR API was cut off. The server was reached, so this is usually brief: retry. If it keeps happening, Test Connection says which part fails.');
    for (const code of ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE']) {
      const error = await send(failingWith(code), tokenList, { timeoutMs: 10_000 }).then(() => assert.fail('answered'), (e: PlyrError) => e);
      assert.deepEqual([error.code, error.fix, error.message], ['network', undefined, reset.message], code);
    }
  });

  it('keeps Open Settings for a server that cannot be reached: a refused connection, a name that does not resolve', async () => {
    for (const [code, said] of [['ECONNREFUSED', 'the connection was refused (is the server running?)'], ['ENOTFOUND', 'the server name could not be resolved (DNS)'], ['EAI_AGAIN', 'the server name could not be resolved (DNS)']]) {
      const error = await send(failingWith(code), tokenList, { timeoutMs: 10_000 }).then(() => assert.fail('answered'), (e: PlyrError) => e);
      assert.deepEqual([error.code, error.fix, error.message], ['network', 'openSettings', `Could not reach the PLYR API: ${said}. Check your connection and the plyr.network setting.`], code);
    }
  });

  it("passes the caller's cancellation, also one made before the request, to the request", async () => {
    // A server that never answers: only the cancellation can end the request before the 10 s timeout.
    sim.fault({ kind: 'hang' });
    const seen: AbortSignal[] = [];
    const watching: FetchLike = (url, init) => {
      seen.push(init.signal);
      return realFetch(url, init);
    };
    const caller = new AbortController();
    const pending = send(watching, tokenList, { timeoutMs: 10_000, signal: caller.signal });
    setTimeout(() => caller.abort(), 50);
    await assert.rejects(pending, { code: 'cancelled' });
    assert.equal(seen[0].aborted, true);
    const early = new AbortController();
    early.abort();
    await assert.rejects(send(watching, tokenList, { timeoutMs: 10_000, signal: early.signal }), { code: 'cancelled' });
    assert.equal(seen[1].aborted, true);
  });
});
