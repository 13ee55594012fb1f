import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { Allowance, compareExpiry, parseAllowances } from '../../src/core/model/allowances';
import { PlyrError } from '../../src/core/model/errors';
import { parseExactJson } from '../../src/core/model/exactJson';
import { HOSTILE_INPUTS } from '../support/hostileInputs';

const BIG = '123456789012345678901234567890.123456789';
const CREATED = '2024-05-01T12:00:00.000Z';
const CREATED_MS = Date.UTC(2024, 4, 1, 12);
const DAY = 86_400;

const fromJson = (text: string) => parseAllowances(parseExactJson(text));
const entry = (fields: Record<string, unknown> = {}) => ({ plyrId: 'player123', gameId: 'racer', token: 'gamr', amount: 100, expiresIn: DAY, createdAt: CREATED, ...fields });

describe('parseAllowances', () => {
  it('reads the server shape, with expiresAt from createdAt and expiresIn seconds', () => {
    const { value, skipped } = fromJson(JSON.stringify({ allowances: [entry(), entry({ gameId: 'Space-Game', token: 'PLYR', amount: '2.5', expiresIn: 1.5 })] }));
    assert.deepEqual(value, [
      { gameId: 'racer', token: 'gamr', amount: '100', createdAt: CREATED_MS, expiresInSeconds: DAY, expiresAt: CREATED_MS + DAY * 1000 },
      { gameId: 'space-game', token: 'plyr', amount: '2.5', createdAt: CREATED_MS, expiresInSeconds: 1.5, expiresAt: CREATED_MS + 1500 },
    ]);
    assert.deepEqual(skipped, []);
  });

  it('keeps an amount sent as a JSON number exactly as written, more digits than a float holds included', () => {
    const text = `{"allowances": [{"gameId": "g1", "token": "gamr", "amount": ${BIG}, "expiresIn": 60, "createdAt": "${CREATED}"}, {"gameId": "g1", "token": "plyr", "amount": 1e+21, "expiresIn": 60, "createdAt": "${CREATED}"}]}`;
    assert.deepEqual(
      fromJson(text).value.map((a) => a.amount),
      [BIG, '1000000000000000000000'],
    );
  });

  it('reads a bare list too, and an empty one as none', () => {
    assert.equal(fromJson(JSON.stringify([entry()])).value.length, 1);
    assert.deepEqual(fromJson('{"allowances": []}'), { value: [], skipped: [] });
  });

  it('refuses a body without a list', () => {
    for (const text of ['{}', '{"allowances": {}}', '"x"', 'null', '{"error": "boom"}']) {
      assert.throws(() => fromJson(text), (error: unknown) => error instanceof PlyrError && error.code === 'malformedResponse', text);
    }
  });

  it('leaves out, and notes, entries missing what they cannot do without', () => {
    const list = [entry({ gameId: undefined }), entry({ token: 'not a token!' }), entry({ amount: -1 }), entry({ amount: 'ten' }), entry({ createdAt: 'yesterday' }), entry({ expiresIn: '60' }), 'x', null, entry()];
    const { value, skipped } = fromJson(JSON.stringify({ allowances: list }));
    assert.equal(value.length, 1);
    assert.deepEqual(skipped, [
      { at: '[0]', reason: '"gameId" is missing' },
      { at: '[1]', reason: '"token" is not a token name or token address' },
      { at: '[2]', reason: '"amount" is not a plain non-negative decimal number' },
      { at: '[3]', reason: '"amount" is not a plain non-negative decimal number' },
      { at: '[4]', reason: '"createdAt" is not a date and time' },
      { at: '[5]', reason: '"expiresIn" is not a number of seconds' },
      { at: '[6]', reason: 'it is a string, not an object' },
      { at: '[7]', reason: 'it is null, not an object' },
    ]);
  });

  it('gives no expiresAt for an expiry beyond any date, and keeps the allowance', () => {
    const { value } = fromJson(JSON.stringify({ allowances: [entry({ expiresIn: 1e20 })] }));
    assert.equal(value.length, 1);
    assert.equal(value[0].expiresAt, undefined);
    assert.equal(value[0].expiresInSeconds, 1e20);
  });

  it('ignores unknown fields and __proto__ keys', () => {
    const text = `{"allowances": [{"__proto__": {"amount": "999"}, "constructor": 1, "gameId": "g1", "token": "gamr", "amount": "5", "expiresIn": 60, "createdAt": "${CREATED}", "_id": "x"}], "__proto__": []}`;
    const { value, skipped } = fromJson(text);
    assert.deepEqual(
      value.map((a) => a.amount),
      ['5'],
    );
    assert.deepEqual(skipped, []);
  });

  it('reads 10,000 allowances', () => {
    const list = Array.from({ length: 10_000 }, (_, i) => entry({ gameId: `game-${i}`, amount: `${i}.25` }));
    const { value } = fromJson(JSON.stringify({ allowances: list }));
    assert.equal(value.length, 10_000);
    assert.equal(value[9_999].amount, '9999.25');
  });

  it('never throws for a hostile value in any field', () => {
    for (const input of HOSTILE_INPUTS) {
      for (const field of ['gameId', 'token', 'amount', 'expiresIn', 'createdAt']) {
        assert.doesNotThrow(() => parseAllowances({ allowances: [entry({ [field]: input.value })] }), `${field}: ${input.name}`);
      }
      assert.doesNotThrow(() => parseAllowances({ allowances: [input.value] }), input.name);
    }
  });
});

describe('compareExpiry', () => {
  const NOW = Date.UTC(2026, 11, 3, 12);
  const HOUR = 3_600_000;
  const allowance = (gameId: string, expiresAt: number | undefined): Allowance => ({ gameId, token: 'gamr', amount: '1', createdAt: NOW - 30 * 24 * HOUR, expiresInSeconds: 0, expiresAt });

  it('lists the soonest expiring first: the expired, then by time left, those that never expire last; equal ends in the order given', () => {
    // The demo's order, as the server sent it: 363 days, 21 h, 27 min, 24 h left.
    const served = [
      allowance('year', NOW + 363 * 24 * HOUR),
      allowance('never', undefined),
      allowance('day-a', NOW + 24 * HOUR),
      allowance('evening', NOW + 21 * HOUR),
      allowance('expired-late', NOW - HOUR),
      allowance('soon', NOW + 27 * 60_000),
      allowance('day-b', NOW + 24 * HOUR),
      allowance('never-too', undefined),
      allowance('expired-early', NOW - 2 * HOUR),
    ];
    assert.deepEqual(
      [...served].sort(compareExpiry).map((a) => a.gameId),
      ['expired-early', 'expired-late', 'soon', 'evening', 'day-a', 'day-b', 'year', 'never', 'never-too'],
    );
  });

  it('leaves a list in order as it is, and sorts none or one', () => {
    const sorted = [allowance('a', NOW), allowance('b', NOW + 1), allowance('c', undefined)];
    assert.deepEqual([...sorted].sort(compareExpiry), sorted);
    assert.deepEqual([].sort(compareExpiry), []);
    assert.equal(compareExpiry(allowance('x', undefined), allowance('y', undefined)), 0, 'two without an end are equal, not NaN');
  });
});
