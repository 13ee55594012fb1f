import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { changeNotice } from '../../src/core/content/changeNotice';
import { renderAddressHover } from '../../src/core/content/hoverContent';
import { addressHint } from '../../src/core/content/inlayHintContent';
import { listedTokenText, shortAddress, tokenLabel } from '../../src/core/content/shortNames';
import { statusBarModel } from '../../src/core/content/statusBarContent';
import { tokenRow } from '../../src/core/content/treeContent';
import { allowanceRow } from '../../src/core/content/accountContent';
import { activityRow } from '../../src/core/content/activityContent';
import { parseTokenList } from '../../src/core/api/tokenList';
import { balanceKeyOf } from '../../src/core/store/tokenListStore';

const NOW = 1_800_000_000_000;
/** A balance asked for by the token's contract address is keyed by that address. */
const TOKEN_ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
const ENTRY = { balances: { [TOKEN_ADDRESS]: '12.5', gamr: '3' }, fetchedAt: NOW - 60_000, loading: false };

describe('shortAddress and tokenLabel', () => {
  it('shortens an address to its first six and last four characters', () => {
    assert.equal(shortAddress(TOKEN_ADDRESS), '0x742d…f44e');
  });

  it('names a token by its symbol in capitals, or by a short address, never "0X742D…"', () => {
    assert.equal(tokenLabel('gamr'), 'GAMR');
    assert.equal(tokenLabel(TOKEN_ADDRESS), '0x742d…f44e');
  });

  it('shows a name the PLYR API does not give as sent, in quotation marks, a character beyond ASCII as its code point: it never reads as a listed one', () => {
    assert.equal(tokenLabel('usd\u0441'), '"usd‹U+0441›"', 'a Cyrillic es would read C');
    assert.equal(tokenLabel('u\u017fdc'), '"u‹U+017F›dc"', 'long s would read S');
    assert.equal(tokenLabel('\ufb00'), '"‹U+FB00›"', 'the ff ligature would read FF');
    assert.equal(tokenLabel('\u0131cp'), '"‹U+0131›cp"', 'dotless i would read I');
    assert.equal(tokenLabel('usdc\u200b'), '"usdc‹U+200B›"', 'an invisible character shows');
    assert.equal(tokenLabel('g\u{1F3AE}'), '"g‹U+1F3AE›"', 'one code point, not two halves');
    assert.equal(tokenLabel('usdc.e'), 'USDC.E');
  });

  it("names a listed token in the picker by its API name, the server's symbol beside it only where it differs", () => {
    assert.deepEqual(listedTokenText({ apiId: 'gamr', symbol: 'GAMR', name: 'Gamer Token' }), { label: 'GAMR', description: 'Gamer Token' });
    assert.deepEqual(listedTokenText({ apiId: 'evil', symbol: 'PLYR', name: 'PLYR' }), { label: 'EVIL', description: 'PLYR' }, 'a symbol imitating another token never becomes the label');
    assert.deepEqual(listedTokenText({ apiId: 'plyr', symbol: 'PLYR', name: 'PLYR' }), { label: 'PLYR', description: '' }, 'a name that is the symbol is not said twice');
    assert.deepEqual(listedTokenText({ apiId: 'usdc', symbol: 'USDC.e', name: 'Bridged USDC' }), { label: 'USDC', description: 'USDC.e · Bridged USDC' });
    assert.deepEqual(listedTokenText({ apiId: 'usdc', symbol: '$(zap) USDC\n[x](command:plyr.clearCredentials)', name: 'USD Coin' }).description, '$\u200b(zap) USDC [x](com… · USD Coin', 'the symbol stays inert text on one line, and short');
  });

  it('keeps apart names that differ only by case or by white space (a server could send "plyr", "PLYR" and "plyr ")', () => {
    const labels = ['plyr', 'PLYR', 'Plyr', 'plyr ', '\tplyr', 'plyr\u007f'].map((t) => tokenLabel(t));
    assert.deepEqual(labels, ['PLYR', '"PLYR"', '"Plyr"', '"plyr␠"', '"␉plyr"', '"plyr␡"']);
    assert.equal(new Set(labels).size, labels.length);
  });

  it('is how the tree, the hover, the status bar, a hint and a change notice all name a token', () => {
    const surfaces = [
      tokenRow({ token: TOKEN_ADDRESS, amount: '12.5', entry: ENTRY, masked: false, now: NOW }).label,
      renderAddressHover({ address: '0x1111111111111111111111111111111111111111', checksumMatches: true, networkLabel: 'PLYR PHI mainnet', noAccount: false, links: [], now: NOW, balances: ENTRY.balances, fetchedAt: ENTRY.fetchedAt }),
      statusBarModel({ identifier: 'player123', token: TOKEN_ADDRESS, networkLabel: 'PLYR PHI mainnet', entry: ENTRY, now: NOW }).text,
      addressHint({ show: 'amount', tracked: true, token: TOKEN_ADDRESS, entry: ENTRY, masked: false, now: NOW })?.text ?? '',
      changeNotice('player123', [{ token: TOKEN_ADDRESS, previous: '10', current: '12.5', delta: '+2.5' }]),
    ];
    for (const text of surfaces) {
      assert.ok(text.includes('0x742d…f44e'), text);
      assert.ok(!/0X742D/i.test(text.replace(/0x742d…f44e/g, '')), text);
    }
  });

  it('shows a look-alike name by its code points in the tree, the hover, the status bar and a hint', () => {
    const spoof = 'usd\u0441';
    const entry = { balances: { [spoof]: '1000000', gamr: '3' }, fetchedAt: NOW - 60_000, loading: false };
    const surfaces = [
      tokenRow({ token: spoof, amount: '1000000', entry, masked: false, now: NOW }).label,
      renderAddressHover({ address: '0x1111111111111111111111111111111111111111', checksumMatches: true, networkLabel: 'PLYR PHI mainnet', noAccount: false, links: [], now: NOW, balances: entry.balances, fetchedAt: entry.fetchedAt }),
      statusBarModel({ identifier: 'player123', token: spoof, networkLabel: 'PLYR PHI mainnet', entry, now: NOW }).text,
      addressHint({ show: 'amount', tracked: true, token: spoof, entry, masked: false, now: NOW })?.text ?? '',
    ];
    for (const shown of surfaces) {
      const text = shown.replace(/\\/g, ''); // the hover's Markdown escapes
      assert.ok(text.includes('"usd‹U+0441›"'), text);
      assert.ok(!text.includes('\u0441'), text);
    }
  });
});

describe('a token named by its contract address, which the token list knows', () => {
  // GAMR's contract as /api/tokenlist lists it; a listed `evil` whose symbol imitates PLYR; FLOKI's contract typed in lower case.
  const GAMR = '0x61318caa757E997B633cF6654eD71A658142EA41';
  const EVIL = '0x1111111111111111111111111111111111111111';
  const FLOKI = '0xaD71AAE3f6BF2B5b0C2cC9a0B7d17dBD1C924952';
  const UNLISTED = '0x2222222222222222222222222222222222222222';
  const list = parseTokenList({
    tokens: [
      { apiId: 'gamr', symbol: 'GAMR', name: 'Gamer', decimals: 18, address: GAMR },
      { apiId: 'evil', symbol: 'PLYR', name: '$(zap) PLYR', decimals: 18, address: EVIL },
      { apiId: 'floki', symbol: 'FLOKI', name: 'FLOKI', decimals: 9, address: FLOKI },
    ],
  });
  // What the surfaces are given: the store's lookup over the last list (TokenListStore.balanceKeyOf).
  const names = (token: string) => balanceKeyOf(token, list);

  it("goes by the list's name, whatever the case of the address; an unlisted one, or no list, keeps its short address", () => {
    assert.equal(tokenLabel(GAMR, names), 'GAMR');
    assert.equal(tokenLabel(FLOKI.toLowerCase(), names), 'FLOKI');
    assert.equal(tokenLabel(UNLISTED, names), '0x2222…2222');
    assert.equal(tokenLabel(GAMR, (token) => balanceKeyOf(token, undefined)), '0x6131…EA41', 'the list not known (yet, or it failed)');
    assert.equal(tokenLabel(GAMR), '0x6131…EA41', 'no list given');
    assert.equal(tokenLabel('gamr', names), 'GAMR', 'a name stays itself');
  });

  it("takes the list's API name, never its symbol, and a name that is not an API name is shown as sent", () => {
    assert.equal(tokenLabel(EVIL, names), 'EVIL', 'a symbol imitating PLYR never becomes the label');
    assert.equal(tokenLabel(GAMR, () => 'usd\u0441'), '"usd‹U+0441›"', 'a look-alike name by its code points');
    assert.equal(tokenLabel(GAMR, () => UNLISTED), '0x6131…EA41', 'another address is no name');
  });

  it('is how a token row, an allowance, an activity entry and the hover name it', () => {
    const entry = { balances: { [GAMR]: '9007199.254740993123456789' }, fetchedAt: NOW - 60_000, loading: false };
    const allowance = allowanceRow({ allowance: { gameId: 'arena', token: FLOKI.toLowerCase(), amount: '1000000', createdAt: NOW, expiresInSeconds: 86_400, expiresAt: NOW + 86_400_000 }, masked: false, now: NOW, names });
    assert.equal(allowance.label, 'FLOKI 1,000,000');
    assert.match(allowance.tooltip as string, /^game arena may spend 1000000 FLOKI\./);
    assert.equal(tokenRow({ token: GAMR, amount: '12.5', entry, masked: false, now: NOW, names }).label, 'GAMR');
    const activity = activityRow({ entry: { id: '1', action: 'pay', type: 'game', gameId: 'tavern', at: NOW, token: GAMR, chip: undefined, amount: '12.5', txHash: undefined, succeeded: true, roomId: undefined }, masked: false, now: NOW, names });
    assert.equal(activity.label, 'pay 12.5 GAMR');
    const tooltip = typeof activity.tooltip === 'string' ? activity.tooltip : activity.tooltip?.parts.map((p) => ('text' in p ? p.text : 'code' in p ? p.code : p.markdown)).join('');
    assert.ok(tooltip?.includes(`Token: GAMR (${GAMR})`), `the contract whole beside its name: ${tooltip}`);
    const hover = renderAddressHover({ address: UNLISTED, checksumMatches: true, networkLabel: 'PLYR PHI mainnet', noAccount: false, links: [], now: NOW, balances: entry.balances, fetchedAt: entry.fetchedAt, names });
    assert.ok(hover.includes('| GAMR |'), hover);
    assert.ok(!hover.includes('0x6131'), hover);
  });
});
