import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Slots } from '../../src/core/store/slots';

/** A task that runs until `finish` is called, and records how many ran at once. */
function gate(counter: { now: number; most: number; started: string[] }, name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const task = async () => {
    counter.started.push(name);
    counter.now++;
    counter.most = Math.max(counter.most, counter.now);
    await done;
    counter.now--;
    return name;
  };
  return { task, finish };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Slots', () => {
  it('runs at most the limit at once across callers, the others in the order they came', async () => {
    const counter = { now: 0, most: 0, started: [] as string[] };
    const slots = new Slots(() => 2);
    const gates = ['a', 'b', 'c', 'd'].map((name) => gate(counter, name));
    // Two callers, as two ranges of hints asked at once.
    const first = Promise.all(gates.slice(0, 2).map((g) => slots.run(g.task)));
    const second = Promise.all(gates.slice(2).map((g) => slots.run(g.task)));
    await tick();
    assert.deepEqual(counter.started, ['a', 'b']);
    gates[1].finish();
    await tick();
    assert.deepEqual(counter.started, ['a', 'b', 'c']);
    gates.forEach((g) => g.finish());
    assert.deepEqual([...(await first), ...(await second)], ['a', 'b', 'c', 'd']);
    assert.equal(counter.most, 2);
  });

  it('never starts a task aborted while it waits, and gives its turn to the next', async () => {
    const counter = { now: 0, most: 0, started: [] as string[] };
    const slots = new Slots(() => 1);
    const [a, b, c] = ['a', 'b', 'c'].map((name) => gate(counter, name));
    const abort = new AbortController();
    const runs = [slots.run(a.task), slots.run(b.task, abort.signal), slots.run(c.task)];
    abort.abort(new Error('scrolled away'));
    await assert.rejects(runs[1], /scrolled away/);
    a.finish();
    c.finish();
    assert.deepEqual(await Promise.all([runs[0], runs[2]]), ['a', 'c']);
    assert.deepEqual(counter.started, ['a', 'c']);
  });

  it('rejects at once when already aborted, and frees its slot when a task fails', async () => {
    const slots = new Slots(() => 1);
    await assert.rejects(slots.run(async () => 'never', AbortSignal.abort(new Error('gone'))), /gone/);
    await assert.rejects(slots.run(() => Promise.reject(new Error('failed'))), /failed/);
    assert.equal(await slots.run(async () => 'next'), 'next');
  });
});
