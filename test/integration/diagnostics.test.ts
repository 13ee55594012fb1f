import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { demoAddress } from '../../simulator/demoData';
import { Simulator } from '../../simulator/server';
import { checksumProblemOf } from '../../src/core/model/addressChecksum';
import { CheckBalanceCodeActionProvider } from '../../src/vscode/editor/checkBalanceCodeAction';
import { ChecksumDiagnostics } from '../../src/vscode/editor/checksumDiagnostics';
import { SettingsEvents } from '../../src/vscode/settings';
import { notebookCell, resetSettings, startSuite, waitFor } from './helpers';

// EIP-55's own examples, and each with one letter's case flipped (the checksum then fails).
const A = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const B = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const C = '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB';
const A_TYPO = A.replace('aAeb', 'aaeb');
const B_TYPO = B.replace('fB69', 'Fb69');
const C_TYPO = C.replace('dbF0', 'dbf0');

/** `count` distinct addresses, each with one letter's case flipped and still mixed case: each fails its checksum. */
function distinctTypos(count: number, seed: string): string[] {
  const flipped = (address: string) => address.replace(/[a-fA-F]/, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
  const typos: string[] = [];
  for (let i = 0; typos.length < count; i++) {
    const typo = flipped(demoAddress(`${seed} ${i}`));
    if (/[a-f]/.test(typo.slice(2)) && /[A-F]/.test(typo)) {
      typos.push(typo);
    }
  }
  return typos;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'PLYR');
}

/** Polls until the document's PLYR diagnostics number `count` (no fixed wait), and returns them. */
function diagnosticsOf(document: vscode.TextDocument, count: number): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const found = ours(document.uri);
    return found.length === count && found;
  }, () => `${count} PLYR diagnostic(s) in ${document.uri.toString()} (last seen: ${ours(document.uri).length})`);
}

/** Plain text by default: no language server joins the code-action requests. */
function open(content: string, language = 'plaintext'): Thenable<vscode.TextDocument> {
  return vscode.workspace.openTextDocument({ content, language });
}

/** The quick fixes at the range; `resolved` of them made whole as when chosen (Fix all's edit is made then). */
async function actionsAt(document: vscode.TextDocument, range: vscode.Range, resolved = 0): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, range, undefined, resolved);
  return actions.filter((a): a is vscode.CodeAction => 'kind' in a && a.kind?.value === vscode.CodeActionKind.QuickFix.value);
}

async function apply(action: vscode.CodeAction | undefined): Promise<void> {
  assert.ok(action?.edit, 'a fix with a WorkspaceEdit');
  assert.ok(await vscode.workspace.applyEdit(action.edit), 'the edit applies');
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('plyr').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('checksum diagnostics and their quick fixes', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSuite();
  });
  beforeEach(() => sim.reset());
  afterEach(async () => {
    await resetSettings();
    await setting('diagnostics.checksum', undefined);
    await setting('diagnostics.lowerCaseAddresses', undefined);
  });
  after(() => sim.close());

  it("warn in a notebook's cells too", async () => {
    const cell = await notebookCell(`typo = '${A_TYPO}'`);
    const [warning] = await diagnosticsOf(cell, 1);
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(cell.getText(warning.range), A_TYPO);
  });

  it('warns about a mixed-case address whose checksum fails, and only it; the checksummed fix clears it, with no request', async () => {
    const hash = `0x${A_TYPO.slice(2)}${'ab'.repeat(12)}`;
    const lines = [`const typo = '${A_TYPO}';`, `const good = '${B}';`, `const upper = '0x${C.slice(2).toUpperCase()}';`, `const lower = '${C.toLowerCase()}';`, `const tx = '${hash}';`];
    const document = await open(lines.join('\n'));
    const [warning] = await diagnosticsOf(document, 1);
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(warning.range.isEqual(new vscode.Range(0, 14, 0, 56)), `range ${JSON.stringify(warning.range)}`);
    assert.match(warning.message, /fails its EIP-55 checksum/);
    assert.ok(warning.message.includes(A), 'gives the checksummed form');

    const actions = await actionsAt(document, warning.range);
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles.filter((t) => /checksummed|lower case|Fix all/.test(t)), ['Use the checksummed form', 'Use lower case'], 'no Fix all for one');
    const checksummed = actions.find((a) => a.title === 'Use the checksummed form');
    assert.equal(checksummed?.isPreferred, true);
    await apply(checksummed);
    assert.equal(document.lineAt(0).text, `const typo = '${A}';`);
    await diagnosticsOf(document, 0);
    assert.deepEqual(sim.requests, [], 'worked out locally');
  });

  it('puts the address in lower case with the other fix', async () => {
    const document = await open(`x = ${B_TYPO} // end`);
    const [warning] = await diagnosticsOf(document, 1);
    await apply((await actionsAt(document, warning.range)).find((a) => a.title === 'Use lower case'));
    assert.equal(document.getText(), `x = ${B.toLowerCase()} // end`);
    await diagnosticsOf(document, 0);
  });

  it('flags all-lower-case addresses, as information, only while the setting is on', async () => {
    const document = await open(`const a = '${A.toLowerCase()}';\nconst b = '${B_TYPO}';`);
    const [only] = await diagnosticsOf(document, 1);
    assert.equal(only.range.start.line, 1, 'the lower-case one is not flagged by default');

    await setting('diagnostics.lowerCaseAddresses', true);
    const both = await diagnosticsOf(document, 2);
    const info = both.find((d) => d.range.start.line === 0);
    assert.equal(info?.severity, vscode.DiagnosticSeverity.Information);
    assert.match(info?.message ?? '', /all lower case/);
    const actions = await actionsAt(document, info.range);
    assert.deepEqual(
      actions.filter((a) => a.title.startsWith('Use ')).map((a) => a.title),
      ['Use the checksummed form'],
      'lower case is what it already is',
    );

    await setting('diagnostics.lowerCaseAddresses', undefined);
    const [left] = await diagnosticsOf(document, 1);
    assert.equal(left.range.start.line, 1);
  });

  it('offers Fix all in file when there are several, and fixes them all in one edit', async () => {
    const document = await open([`const list = [`, `  '${A_TYPO}', '${B_TYPO}',`, `  '${C_TYPO}',`, `];`].join('\n'));
    const found = await diagnosticsOf(document, 3);
    const offered = (await actionsAt(document, found[0].range)).find((a) => a.title.startsWith('Fix all in file'));
    assert.ok(offered, 'a Fix all action');
    assert.equal(offered.title, 'Fix all in file: use the checksummed form of 3 addresses');
    assert.equal(offered.isPreferred, false);
    assert.equal(offered.edit, undefined, 'its edit is made when it is chosen, not at every light bulb');
    const fixAll = (await actionsAt(document, found[0].range, 10)).find((a) => a.title.startsWith('Fix all in file'));
    await apply(fixAll);
    assert.equal(document.getText(), [`const list = [`, `  '${A}', '${B}',`, `  '${C}',`, `];`].join('\n'));
    await diagnosticsOf(document, 0);
  });

  it('check a large file in slices, and answer the light bulb from the whole of it', async () => {
    // A few hundred ms of hashing: many slices.
    const typos = distinctTypos(20_000, 'airdrop');
    const document = await open(typos.map((t, i) => `${i}, ${t}`).join('\n'));
    // An edit at once, most likely while the first pass is under way: the pass of the old text gives up.
    const edit = new vscode.WorkspaceEdit();
    edit.delete(document.uri, new vscode.Range(0, 0, 1, 0));
    assert.ok(await vscode.workspace.applyEdit(edit));
    // VS Code shows a file's first 1,000 diagnostics: 999, and one that says how many more there are.
    const found = await diagnosticsOf(document, 1000);
    assert.deepEqual(found.filter((d) => d !== found.find((u) => /more addresses/.test(u.message))).map((d) => d.range.start.line).sort((a, b) => a - b), [...Array(999).keys()], 'the first 999 in the file');
    const unlisted = found.find((d) => /more addresses in this file/.test(d.message))!;
    assert.equal(unlisted.range.start.line, 999, 'at the first address left out');
    assert.equal(unlisted.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(unlisted.message, '19000 more addresses in this file fail their checksum or are all lower case; the first 999 are listed. "Fix all in file" writes the checksummed form of every one.');
    // The light bulb reads the whole pass: the last address of all has its fixes.
    const lastLine = document.lineAt(19_998).text;
    const last = new vscode.Range(19_998, lastLine.indexOf('0x'), 19_998, lastLine.length);
    assert.equal(document.getText(last), typos[19_999]);
    const titles = (await actionsAt(document, last)).map((a) => a.title);
    assert.deepEqual(titles, ['Use the checksummed form', 'Use lower case', 'Fix all in file: use the checksummed form of 19999 addresses']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('list the likely typos first when a file has more problems than VS Code shows', async () => {
    await setting('diagnostics.lowerCaseAddresses', true);
    try {
      // All lower case, each a problem (one whose checksummed form has no capital is none: left out).
      const lowerCase = Array.from({ length: 1300 }, (_, i) => demoAddress(`lower ${i}`).toLowerCase())
        .filter((address) => checksumProblemOf(address, { lowerCase: true }) !== undefined)
        .slice(0, 1200);
      const document = await open([...lowerCase, A_TYPO, B_TYPO].join('\n'));
      const found = await diagnosticsOf(document, 1000);
      const warnings = found.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning);
      assert.deepEqual(warnings.map((d) => document.getText(d.range)), [A_TYPO, B_TYPO], 'both mismatches, though last in the file');
      const unlisted = found.filter((d) => /more addresses in this file/.test(d.message));
      assert.deepEqual(unlisted.map((d) => [d.message.split(' ')[0], d.range.start.line]), [['203', 997]], 'how many are left out, at the first of them');
    } finally {
      await setting('diagnostics.lowerCaseAddresses', undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('give up a pass whose text changed under it, join a pass under way, and answer from the new text', async () => {
    // The extension's own class over its own collection, so that the test holds the passes' promises,
    // and each pass's next slice (what it waits for is the test's, not a race with the machine's speed).
    const settings = new SettingsEvents();
    let held: (() => void)[] | undefined = [];
    const typos = distinctTypos(20_000, 'slices');
    const document = await open(typos.join('\n'));
    // This document only: the large untitled ones of the tests before may still be open (VS Code keeps
    // an unsaved one a while after its editor closes), and their passes would hold slices too.
    const checks = new ChecksumDiagnostics([{ scheme: 'untitled', pattern: document.uri.fsPath }], settings, (slice) => (held ? held.push(slice) : setImmediate(slice)));
    try {
      assert.equal(vscode.workspace.textDocuments.filter((d) => vscode.languages.match({ scheme: 'untitled', pattern: document.uri.fsPath }, d) > 0).length, 1, 'the selector picks this document alone');
      // Hundreds of ms of hashing: far more than one slice, so the pass is under way, its next slice held.
      const first = checks.problemsOf(document);
      assert.equal(checks.problemsOf(document), first, 'a second ask joins the pass under way');
      assert.equal(held.length, 1, 'one pass under way, waiting for its next slice');
      // Its next slice runs as the change arrives, before the edit's own pass (300 ms later) can start.
      const stillHeld = new Promise<number>((resolve) => {
        const listener = vscode.workspace.onDidChangeTextDocument((event) => {
          if (event.document === document && held) {
            listener.dispose();
            held.splice(0).forEach((slice) => slice());
            resolve(held.length);
          }
        });
      });
      const edit = new vscode.WorkspaceEdit();
      edit.delete(document.uri, new vscode.Range(0, 0, 1, 0));
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.equal(await stillHeld, 0, 'the pass went no further once its text changed');
      held = undefined;
      assert.equal(await first, undefined, 'the pass of the old text gave up');
      const problems = await checks.problemsOf(document);
      assert.equal(problems?.length, 19_999, 'the new text, whole');
      assert.equal(await checks.problemsOf(document), problems, 'kept for its version');
    } finally {
      checks.dispose();
      settings.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('follows edits, and skips a line longer than 10,000 characters', async () => {
    const document = await open(`ok = ${A}\nlong = '${'x'.repeat(10_000)} ${B_TYPO}'\n`);
    const editor = await vscode.window.showTextDocument(document);
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), `typed = ${C_TYPO}\n`)));
    const [typed] = await diagnosticsOf(document, 1);
    assert.equal(typed.range.start.line, 2, 'the typed one, not the one on the long line');
    assert.ok(await editor.edit((edit) => edit.replace(typed.range, C)));
    await diagnosticsOf(document, 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('gives none in a language left out of plyr.hover.languages, and some once it is back', async () => {
    await setting('hover.languages', ['plaintext']);
    const excluded = await open(`a = '${A_TYPO}'`, 'ini');
    const included = await open(`a = '${A_TYPO}'`, 'plaintext');
    // Each is checked as it opens, in order: once the second has its diagnostic, the first had its turn.
    await diagnosticsOf(included, 1);
    assert.deepEqual(ours(excluded.uri), []);
    assert.deepEqual((await actionsAt(excluded, new vscode.Range(0, 8, 0, 8))).filter((a) => a.title.startsWith('Use ')), []);

    await setting('hover.languages', undefined);
    await diagnosticsOf(excluded, 1);
  });

  it('offers its Check PLYR balance light bulb in the languages of plyr.hover.languages only', async () => {
    await setting('hover.languages', ['plaintext']);
    const titles = async (document: vscode.TextDocument) =>
      (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 8, 0, 8))).map((a) => a.title);
    const excluded = await open(`a = '${A}'`, 'ini');
    const included = await open(`a = '${A}'`, 'plaintext');
    assert.ok((await titles(included)).includes('Check PLYR balance of 0x5aAe…eAed'));
    assert.ok(!(await titles(excluded)).some((title) => title.startsWith('Check PLYR balance')));
  });

  it('makes no Check PLYR balance action when only quick fixes are asked for (VS Code would drop it, with a warning in its log)', async () => {
    const document = await open(`a = '${A}'`, 'plaintext');
    const provider = new CheckBalanceCodeActionProvider({ hover: () => ({ enabled: true, languages: ['plaintext'], cacheMs: 60_000 }) });
    const at = new vscode.Range(0, 8, 0, 8);
    assert.deepEqual(provider.provideCodeActions(document, at, { only: vscode.CodeActionKind.QuickFix }), []);
    assert.deepEqual(provider.provideCodeActions(document, at, { only: undefined }).map((a) => a.title), ['Check PLYR balance of 0x5aAe…eAed']);
    assert.equal(provider.provideCodeActions(document, at, { only: vscode.CodeActionKind.Empty }).length, 1, 'asked for every kind');
  });

  it('can be turned off', async () => {
    const document = await open(`a = ${A_TYPO}`);
    await diagnosticsOf(document, 1);
    await setting('diagnostics.checksum', false);
    await diagnosticsOf(document, 0);
    assert.deepEqual((await actionsAt(document, new vscode.Range(0, 6, 0, 6))).filter((a) => a.title.startsWith('Use ')), []);
  });

  it('drops a document\'s diagnostics when it is closed', async () => {
    const document = await open(`a = ${A_TYPO}`);
    await vscode.window.showTextDocument(document);
    await diagnosticsOf(document, 1);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => document.isClosed, 'the document to close');
    assert.deepEqual(ours(document.uri), []);
  });
});
