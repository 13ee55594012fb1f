import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { commandLink, escapeMarkdown } from '../../src/core/content/markdown';
import { ASCII_PUNCTUATION, unescapedPunctuation } from '../support/markdownChecks';

/** What a Markdown renderer shows for escaped text: each backslash escape replaced by its character. */
function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

describe('escapeMarkdown', () => {
  it('puts a backslash before every ASCII punctuation mark', () => {
    for (const char of ASCII_PUNCTUATION) {
      assert.equal(escapeMarkdown(char), `\\${char}`, `for ${JSON.stringify(char)}`);
    }
    assert.equal(escapeMarkdown(ASCII_PUNCTUATION), [...ASCII_PUNCTUATION].map((c) => `\\${c}`).join(''));
  });

  it('leaves letters, digits, spaces and non-ASCII text alone', () => {
    const plain = 'Token 42 GAMR abc XYZ éß 日本 🎮';
    assert.equal(escapeMarkdown(plain), plain);
    assert.equal(escapeMarkdown(''), '');
  });

  it('is undone exactly by a Markdown renderer', () => {
    const text = 'a\\b *c* _d_ `e` [f](g) <h> |i| ~j~ &amp; #k !l';
    assert.equal(unescape(escapeMarkdown(text)), text);
    assert.deepEqual(unescapedPunctuation(escapeMarkdown(text)), []);
  });

  it('turns line breaks into spaces', () => {
    assert.equal(escapeMarkdown('a\nb'), 'a b');
    assert.equal(escapeMarkdown('a\r\nb'), 'a b');
    assert.equal(escapeMarkdown('a\rb'), 'a b');
    assert.equal(escapeMarkdown('a\u2028b'), 'a b');
    assert.equal(escapeMarkdown('a\u2029b'), 'a b');
    const escaped = escapeMarkdown('# one\n\n| two |\r\n- three\u2028> four');
    assert.doesNotMatch(escaped, /[\r\n\u2028\u2029]/);
    assert.deepEqual(unescapedPunctuation(escaped), []);
  });

  it('keeps a command link inert', () => {
    const escaped = escapeMarkdown('[x](command:workbench.action.closeWindow)');
    assert.doesNotMatch(escaped, /(?<!\\)\]\(/);
    assert.doesNotMatch(escaped, /(?<!\\):/);
    assert.ok(!escaped.includes('command:'), escaped);
    assert.ok(escaped.includes('command\\:'), escaped);
    assert.deepEqual(unescapedPunctuation(escaped), []);
    assert.equal(unescape(escaped), '[x](command:workbench.action.closeWindow)');
  });

  it('keeps HTML inert', () => {
    const escaped = escapeMarkdown('<img src=x onerror=alert(1)>');
    assert.doesNotMatch(escaped, /(?<!\\)</);
    assert.doesNotMatch(escaped, /(?<!\\)>/);
    assert.deepEqual(unescapedPunctuation(escaped), []);
    assert.deepEqual(unescapedPunctuation(escapeMarkdown('&lt;script&gt; &#60;')), []);
  });

  it('escapes pipes, so text cannot split a table cell', () => {
    const escaped = escapeMarkdown('a|b||c | d');
    assert.equal(escaped.split(/(?<!\\)\|/).length, 1);
    assert.equal(unescape(escaped), 'a|b||c | d');
  });

  it('escapes backticks, so text cannot open a code span', () => {
    const escaped = escapeMarkdown('``code`` `x`');
    assert.doesNotMatch(escaped, /(?<!\\)`/);
    assert.deepEqual(unescapedPunctuation(escaped), []);
  });

  it('keeps a URL or an e-mail address from autolinking', () => {
    const url = escapeMarkdown('http://evil.example');
    assert.ok(url.startsWith('http\\:'), url);
    assert.doesNotMatch(url, /(?<!\\):/);
    assert.ok(!url.includes('://'), url);
    assert.ok(!escapeMarkdown('www.evil.example').includes('www.'));
    assert.equal(escapeMarkdown('someone@evil.example'), 'someone\\@evil\\.example');
    assert.deepEqual(unescapedPunctuation(escapeMarkdown('https://evil.example/a?b=c#d someone@evil.example')), []);
  });

  it('keeps a backslash in the text from escaping the backslash that follows it', () => {
    // A trailing backslash must not eat the escape of the next character.
    const escaped = escapeMarkdown('x\\](y)');
    assert.deepEqual(unescapedPunctuation(escaped), []);
    assert.equal(unescape(escaped), 'x\\](y)');
  });
});

/** `[label](command:ID?ENCODED)` split into its parts, or undefined when it is not that shape. */
function parseLink(link: string): { label: string; command: string; encoded: string } | undefined {
  const match = /^\[((?:\\.|[^\\\]])*)\]\(command:([A-Za-z0-9_.]+)\?([^()\s]*)\)$/s.exec(link);
  return match ? { label: match[1], command: match[2], encoded: match[3] } : undefined;
}

describe('commandLink', () => {
  it('encodes parentheses in the arguments, so a ) cannot end the link early', () => {
    const link = commandLink('Copy', 'plyr.copyIdentifier', ['a)b (c']);
    assert.match(link, /^\[Copy\]\(command:plyr\.copyIdentifier\?[^()]*\)$/);
    assert.deepEqual(JSON.parse(decodeURIComponent(link.slice(link.indexOf('?') + 1, -1))), ['a)b (c']);
  });

  it('links to the command with its arguments as URI-encoded JSON', () => {
    const args = ['0x742d35Cc6634C0532925a3b844Bc454e4438f44e', { nested: [1, 'two words', null], quote: '"q" & [b]' }, 3, true];
    const link = commandLink('Refresh', 'plyr.refreshAddress', args);
    const parts = parseLink(link);
    assert.ok(parts, link);
    assert.equal(parts.label, 'Refresh');
    assert.equal(parts.command, 'plyr.refreshAddress');
    assert.match(parts.encoded, /^[A-Za-z0-9%\-_.!~*']*$/);
    assert.equal(decodeURIComponent(parts.encoded), JSON.stringify(args));
    assert.deepEqual(JSON.parse(decodeURIComponent(parts.encoded)), args);
  });

  it('encodes no arguments as an empty JSON array', () => {
    const link = commandLink('Set API Credentials', 'plyr.setCredentials', []);
    assert.equal(link, '[Set API Credentials](command:plyr.setCredentials?%5B%5D)');
  });

  it('escapes the label', () => {
    const label = '[x](command:workbench.action.closeWindow) <b>|`';
    const link = commandLink(label, 'plyr.copyIdentifier', ['a']);
    const parts = parseLink(link);
    assert.ok(parts, link);
    assert.equal(parts.label, escapeMarkdown(label));
    assert.equal(unescape(parts.label), label);
    assert.deepEqual(unescapedPunctuation(parts.label), []);
    assert.equal(link.match(/(?<!\\)\]\(/g)?.length, 1, link);
    assert.equal(link.match(/\]\(command:/g)?.length, 1, link);
    assert.equal(parts.command, 'plyr.copyIdentifier');
  });

  it('turns line breaks in the label into spaces', () => {
    const link = commandLink('one\ntwo', 'plyr.refresh', []);
    assert.equal(link, '[one two](command:plyr.refresh?%5B%5D)');
  });
});
