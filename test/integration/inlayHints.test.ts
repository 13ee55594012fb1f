import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { demoAddress, DEMO_CREDENTIALS, DEMO_USERS } from '../../simulator/demoData';
import { Simulator, startSimulator } from '../../simulator/server';
import { silentLogger } from '../../src/core/api/logger';
import { TrackedIdentifier } from '../../src/core/model/trackedList';
import { AddressInlayHintsProvider } from '../../src/vscode/editor/inlayHintsProvider';
import { SettingsEvents } from '../../src/vscode/settings';
import { hoverOn, plyrApi, resetSettings, setDemoCredentials, startSuite, untrackAll, waitFor } from './helpers';

const PLAYER = DEMO_USERS[0].primaryAddress;
const config = () => vscode.workspace.getConfiguration('plyr');

interface Shown {
  readonly text: string;
  readonly tooltip: string;
}

/** The inlay hints of a fresh document holding `text`, as the editor would get them (the whole document's range). */
async function hintsIn(text: string, language = 'typescript'): Promise<Shown[]> {
  const document = await vscode.workspace.openTextDocument({ content: text, language });
  const range = new vscode.Range(0, 0, document.lineCount, 0);
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
  return hints.map((hint) => {
    // The parts' commands do not come through this API command (VS Code lets go of them first): see the click test.
    const parts = typeof hint.label === 'string' ? [{ value: hint.label, tooltip: hint.tooltip }] : hint.label;
    const tooltip = parts.map((p) => (typeof p.tooltip === 'string' ? p.tooltip : (p.tooltip?.value ?? ''))).join('\n');
    return { text: parts.map((p) => p.value).join(''), tooltip };
  });
}

const balanceRequests = (sim: Simulator, address: string) => sim.requests.filter((r) => r.path === `/api/balance/${address}`).length;

/**
 * The extension's own provider class, with stand-ins for the stores: what the editor gets,
 * commands included. Names ask no balances; each address is owned by player123 where `owner` says so.
 */
function standInProvider(lists: { tracked: (id: string) => TrackedIdentifier | undefined; watched: (id: string) => TrackedIdentifier | undefined; owner: (address: string) => string | undefined }, settings: SettingsEvents): AddressInlayHintsProvider {
  return new AddressInlayHintsProvider({
    credentials: { get: async () => DEMO_CREDENTIALS },
    store: { refresh: () => Promise.reject(new Error('names ask no balances')), get: () => undefined },
    tracked: { find: lists.tracked },
    watched: { find: lists.watched },
    privacy: { on: false },
    values: { load: async () => undefined, peek: () => undefined, balanceKeyOf: (token) => token },
    accounts: { plyrIdOf: async () => 'player123', knownOwner: lists.owner },
    serverPending: () => false,
    settings,
    logger: silentLogger,
  });
}

describe('inlay hints after addresses', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSuite();
  });
  beforeEach(() => sim.reset());
  afterEach(async () => {
    await resetSettings();
    await untrackAll();
  });
  after(() => sim.close());

  it('are off by default: no hint, and no request', async () => {
    assert.deepEqual(await hintsIn(`const a = "${PLAYER}";`), []);
    assert.equal(sim.requests.length, 0);
  });

  it('show the amount of the chosen token after each address, one request per address however often it is written', async () => {
    await config().update('inlayHints.show', 'amount', vscode.ConfigurationTarget.Global);
    const other = demoAddress('inlay other');
    const text = `const a = "${PLAYER}";\nconst b = "${other}";\n// again: ${PLAYER}`;
    const hints = await hintsIn(text);
    assert.equal(hints.length, 3, JSON.stringify(hints));
    assert.equal(hints[0].text, '1.5 PLYR');
    assert.equal(hints[2].text, hints[0].text);
    assert.match(hints[0].tooltip, /PLYR: 1\.5\n.*\nExecute Command, below, offers to track it in the PLYR view\.$/);
    await config().update('inlayHints.token', 'gamr', vscode.ConfigurationTarget.Global);
    assert.equal((await hintsIn(text))[0].text, '0 GAMR', 'another token, from the same answer');
    // A listed token's contract address names it too (the token list maps it to its API name), in any case.
    await config().update('inlayHints.token', demoAddress('token:gamr').toLowerCase(), vscode.ConfigurationTarget.Global);
    assert.equal((await waitFor(async () => (await hintsIn(text))[0]?.text === '0 GAMR' && 'shown', 'GAMR by its address')), 'shown');
    assert.equal(balanceRequests(sim, PLAYER), 1);
    assert.equal(balanceRequests(sim, other), 1);
    assert.equal(sim.requests.filter((r) => r.path.startsWith('/api/user/basic/')).length, 0, 'amount asks no owner');
  });

  it("keep their amount whole within VS Code's limit on a line's hints (editor.inlayHints.maximumLength, 43 by default): the label gives way", async () => {
    // The amount, not the value: prices asked here would stay known to the suites after this one.
    await config().update('inlayHints.show', 'amount', vscode.ConfigurationTarget.Global);
    const address = demoAddress('inlay long label');
    // An amount of 16 characters: with the longest label, past the limit.
    sim.setHolding(address, 'plyr', 1_234_567_123_456_000_000_000_000n);
    // Untracked, the hint is the amount alone ("1,234,567.123456 PLYR"): what every hint below must end with.
    const [alone] = await waitFor(async () => {
      const hints = await hintsIn(`v = "${address}"`);
      return hints[0]?.text === '1,234,567.123456 PLYR' && hints;
    }, 'the amount alone');
    const label = 'Typo [x](command:workbench.action.quit) and more words to 60';
    assert.equal(label.length, 60, 'the longest label a list takes');
    await vscode.commands.executeCommand('plyr.addIdentifier', address, label);
    const typo = address.replace(/[a-f]/, (letter) => letter.toUpperCase());
    const [named, warned, first, second] = await hintsIn(`v = "${address}"\nw = "${typo}"\npair = ["${address}", "${address}"]`);
    // Unfitted it read "Typo [x](command:workbench.acti… · 1,234,5…": VS Code cut its end, the amount.
    assert.ok(named.text.startsWith('Typo [x](command:') && named.text.endsWith(`… · ${alone.text}`), named.text);
    assert.equal(named.text.length, 43, named.text);
    assert.ok(warned.text.startsWith('⚠ Typo') && warned.text.endsWith(` · ${alone.text}`) && warned.text.length <= 43, warned.text);
    // Two on one line share its 43: VS Code would cut the second hint, or drop it.
    for (const hint of [first, second]) {
      assert.ok(hint.text.endsWith(alone.text) && hint.text.length <= 21, hint.text);
    }
    assert.match(named.tooltip, /^Tracked as Typo \[x\]\(command:workbench\.action\.quit\) and more words to 60\n/, 'the tooltip keeps the whole label');
  });

  it('warn first of a mixed-case address whose checksum fails, before what its checksummed form holds', async () => {
    await config().update('inlayHints.show', 'amount', vscode.ConfigurationTarget.Global);
    // A fresh address (no answer cached by another test), one letter's case changed.
    const address = demoAddress('inlay typo');
    const at = address.search(/[a-fA-F]/);
    const letter = address[at];
    const typo = address.slice(0, at) + (letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase()) + address.slice(at + 1);
    assert.notEqual(typo, address);
    const hints = await hintsIn(`const typo = "${typo}";\nconst good = "${address}";`);
    assert.equal(hints.length, 2, JSON.stringify(hints));
    assert.match(hints[1].text, /^[\d,.]+ PLYR$/);
    assert.equal(hints[0].text, `⚠ ${hints[1].text}`);
    assert.equal(hints[0].tooltip, `This mixed-case address fails its EIP-55 checksum: it may contain a typo.\n${hints[1].tooltip}`);
    assert.equal(balanceRequests(sim, address), 1, 'both forms are one address: one request');
  });

  it('keep to plyr.refreshConcurrency across ranges asked at the same time', async () => {
    await config().update('inlayHints.show', 'amount', vscode.ConfigurationTarget.Global);
    await config().update('refreshConcurrency', 2, vscode.ConfigurationTarget.Global);
    sim.configure({ latencyMs: 100 });
    try {
      const ranges = [0, 1].map((r) => [0, 1, 2].map((i) => demoAddress(`inlay slots ${r}:${i}`)));
      // Two documents at once, as two editors side by side: 6 addresses, never more than 2 asked at a time.
      await Promise.all(ranges.map((addresses) => hintsIn(addresses.map((a) => `"${a}"`).join('\n'))));
      const mine = sim.requests.filter((r) => ranges.flat().some((a) => r.path === `/api/balance/${a}`));
      assert.equal(mine.length, 6);
      // The most in flight at one time on the server: answers (-1) counted before arrivals (+1) at the same ms.
      const events = mine.flatMap((r) => [[r.startedAt, 1], [r.endedAt, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      let now = 0;
      const most = Math.max(...events.map(([, step]) => (now += step)));
      assert.ok(most >= 1 && most <= 2, `${most} requests at once`);
    } finally {
      sim.configure({ latencyMs: 0 });
    }
  });

  it('name a tracked address by its label (a click reveals it, says the tooltip); without a label, by the PLYR ID that owns it', async () => {
    await config().update('inlayHints.show', 'name', vscode.ConfigurationTarget.Global);
    const labelled = demoAddress('inlay labelled');
    await vscode.commands.executeCommand('plyr.addIdentifier', labelled, 'Treasury');
    sim.reset();
    const hints = await hintsIn(`x = ${labelled}\ny = ${PLAYER}`);
    assert.deepEqual(hints.map((h) => h.text), ['Treasury', 'player123']);
    assert.match(hints[0].tooltip, /^Tracked as Treasury\nExecute Command, below, reveals it in the PLYR view\.$/);
    assert.match(hints[1].tooltip, /^Primary wallet of PLYR ID player123\nExecute Command, below, offers to track it in the PLYR view\.$/);
    // Only this test's addresses: an editor still showing another test's document may ask for others.
    assert.deepEqual(sim.requests.filter((r) => r.path.endsWith(labelled)), [], 'the labelled address needs no look-up');
    // The owner is asked at most once: not at all when an earlier suite's hover left it remembered.
    const asked = sim.requests.filter((r) => r.path.endsWith(PLAYER)).map((r) => r.path);
    assert.ok(asked.length <= 1 && asked.every((path) => path === `/api/user/basic/${PLAYER}`), `names ask for the owner only, once at most: ${asked.join(', ')}`);
  });

  it('from the provider class itself (stores stood in for): the command a click runs, reveal for a tracked address and offer to track for another; tooltips in plain text (test/ui/inlayHints clicks one)', async () => {
    await config().update('inlayHints.show', 'name', vscode.ConfigurationTarget.Global);
    const labelled = demoAddress('click labelled');
    const settings = new SettingsEvents();
    const provider = standInProvider(
      {
        tracked: (id) => (id === labelled ? ({ id, label: 'Treasury' } as TrackedIdentifier) : undefined),
        watched: () => undefined,
        owner: (address) => (address === PLAYER ? 'player123' : undefined),
      },
      settings,
    );
    const document = await vscode.workspace.openTextDocument({ content: `x = ${labelled}\ny = ${PLAYER}`, language: 'typescript' });
    const ask = () => provider.provideInlayHints(document, new vscode.Range(0, 0, 2, 0), new vscode.CancellationTokenSource().token);
    const hints = await ask();
    assert.equal(provider.showing, true);
    // Turned off, nothing shows: no change of a balance or an owner asks the editor again.
    await config().update('inlayHints.show', 'off', vscode.ConfigurationTarget.Global);
    assert.deepEqual(await ask(), []);
    assert.equal(provider.showing, false, 'forgets what it showed');
    assert.equal(provider.changedSinceShown([labelled, PLAYER]), false);
    settings.dispose();
    const parts = hints.map((h) => (h.label as vscode.InlayHintLabelPart[])[0]);
    assert.deepEqual(parts.map((p) => p.value), ['Treasury', 'player123']);
    assert.deepEqual(parts.map((p) => [p.command?.command, p.command?.arguments]), [['plyr.revealIdentifier', [labelled, { plyrByPerson: true }]], ['plyr.offerToTrack', [PLAYER, { plyrByPerson: true }]]], 'a click: its failure is shown');
    assert.ok(parts.every((p) => typeof p.tooltip === 'string'), 'plain text, never Markdown');
    assert.deepEqual(hints.map((h) => h.position), [new vscode.Position(0, 4 + labelled.length), new vscode.Position(1, 4 + PLAYER.length)], 'after the address');
  });

  it("name an address tracked without a label by the watch-list's label for it, not by its owner", async () => {
    await config().update('inlayHints.show', 'name', vscode.ConfigurationTarget.Global);
    const both = demoAddress('tracked and watched');
    const settings = new SettingsEvents();
    // Tracked from the hover (no label), and in the team's watch-list as "Treasury wallet".
    const provider = standInProvider(
      {
        tracked: (id) => (id === both ? ({ id } as TrackedIdentifier) : undefined),
        watched: (id) => (id === both ? ({ id, label: 'Treasury wallet' } as TrackedIdentifier) : undefined),
        owner: () => 'player123',
      },
      settings,
    );
    try {
      const document = await vscode.workspace.openTextDocument({ content: `x = ${both}`, language: 'typescript' });
      const hints = await provider.provideInlayHints(document, new vscode.Range(0, 0, 1, 0), new vscode.CancellationTokenSource().token);
      const parts = hints.map((h) => (h.label as vscode.InlayHintLabelPart[])[0]);
      assert.deepEqual(parts.map((p) => p.value), ['Treasury wallet']);
      assert.equal(parts[0].command?.command, 'plyr.revealIdentifier');
    } finally {
      settings.dispose();
    }
  });

  it('do not ask again an address whose last answer failed, pass after pass, until the cache age passes', async () => {
    await config().update('inlayHints.show', 'amount', vscode.ConfigurationTarget.Global);
    const address = demoAddress('inlay failing');
    sim.fault({ kind: 'status', status: 500 });
    try {
      await hintsIn(`f = "${address}"`);
      // Recorded once answered (a 500 is not retried); a pass before the failure is settled joins it.
      await waitFor(async () => balanceRequests(sim, address) > 0, 'the first ask');
      const asked = balanceRequests(sim, address);
      await hintsIn(`f = "${address}"`);
      await hintsIn(`g = "${address}"`);
      assert.equal(balanceRequests(sim, address), asked, 'asked by no later pass');
    } finally {
      sim.clearFaults();
    }
  });

  it('share their requests with the hover: a hover after the hints asks no balances again', async () => {
    await config().update('inlayHints.show', 'amount', vscode.ConfigurationTarget.Global);
    const address = demoAddress('inlay then hover');
    assert.equal((await hintsIn(`w = "${address}"`)).length, 1);
    assert.equal(balanceRequests(sim, address), 1);
    const hover = await hoverOn(`w = "${address}"`, address);
    assert.ok(hover?.markdown.includes('| PLYR |'), 'the hover shows the balances');
    assert.equal(balanceRequests(sim, address), 1, 'no second balance request');
  });

  it('hide every digit of an amount under the privacy mask, keeping the name', async () => {
    await config().update('inlayHints.show', 'amount', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('plyr.addIdentifier', PLAYER, 'Main');
    await vscode.commands.executeCommand('plyr.hideAmounts');
    try {
      const [hint] = await hintsIn(`m = ${PLAYER}`);
      assert.equal(hint.text, 'Main · ••• PLYR');
      assert.doesNotMatch(hint.tooltip.replace(/player123|Updated .*/g, ''), /\d/, 'the PLYR ID may show, no amount');
    } finally {
      await vscode.commands.executeCommand('plyr.showAmounts');
    }
    assert.equal((await plyrApi()).privacyMask, false);
  });

  it('ask nothing without credentials, on a line too long to scan, or in a language left out', async () => {
    await config().update('inlayHints.show', 'amount', vscode.ConfigurationTarget.Global);
    const [noCredentials, longLine, leftOut] = ['no credentials', 'long line', 'left out'].map((name) => demoAddress(`inlay ${name}`));
    // Each case has an address of its own: an editor still showing another test's document may ask for that one.
    const asked = (address: string) => sim.requests.filter((r) => r.path.endsWith(address)).length;
    await vscode.commands.executeCommand('plyr.clearCredentials');
    try {
      assert.deepEqual(await hintsIn(`n = ${noCredentials}`), []);
      assert.equal(asked(noCredentials), 0);
    } finally {
      await setDemoCredentials();
    }
    assert.deepEqual(await hintsIn(`${'a'.repeat(20_000)} ${longLine}`), []);
    assert.equal(asked(longLine), 0);
    await config().update('hover.languages', ['json'], vscode.ConfigurationTarget.Global);
    assert.deepEqual(await hintsIn(`o = ${leftOut}`), [], 'not in typescript');
    assert.equal(asked(leftOut), 0);
  });

  it("ask nothing of a workspace's server before the user allows it", async () => {
    await config().update('inlayHints.show', 'amount', vscode.ConfigurationTarget.Global);
    const other = await startSimulator();
    try {
      await config().update('network', 'custom', vscode.ConfigurationTarget.Workspace);
      await config().update('customBaseUrl', other.url, vscode.ConfigurationTarget.Workspace);
      assert.deepEqual(await hintsIn(`p = ${PLAYER}`), []);
      assert.equal(other.requests.length, 0, 'the workspace server got no request');
      assert.equal(sim.requests.length, 0, "nor did the user's own server");
    } finally {
      await config().update('network', undefined, vscode.ConfigurationTarget.Workspace);
      await config().update('customBaseUrl', undefined, vscode.ConfigurationTarget.Workspace);
      await other.close();
    }
  });
});
