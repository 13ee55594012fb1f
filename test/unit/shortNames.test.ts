import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { changeNotice } from '../../src/core/content/changeNotice';
import { renderAddressHover } from '../../src/core/content/hoverContent';
import { addressHint } from '../../src/core/content/inlayHintContent';
import { listedTokenText, shortAddress, tokenLabel } from '../../src/core/content/shortNames';
import { statusBarModel } from '../../src/core/content/statusBarContent';
import { tokenRow } from '../../src/core/content/treeContent';

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
    const labels = ['plyr', 'PLYR', 'Plyr', 'plyr ', '\tplyr', 'plyr\u007f'].map(tokenLabel);
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
