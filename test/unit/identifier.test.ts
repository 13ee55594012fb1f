import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { Identifier, parseIdentifier, toChecksumAddress } from '../../src/core/identifier';

function accepted(input: unknown): Identifier {
  const result = parseIdentifier(input);
  assert.ok(result.ok, `expected ${JSON.stringify(input)} to be accepted, got: ${result.ok ? '' : result.message}`);
  return result.value;
}

function rejected(input: unknown): string {
  const result = parseIdentifier(input);
  assert.equal(result.ok, false, `expected ${String(input)} to be rejected`);
  return result.ok ? '' : result.message;
}

// From EIP-55 (https://eips.ethereum.org/EIPS/eip-55), test cases.
const EIP55_VECTORS = [
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  '0x52908400098527886E0F7030069857D2E4169EE7',
  '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
  '0xde709f2102306220921060314715629080e2fb77',
  '0x27b1fdb04752bbc536007a920d24acb045561c26',
];

describe('parseIdentifier: PLYR IDs', () => {
  const cases: [string, string][] = [
    ['player123', 'player123'],
    ['Player123', 'player123'],
    ['PLAYER123', 'player123'],
    ['crypto-fennec', 'crypto-fennec'],
    ['  player123  ', 'player123'],
    ['abcde', 'abcde'],
    ['a'.repeat(64), 'a'.repeat(64)],
    ['a-b-c', 'a-b-c'],
    ['12345', '12345'],
  ];
  for (const [input, expected] of cases) {
    it(`accepts ${JSON.stringify(input)} as ${expected}`, () => {
      assert.deepEqual(accepted(input), { kind: 'plyrId', value: expected });
    });
  }
});

describe('parseIdentifier: addresses', () => {
  const checksummed = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
  const hex = checksummed.slice(2);

  it('checksums a lower-case address', () => {
    assert.deepEqual(accepted(`0x${hex.toLowerCase()}`), { kind: 'address', value: checksummed, checksumMatches: true });
  });

  it('checksums an upper-case address', () => {
    assert.deepEqual(accepted(`0x${hex.toUpperCase()}`), { kind: 'address', value: checksummed, checksumMatches: true });
  });

  it('accepts a correctly checksummed address', () => {
    assert.deepEqual(accepted(checksummed), { kind: 'address', value: checksummed, checksumMatches: true });
  });

  it('accepts an upper-case 0X prefix', () => {
    assert.deepEqual(accepted(`0X${hex}`), { kind: 'address', value: checksummed, checksumMatches: true });
  });

  it('flags a mixed-case address whose checksum does not match', () => {
    // Flip the case of the first letter ('a' -> 'A').
    const index = [...hex].findIndex((c) => /[a-fA-F]/.test(c));
    const c = hex[index];
    const flipped = hex.slice(0, index) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + hex.slice(index + 1);
    assert.notEqual(flipped, hex);
    assert.deepEqual(accepted(`0x${flipped}`), { kind: 'address', value: checksummed, checksumMatches: false });
  });

  for (const vector of EIP55_VECTORS) {
    it(`toChecksumAddress matches the EIP-55 vector ${vector}`, () => {
      assert.equal(toChecksumAddress(vector.slice(2).toLowerCase()), vector);
      assert.equal(toChecksumAddress(vector.slice(2).toUpperCase()), vector);
      const parsed = accepted(vector.toLowerCase());
      assert.equal(parsed.value, vector);
    });
  }
});

describe('parseIdentifier: rejections', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a path traversal', '../x', /'\.' \(U\+002E\) is not allowed/],
    ['a slash', 'a/b', /'\/' \(U\+002F\) is not allowed/],
    ['a query', '?x=1', /'\?' \(U\+003F\) is not allowed/],
    ['a fragment', '#', /'#' \(U\+0023\) is not allowed/],
    ['a percent-encoding', '%2F', /'%' \(U\+0025\) is not allowed/],
    ['a space', 'player 123', /a space \(U\+0020\) is not allowed/],
    ['a Cyrillic a', 'pl\u0430yer123', /U\+0430 is not allowed/],
    ['the Kelvin sign', 'player\u212A1', /U\+212A is not allowed/],
    ['fullwidth letters', '\uFF50\uFF4C\uFF59\uFF52\uFF11', /U\+FF50 is not allowed/],
    ['fullwidth digits', 'player\uFF11\uFF12\uFF13', /U\+FF11 is not allowed/],
    ['a zero-width space', 'player\u200B123', /U\+200B is not allowed/],
    ['a newline inside', 'play\ner123', /U\+000A is not allowed/],
    ['an emoji', 'player\u{1F600}', /U\+1F600 is not allowed/],
    ['a Markdown link', '[x](command:foo)', /'\[' \(U\+005B\) is not allowed/],
    ['the empty string', '', /Enter a PLYR ID/],
    ['only spaces', '   ', /Enter a PLYR ID/],
    ['a 10000-character string', 'a'.repeat(10000), /10000 characters long/],
    ['a 4-character ID', 'abcd', /5 to 64 characters; this one has 4/],
    ['a 65-character ID', 'a'.repeat(65), /5 to 64 characters; this one has 65/],
    ['a leading hyphen', '-abcde', /starts and ends with a letter or digit/],
    ['a trailing hyphen', 'abcde-', /starts and ends with a letter or digit/],
    ['a double hyphen', 'ab--cd', /cannot contain '--'/],
    ['a short address', '0x123', /too short: it has 3 hex digits/],
    ['a 41-digit address', `0x${'a'.repeat(41)}`, /too long: it has 41 hex digits/],
    ['a non-hex address', `0x${'a'.repeat(39)}g`, /malformed: 'g' \(U\+0067\) is not a hex digit/],
    ['a bare 0x', '0x', /too short: it has 0 hex digits/],
    ['a number', 42, /must be text, not a number/],
    ['an object', {}, /must be text, not an object/],
    ['null', null, /must be text, not null/],
    ['undefined', undefined, /must be text, not undefined\.$/],
    ['an array', [], /must be text, not a list/],
  ];
  for (const [label, input, pattern] of cases) {
    it(`rejects ${label}`, () => {
      const message = rejected(input);
      assert.match(message, pattern);
      assert.ok(!/\[[^\]]*\]\(/.test(message), `message has a Markdown link: ${message}`);
      assert.ok(!message.includes(']('), `message has "](": ${message}`);
    });
  }

  it('does not echo a very long input', () => {
    const input = 'a'.repeat(10000);
    const message = rejected(input);
    assert.ok(!message.includes('a'.repeat(100)));
    assert.ok(message.length < 200);
  });

  it('never echoes a hostile input back', () => {
    for (const input of ['[x](command:workbench.action.closeWindow)', '<img src=x onerror=alert(1)>', '../../etc/passwd']) {
      const message = rejected(input);
      assert.ok(!message.includes(input));
      assert.ok(!message.includes(']('));
      assert.ok(!message.includes('<img'));
    }
  });
});
