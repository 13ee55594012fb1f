import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { KeyValueState, SerialState } from '../../src/core/store/serialState';

type Values = Record<string, unknown>;
type Settle = { resolve(): void; reject(e: unknown): void };

/**
 * VS Code's globalState as the extension host keeps it, with the window's side driven by the test:
 * `send()` is its scheduler sending the whole state, `arrive()` the window's echo of the oldest
 * batch (which replaces the whole state, as VS Code's memento does) and then its answer.
 */
class EchoingState implements KeyValueState {
  value: Values = {};
  readonly sent: Values[] = [];
  private unsent: Settle[] = [];
  private readonly waiting: { snapshot: Values; settle: Settle[] }[] = [];
  failNext = false;

  keys(): readonly string[] {
    return Object.keys(this.value).filter((k) => this.value[k] !== undefined);
  }
  get<T>(key: string, defaultValue?: T): T {
    return (this.value[key] ?? defaultValue) as T;
  }
  update(key: string, value: unknown): Promise<void> {
    this.value[key] = value;
    return new Promise((resolve, reject) => this.unsent.push({ resolve, reject }));
  }
  send(): void {
    const snapshot = structuredClone(this.value);
    this.sent.push(snapshot);
    this.waiting.push({ snapshot, settle: this.unsent });
    this.unsent = [];
  }
  arrive(): void {
    const { snapshot, settle } = this.waiting.shift()!;
    this.value = structuredClone(snapshot);
    const failed = this.failNext;
    this.failNext = false;
    settle.forEach((s) => (failed ? s.reject(new Error('storage failed')) : s.resolve()));
  }
  get pendingWrites(): number {
    return this.unsent.length;
  }
}

/** Lets the promise callbacks run (a write that waited starts once the one before it resolved). */
const settled = () => new Promise((resolve) => setImmediate(resolve));
/** The end of the tick, when SerialState hands on what was written in it. */
const tickEnd = () => Promise.resolve();

describe('SerialState', () => {
  it('the model: without it, a write made between a batch leaving and its echo is lost for good', () => {
    const vscodeState = new EchoingState();
    void vscodeState.update('lastBalances', 1);
    vscodeState.send();
    void vscodeState.update('privacyMask', true);
    vscodeState.arrive();
    assert.equal(vscodeState.get('privacyMask'), undefined, 'replaced by the echo');
    vscodeState.send();
    vscodeState.arrive();
    assert.equal(vscodeState.get('privacyMask'), undefined, 'and never written');
  });

  it('holds a write back until the one on its way is answered, so it is kept', async () => {
    const vscodeState = new EchoingState();
    const state = new SerialState(vscodeState);
    void state.update('lastBalances', 1);
    await tickEnd();
    vscodeState.send();
    const pressed = state.update('privacyMask', true);
    await tickEnd();
    assert.equal(vscodeState.get('privacyMask'), undefined, 'not handed on while the first is on its way');
    assert.equal(state.get('privacyMask'), true, 'but read at once');
    vscodeState.arrive();
    await settled();
    assert.equal(vscodeState.pendingWrites, 1, 'handed on once the first was answered');
    vscodeState.send();
    vscodeState.arrive();
    await pressed;
    assert.deepEqual(vscodeState.value, { lastBalances: 1, privacyMask: true });
  });

  it('hands on at the end of the tick when nothing is on its way', async () => {
    const vscodeState = new EchoingState();
    void new SerialState(vscodeState).update('sortOrder', 'name');
    await tickEnd();
    assert.equal(vscodeState.pendingWrites, 1);
  });

  it('hands on the writes of one tick together, so that no message holds one without the other', async () => {
    const vscodeState = new EchoingState();
    const state = new SerialState(vscodeState);
    // A group renamed: its rows and the group names, written together.
    const written = Promise.all([state.update('tracked', [{ id: 'p1', group: 'New' }]), state.update('groups', ['New'])]);
    await tickEnd();
    vscodeState.send();
    assert.deepEqual(vscodeState.sent, [{ tracked: [{ id: 'p1', group: 'New' }], groups: ['New'] }]);
    vscodeState.arrive();
    await written;
  });

  it('sends the writes that waited together, the last value of a key once, and resolves every caller', async () => {
    const vscodeState = new EchoingState();
    const state = new SerialState(vscodeState);
    const first = state.update('lastBalances', 1);
    await tickEnd();
    vscodeState.send();
    const waited = [state.update('tracked', ['a']), state.update('groups', ['G']), state.update('tracked', ['a', 'b'])];
    vscodeState.arrive();
    await first;
    await settled();
    assert.equal(vscodeState.pendingWrites, 2, 'tracked once, groups once');
    vscodeState.send();
    vscodeState.arrive();
    await Promise.all(waited);
    assert.equal(vscodeState.sent.length, 2, 'one batch for the three writes that waited');
    assert.deepEqual(vscodeState.value, { lastBalances: 1, tracked: ['a', 'b'], groups: ['G'] });
  });

  it('reads a waiting removal as absent, in get and keys', async () => {
    const vscodeState = new EchoingState();
    const state = new SerialState(vscodeState);
    void state.update('privacyMask', true);
    void state.update('sortOrder', 'name');
    await tickEnd();
    vscodeState.send();
    void state.update('privacyMask', undefined);
    assert.equal(state.get('privacyMask'), undefined);
    assert.equal(state.get('privacyMask', false), false);
    assert.deepEqual([...state.keys()].sort(), ['sortOrder']);
  });

  it('rejects a failed write to its callers only, and writes the next', async () => {
    const vscodeState = new EchoingState();
    const state = new SerialState(vscodeState);
    vscodeState.failNext = true;
    const failed = state.update('tracked', ['a']);
    await tickEnd();
    vscodeState.send();
    const next = state.update('privacyMask', true);
    vscodeState.arrive();
    await assert.rejects(failed, /storage failed/);
    await settled();
    vscodeState.send();
    vscodeState.arrive();
    await next;
    assert.equal(vscodeState.get('privacyMask'), true);
  });
});
