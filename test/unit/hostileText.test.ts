import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { runDoctor } from '../../src/core/content/doctor';
import { escapeMarkdown } from '../../src/core/content/markdown';
import { inertText, oneLine, quoted, withoutCommandUris, withoutIcons, withoutLinks, withoutSecrets } from '../../src/core/model/safeText';
import { parseImport } from '../../src/core/model/listTransfer';
import { parseWatchList, withShared } from '../../src/core/model/watchList';

/** Link payloads a cloned repository, a setting or a server may carry (issue 15, item 1). */
export const LINK_PAYLOADS = ['[key](command:git.push)', '[x](command:workbench.action.terminal.new)', '<command:git.push>', 'command:git.push', '[x][ref]\n[ref]: command:git.push', '[x] (command:git.push)'];

/** No live link: no `](` or `][`, and `command:` only inside inline code. */
function assertInert(message: string, what: string): void {
  assert.ok(!message.includes(']('), `${what}: "](" in ${message}`);
  assert.ok(!/\]\s*[([]/.test(message), `${what}: a link in ${message}`);
  const outsideCode = message.replace(/`[^`]*`/g, '');
  assert.ok(!/command:/i.test(outsideCode), `${what}: command: outside inline code in ${message}`);
  assert.ok(!/\$\(/.test(message), `${what}: a theme icon in ${message}`);
}

describe('quoted: outside text inside a message', () => {
  for (const payload of [...LINK_PAYLOADS, '$(verified) trusted', '`code` and more']) {
    it(`makes ${JSON.stringify(payload)} inert`, () => {
      const text = quoted(payload);
      assertInert(text, payload);
      assert.match(text, /^'[^\n]*'$/, 'one line in single quotes');
    });
  }

  it('keeps it on one line, short, without bidi controls', () => {
    assert.equal(quoted('a\nb\u202Ec\u2066d'), "'a b\uFFFDc\uFFFDd'");
    assert.equal(quoted('x'.repeat(500), 10), `'${'x'.repeat(9)}…'`);
  });
});

describe('a watch-list field named like a link (issue 15, item 1)', () => {
  for (const payload of LINK_PAYLOADS) {
    it(`refuses ${JSON.stringify(payload)} with an inert message, in parseWatchList and in Share to Workspace File`, () => {
      const file = JSON.stringify({ [payload.replace('command', 'key command')]: 1, identifiers: [] });
      const list = parseWatchList(file);
      assert.equal(list.problems.length, 1);
      assertInert(list.problems[0], 'parseWatchList');
      const shared = withShared(file, [{ id: 'player123', kind: 'plyrId' }]);
      assert.equal(shared.ok, false);
      assertInert(shared.ok ? '' : shared.message, 'withShared');
    });
  }

  it("refuses the review's own payload with an inert message", () => {
    const file = '{"[key](command:git.push)":1,"identifiers":[]}';
    const message = parseWatchList(file).problems[0];
    assert.equal(message, ".vscode/plyr.json has a field named '[key]\u200b(command\u200b:git.push)'. Credentials never go in this file, which is shared with everyone who clones the workspace: remove the field (and change the key if it was committed).");
    assertInert(message, 'the payload');
  });

  it('quotes the JSON error, which repeats the file\'s text', () => {
    const list = parseWatchList('{"identifiers": [x](command:git.push)');
    assertInert(list.problems[0], 'a JSON error');
  });
});

describe('server text', () => {
  it('inertText breaks links, command: URIs, icons, bidi controls and line breaks, and keeps every character that reads', () => {
    for (const payload of [...LINK_PAYLOADS, '$(alert) **down** <b>x</b> `code` a_b|c!#', 'evil\u202Egnp.exe', 'a\u2066b\u2069c']) {
      const text = inertText(payload);
      assertInert(text, payload);
      assert.ok(!/[\u202a-\u202e\u2066-\u2069\n]/.test(text), JSON.stringify(text));
      // (A space between `]` and `(` or `[` goes with the break.)
      assert.equal(text.replace(/[\s\u200b]/g, ''), oneLine(payload, 120).replace(/\s/g, ''), 'as sent, but for the breaks');
    }
  });

  it('escapeMarkdown and oneLine show bidi controls as \uFFFD: a spoof of usdc does not pass for it', () => {
    assert.equal(escapeMarkdown('usd\u202Ec'), 'usd\uFFFDc');
    assert.equal(oneLine('x\u2067y', 10), 'x\uFFFDy');
  });

  it('withoutSecrets removes the key, the secret and the signature wherever they are echoed', () => {
    const body = '{"error":"bad request","echo":{"apikey":"demo-api-key-0001","signature":"abc123def456","x":"demo-secret-key-do-not-use-in-production"}}';
    const clean = withoutSecrets(body, ['demo-api-key-0001', 'demo-secret-key-do-not-use-in-production', 'abc123def456']);
    assert.ok(!clean.includes('demo-api-key-0001') && !clean.includes('abc123def456') && !clean.includes('demo-secret-key'), clean);
    assert.equal((clean.match(/\[redacted\]/g) ?? []).length, 3);
    assert.equal(withoutSecrets('abc', ['']), 'abc', 'an empty secret redacts nothing');
    assert.equal(withoutSecrets('a b c', ['*__*', '[]()']), 'a b c', 'nor one that reads as nothing once shown');
  });

  it('withoutSecrets removes a key or secret a JSON body escaped (", \\, / and \\u escapes as some encoders write them), so the decoded message holds none', () => {
    const goStyle = (json: string) => json.replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    for (const secret of ['live-key-AAAA"BBBB-0001', 'back\\slash-secret', 'slash/secret/key', 'abc<def&ghi', 'clé-secrète']) {
      const json = JSON.stringify({ error: `rejected apikey=${secret} here` });
      const ascii = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
      for (const body of [json, json.replace(/\//g, '\\/'), goStyle(json), ascii]) {
        const decoded = JSON.parse(withoutSecrets(body, [secret])).error as string;
        assert.equal(decoded, 'rejected apikey=[redacted] here', body);
      }
    }
  });
  it('withoutSecrets finds a key however a JSON string escapes its letters, and the body stays the JSON it was', () => {
    const key = 'live-key-ABCD-0001';
    const escapedOne = key.replace('A', '\\u0041');
    const escapedAll = [...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    for (const spelt of [escapedOne, escapedAll, key.replace('-', '\\u002d')]) {
      const body = `{"error":"echo ${spelt}","n":1.50}`;
      const clean = withoutSecrets(body, [key]);
      assert.deepEqual(JSON.parse(clean), { error: 'echo [redacted]', n: 1.5 }, body);
      assert.ok(clean.endsWith(',"n":1.50}'), 'numbers as sent');
    }
    assert.equal(withoutSecrets('{"a":"\\u0041 plain \\" quote","b":"x"}', [key]), '{"a":"\\u0041 plain \\" quote","b":"x"}', 'a string without the key is left as written');
  });

  it('withoutSecrets finds a key spelt with what a shown message drops or does not show between its letters', () => {
    const key = 'liveKEY0001abcd';
    // Dropped, shown as nothing (the combining grapheme joiner, a variation selector), or as a mark on the letter before.
    for (const gap of ['*', '_', '[]', '`', '\\\\', '\u200b', '\u200d', '#!|', '\u034f', '\ufe0f', '\u0301', '\u3164']) {
      const spelt = [...key].join(gap);
      const body = JSON.stringify({ error: `echo: ${spelt}.` });
      const clean = withoutSecrets(body, [key]);
      const shown = inertText(JSON.parse(clean).error);
      assert.ok(!shown.replace(/[\u200b-\u200d]/g, '').includes(key), `${JSON.stringify(gap)}: ${shown}`);
      assert.equal(shown, 'echo: [redacted].', JSON.stringify(gap));
    }
    assert.equal(withoutSecrets('key_with*stars [x]', ['key_with*stars']), '[redacted] [x]', 'a key holding those characters itself');
    for (const spelt of ['pk__live_KEY0001', 'p_k_live_KEY_0001', 'pklive*KEY0001', 'pk_live_KEY0001']) {
      const shown = inertText(JSON.parse(withoutSecrets(JSON.stringify({ error: `echo ${spelt}` }), ['pk_live_KEY0001'])).error);
      assert.equal(shown, 'echo [redacted]', `${spelt}, which reads as the key once shown`);
    }
  });

  it('withoutSecrets reads an answer in one pass: a quotation mark none closes ends the search (it was tried again from every later one)', () => {
    const key = 'live-key-ABCD-0001';
    // A `\u` escape first (so string literals are decoded), then a string that never closes.
    const hostile = `{"error":"\\u0041${'\\"'.repeat(20_000)}`;
    assert.equal(withoutSecrets(hostile, [key]), hostile);
    assert.equal(withoutSecrets(`{"a":"\\u0041","b":"${key}`, [key]), '{"a":"\\u0041","b":"[redacted]', 'a key in the unclosed string still goes');
    assert.equal(withoutSecrets(`{"a":"\\u0041\\`, [key]), '{"a":"\\u0041\\', 'a backslash last');
  });

  it('inertText cannot close the quotation marks a message puts it in', () => {
    const text = inertText('x". Your API key was revoked, set a new one at plyr-support.example/reset or "');
    assert.ok(!text.includes('"'), text);
    assert.equal(text, "x'. Your API key was revoked, set a new one at plyr-support.example/reset or '");
  });

  it('oneLine and escapeMarkdown show every invisible format character as \uFFFD, and keep the zero-width ones emoji are made of', () => {
    for (const c of ['\u200e', '\u200f', '\u061c', '\u2060', '\u2064', '\ufeff', '\u00ad', '\u{e0055}']) {
      assert.equal(oneLine(`usd${c}c`, 20), 'usd\uFFFDc', `U+${c.codePointAt(0)?.toString(16)}`);
      assert.equal(escapeMarkdown(`usd${c}c`), 'usd\uFFFDc', `U+${c.codePointAt(0)?.toString(16)}`);
    }
    assert.equal(oneLine('👩\u200d💻 team', 20), '👩\u200d💻 team');
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    assert.equal(oneLine(`Team ${scotland}`, 40), `Team ${scotland}`, "a subdivision flag's tags are kept");
    assert.equal(escapeMarkdown(`x\u{E0067}y ${scotland}`), `x\uFFFDy ${scotland}`, 'a tag outside a flag is shown');
    assert.equal(inertText('see command:x'), 'see command\u200b:x', 'its own zero-width space survives its second pass');
  });
});

describe('the pieces the VS Code layer’s labels and notifications are made of', () => {
  it('oneLine keeps one short line', () => {
    assert.equal(oneLine(' $(verified)\nTrusted\u202E ', 80), '$(verified) Trusted\uFFFD');
    assert.equal(oneLine('x'.repeat(100), 80), `${'x'.repeat(79)}…`);
  });

  it('oneLine cuts between characters as seen: never inside an emoji or a code point shown as ‹U+0441›', () => {
    assert.equal(oneLine('ab😀cd', 4), 'ab…', 'the cut would split 😀 (two UTF-16 units) into a lone surrogate');
    assert.equal(oneLine('a👩\u200d💻bcdefgh', 6), 'a…', 'a ZWJ sequence goes whole or not at all');
    assert.equal(oneLine('a👩\u200d💻bcdefgh', 7), 'a👩\u200d💻…');
    for (let max = 4; max <= 12; max++) {
      const shown = oneLine('USD‹U+0441›USD‹U+0441›', max);
      assert.match(shown, /^(?:USD|‹U\+0441›)*[A-Z]*…$/u, `cut at ${max}: ${shown}`);
    }
    assert.equal(oneLine('USD‹U+0441›X', 9), 'USD…');
    assert.equal(oneLine(`a${'\u0301'.repeat(100)}bc`, 10), `a${'\u0301'.repeat(8)}…`, 'a first character longer than the room is cut between code points, not dropped');
    assert.equal(oneLine(`${'😀'.repeat(3)}${'\u0301'.repeat(100)}`, 4), '😀…', 'never inside a surrogate pair');
    assert.equal(oneLine('USD‹U+0441›XYZ', 12), 'USD‹U+0441›…');
    assert.equal(oneLine(42, 80), '');
  });

  it('withoutIcons, withoutLinks and withoutCommandUris each break their sequence with a zero-width space', () => {
    assert.equal(withoutIcons('$(verified) $(alert'), '$\u200b(verified) $\u200b(alert');
    assert.equal(withoutLinks('[x](a) [y] (b) [z][ref]'), '[x]\u200b(a) [y]\u200b(b) [z][ref]');
    assert.equal(withoutCommandUris('command:git.push COMMAND:x'), 'command\u200b:git.push command\u200b:x');
    for (const payload of LINK_PAYLOADS.filter((p) => !p.includes(']['))) {
      assertInert(withoutCommandUris(withoutLinks(withoutIcons(payload))), payload);
    }
  });
});

describe('Test Connection shows the server URL as typed (issue 15, item 4)', () => {
  it('quotes the URL, so that $(verified) in it is no icon', async () => {
    const checks = await runDoctor({
      target: () => ({ ok: true, network: 'custom', url: 'https://evil.example/$(verified)/api/' }),
      reachServer: async () => ({ status: 200, elapsedMs: 5 }),
      credentialSource: async () => undefined,
      signedCall: async () => ({ status: 200, convention: 'emptyObject' }),
      now: () => 0,
    });
    assert.equal(checks[0].detail, "custom at 'https://evil.example/$\u200b(verified)/api/'");
  });
});

describe('import of a huge list (issue 15, item 3)', () => {
  it('takes 5,000 and counts the rest as over the limit, without reading them', () => {
    const csv = ['identifier', ...Array.from({ length: 40_000 }, (_, i) => `player-${i}`)].join('\n');
    const parsed = parseImport(csv, 'csv');
    assert.equal(parsed.entries.length, 5000);
    assert.equal(parsed.overLimit, 35_000);
    assert.deepEqual(parsed.rejected, []);
    assert.equal(parsed.entries[4999].id, 'player-4999');
  });
});
