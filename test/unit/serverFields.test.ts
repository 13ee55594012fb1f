import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { JsonNumber } from '../../src/core/model/exactJson';
import { ADDRESS, AMOUNT, FieldReader, GAME_ID, HTTPS_URL, pathOf, PLYR_ID, Skipped, TEXT, TIME, TOKEN, WHOLE_NUMBER } from '../../src/core/model/serverFields';
import { HOSTILE_INPUTS } from '../support/hostileInputs';

const n = (text: string) => new JsonNumber(text);
const CHECKSUMMED = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';

describe('serverFields: the kinds of value', () => {
  it('AMOUNT keeps decimal strings and JSON numbers exact, written out, and refuses the rest', () => {
    assert.equal(AMOUNT.read('123456789012345678901234567890.123456789'), '123456789012345678901234567890.123456789');
    assert.equal(AMOUNT.read(n('123456789012345678901234567890.123456789')), '123456789012345678901234567890.123456789');
    assert.equal(AMOUNT.read(n('1e+21')), '1000000000000000000000');
    assert.equal(AMOUNT.read(n('1.50')), '1.50');
    for (const bad of ['-1', n('-1'), '1e21', ' 1', '', 'NaN', true, null, {}, [], 5, '9'.repeat(201), n('1e-300')]) {
      assert.equal(AMOUNT.read(bad), undefined, String(bad));
    }
  });

  it('TIME reads ISO times and whole epoch milliseconds, within what a Date holds', () => {
    assert.equal(TIME.read('2024-05-01T12:00:00.000Z'), Date.UTC(2024, 4, 1, 12));
    assert.equal(TIME.read('2024-05-01T14:00:00+02:00'), Date.UTC(2024, 4, 1, 12));
    assert.equal(TIME.read(n('1714564800000')), 1714564800000);
    for (const bad of ['2024-05-01', 'yesterday', '1714564800000', n('1.5'), n('-1'), n('99999999999999999'), 1714564800000, '2024-13-45T99:00:00Z', true]) {
      assert.equal(TIME.read(bad), undefined, String(bad));
    }
  });

  it('ADDRESS checksums, and refuses a mixed-case address whose checksum fails', () => {
    assert.equal(ADDRESS.read(CHECKSUMMED.toLowerCase()), CHECKSUMMED);
    assert.equal(ADDRESS.read(CHECKSUMMED), CHECKSUMMED);
    for (const bad of [CHECKSUMMED.replace('Cc', 'cC'), '0x123', `${CHECKSUMMED} `, 42, null]) {
      assert.equal(ADDRESS.read(bad), undefined, String(bad));
    }
  });

  it('PLYR_ID, GAME_ID and TOKEN lower-case what they take', () => {
    assert.equal(PLYR_ID.read('Player123'), 'player123');
    assert.equal(PLYR_ID.read('abc'), undefined);
    assert.equal(GAME_ID.read('MyGame'), 'mygame');
    assert.equal(GAME_ID.read('g1'), 'g1');
    assert.equal(TOKEN.read('GAMR'), 'gamr');
    assert.equal(TOKEN.read(CHECKSUMMED.toLowerCase()), CHECKSUMMED);
    for (const bad of ['', '-x', 'a b', 'x'.repeat(65), '__proto__', '../x', 'a\u202eb']) {
      assert.equal(GAME_ID.read(bad), undefined, bad);
    }
  });

  it('TEXT keeps text as sent, Markdown and bidi controls included (made inert where shown), up to 200 characters', () => {
    for (const text of ['[x](command:workbench.action.closeWindow)', 'usd\u202ec', '$(alert) **bold** <b>', '']) {
      assert.equal(TEXT.read(text), text);
    }
    assert.equal(TEXT.read('x'.repeat(201)), undefined);
    assert.equal(TEXT.read(5), undefined);
  });

  it('HTTPS_URL takes https only', () => {
    assert.equal(HTTPS_URL.read('https://ipfs.plyr.network/ipfs/Qm1'), 'https://ipfs.plyr.network/ipfs/Qm1');
    for (const bad of ['http://x.test/a.png', 'javascript:alert(1)', 'command:git.push', 'data:image/png;base64,AA', 'ipfs://Qm1', 'not a url', `https://x.test/${'a'.repeat(2048)}`]) {
      assert.equal(HTTPS_URL.read(bad), undefined, bad.slice(0, 40));
    }
  });

  it('WHOLE_NUMBER takes whole JSON numbers up to 2^53', () => {
    assert.equal(WHOLE_NUMBER.read(n('16180')), 16180);
    for (const bad of [n('1.5'), n('-1'), n('1e3'), n('1'.repeat(16)), '16180', 16180]) {
      assert.equal(WHOLE_NUMBER.read(bad), undefined, String(bad));
    }
  });

  it('no kind throws on any hostile value', () => {
    for (const input of HOSTILE_INPUTS) {
      for (const kind of [AMOUNT, TIME, ADDRESS, PLYR_ID, GAME_ID, TOKEN, TEXT, HTTPS_URL, WHOLE_NUMBER]) {
        assert.doesNotThrow(() => kind.read(input.value), input.name);
      }
    }
  });
});

describe('serverFields: FieldReader', () => {
  it('notes the first missing or unreadable required field once, and the entry is incomplete', () => {
    const skipped: Skipped[] = [];
    const fields = new FieldReader({ amount: 'lots' }, '[2]', skipped);
    assert.equal(fields.required('gameId', GAME_ID), undefined);
    assert.equal(fields.required('amount', AMOUNT), undefined);
    assert.equal(fields.complete, false);
    assert.deepEqual(skipped, [{ at: '[2]', reason: '"gameId" is missing' }]);
  });

  it('drops and notes an unreadable optional field, keeps the entry, and reads null and "" as not sent', () => {
    const skipped: Skipped[] = [];
    const fields = new FieldReader({ image: 'javascript:x', name: null, symbol: '' }, '[0]', skipped);
    assert.equal(fields.optional('image', HTTPS_URL), undefined);
    assert.equal(fields.optional('name', TEXT), undefined);
    assert.equal(fields.optional('symbol', TEXT), undefined);
    assert.equal(fields.complete, true);
    assert.deepEqual(skipped, [{ at: '[0].image', reason: '"image" is not an https address' }]);
  });

  it('reads only own fields: an inherited constructor or toString is not a value', () => {
    const skipped: Skipped[] = [];
    const fields = new FieldReader({}, '', skipped);
    assert.equal(fields.optional('constructor', TEXT), undefined);
    assert.equal(fields.optional('toString', TEXT), undefined);
    assert.deepEqual(skipped, []);
  });

  it('reads a nested object, and notes one that is not', () => {
    const skipped: Skipped[] = [];
    assert.equal(new FieldReader({ data: { amount: '1' } }, '[1]', skipped).nested('data')?.optional('amount', AMOUNT), '1');
    assert.equal(new FieldReader({ data: [1] }, '[2]', skipped).nested('data'), undefined);
    assert.deepEqual(skipped, [{ at: '[2].data', reason: 'it is a list, not an object' }]);
  });
});

describe('serverFields: pathOf', () => {
  it('writes indexes, plain keys and addresses as they are, and any other key quoted and inert', () => {
    assert.equal(pathOf('', 3), '[3]');
    assert.equal(pathOf('[3]', 'data'), '[3].data');
    assert.equal(pathOf('', 'my-game'), 'my-game');
    assert.equal(pathOf('my-game', CHECKSUMMED), `my-game.${CHECKSUMMED}`);
    const hostile = pathOf('', '[x](command:workbench.action.closeWindow)\n$(alert)');
    assert.ok(!hostile.includes('\n') && !hostile.includes('](') && !hostile.includes('$('), hostile);
    assert.ok(pathOf('', 'x'.repeat(500)).length < 60);
    assert.equal(pathOf('', '__proto__'), '__proto__');
  });
});
