/**
 * The bad-input matrix (issue 6): one list of hostile inputs, each with what every validator must
 * say about it. Plain data, no vscode: the unit tests feed it to the validators the input boxes
 * use (test/unit/badInput.test.ts), the integration suite to every command that takes an argument
 * (test/integration/badInput.test.ts).
 *
 * Each column holds the exact message (English, as a pattern to anchor) or 'accepted' when the
 * value is a legitimate input for that validator (an empty token means all tokens, a path is a
 * fine label, …).
 */

/** A rejection's exact message, or 'accepted'. */
export type Expectation = RegExp | 'accepted';

export interface HostileInput {
  /** Short and printable, for test titles and failure messages. */
  readonly name: string;
  readonly value: unknown;
  /** How the extension names the value's type in "must be text, not …" (describeType). */
  readonly type: string;
  /** As a PLYR ID or wallet address (parseIdentifier): every identifier argument and input box. */
  readonly identifier: Expectation;
  /** As a token name (parseTokenName): Check Balance's token argument and the token picker. */
  readonly token: Expectation;
  /** As a row label (validateLabel): Add Identifier's second step, Rename. */
  readonly label: Expectation;
  /** As an API key or secret key (validateSecretText), after "The API key " or "The secret key ". */
  readonly secret: Expectation;
}

/** A pattern matching exactly `text` (anchor it with {@link whole}). */
export function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** `pattern` as the whole message, optionally between a prefix and a suffix (patterns too). */
export function whole(pattern: RegExp, prefix = '', suffix = ''): RegExp {
  return new RegExp(`^${prefix}(?:${pattern.source})${suffix}$`);
}

// The messages, per validator and kind of fault.
const identifier = {
  type: (type: string) => literal(`An identifier must be text, not ${type}.`),
  empty: literal('Enter a PLYR ID (such as player123) or a 0x wallet address.'),
  huge: (length: number) => literal(`That is ${length} characters long; a PLYR ID has at most 64 and an address 42.`),
  char: (shown: string) => literal(`A PLYR ID uses only letters, digits and '-': ${shown} is not allowed.`),
  length: (length: number) => literal(`A PLYR ID has 5 to 64 characters; this one has ${length}.`),
  hyphenEnds: literal("A PLYR ID starts and ends with a letter or digit, not '-'."),
  doubleHyphen: literal("A PLYR ID cannot contain '--'."),
  bare: literal('0x alone is neither a wallet address (0x and 40 hex digits) nor a PLYR ID.'),
  capitalX: literal('A wallet address starts with a lower-case 0x: write 0x, not 0X.'),
  short: (digits: number) => literal(`This wallet address is too short: it has ${digits} hex digits after 0x, and an address has 40.`),
  long: (digits: number) => literal(`This wallet address is too long: it has ${digits} hex digits after 0x, and an address has 40.`),
};
const token = {
  type: (type: string) => literal(`A token name must be text, not ${type}.`),
  long: (length: number) => literal(`A token name has at most 42 characters; this one has ${length}.`),
  char: (shown: string) => literal(`In a token name, ${shown} is not allowed. A token name uses letters, digits, '.', '_' and '-' and starts with a letter or digit.`),
  start: (shown: string) => literal(`At the start of a token name, ${shown} is not allowed. A token name uses letters, digits, '.', '_' and '-' and starts with a letter or digit.`),
  address: literal('A token address is 0x followed by 40 hex digits.'),
};
const label = {
  type: (type: string) => literal(`A label must be text, not ${type}.`),
  long: (length: number) => literal(`A label has at most 60 characters; this one has ${length}.`),
  char: (shown: string) => literal(`A label cannot contain ${shown}.`),
};
const secret = {
  type: (type: string) => literal(`must be text, not ${type}.`),
  empty: literal('cannot be empty.'),
  long: literal('is longer than 512 characters.'),
  ascii: literal('can only contain visible ASCII characters, without spaces.'),
};

/** A value of the wrong type: every validator names the type. */
function wrongType(name: string, value: unknown, type: string): HostileInput {
  return { name, value, type, identifier: identifier.type(type), token: token.type(type), label: label.type(type), secret: secret.type(type) };
}

/** A string with a character no identifier or token may hold; fine as a label, and as a secret when printable ASCII. */
function badCharacter(name: string, value: string, shown: string, more: Partial<HostileInput> = {}): HostileInput {
  return { name, value, type: 'a string', identifier: identifier.char(shown), token: token.char(shown), label: 'accepted', secret: 'accepted', ...more };
}

/** Not printable ASCII: refused as a secret too. */
const notAscii = { secret: secret.ascii };

/** A string far too long for anything: refused by length, never echoed. */
function huge(char: string, length: number): HostileInput {
  const value = char.repeat(length);
  return { name: `'${char}' × ${length}`, value, type: 'a string', identifier: identifier.huge(length), token: token.long(length), label: label.long(length), secret: secret.long };
}

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  // Wrong types.
  wrongType('the number 42', 42, 'a number'),
  wrongType('NaN', Number.NaN, 'a number'),
  wrongType('the bigint 1n', 1n, 'a bigint'),
  wrongType('true', true, 'a boolean'),
  wrongType("the object { identifier: 'player123' }", { identifier: 'player123' }, 'an object'),
  wrongType("new String('player123')", new String('player123'), 'an object'),
  wrongType("an object whose toString() is 'player123'", { toString: () => 'player123' }, 'an object'),
  wrongType("the list ['player123']", ['player123'], 'a list'),
  wrongType('the empty list []', [], 'a list'),
  wrongType("Symbol('player123')", Symbol('player123'), 'a symbol'),
  wrongType("a function returning 'player123'", () => 'player123', 'a function'),
  // No value: all tokens, no label; never an identifier or a secret.
  { name: 'null', value: null, type: 'null', identifier: identifier.type('null'), token: 'accepted', label: 'accepted', secret: secret.type('null') },
  { name: 'undefined', value: undefined, type: 'undefined', identifier: identifier.type('undefined'), token: 'accepted', label: 'accepted', secret: secret.type('undefined') },
  { name: "''", value: '', type: 'a string', identifier: identifier.empty, token: 'accepted', label: 'accepted', secret: secret.empty },
  { name: "' \\t '", value: ' \t ', type: 'a string', identifier: identifier.empty, token: 'accepted', label: 'accepted', secret: secret.empty },
  // Path and query characters: never part of a URL.
  badCharacter("'../x'", '../x', "'.' (U+002E)", { token: token.start("'.' (U+002E)") }),
  badCharacter("'../plyr'", '../plyr', "'.' (U+002E)", { token: token.start("'.' (U+002E)") }),
  badCharacter("'a/b'", 'a/b', "'/' (U+002F)"),
  badCharacter("'?x=1'", '?x=1', "'?' (U+003F)"),
  badCharacter("'gamr?x'", 'gamr?x', "'?' (U+003F)"),
  badCharacter("'#'", '#', "'#' (U+0023)"),
  badCharacter("'%2F'", '%2F', "'%' (U+0025)"),
  badCharacter("'[x](command:workbench.action.closeWindow)'", '[x](command:workbench.action.closeWindow)', "'[' (U+005B)"),
  // The other ways text can carry a command link (issue 15): an autolink, a bare URI, a reference link.
  badCharacter("'<command:git.push>'", '<command:git.push>', "'<' (U+003C)"),
  badCharacter("'command:git.push'", 'command:git.push', "':' (U+003A)"),
  badCharacter("'[x][r] [r]: command:git.push'", '[x][r] [r]: command:git.push', "'[' (U+005B)", notAscii),
  badCharacter("'player 123'", 'player 123', 'a space (U+0020)', notAscii),
  badCharacter("'key\\r\\nX-Injected: 1'", 'key\r\nX-Injected: 1', 'the character U+000D', notAscii),
  badCharacter("'player\\u0000'", 'player\u0000', 'the character U+0000', { ...notAscii, label: label.char('the character U+0000') }),
  // Unicode look-alikes: refused, never folded to the ASCII they resemble.
  badCharacter("'plаyer123' (Cyrillic а)", 'plаyer123', 'the character U+0430', notAscii),
  badCharacter("'player\\u212a1' (Kelvin sign)", 'player\u212a1', 'the character U+212A', notAscii),
  badCharacter("'ｐｌａｙｅｒ１２３' (full width)", 'ｐｌａｙｅｒ１２３', 'the character U+FF50', notAscii),
  badCharacter("'player\\u200b123' (zero-width space)", 'player\u200b123', 'the character U+200B', notAscii),
  badCharacter("'player\\u202e321' (right-to-left override)", 'player\u202e321', 'the character U+202E', { ...notAscii, label: label.char('the character U+202E') }),
  // Addresses that are not, and are no PLYR ID either (a PLYR ID may start with 0x: '0xgamer',
  // '0x123' and 0x + 41 hex digits are IDs, see test/unit/identifier.test.ts).
  { name: "'0x'", value: '0x', type: 'a string', identifier: identifier.bare, token: token.address, label: 'accepted', secret: 'accepted' },
  { name: "'0x12'", value: '0x12', type: 'a string', identifier: identifier.short(2), token: token.address, label: 'accepted', secret: 'accepted' },
  { name: "'0x' + 'g' × 39 + '!'", value: `0x${'g'.repeat(39)}!`, type: 'a string', identifier: identifier.char("'!' (U+0021)"), token: token.address, label: 'accepted', secret: 'accepted' },
  { name: "'0x' + 'a' × 63", value: `0x${'a'.repeat(63)}`, type: 'a string', identifier: identifier.long(63), token: token.long(65), label: label.long(65), secret: 'accepted' },
  { name: "'0X' + 40 hex digits", value: `0X${'a'.repeat(40)}`, type: 'a string', identifier: identifier.capitalX, token: token.address, label: 'accepted', secret: 'accepted' },
  // PLYR IDs of the wrong shape, some of them fine as other things.
  { name: "'abcd'", value: 'abcd', type: 'a string', identifier: identifier.length(4), token: 'accepted', label: 'accepted', secret: 'accepted' },
  { name: "'-player'", value: '-player', type: 'a string', identifier: identifier.hyphenEnds, token: token.start("'-' (U+002D)"), label: 'accepted', secret: 'accepted' },
  { name: "'play--er'", value: 'play--er', type: 'a string', identifier: identifier.doubleHyphen, token: 'accepted', label: 'accepted', secret: 'accepted' },
  { name: "'a' × 65", value: 'a'.repeat(65), type: 'a string', identifier: identifier.length(65), token: token.long(65), label: label.long(65), secret: 'accepted' },
  { name: "'x' × 61", value: 'x'.repeat(61), type: 'a string', identifier: 'accepted', token: token.long(61), label: label.long(61), secret: 'accepted' },
  // Very long strings.
  huge('a', 1000),
  huge('x', 10_000),
];


// Derived expectations: what the commands that take composite arguments say about an input.

/** The column's pattern as the whole message between a prefix and a suffix (patterns); 'accepted' stays. */
export function within(expectation: Expectation, prefix: string, suffix = ''): Expectation {
  return expectation === 'accepted' ? expectation : whole(expectation, prefix, suffix);
}

/** One entry of a token filter: as a lone token, except that no name (null, blank) is not "all tokens". */
export function tokenFilterEntry(input: HostileInput): Expectation {
  if (input.token !== 'accepted') {
    return input.token;
  }
  if (input.value === null || input.value === undefined) {
    return literal(`A token name must be text, not ${input.type}.`);
  }
  return typeof input.value === 'string' && input.value.trim() === '' ? literal('A token name cannot be empty.') : 'accepted';
}

/** A whole token filter (`plyr.filterTokens(row, value)`): a list of names, or null for all tokens. */
export function tokenFilter(input: HostileInput): Expectation {
  const { value } = input;
  if (value === null || value === undefined) {
    return 'accepted';
  }
  if (Array.isArray(value)) {
    // The table's lists hold plain names or nothing, fine filters; any other entry would be named.
    const bad = value.findIndex((entry) => typeof entry !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,41}$/.test(entry));
    return bad < 0 ? 'accepted' : new RegExp(`^Token filter entry ${bad + 1}: `);
  }
  return literal(`Token filters are a list of token names, or null for all tokens, not ${input.type}.`);
}

/** The whole argument of `plyr.setCredentials(value)`: an object is read field by field, anything else is refused whole. */
export function credentialsArgument(input: HostileInput): Expectation {
  const { value } = input;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return literal('The API key must be text, not undefined.');
  }
  return literal(`Credentials must be an object { apiKey, secretKey }, not ${input.type}.`);
}
