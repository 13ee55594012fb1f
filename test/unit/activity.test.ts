import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseActivity } from '../../src/core/model/activity';
import { PlyrError } from '../../src/core/model/errors';
import { parseExactJson } from '../../src/core/model/exactJson';
import { toChecksumAddress } from '../../src/core/model/identifier';
import { HOSTILE_INPUTS } from '../support/hostileInputs';

const BIG = '123456789012345678901234567890.123456789';
const HASH = `0x${'ab'.repeat(32)}`;
const TIME = '2024-05-01T12:00:00.000Z';
const TIME_MS = Date.UTC(2024, 4, 1, 12);
const CHIP = toChecksumAddress('c'.repeat(40));

const fromJson = (text: string) => parseActivity(parseExactJson(text));
/** An entry as the server's activity log stores it (a Mongoose document as JSON). */
const logged = (fields: Record<string, unknown> = {}, data: Record<string, unknown> = {}) => ({
  _id: '6632a1b2c3d4e5f601234567',
  plyrId: 'player123',
  gameId: 'racer',
  type: 'game',
  action: 'pay',
  data: { gameId: 'racer', roomId: '12', token: 'gamr', amount: '2.5', hash: HASH, success: 'success', ...data },
  timestamp: TIME,
  __v: 0,
  ...fields,
});

describe('parseActivity', () => {
  it('reads a game payment as the server logs it', () => {
    const { value, skipped } = fromJson(JSON.stringify([logged()]));
    assert.deepEqual(value, [
      { id: '6632a1b2c3d4e5f601234567', action: 'pay', type: 'game', gameId: 'racer', at: TIME_MS, token: 'gamr', chip: undefined, amount: '2.5', txHash: HASH, succeeded: true, roomId: '12' },
    ]);
    assert.deepEqual(skipped, []);
  });

  it('reads "reverted" as failed, booleans as they are, and no status as not said', () => {
    const list = [logged({}, { success: 'reverted' }), logged({}, { success: true }), logged({}, { success: false }), logged({}, { success: undefined }), logged({}, { success: 'pending' })];
    const { value, skipped } = fromJson(JSON.stringify(list));
    assert.deepEqual(
      value.map((e) => e.succeeded),
      [false, true, false, undefined, undefined],
    );
    assert.deepEqual(skipped, [{ at: '[4].data.success', reason: '"success" is not "success" or "reverted"' }]);
  });

  it('keeps an amount the game sent as a number exactly as written', () => {
    const text = `[{"action": "earn", "timestamp": "${TIME}", "data": {"amount": ${BIG}}}, {"action": "earn", "timestamp": "${TIME}", "data": {"amount": 5}}, {"action": "earn", "timestamp": "${TIME}", "data": {"amount": 1.5e-7}}]`;
    assert.deepEqual(
      fromJson(text).value.map((e) => e.amount),
      [BIG, '5', '0.00000015'],
    );
  });

  it('drops a transaction hash that is not 0x and 64 hex digits, so that it is never linked, and keeps the entry', () => {
    const bad = ['0x1234', `${HASH}00`, `0x${'g'.repeat(64)}`, 'javascript:alert(1)', `https://evil.test/tx/${HASH}`, 42];
    const { value, skipped } = fromJson(JSON.stringify(bad.map((hash) => logged({}, { hash }))));
    assert.deepEqual(
      value.map((e) => e.txHash),
      bad.map(() => undefined),
    );
    assert.equal(skipped.length, bad.length);
    assert.ok(skipped.every((s) => s.reason === '"hash" is not a transaction hash (0x and 64 hex digits)'));
    assert.equal(fromJson(JSON.stringify([logged({}, { hash: HASH.toUpperCase().replace('0X', '0x') })])).value[0].txHash, HASH);
  });

  it('reads a user action without data or game, and a chip action with its chip', () => {
    const list = [
      { plyrId: 'player123', gameId: null, type: 'user', action: 'login', timestamp: TIME },
      logged({ type: 'gameChip', action: 'mint' }, { token: undefined, chip: CHIP.toLowerCase(), amount: 10 }),
      logged({ gameId: null }, { gameId: 'From-Data' }),
    ];
    const { value, skipped } = fromJson(JSON.stringify(list));
    assert.deepEqual(value[0], { id: undefined, action: 'login', type: 'user', gameId: undefined, at: TIME_MS, token: undefined, chip: undefined, amount: undefined, txHash: undefined, succeeded: undefined, roomId: undefined });
    assert.equal(value[1].chip, CHIP);
    assert.equal(value[1].amount, '10');
    assert.equal(value[2].gameId, 'from-data');
    assert.deepEqual(skipped, []);
  });

  it('reads a timestamp in epoch milliseconds too', () => {
    assert.equal(fromJson(JSON.stringify([logged({ timestamp: TIME_MS })])).value[0].at, TIME_MS);
  });

  it('leaves out, and notes, an entry without an action or a time, or that is not an object', () => {
    const list = [logged({ action: undefined }), logged({ action: 'no spaces allowed' }), logged({ timestamp: 'soon' }), logged({ timestamp: undefined }), [1], 'x', logged()];
    const { value, skipped } = fromJson(JSON.stringify(list));
    assert.equal(value.length, 1);
    assert.deepEqual(skipped, [
      { at: '[0]', reason: '"action" is missing' },
      { at: '[1]', reason: '"action" is not a word of letters and digits' },
      { at: '[2]', reason: '"timestamp" is not a date and time' },
      { at: '[3]', reason: '"timestamp" is missing' },
      { at: '[4]', reason: 'it is a list, not an object' },
      { at: '[5]', reason: 'it is a string, not an object' },
    ]);
  });

  it('drops, and notes, each unreadable detail, and keeps the entry', () => {
    const list = [logged({ type: 42, gameId: '../x', _id: 'nope' }, { token: '[x](command:x)', amount: 'lots', roomId: 'r1' }), logged({ data: 'text' })];
    const { value, skipped } = fromJson(JSON.stringify(list));
    assert.equal(value.length, 2);
    assert.deepEqual(value[0], { id: undefined, action: 'pay', type: undefined, gameId: 'racer', at: TIME_MS, token: undefined, chip: undefined, amount: undefined, txHash: HASH, succeeded: true, roomId: undefined });
    assert.deepEqual(
      skipped.map((s) => s.at),
      ['[0]._id', '[0].type', '[0].gameId', '[0].data.token', '[0].data.amount', '[0].data.roomId', '[1].data'],
    );
  });

  it('refuses a body that is not a list', () => {
    for (const text of ['{}', '{"error": "x"}', '"x"', '7', 'null']) {
      assert.throws(() => fromJson(text), (error: unknown) => error instanceof PlyrError && error.code === 'malformedResponse', text);
    }
  });

  it('ignores __proto__ and constructor keys, at the top and in data', () => {
    const text = `[{"__proto__": {"action": "hacked"}, "constructor": {"x": 1}, "action": "pay", "timestamp": "${TIME}", "data": {"__proto__": {"amount": "9"}, "amount": "1"}}]`;
    const { value, skipped } = fromJson(text);
    assert.equal(value[0].action, 'pay');
    assert.equal(value[0].amount, '1');
    assert.deepEqual(skipped, []);
  });

  it('reads 10,000 entries', () => {
    const list = Array.from({ length: 10_000 }, (_, i) => logged({ _id: i.toString(16).padStart(24, '0') }, { amount: `${i}.5` }));
    const { value } = fromJson(JSON.stringify(list));
    assert.equal(value.length, 10_000);
    assert.equal(value[9_999].amount, '9999.5');
  });

  it('keeps a deeply nested amount from poisoning the page: that entry loses its amount, the rest read', () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const text = `[{"action": "deposit", "timestamp": "${TIME}", "data": {"amount": ${deep}}}, {"action": "pay", "timestamp": "${TIME}", "data": {"amount": 3}}]`;
    const { value, skipped } = fromJson(text);
    assert.deepEqual(
      value.map((e) => [e.action, e.amount]),
      [
        ['deposit', undefined],
        ['pay', '3'],
      ],
    );
    assert.deepEqual(
      skipped.map((s) => s.at),
      ['[0].data.amount'],
    );
  });

  it('never throws for a hostile value anywhere in an entry', () => {
    for (const input of HOSTILE_INPUTS) {
      for (const field of ['action', 'type', 'gameId', 'timestamp', 'data', '_id']) {
        assert.doesNotThrow(() => parseActivity([logged({ [field]: input.value })]), `${field}: ${input.name}`);
      }
      for (const field of ['token', 'chip', 'amount', 'hash', 'success', 'roomId', 'gameId']) {
        assert.doesNotThrow(() => parseActivity([logged({}, { [field]: input.value })]), `data.${field}: ${input.name}`);
      }
      assert.doesNotThrow(() => parseActivity([input.value]), input.name);
    }
  });
});
