import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { MAX_WATCHED, parseWatchList, withShared } from '../../src/core/model/watchList';

const ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';

describe('parseWatchList (.vscode/plyr.json)', () => {
  it('reads PLYR IDs and addresses, bare or with a label, normalised', () => {
    const list = parseWatchList(JSON.stringify({ identifiers: ['Player123', { id: ADDRESS.toLowerCase(), label: '  Treasury ' }] }));
    assert.deepEqual(list.problems, []);
    assert.deepEqual(list.entries, [
      { id: 'player123', kind: 'plyrId' },
      { id: ADDRESS, kind: 'address', label: 'Treasury' },
    ]);
  });

  it('reads an entry\'s group (a folder inside the Workspace group), checked like a group name', () => {
    const list = parseWatchList(JSON.stringify({ identifiers: [{ id: 'player123', group: '  Studio  wallets ' }, { id: 'zero-hero', group: '' }, { id: 'tester-01', group: 'bad\u202egroup' }] }));
    assert.deepEqual(list.entries, [{ id: 'player123', kind: 'plyrId', group: 'Studio wallets' }]);
    assert.match(list.problems[0], /entry 2: A group needs a name/);
    assert.match(list.problems[1], /entry 3: A group name cannot contain/);
  });

  it('keeps the good rows and names each bad one with its number and reason', () => {
    const list = parseWatchList(JSON.stringify({ identifiers: ['player123', 'not valid!', 42, { id: 'zero-hero', label: 7 }, 'PLAYER123'] }));
    assert.deepEqual(list.entries.map((e) => e.id), ['player123']);
    assert.equal(list.problems.length, 4);
    assert.match(list.problems[0], /entry 2: /);
    assert.match(list.problems[1], /entry 3: expected an identifier .* not a number/);
    assert.match(list.problems[2], /entry 4: A label must be text/);
    assert.match(list.problems[3], /entry 5: PLAYER123 is player123, listed already; the first one is kept\.$/);
  });

  it('names a repeated row as written, and says why a mistyped copy of an address is the same wallet', () => {
    const treasury = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
    const list = parseWatchList(JSON.stringify({ identifiers: [treasury, 'player123', { id: '0x742d35cC6634C0532925a3b844Bc454e4438f44e' }, 'player123'] }));
    assert.deepEqual(list.entries.map((e) => e.id), [treasury, 'player123']);
    assert.equal(list.problems.length, 2);
    assert.match(list.problems[0], /entry 3: 0x742d35cC6634C0532925a3b844Bc454e4438f44e is 0x742d35Cc6634C0532925a3b844Bc454e4438f44e, listed already; the first one is kept\. .*fails its EIP-55 checksum/);
    assert.match(list.problems[1], /entry 4: player123 is listed twice; the first one is kept\.$/);
  });

  it('takes a mixed-case address whose checksum fails, as Import does, with a warning naming its entry', () => {
    // The treasury wallet with one letter's case wrong.
    const list = parseWatchList(JSON.stringify({ identifiers: ['player123', { id: '0x742d35cC6634C0532925a3b844Bc454e4438f44e', label: 'Treasury' }] }));
    assert.deepEqual(list.entries.map((e) => e.id), ['player123', '0x742d35Cc6634C0532925a3b844Bc454e4438f44e']);
    assert.equal(list.problems.length, 1);
    assert.match(list.problems[0], /entry 2: .*fails its EIP-55 checksum/);
    assert.deepEqual(parseWatchList(JSON.stringify({ identifiers: ['0x742d35cc6634c0532925a3b844bc454e4438f44e'] })).problems, [], 'all lower case carries no checksum: nothing to warn of');
  });

  it('refuses the whole file when a field looks like a credential, at any depth', () => {
    // Nested 1,000 deep too: nothing is too deep to check (a walk, not a recursion with a cap).
    const deep = `{"identifiers":["player123"],"extra":${'{"a":'.repeat(1_000)}{"apiKey":"k"}${'}'.repeat(1_000)}}`;
    for (const text of [{ identifiers: ['player123'], apiKey: 'k' }, { identifiers: [{ id: 'player123', secretKey: 's' }] }].map((data) => JSON.stringify(data)).concat(deep)) {
      const list = parseWatchList(text);
      assert.deepEqual(list.entries, []);
      assert.equal(list.problems.length, 1);
      assert.match(list.problems[0], /Credentials never go in this file/);
      assert.doesNotMatch(list.problems[0], /"k"|"s"/, 'the value itself is never repeated');
    }
  });

  it('says what is wrong with a file that is not a watch-list', () => {
    assert.match(parseWatchList('{ "identifiers": [').problems[0], /is not valid JSON/);
    for (const text of ['[]', 'null', '{}', '{"identifiers": "player123"}']) {
      const list = parseWatchList(text);
      assert.deepEqual(list.entries, [], text);
      assert.match(list.problems[0], /must be an object with an "identifiers" list/, text);
    }
  });

  it(`shows at most ${MAX_WATCHED} identifiers, and says so`, () => {
    const ids = Array.from({ length: MAX_WATCHED + 3 }, (_, i) => `player-${i}`);
    const list = parseWatchList(JSON.stringify({ identifiers: ids }));
    assert.equal(list.entries.length, MAX_WATCHED);
    assert.match(list.problems.at(-1) ?? '', new RegExp(`lists ${MAX_WATCHED + 3} identifiers; the first ${MAX_WATCHED} are shown`));
  });

  it('is not fooled by __proto__ keys', () => {
    const list = parseWatchList('{"identifiers": ["player123"], "__proto__": {"identifiers": []}}');
    assert.deepEqual(list.entries.map((e) => e.id), ['player123']);
  });
});

describe('withShared (Share to Workspace File)', () => {
  const shared = [
    { id: 'player123', kind: 'plyrId' as const, label: 'Test player' },
    { id: 'crypto-fennec', kind: 'plyrId' as const },
  ];

  it('starts a file, or appends to one, keeping its other fields and skipping what it lists', () => {
    const fresh = withShared(undefined, shared);
    assert.ok(fresh.ok);
    assert.deepEqual(JSON.parse(fresh.value.text), { identifiers: [{ id: 'player123', label: 'Test player' }, 'crypto-fennec'] });
    const appended = withShared(JSON.stringify({ $schema: 'x', identifiers: ['Player123', 'zero-hero'] }), shared);
    assert.ok(appended.ok);
    assert.deepEqual(appended.value.added, ['crypto-fennec']);
    assert.deepEqual(JSON.parse(appended.value.text), { $schema: 'x', identifiers: ['Player123', 'zero-hero', 'crypto-fennec'] });
  });

  it('shares an identifier handed over twice once', () => {
    const twice = withShared(undefined, [...shared, shared[0], { ...shared[1] }]);
    assert.ok(twice.ok);
    assert.deepEqual(twice.value.added, ['player123', 'crypto-fennec']);
    assert.deepEqual(JSON.parse(twice.value.text), { identifiers: [{ id: 'player123', label: 'Test player' }, 'crypto-fennec'] });
  });

  it('keeps the indentation and line ends of the file it appends to', () => {
    const tabs = withShared('{\r\n\t"identifiers": [\r\n\t\t"zero-hero"\r\n\t]\r\n}\r\n', shared);
    assert.ok(tabs.ok);
    assert.equal(tabs.value.text, '{\r\n\t"identifiers": [\r\n\t\t"zero-hero",\r\n\t\t{\r\n\t\t\t"id": "player123",\r\n\t\t\t"label": "Test player"\r\n\t\t},\r\n\t\t"crypto-fennec"\r\n\t]\r\n}\r\n');
    const four = withShared('{\n    "identifiers": []\n}\n', shared.slice(1));
    assert.ok(four.ok);
    assert.equal(four.value.text, '{\n    "identifiers": [\n        "crypto-fennec"\n    ]\n}\n');
  });

  it('counts what does not fit past the limit, rather than leaving it out unsaid', () => {
    const full = JSON.stringify({ identifiers: Array.from({ length: MAX_WATCHED - 1 }, (_, i) => `member-${i}`) });
    const result = withShared(full, shared);
    assert.ok(result.ok);
    assert.deepEqual([result.value.added, result.value.leftOut], [['player123'], 1]);
    const none = withShared(JSON.stringify({ identifiers: Array.from({ length: MAX_WATCHED }, (_, i) => `member-${i}`) }), shared);
    assert.ok(none.ok);
    assert.deepEqual([none.value.added, none.value.leftOut], [[], 2]);
  });

  it('never rewrites a file it cannot read as a watch-list', () => {
    for (const text of ['{not json', JSON.stringify({ identifiers: [], secretKey: 'x' }), JSON.stringify(['player123'])]) {
      const result = withShared(text, shared);
      assert.equal(result.ok, false, text);
    }
  });
});

