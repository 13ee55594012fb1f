import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseCredentials, validateSecretText } from '../../src/core/api/credentials';
import { parseIdentifier, ParseResult } from '../../src/core/model/identifier';
import { MAX_TOKEN_FILTER, parseTokenFilter, parseTokenName } from '../../src/core/model/token';
import { addTracked, TrackedList, validateLabel } from '../../src/core/model/trackedList';
import { parseWatchList, WATCH_LIST_FILE } from '../../src/core/model/watchList';
import { credentialsArgument, Expectation, HOSTILE_INPUTS, HostileInput, literal, tokenFilter, tokenFilterEntry, whole, within } from '../support/hostileInputs';

/**
 * The bad-input matrix, validator side: the input boxes (Check Balance, Add Identifier and its
 * label, Rename, Set API Credentials, the token picker) validate with these pure functions, so
 * each one is fed every hostile input here. The integration suite feeds the same list to the
 * commands.
 */

const TRACKED: TrackedList = [{ id: 'player123', kind: 'plyrId' }];

interface Validator {
  readonly name: string;
  readonly check: (value: unknown) => ParseResult<unknown>;
  /** What it must do with an input: refuse it with this exact message, or accept it. */
  readonly expect: (input: HostileInput) => Expectation;
  /** Inputs it is not fed (values the format cannot carry). */
  readonly feeds?: (input: HostileInput) => boolean;
}

const watchListProblem = (result: { problems: readonly string[] }) => (result.problems.length === 0 ? { ok: true as const, value: undefined } : { ok: false as const, message: result.problems.join('\n') });

const VALIDATORS: readonly Validator[] = [
  { name: 'parseIdentifier (the Check Balance input box)', check: parseIdentifier, expect: (i) => i.identifier },
  { name: 'addTracked (the Add Identifier input box)', check: (v) => addTracked(TRACKED, v), expect: (i) => i.identifier },
  { name: "addTracked with a label (plyr.addIdentifier('tester-01', label))", check: (v) => addTracked(TRACKED, 'tester-01', v), expect: (i) => i.label },
  { name: 'parseTokenName (the token picker, the token argument)', check: parseTokenName, expect: (i) => i.token },
  { name: "parseTokenFilter(['gamr', value])", check: (v) => parseTokenFilter(['gamr', v]), expect: (i) => within(tokenFilterEntry(i), 'Token filter entry 2: ') },
  { name: 'parseTokenFilter(value)', check: parseTokenFilter, expect: tokenFilter },
  { name: 'validateLabel (the label and Rename input boxes)', check: validateLabel, expect: (i) => i.label },
  { name: "validateSecretText(value, 'API key') (the API key input box)", check: (v) => validateSecretText(v, 'API key'), expect: (i) => within(i.secret, 'The API key ') },
  { name: "validateSecretText(value, 'secret key') (the secret key input box)", check: (v) => validateSecretText(v, 'secret key'), expect: (i) => within(i.secret, 'The secret key ') },
  { name: 'parseCredentials({ apiKey: value, secretKey })', check: (v) => parseCredentials({ apiKey: v, secretKey: 'demo-secret' }), expect: (i) => within(i.secret, 'The API key ') },
  { name: 'parseCredentials({ apiKey, secretKey: value })', check: (v) => parseCredentials({ apiKey: 'demo-key', secretKey: v }), expect: (i) => within(i.secret, 'The secret key ') },
  { name: 'parseCredentials(value)', check: parseCredentials, expect: credentialsArgument, feeds: (i) => i.value !== undefined },
  {
    name: `a row of ${WATCH_LIST_FILE}`,
    check: (v) => watchListProblem(parseWatchList(JSON.stringify({ identifiers: [v] }))),
    expect: (i) => within(i.identifier, literal(`${WATCH_LIST_FILE}, entry 1: `).source),
    feeds: (i) => typeof i.value === 'string',
  },
  {
    name: `a label in ${WATCH_LIST_FILE}`,
    check: (v) => watchListProblem(parseWatchList(JSON.stringify({ identifiers: [{ id: 'player123', label: v }] }))),
    expect: (i) => within(i.label, literal(`${WATCH_LIST_FILE}, entry 1: `).source),
    feeds: (i) => typeof i.value === 'string',
  },
];

describe('bad-input matrix: every validator refuses each hostile input with its specific message', () => {
  for (const validator of VALIDATORS) {
    it(validator.name, () => {
      let refused = 0;
      for (const input of HOSTILE_INPUTS.filter(validator.feeds ?? (() => true))) {
        const expected = validator.expect(input);
        const result = validator.check(input.value);
        const what = `${validator.name} with ${input.name}`;
        if (expected === 'accepted') {
          assert.ok(result.ok, `${what}: expected it to be accepted, got: ${result.ok ? '' : result.message}`);
          continue;
        }
        refused++;
        assert.equal(result.ok, false, `${what}: expected a refusal matching ${expected}, and it was accepted`);
        const message = result.ok ? '' : result.message;
        assert.match(message, expected.source.startsWith('^') ? expected : whole(expected), `${what}: the message`);
        assert.ok(message.length < 250, `${what}: a ${message.length}-character message`);
        if (typeof input.value === 'string' && input.value.trim().length >= 4) {
          assert.ok(!message.includes(input.value) && !message.includes(input.value.trim()), `${what}: the message echoes the input: ${message}`);
        }
      }
      assert.ok(refused >= 5, `${validator.name}: only ${refused} of the hostile inputs were refused`);
    });
  }
});

describe('the validators changed for the bad-input matrix', () => {
  it('parseTokenFilter: normalises (names lower case, addresses checksummed) and de-duplicates names, keeps an empty list, and takes null for all tokens', () => {
    assert.deepEqual(parseTokenFilter(['GAMR', ' gamr ', 'usdc']), { ok: true, value: ['gamr', 'usdc'] });
    assert.deepEqual(parseTokenFilter([]), { ok: true, value: [] });
    assert.deepEqual(parseTokenFilter(null), { ok: true, value: undefined });
    const address = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    assert.deepEqual(parseTokenFilter([address.toLowerCase(), address]), { ok: true, value: [address] });
  });

  it('parseTokenFilter: refuses a list longer than the limit without looking at its entries, and a sparse list', () => {
    const result = parseTokenFilter(new Array(MAX_TOKEN_FILTER + 1).fill('gamr'));
    assert.deepEqual(result, { ok: false, message: `A token filter has at most ${MAX_TOKEN_FILTER} names; this one has ${MAX_TOKEN_FILTER + 1}.` });
    assert.ok(parseTokenFilter(new Array(MAX_TOKEN_FILTER).fill('gamr')).ok);
    // eslint-disable-next-line no-sparse-arrays -- a sparse list is the input under test
    assert.deepEqual(parseTokenFilter(['gamr', , 'usdc']), { ok: false, message: 'Token filter entry 2: A token name must be text, not undefined.' });
  });

  it('validateLabel: refuses control characters and bidirectional overrides, still folds whitespace and keeps other Unicode', () => {
    for (const c of ['\u0001', '\u001b', '\u007f', '\u0085', '\u202a', '\u202e', '\u2066', '\u2069']) {
      const result = validateLabel(`Treasury${c}x`);
      assert.equal(result.ok, false, `U+${c.codePointAt(0)?.toString(16)} accepted`);
    }
    assert.deepEqual(validateLabel('Main\r\n\twallet\u2028two'), { ok: true, value: 'Main wallet two' });
    assert.deepEqual(validateLabel('Treasury\ufeffx'), { ok: true, value: 'Treasury x' }, 'U+FEFF is whitespace to JavaScript: folded');
    // A mark or a flag's tags are taken (a stored group holding one must load): shown as � where they would mislead (safeText.ts).
    for (const text of ['Trésor ✓', 'صندوق', '👩‍💻 team', 'Caisse (old)', 'Scotland \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', 'Ops\u200eTeam']) {
      assert.deepEqual(validateLabel(text), { ok: true, value: text });
    }
  });

  it('parseCredentials: a list is not an object', () => {
    assert.deepEqual(parseCredentials(['demo-key', 'demo-secret']), { ok: false, message: 'Credentials must be an object { apiKey, secretKey }, not a list.' });
  });
});
