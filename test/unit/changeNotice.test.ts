import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { changeNotice } from '../../src/core/content/changeNotice';
import { listChanges } from '../../src/core/model/balances';

describe('changeNotice', () => {
  it('names who changed, each token with its old and new amount and the exact change', () => {
    const changes = listChanges({ gamr: '1234.5', plyr: '10' }, { gamr: '1246', plyr: '7.25' });
    assert.equal(changeNotice('Treasury (treasury-main)', changes, 'en-US'), 'Treasury (treasury-main): GAMR went from 1,234.5 to 1,246 (+11.5); PLYR went from 10 to 7.25 (\u22122.75).');
  });

  it('words a token that appeared with an amount as a change from 0', () => {
    const changes = listChanges({ plyr: '10' }, { plyr: '10', newtoken: '1', other: '2.5' });
    assert.equal(changeNotice('player123', changes, 'en-US'), 'player123: NEWTOKEN went from 0 to 1 (+1); OTHER went from 0 to 2.5 (+2.5).');
  });

  it('names at most three tokens and counts the rest', () => {
    const before = { a: '1', b: '1', c: '1', d: '1', e: '1' };
    const after = { a: '2', b: '2', c: '2', d: '2', e: '2' };
    const text = changeNotice('player123', listChanges(before, after), 'en-US');
    assert.match(text, /^player123: A went from 1 to 2 \(\+1\); B .*; C went from 1 to 2 \(\+1\); and 2 more tokens\.$/);
    assert.match(changeNotice('p', listChanges({ a: '1', b: '1', c: '1', d: '1' }, { a: '2', b: '2', c: '2', d: '2' }), 'en-US'), /; and 1 more token\.$/);
  });

  it('keeps amounts exact beyond a double', () => {
    const text = changeNotice('x', listChanges({ gamr: '9007199254740993.1' }, { gamr: '9007199254740993.2' }), 'en-US');
    assert.equal(text, 'x: GAMR went from 9,007,199,254,740,993.1 to 9,007,199,254,740,993.2 (+0.1).');
  });

  it('under the privacy mask names the tokens that moved and no amount', () => {
    const text = changeNotice('player123', listChanges({ gamr: '1234.5', plyr: '10' }, { gamr: '1246', plyr: '7.25' }), 'en-US', true);
    assert.equal(text, 'player123: GAMR changed; PLYR changed.');
  });

  it('does not let a token name word a change of its own, or push the real ones out of the notification', () => {
    const spoof = 'gamr went from 1,000 to 0 (−1000); plyr';
    const long = `x${'y'.repeat(390)}`;
    const changes = listChanges({ [spoof]: '1', [long]: '1', plyr: '1' }, { [spoof]: '2', [long]: '2', plyr: '2' });
    const text = changeNotice('Treasury (player1)', changes, 'en-US');
    assert.ok(!/went from 1,000/i.test(text), text);
    assert.equal(text, 'Treasury (player1): a token with an unusual name went from 1 to 2 (+1); a token with an unusual name went from 1 to 2 (+1); PLYR went from 1 to 2 (+1).');
    assert.equal(changeNotice('p', listChanges({ [spoof]: '1' }, { [spoof]: '2' }), 'en-US', true), 'p: a token with an unusual name changed.');
    assert.equal(changeNotice('p', listChanges({ 'usdc.e': '1' }, { 'usdc.e': '2' }), 'en-US'), 'p: USDC.E went from 1 to 2 (+1).', 'a listed name is named');
  });
});
