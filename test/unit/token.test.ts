import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseTokenName } from '../../src/core/model/token';

describe('parseTokenName: accepted', () => {
  const cases: [unknown, string | undefined][] = [
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    ['   ', undefined],
    ['GAMR', 'gamr'],
    ['usdc', 'usdc'],
    [' plyr ', 'plyr'],
    ['wrapped.avax_v2-x', 'wrapped.avax_v2-x'],
  ];
  for (const [input, expected] of cases) {
    it(`accepts ${JSON.stringify(input) ?? 'undefined'} as ${String(expected)}`, () => {
      assert.deepEqual(parseTokenName(input), { ok: true, value: expected });
    });
  }

  it("normalises a token address to its checksummed form, which the server's strict isAddress takes", () => {
    const address = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    for (const typed of [address, address.toLowerCase(), `0x${address.slice(2).toUpperCase()}`, ` ${address} `]) {
      assert.deepEqual(parseTokenName(typed), { ok: true, value: address }, typed);
    }
  });

  it('refuses a mixed-case token address whose checksum fails, instead of sending what the server calls Invalid tokenName', () => {
    const result = parseTokenName('0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed');
    assert.deepEqual(result, { ok: false, message: 'This token address fails its EIP-55 checksum, so it may contain a typo (the PLYR API would answer "Invalid tokenName"). Check it, or type it in lower case.' });
  });
});

describe('parseTokenName: rejected', () => {
  it('says what is wrong first, then the rule: a row or a line cut where it runs out of room keeps the reason', () => {
    assert.deepEqual(parseTokenName('usd coin'), {
      ok: false,
      message: "In a token name, a space (U+0020) is not allowed. A token name uses letters, digits, '.', '_' and '-' and starts with a letter or digit.",
    });
    const start = parseTokenName('-gamr');
    assert.match(start.ok ? '' : start.message, /^At the start of a token name, '-' \(U\+002D\) is not allowed\. /);
  });

  const cases: [string, unknown, RegExp][] = [
    ['a path traversal', '../x', /'\.' \(U\+002E\) is not allowed/],
    ['a slash', 'a/b', /'\/' \(U\+002F\) is not allowed/],
    ['a query', '?', /'\?' \(U\+003F\) is not allowed/],
    ['a fragment', '#', /'#' \(U\+0023\) is not allowed/],
    ['a percent-encoding', '%2F', /'%' \(U\+0025\) is not allowed/],
    ['a Markdown command link', '[x](command:foo)', /'\[' \(U\+005B\) is not allowed/],
    ['a Cyrillic look-alike', 'g\u0430mr', /U\+0430 is not allowed/],
    ['the Kelvin sign', '\u212Aing', /U\+212A is not allowed/],
    ['a fullwidth name', '\uFF47\uFF41\uFF4D\uFF52', /U\+FF47 is not allowed/],
    ['a space inside', 'ga mr', /a space \(U\+0020\) is not allowed/],
    ['43 characters', 'a'.repeat(43), /at most 42 characters; this one has 43/],
    ['a very long name', 'a'.repeat(5000), /at most 42 characters/],
    ['a short token address', '0x1234', /0x followed by 40 hex digits/],
    ['a non-hex token address', `0x${'a'.repeat(39)}z`, /0x followed by 40 hex digits/],
    ['a number', 42, /must be text, not a number/],
    ['an object', {}, /must be text, not an object/],
    ['an array', ['gamr'], /must be text, not a list/],
    ['a boolean', true, /must be text, not a boolean/],
    // The server's TOKEN_LIST()[name] finds every object's constructor, then fails with a 500.
    ['constructor, in any case', 'Constructor', /"constructor" is not a token the PLYR API can look up/],
  ];
  for (const [label, input, pattern] of cases) {
    it(`rejects ${label}`, () => {
      const result = parseTokenName(input);
      assert.equal(result.ok, false);
      const message = result.ok ? '' : result.message;
      assert.match(message, pattern);
      assert.ok(!message.includes(']('));
      if (typeof input === 'string' && input.length > 1) {
        assert.ok(!message.includes(input), `message echoes the input: ${message}`);
      }
    });
  }
});
