import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { addressHint, AddressHintInput, fittedHint, warnedHint } from '../../src/core/content/inlayHintContent';
import { PriceBook } from '../../src/core/model/value';

const NOW = 1_800_000_000_000;
const BALANCES = { plyr: '1234.5', gamr: '9007199.254740993123456789' };
const hint = (input: Partial<AddressHintInput>) => addressHint({ show: 'amount', tracked: false, token: 'plyr', masked: false, now: NOW, ...input });
const prices = new PriceBook([{ keys: ['plyr'], price: { usd: '0.0123' } }]);

describe('addressHint', () => {
  it('names a tracked address by its label, else by its owner, and says nothing with neither', () => {
    assert.equal(hint({ show: 'name', label: 'Treasury', tracked: true, plyrId: 'player123' })?.text, 'Treasury');
    assert.equal(hint({ show: 'name', plyrId: 'player123' })?.text, 'player123');
    assert.equal(hint({ show: 'name', entry: { balances: BALANCES, fetchedAt: NOW } }), undefined, 'name shows no amount');
    assert.equal(hint({ show: 'amount' }), undefined, 'no name, no amount yet: no hint');
  });

  it('puts the amount of the chosen token after the name, grouped and rounded, the exact one in the tooltip', () => {
    const h = hint({ label: 'Treasury', tracked: true, token: 'gamr', entry: { balances: BALANCES, fetchedAt: NOW - 180_000 } });
    assert.equal(h?.text, 'Treasury · 9,007,199.254741 GAMR');
    assert.deepEqual(h?.tooltip.split('\n'), ['Tracked as Treasury', 'GAMR: 9007199.254740993123456789', 'Updated 3 min. ago', 'Execute Command, below, reveals it in the PLYR view.']);
    assert.equal(h?.action, 'reveal');
    assert.equal(hint({ entry: { balances: BALANCES, fetchedAt: NOW } })?.text, '1,234.5 PLYR', 'an untracked address without a known owner: the amount alone');
    assert.equal(hint({ entry: { balances: BALANCES, fetchedAt: NOW } })?.action, 'track');
    // A token the balances do not name (a typo in plyr.inlayHints.token): said, as the status bar says it; no made-up zero.
    const none = hint({ plyrId: 'player123', token: 'gamrr', entry: { balances: BALANCES, fetchedAt: NOW } });
    assert.equal(none?.text, 'player123 · ? GAMRR');
    assert.match(none?.tooltip ?? '', /^Primary wallet of PLYR ID player123\nNo GAMRR balance was reported\.\n/);
    assert.equal(hint({ token: 'gamrr', entry: { balances: BALANCES, fetchedAt: NOW } })?.text, '? GAMRR', 'an address with no name gets the hint too');
  });

  it('shows the value with a price, the amount without one, and no value for a stale amount', () => {
    const entry = { balances: BALANCES, fetchedAt: NOW };
    const valued = hint({ show: 'value', entry, prices });
    assert.equal(valued?.text, 'PLYR ≈ $15.18');
    assert.ok(valued?.tooltip.includes('Value: ≈ $15.18'), valued?.tooltip);
    assert.equal(hint({ show: 'value', token: 'gamr', entry, prices })?.text, '9,007,199.254741 GAMR');
    assert.equal(hint({ show: 'value', entry })?.text, '1,234.5 PLYR', 'values off or the list unknown');
    const stale = hint({ show: 'value', entry: { ...entry, error: { code: 'network', message: 'down', at: NOW } }, prices });
    assert.equal(stale?.text, '1,234.5 PLYR (stale)');
    assert.match(stale?.tooltip ?? '', /Updated just now \(stale\)/);
  });

  it('under the privacy mask shows the name and no digit of an amount or value', () => {
    const entry = { balances: BALANCES, fetchedAt: NOW };
    const amount = hint({ label: 'Treasury', tracked: true, entry, masked: true });
    assert.equal(amount?.text, 'Treasury · ••• PLYR');
    assert.doesNotMatch(amount?.tooltip ?? '', /1234|1,234/);
    const value = hint({ show: 'value', plyrId: 'player123', entry, prices, masked: true });
    assert.equal(value?.text, 'player123 · PLYR ≈ •••');
    assert.doesNotMatch(value?.tooltip.replace('player123', '') ?? '', /\d/);
  });

  it('warns first of an address whose checksum fails, and says why in the tooltip, keeping the rest', () => {
    const h = hint({ label: 'Treasury', tracked: true, entry: { balances: BALANCES, fetchedAt: NOW } });
    assert.ok(h);
    const warned = warnedHint(h, 'This mixed-case address fails its EIP-55 checksum: it may contain a typo.');
    assert.equal(warned.text, '⚠ Treasury · 1,234.5 PLYR');
    assert.deepEqual(warned.tooltip.split('\n'), ['This mixed-case address fails its EIP-55 checksum: it may contain a typo.', ...h.tooltip.split('\n')]);
    assert.equal(warned.action, 'reveal', 'a click still reveals the address the hint names');
  });

  it('puts labels and PLYR IDs in as one short line of plain text', () => {
    const h = hint({ show: 'name', label: 'Team\n$(alert) [x](command:workbench.action.closeWindow) and a label far too long for a hint', tracked: true });
    assert.ok(h);
    assert.doesNotMatch(h.text, /\n/);
    assert.ok(h.text.endsWith('…') && h.text.replace(/\u200b/g, '').length <= 32, h.text);
    assert.doesNotMatch(h.text, /\$\(/, 'no icon syntax');
    assert.doesNotMatch(h.tooltip, /\$\(/);
    assert.equal(hint({ show: 'name', plyrId: 'a\u202Eb' })?.text, 'a\uFFFDb', 'bidi controls shown, not obeyed');
  });

  it('breaks what VS Code would autolink in the tooltip (it shows a plain one as Markdown): www., scheme://, e-mail', () => {
    const h = hint({ show: 'name', label: 'see www.evil.example, https://evil.example or me@evil.example', tracked: true, plyrId: 'www.evil.example' });
    const [label, owner] = h?.tooltip.split('\n') ?? [];
    assert.equal(label, 'Tracked as see www\u200b.evil.example, https:\u200b//evil.example or me@\u200bevil.example');
    assert.equal(owner, 'Primary wallet of PLYR ID www\u200b.evil.example');
    assert.equal(h?.text, 'see www.evil.example, https://e…', 'the hint itself is no Markdown: as typed');
  });

  it("fits VS Code's limit (editor.inlayHints.maximumLength) by cutting the name, never the amount or value it would cut", () => {
    const entry = { balances: BALANCES, fetchedAt: NOW };
    const label = 'Typo [x](command:workbench.action.quit) and more words to 60';
    assert.equal(label.length, 60);
    const valued = hint({ show: 'value', label, tracked: true, entry, prices });
    assert.ok(valued);
    // Unfitted it reads "Typo [x](command:workbench.acti… · PLYR ≈ $15.18", 48 long: VS Code's cut at 43 took the value.
    const fitted = fittedHint(valued, 43);
    assert.equal(fitted.text, 'Typo [x](command:workbench… · PLYR ≈ $15.18');
    assert.equal(fitted.text.length, 43);
    assert.deepEqual([fitted.tooltip, fitted.action], [valued.tooltip, valued.action], 'the tooltip keeps the whole label');
    const warned = fittedHint(warnedHint(valued, 'typo'), 43);
    assert.equal(warned.text, '⚠ Typo [x](command:workben… · PLYR ≈ $15.18', 'the sign counts, and stays');
    assert.equal(warned.text.length, 43);
    const amount = fittedHint(warnedHint(hint({ label, tracked: true, entry })!, 'typo'), 43);
    assert.equal(amount.text, '⚠ Typo [x](command:workbenc… · 1,234.5 PLYR');
    assert.equal(amount.text.length, 43);
    // A share of a line's limit (two addresses on it) too short for a name: the name goes, the figure stays.
    assert.equal(fittedHint(valued, 18).text, 'PLYR ≈ $15.18');
    assert.equal(fittedHint(valued, 19).text, 'PLYR ≈ $15.18', 'no name cut to less than "Typ…"');
    assert.equal(fittedHint(valued, 20).text, 'Typ… · PLYR ≈ $15.18');
    assert.equal(fittedHint(valued, 5).text, 'PLYR ≈ $15.18', 'the figure whole even past the limit');
  });

  it('leaves a hint that fits, any hint with no limit (0), and a name alone (VS Code cuts its end, the name) as they are', () => {
    const entry = { balances: BALANCES, fetchedAt: NOW };
    const short = hint({ label: 'Treasury', tracked: true, entry })!;
    assert.equal(fittedHint(short, 43), short);
    const long = hint({ show: 'value', label: 'x'.repeat(60), tracked: true, entry, prices })!;
    assert.equal(fittedHint(long, 0).text, `${'x'.repeat(31)}… · PLYR ≈ $15.18`);
    const named = hint({ show: 'name', label: 'x'.repeat(60), tracked: true })!;
    assert.equal(fittedHint(named, 10), named);
  });
});
