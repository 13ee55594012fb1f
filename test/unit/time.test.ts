import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { describeAge, describeMoment } from '../../src/core/content/time';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('describeAge', () => {
  it("says 'just now' under 45 seconds", () => {
    for (const age of [0, 1, 30 * SECOND, 45 * SECOND - 1, -5 * MINUTE]) {
      assert.equal(describeAge(age, 'en'), 'just now', String(age));
    }
  });

  it('counts minutes from 45 seconds on', () => {
    const atThreshold = describeAge(45 * SECOND, 'en');
    assert.notEqual(atThreshold, 'just now');
    assert.match(atThreshold, /\b1\b/);
    assert.match(atThreshold, /min/);
  });

  it('describes 2 minutes', () => {
    const text = describeAge(2 * MINUTE, 'en');
    assert.match(text, /\b2\b/);
    assert.match(text, /min/);
    assert.match(text, /ago/);
  });

  it('counts whole units elapsed, never rounding up into the next unit', () => {
    assert.match(describeAge(2 * MINUTE + 59 * SECOND, 'en'), /\b2 min/);
    assert.match(describeAge(59.6 * MINUTE, 'en'), /\b59 min/);
    assert.match(describeAge(23.6 * HOUR, 'en'), /\b23 hr/);
  });

  it('says "1 day ago", not "yesterday"', () => {
    assert.match(describeAge(DAY, 'en'), /^1 day ago$/);
  });

  it('describes 3 hours', () => {
    const text = describeAge(3 * HOUR, 'en');
    assert.match(text, /\b3\b/);
    assert.match(text, /h/);
    assert.doesNotMatch(text, /min/);
    assert.match(text, /ago/);
  });

  it('describes 2 days', () => {
    const text = describeAge(2 * DAY, 'en');
    assert.match(text, /\b2\b/);
    assert.match(text, /day/);
    assert.match(text, /ago/);
  });

  it('follows the locale', () => {
    const german = describeAge(3 * DAY, 'de');
    assert.match(german, /\b3\b/);
    assert.match(german, /Tag/);
  });
});

describe('describeMoment', () => {
  // Local time: the date read back is the same in every time zone.
  const at = new Date(2026, 11, 3, 11, 42, 5).getTime();

  it('tells the moment to the minute, with the date', () => {
    const text = describeMoment(at, 'en-US');
    assert.match(text, /Dec 3, 2026/);
    assert.match(text, /\d{1,2}:\d{2}\s?[AP]M$/);
  });

  it('reads the same for moments seconds apart in the same minute, not across a minute', () => {
    assert.equal(describeMoment(at, 'en-US'), describeMoment(at + 50 * SECOND, 'en-US'));
    assert.notEqual(describeMoment(at, 'en-US'), describeMoment(at + 55 * SECOND + 1, 'en-US'));
  });
});
