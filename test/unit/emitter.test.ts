import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { Emitter } from '../../src/core/store/emitter';

describe('Emitter', () => {
  it('passes each fired value to every listener, in order', () => {
    const emitter = new Emitter<number>();
    const first: number[] = [];
    const second: number[] = [];
    emitter.event((value) => void first.push(value));
    emitter.event((value) => void second.push(value * 10));
    emitter.fire(1);
    emitter.fire(2);
    assert.deepEqual(first, [1, 2]);
    assert.deepEqual(second, [10, 20]);
  });

  it('fires to nobody without listeners', () => {
    const emitter = new Emitter<string>();
    assert.doesNotThrow(() => emitter.fire('x'));
  });

  it('removes only the disposed listener', () => {
    const emitter = new Emitter<string>();
    const kept: string[] = [];
    const dropped: string[] = [];
    emitter.event((value) => void kept.push(value));
    const subscription = emitter.event((value) => void dropped.push(value));
    emitter.fire('a');
    subscription.dispose();
    emitter.fire('b');
    subscription.dispose();
    emitter.fire('c');
    assert.deepEqual(kept, ['a', 'b', 'c']);
    assert.deepEqual(dropped, ['a']);
  });

  it('stops calling every listener once the emitter is disposed', () => {
    const emitter = new Emitter<number>();
    const seen: number[] = [];
    emitter.event((value) => void seen.push(value));
    emitter.event((value) => void seen.push(-value));
    emitter.fire(1);
    emitter.dispose();
    emitter.fire(2);
    assert.deepEqual(seen, [1, -1]);
  });

  it('lets a listener dispose itself while the value is being delivered', () => {
    const emitter = new Emitter<number>();
    const seen: string[] = [];
    const once = emitter.event((value) => {
      seen.push(`once ${value}`);
      once.dispose();
    });
    emitter.event((value) => void seen.push(`always ${value}`));
    emitter.fire(1);
    emitter.fire(2);
    assert.deepEqual(seen, ['once 1', 'always 1', 'always 2']);
  });
});
