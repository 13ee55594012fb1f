import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { AddressHover, HoverLink, MAX_HOVER_BALANCES, renderAddressHover, renderNoCredentialsHover } from '../../src/core/content/hoverContent';
import { shortAddress } from '../../src/core/content/shortNames';
import { describeAge } from '../../src/core/content/time';
import { unescapedPunctuation } from '../support/markdownChecks';

const ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
const NOW = 1_700_000_000_000;
const HOSTILE_TOKEN = '[x](command:workbench.action.closeWindow)|<img src=x onerror=alert(1)>\n| evil | row |`code`';
const HOSTILE_ERROR = 'Server said <img src=x onerror=alert(1)> [click](command:workbench.action.closeWindow)\r\n# heading | cell';

const FIVE_TOKENS = {
  plyr: '1234.5',
  gamr: '9007199.254740993123456789',
  usdc: '250.75',
  avax: '0.0',
  floki: '3.14159',
};

function hover(overrides: Partial<AddressHover> = {}): AddressHover {
  return { address: ADDRESS, checksumMatches: true, networkLabel: 'PLYR PHI mainnet', noAccount: false, links: [], now: NOW, ...overrides };
}

/** What a Markdown renderer shows for escaped text. */
function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}


/** A table row split on the pipes that no backslash escapes, as GFM splits it: the cells between the outer pipes. */
function cells(row: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\' && i + 1 < row.length) {
      current += row[i] + row[i + 1];
      i++;
    } else if (row[i] === '|') {
      parts.push(current);
      current = '';
    } else {
      current += row[i];
    }
  }
  parts.push(current);
  assert.equal(parts[0].trim(), '', `row does not start with a pipe: ${row}`);
  assert.equal(parts[parts.length - 1].trim(), '', `row does not end with a pipe: ${row}`);
  return parts.slice(1, -1).map((c) => c.trim());
}

/** The body rows of the balance table (after header and separator); undefined when there is no table. */
function tableRows(markdown: string): string[] | undefined {
  const lines = markdown.split('\n');
  const header = lines.indexOf('| Token | Amount |');
  if (header < 0) {
    return undefined;
  }
  assert.equal(lines[header + 1], '|:--|--:|');
  const rows: string[] = [];
  for (let i = header + 2; i < lines.length && lines[i].startsWith('|'); i++) {
    rows.push(lines[i]);
  }
  // The table is its own block: a blank line (or the end) follows it.
  const after = header + 2 + rows.length;
  assert.ok(after === lines.length || lines[after] === '', `no blank line after the table: ${JSON.stringify(lines[after])}`);
  return rows;
}

/** Every command a link in the Markdown runs. */
function linkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(command:([^?)]+)\?/g)].map((m) => m[1]);
}

const LINKS: HoverLink[] = [
  { label: 'Refresh', command: 'plyr.refreshAddress', args: [ADDRESS] },
  { label: 'Copy address', command: 'plyr.copyIdentifier', args: [ADDRESS] },
];

describe('shortAddress', () => {
  it('keeps 0x, four hex digits, an ellipsis and the last four', () => {
    assert.equal(shortAddress(ADDRESS), '0x742d…f44e');
  });
});

describe('renderAddressHover', () => {
  it('starts with the short address and the escaped network label', () => {
    const markdown = renderAddressHover(hover({ networkLabel: 'Custom (http://127.0.0.1:4555)' }));
    const first = markdown.split('\n')[0];
    assert.ok(first.startsWith('**PLYR** `0x742d…f44e`'), first);
    assert.ok(first.includes('Custom \\(http\\:\\/\\/127\\.0\\.0\\.1\\:4555\\)'), first);
    assert.ok(!first.includes('PLYR ID'), first);
  });

  it('shows one table row per token, after the header and separator', () => {
    const rows = tableRows(renderAddressHover(hover({ balances: FIVE_TOKENS })));
    assert.ok(rows);
    assert.equal(rows.length, 5);
    assert.deepEqual(rows.map((r) => unescape(cells(r)[0])), ['PLYR', 'GAMR', 'USDC', 'AVAX', 'FLOKI']);
    for (const row of rows) {
      assert.equal(cells(row).length, 2, row);
    }
  });

  it('shows amounts grouped, with the exact value on the same line when rounded', () => {
    const rows = tableRows(renderAddressHover(hover({ balances: FIVE_TOKENS })));
    assert.ok(rows);
    const amount = (token: string) => {
      const row = rows.find((r) => unescape(cells(r)[0]) === token);
      assert.ok(row, `no row for ${token}`);
      return unescape(cells(row)[1]);
    };
    assert.equal(amount('GAMR'), '9,007,199.254741 (exact 9007199.254740993123456789)');
    assert.equal(amount('PLYR'), '1,234.5');
    assert.equal(amount('USDC'), '250.75');
    assert.equal(amount('AVAX'), '0');
    assert.equal(amount('FLOKI'), '3.14159');
    // Apart from the renderer's own "(exact …)", every punctuation mark of an amount is escaped.
    for (const row of rows) {
      assert.deepEqual(unescapedPunctuation(cells(row)[1].replace(/ \(exact (.*)\)$/, ' $1')), [], row);
    }
  });

  it('escapes a hostile token name and keeps its row at two cells', () => {
    const markdown = renderAddressHover(hover({ balances: { [HOSTILE_TOKEN]: '1.5', plyr: '2' }, links: LINKS }));
    const rows = tableRows(markdown);
    assert.ok(rows);
    assert.equal(rows.length, 2);
    const [name, amount] = cells(rows[0]);
    assert.equal(cells(rows[0]).length, 2, rows[0]);
    assert.equal(rows[0].split(/(?<!\\)\|/).length, 4, rows[0]);
    // One line, cut at 80 characters: a long name must not push the hover's links past its limit.
    assert.equal(unescape(name), `${`"${HOSTILE_TOKEN}`.replace(/ /g, '␠').replace('\n', '␊').slice(0, 79)}…`);
    assert.deepEqual(unescapedPunctuation(name), []);
    assert.equal(unescape(amount), '1.5');
    assert.doesNotMatch(name, /(?<!\\)\]\(/);
    assert.doesNotMatch(name, /(?<!\\)</);
    assert.deepEqual(linkTargets(markdown), ['plyr.refreshAddress', 'plyr.copyIdentifier']);
  });

  it('names the PLYR ID that owns the address, escaped', () => {
    const first = renderAddressHover(hover({ plyrId: 'player123' })).split('\n')[0];
    assert.ok(first.includes(' · primary wallet of PLYR ID **player123**'), first);
    const hyphen = renderAddressHover(hover({ plyrId: 'crypto-fennec' })).split('\n')[0];
    assert.ok(hyphen.includes('PLYR ID **crypto\\-fennec**'), hyphen);
  });

  it("says an owned address's balances are its own, the account's being in its mirror wallet; nothing so for an address no account owns", () => {
    const note = "_This address's own balances. The account's are in its mirror wallet: see Account Details._";
    assert.ok(renderAddressHover(hover({ plyrId: 'player123', balances: { plyr: '0' } })).split('\n\n').includes(note));
    assert.ok(!renderAddressHover(hover({ balances: { plyr: '0' } })).includes('mirror wallet'));
  });

  it("names the address by its label (the user's, or the workspace's), one short line, escaped", () => {
    assert.match(renderAddressHover(hover({ label: 'Treasury wallet' })).split('\n')[0], /^\*\*PLYR\*\* Treasury wallet `0x742d…f44e`/);
    const hostile = renderAddressHover(hover({ label: '[x](command:evil)\n# heading $(zap)' })).split('\n')[0];
    assert.ok(!hostile.includes('](command:'), hostile);
    assert.ok(!hostile.includes('$(zap)'), hostile);
    assert.equal(unescape(hostile).split(' `')[0], '**PLYR** [x](command:evil) # heading $\u200b(zap)');
    assert.ok(renderAddressHover(hover({ label: 'x'.repeat(60) })).split('\n')[0].includes(`${'x'.repeat(39)}…`), 'cut at 40');
    assert.match(renderAddressHover(hover({})).split('\n')[0], /^\*\*PLYR\*\* `/, 'no label: as before');
  });

  it('warns about a failed checksum only when it fails', () => {
    const warning = 'fails its EIP-55 checksum';
    assert.ok(renderAddressHover(hover({ checksumMatches: false })).includes(warning));
    assert.ok(!renderAddressHover(hover({ checksumMatches: true })).includes(warning));
    // The editor's own diagnostic says it beside the hover: not twice.
    assert.ok(!renderAddressHover(hover({ checksumMatches: false, checksumWarnedBeside: true })).includes(warning));
  });

  it('says when the address has no PLYR account, and only then', () => {
    const text = 'No PLYR account has this address as its primary wallet.';
    assert.ok(renderAddressHover(hover({ noAccount: true })).split('\n\n').includes(text));
    assert.ok(!renderAddressHover(hover({ noAccount: false })).includes(text));
  });

  it('marks balances kept from before a failed refresh as stale when the failure shows as "no account"', () => {
    const markdown = renderAddressHover(hover({ noAccount: true, stale: true, balances: { plyr: '1.5' }, fetchedAt: NOW - 3 * 3_600_000 }));
    assert.ok(markdown.endsWith('(stale)_'), markdown);
  });

  it('shows an error as one escaped line', () => {
    const markdown = renderAddressHover(hover({ error: HOSTILE_ERROR, links: LINKS }));
    const block = markdown.split('\n\n').find((b) => b.startsWith('⚠️ '));
    assert.ok(block, markdown);
    assert.ok(!block.includes('\n'), block);
    const message = block.slice('⚠️ '.length);
    assert.equal(unescape(message), HOSTILE_ERROR.replace('\r\n', ' '));
    assert.deepEqual(unescapedPunctuation(message), []);
    assert.deepEqual(linkTargets(markdown), ['plyr.refreshAddress', 'plyr.copyIdentifier']);
    assert.ok(!renderAddressHover(hover()).includes('⚠️'));
  });

  it('marks the age of balances stale when the last lookup failed', () => {
    const fetchedAt = NOW - 5 * 60_000;
    const age = describeAge(5 * 60_000);
    assert.notEqual(age, 'just now');
    const stale = renderAddressHover(hover({ balances: FIVE_TOKENS, fetchedAt, error: 'The PLYR API had a server error: 500.' }));
    const staleLine = stale.split('\n\n').find((b) => b.startsWith('_Updated'));
    assert.ok(staleLine, stale);
    assert.equal(unescape(staleLine), `_Updated ${age} (stale)_`);

    const fresh = renderAddressHover(hover({ balances: FIVE_TOKENS, fetchedAt: NOW - 1000 }));
    const freshLine = fresh.split('\n\n').find((b) => b.startsWith('_Updated'));
    assert.equal(freshLine, '_Updated just now_');
    assert.ok(!renderAddressHover(hover({ error: 'down' })).includes('Updated'), 'an age without fetchedAt');
  });

  it('says so when there are no token balances, and shows no table', () => {
    const markdown = renderAddressHover(hover({ balances: {} }));
    assert.ok(markdown.split('\n\n').includes('No token balances.'), markdown);
    assert.equal(tableRows(markdown), undefined);
    const unknown = renderAddressHover(hover({ balances: undefined }));
    assert.ok(!unknown.includes('No token balances.'));
    assert.equal(tableRows(unknown), undefined);
  });

  it('lists at most MAX_HOVER_BALANCES tokens, non-zero ones first, says how many more there are, and keeps its links', () => {
    // 10,000 tokens, every tenth one non-zero: all of them would make a hover VS Code cuts at 100,000 characters.
    const balances = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`tok${i}`, i % 10 === 0 ? `${i}.5` : '0.0']));
    const markdown = renderAddressHover(hover({ balances, fetchedAt: NOW, links: LINKS }));
    assert.ok(markdown.length < 5_000, `${markdown.length} characters`);
    const rows = tableRows(markdown);
    assert.ok(rows);
    assert.equal(rows.length, MAX_HOVER_BALANCES);
    assert.deepEqual(rows.map((r) => unescape(cells(r)[0])), Array.from({ length: MAX_HOVER_BALANCES }, (_, i) => `TOK${i * 10}`));
    assert.ok(markdown.split('\n\n').includes('…and 9,980 more tokens: Check Balance lists them all.'.replace(/,/g, '\\,')), markdown);
    assert.deepEqual(linkTargets(markdown), ['plyr.refreshAddress', 'plyr.copyIdentifier']);
    assert.equal(markdown.split('\n\n').at(-1), '_Updated just now_');
    assert.ok(markdown.split('\n\n')[1].startsWith('[Refresh](command:plyr.refreshAddress?'), 'the links right under the title, above the table');
  });

  it('fills the cut table with zero balances when too few are non-zero, and lists a table that fits whole', () => {
    const balances = Object.fromEntries(Array.from({ length: MAX_HOVER_BALANCES + 1 }, (_, i) => [`t${i}`, i === MAX_HOVER_BALANCES ? '1.0' : '0.0']));
    const rows = tableRows(renderAddressHover(hover({ balances })));
    assert.deepEqual(rows?.map((r) => unescape(cells(r)[0])), [`T${MAX_HOVER_BALANCES}`, ...Array.from({ length: MAX_HOVER_BALANCES - 1 }, (_, i) => `T${i}`)]);
    const exact = Object.fromEntries(Object.entries(balances).slice(1));
    const whole = renderAddressHover(hover({ balances: exact }));
    assert.equal(tableRows(whole)?.length, MAX_HOVER_BALANCES);
    assert.doesNotMatch(whole, /more tokens/);
  });

  it('links to the given commands only', () => {
    const links: HoverLink[] = [...LINKS, { label: 'Check Balance', command: 'plyr.checkBalanceFor', args: [ADDRESS] }];
    const markdown = renderAddressHover(hover({ balances: { [HOSTILE_TOKEN]: '1' }, error: HOSTILE_ERROR, plyrId: 'player123', links }));
    assert.deepEqual(linkTargets(markdown), ['plyr.refreshAddress', 'plyr.copyIdentifier', 'plyr.checkBalanceFor']);
    assert.equal(markdown.match(/(?<!\\)\]\(/g)?.length, 3);
    assert.equal(markdown.match(/command:/g)?.length, 3);
    const linkBlock = markdown.split('\n\n')[1] ?? '';
    for (const { args } of links) {
      assert.ok(linkBlock.includes(`?${encodeURIComponent(JSON.stringify(args))})`), linkBlock);
    }
    assert.ok(linkBlock.startsWith('[Refresh](command:plyr.refreshAddress?'), linkBlock);
  });

  it('has no links section when there are no links', () => {
    const model = hover({ balances: FIVE_TOKENS, fetchedAt: NOW, plyrId: 'player123' });
    const markdown = renderAddressHover(model);
    assert.deepEqual(linkTargets(markdown), []);
    assert.ok(!markdown.includes('command:'));
    assert.ok(!markdown.includes(']('));
    assert.equal(markdown.split('\n\n').at(-1), '_Updated just now_');
    // Links add exactly one block, right under the title: VS Code scrolls what a hover's first
    // 250 px do not hold, and a table of balances would push them out of sight.
    const withLinks = renderAddressHover({ ...model, links: LINKS });
    const [title, links, ...rest] = withLinks.split('\n\n');
    assert.deepEqual([title, ...rest], markdown.split('\n\n'));
    assert.ok(links.startsWith('[Refresh](command:plyr.refreshAddress?'), withLinks);
  });
});

describe('renderNoCredentialsHover', () => {
  it('is one line with one link, to the given command', () => {
    const markdown = renderNoCredentialsHover({ label: 'Set API Credentials', command: 'plyr.setCredentials', args: [] });
    assert.ok(!/[\r\n]/.test(markdown), markdown);
    assert.deepEqual(linkTargets(markdown), ['plyr.setCredentials']);
    assert.equal(markdown.match(/(?<!\\)\]\(/g)?.length, 1);
    assert.ok(markdown.includes('[Set API Credentials](command:plyr.setCredentials?%5B%5D)'), markdown);
    assert.ok(markdown.startsWith('**PLYR**'), markdown);
  });

  it('escapes its label and links to whichever command it is given', () => {
    const markdown = renderNoCredentialsHover({ label: 'Set [keys](command:evil)', command: 'plyr.other', args: ['x'] });
    assert.deepEqual(linkTargets(markdown), ['plyr.other']);
    assert.ok(markdown.includes(`?${encodeURIComponent('["x"]')})`), markdown);
  });
});

describe('renderAddressHover under the privacy mask', () => {
  it('shows every token and no digit of any amount', () => {
    const markdown = renderAddressHover(hover({ balances: FIVE_TOKENS, fetchedAt: NOW - 60_000, masked: true }));
    const rows = markdown.split('\n').filter((l) => l.startsWith('| ') && !l.includes('Token'));
    assert.equal(rows.length, 5);
    for (const row of rows) {
      assert.doesNotMatch(row, /\d/, row);
      assert.match(row, /•••/);
    }
    assert.match(markdown, /GAMR/);
    for (const amount of Object.values(FIVE_TOKENS).filter((a) => a !== '0.0')) {
      assert.ok(!markdown.includes(amount.split('.')[0] + '.'), `no trace of ${amount}`);
    }
  });
});

