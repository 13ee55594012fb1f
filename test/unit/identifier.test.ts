import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addressLookalike, Identifier, identifierWarning, notAnAddressEither, parseIdentifier, parsePlyrIdOnly, toChecksumAddress } from '../../src/core/model/identifier';

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
    ['0xgamer', '0xgamer'],
    ['0XGamer', '0xgamer'],
    ['1x2y3', '1x2y3'],
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

  it('refuses an upper-case 0X prefix: lower-cased as an ID it would read as the address again', () => {
    assert.match(rejected(`0X${hex}`), /starts with a lower-case 0x: write 0x, not 0X/);
    assert.match(rejected(`0X${hex.toUpperCase()}`), /write 0x, not 0X/);
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
    ['a short address that is no ID either', '0x12', /too short: it has 2 hex digits/],
    ['a 64-digit hex string (a hash, not an address)', `0x${'a'.repeat(64)}`, /too long: it has 64 hex digits/],
    ['a bare 0x', '0x', /0x alone is neither a wallet address .* nor a PLYR ID/],
    ['a bare 0X', '0X', /0x alone is neither/],
    ['digits only', '12345', /at least one letter/],
    ['a 0x string with a character no ID has', '0x_gamer', /'_' \(U\+005F\) is not allowed/],
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

/** The real server's order: viem's strict isAddress, then verifyPlyrid (plyr-api.md, "Identifiers"). */
describe('parseIdentifier: 0x strings as the real server reads them', () => {
  const hex40 = '5aaeb6053f3e94c9b9a09f33669435e7ef1beaed';

  it('reads 0xgamer as a PLYR ID, not as a malformed address', () => {
    assert.deepEqual(accepted('0xgamer'), { kind: 'plyrId', value: '0xgamer' });
    assert.equal(identifierWarning(accepted('0xgamer')), undefined);
  });

  it('reads 0x + 39 or 41 hex digits as a PLYR ID that looks like a mistyped address, and says so', () => {
    for (const digits of [38, 39, 41, 42]) {
      const text = `0x${'a'.repeat(digits)}`;
      assert.deepEqual(accepted(text), { kind: 'plyrId', value: text });
      assert.deepEqual(addressLookalike(text), { hexDigits: digits });
      assert.equal(identifierWarning(accepted(text)), `Read as a PLYR ID: a wallet address has 40 hex digits after 0x, and this has ${digits}.`);
      assert.equal(notAnAddressEither({ hexDigits: digits }), `It is not a valid wallet address either: it has ${digits} hex digits after 0x, and an address has 40.`);
    }
    assert.equal(addressLookalike('0xgamer'), undefined);
    assert.equal(addressLookalike(`0x${'a'.repeat(37)}`), undefined);
    assert.equal(addressLookalike(`0x${'a'.repeat(43)}`), undefined);
  });

  it('reads 0x + 38 to 42 characters, a few not hex, as a PLYR ID that looks like a mistyped address, naming the first such character and its place', () => {
    // The treasury wallet mistyped: "…f44e" typed "…f4g", 39 characters after 0x, the 39th a 'g'.
    const text = '0x742d35Cc6634C0532925a3b844Bc454e4438f4g';
    assert.deepEqual(accepted(text), { kind: 'plyrId', value: text.toLowerCase() });
    assert.deepEqual(addressLookalike(text.toLowerCase()), { characters: 39, notHex: 'g', at: 39 });
    assert.equal(
      identifierWarning(accepted(text)),
      "Read as a PLYR ID: a wallet address has 40 hex digits after 0x; this has 39 characters, and 'g' (U+0067), character 39, is not a hex digit.",
    );
    assert.equal(
      notAnAddressEither({ characters: 39, notHex: 'g', at: 39 }),
      "It is not a valid wallet address either: it has 39 characters after 0x, and 'g' (U+0067), character 39, is not a hex digit.",
    );
    // 40 characters, the right count: the first that is not hex, of a few (a hyphen is one too).
    const forty = `0x${'a'.repeat(5)}l${'b'.repeat(10)}-${'c'.repeat(23)}`;
    assert.equal(identifierWarning(accepted(forty)), "Read as a PLYR ID: a wallet address has 40 hex digits after 0x; this has 40 characters, and 'l' (U+006C), character 6, is not a hex digit.");
    for (const characters of [38, 42]) {
      assert.deepEqual(addressLookalike(`0x${'a'.repeat(characters - 1)}g`), { characters, notHex: 'g', at: characters });
    }
  });

  it('reads 0x + many characters not hex, or too few or too many characters, as a plain PLYR ID: a name of its own, not a typo', () => {
    for (const text of ['0xgamer-with-a-name-of-exactly-forty-chars', `0xk${'a'.repeat(35)}ghij`, `0x${'a'.repeat(36)}g`, `0x${'a'.repeat(42)}g`]) {
      assert.deepEqual(accepted(text), { kind: 'plyrId', value: text }, text);
      assert.equal(addressLookalike(text), undefined, text);
      assert.equal(identifierWarning(accepted(text)), undefined, text);
    }
  });

  it('takes an all-upper-case address as the address, sent checksummed (viem refuses it as typed)', () => {
    assert.deepEqual(accepted(`0x${hex40.toUpperCase()}`), { kind: 'address', value: toChecksumAddress(hex40), checksumMatches: true });
  });

  it('flags mixed case with a wrong checksum as a probable typo, and a valid address not at all', () => {
    const checksummed = toChecksumAddress(hex40);
    const typo = `0x${checksummed.slice(2, 4).toLowerCase() === checksummed.slice(2, 4) ? checksummed.slice(2, 4).toUpperCase() : checksummed.slice(2, 4).toLowerCase()}${checksummed.slice(4)}`;
    assert.match(identifierWarning(accepted(typo)) ?? '', /fails its EIP-55 checksum: it may contain a typo/);
    assert.equal(identifierWarning(accepted(checksummed)), undefined);
    assert.equal(identifierWarning(accepted('player123')), undefined);
  });

  it('takes a 64-character ID and refuses 65', () => {
    assert.deepEqual(accepted(`0x${'g'.repeat(62)}`), { kind: 'plyrId', value: `0x${'g'.repeat(62)}` });
    assert.match(rejected(`0x${'g'.repeat(63)}`), /5 to 64 characters; this one has 65/);
  });
});

describe('parsePlyrIdOnly: a PLYR ID the server sends', () => {
  it('takes IDs that start with 0x, lower-cased', () => {
    assert.equal(parsePlyrIdOnly('0xgamer'), '0xgamer');
    assert.equal(parsePlyrIdOnly('Player123'), 'player123');
  });

  it('refuses what is not an ID, whatever it looks like', () => {
    for (const value of ['0x', 'abc', '12345', 'a--b-c', '[x](command:git.push)', 'a'.repeat(65), 42, null, undefined, {}]) {
      assert.equal(parsePlyrIdOnly(value), undefined, String(value));
    }
  });
});

describe("the watch-list schema's identifier patterns", () => {
  // What the editor checks in .vscode/plyr.json must agree with what the extension takes.
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../schemas/plyr.schema.json'), 'utf8')) as { definitions: { identifier: { anyOf: { pattern: string }[] } } };
  const patterns = schema.definitions.identifier.anyOf.map((p) => new RegExp(p.pattern));
  const inputs = ['player123', 'crypto-fennec', '0xgamer', '0XGamer', '0x', '0x12', '12345', 'abcd', 'a'.repeat(64), 'a'.repeat(65), 'a--b-c', '-abcde', `0x${'a'.repeat(39)}`, `0x${'a'.repeat(40)}`, `0X${'a'.repeat(40)}`, `0x${'A'.repeat(40)}`, `0x${'a'.repeat(41)}`, `0x${'a'.repeat(64)}`, '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'];
  for (const input of inputs) {
    it(`agrees with parseIdentifier on ${input.length > 20 ? `${input.slice(0, 8)}… (${input.length})` : input}`, () => {
      assert.equal(patterns.some((p) => p.test(input)), parseIdentifier(input).ok);
    });
  }
});
