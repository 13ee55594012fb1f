import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_TOKENS } from '../../simulator/demoData';
import { Simulator } from '../../simulator/server';
import type { DoctorCheck } from '../../src/core/content/doctor';
import { englishLeft } from '../support/englishLeft';
import { checkBalance, plyrApi, rejection, startSuite, waitFor } from './helpers';

/**
 * Runs in a session of its own: VS Code started with `--locale qps-ploc` and the extension's
 * pseudo-localised bundle (test/runners/pseudoLocale.ts). Every message the extension shows is
 * then accented; a plain English word left on a surface is a string that skipped l10n.t.
 */
const ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';

describe('PLYR in the pseudo-language: no English left', () => {
  let sim: Simulator;
  let data: string[];
  const noEnglish = (surface: string, text: string) => assert.deepEqual(englishLeft(text, data), [], `English left on ${surface}:\n${text}`);

  before(async () => {
    sim = await startSuite();
    // Data, not sentences: identifiers, tokens and the signing formula Test Connection names.
    data = ['player123', ...DEMO_TOKENS.flatMap((t) => [t.symbol, t.name]), 'timestamp + "{}"'];
  });
  after(() => sim?.close());

  it('runs in the pseudo-language', () => {
    assert.equal(vscode.env.language, 'qps-ploc');
  });

  it('the hover: heading, table, links and warnings', async () => {
    await vscode.commands.executeCommand('plyr.addIdentifier', 'player123');
    const document = await vscode.workspace.openTextDocument({ content: `const wallet = '${ADDRESS}';`, language: 'typescript' });
    let text = '';
    const markdown = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(20));
      text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return text.includes('AVAX') && text;
    }, 'the hover with balances').catch((error: Error) => assert.fail(`${error.message}; it showed:\n${text}`));
    // Command links' targets and arguments are not shown: only their labels are.
    noEnglish('the hover', markdown.replace(/\]\(command:[^)]*\)/g, ']').replace(/\\(.)/g, '$1'));
  });

  it('the status bar and the tree\'s error rows', async () => {
    const config = vscode.workspace.getConfiguration('plyr');
    await config.update('statusBar.token', 'gamr', vscode.ConfigurationTarget.Global);
    await config.update('statusBar.identifier', 'player123', vscode.ConfigurationTarget.Global);
    const api = await plyrApi();
    const state = await waitFor(() => api.getStatusBar()?.text.includes('9,007,199') && api.getStatusBar(), 'the status bar');
    noEnglish('the status bar', `${state.text}\n${state.tooltip}`);
    await config.update('statusBar.identifier', undefined, vscode.ConfigurationTarget.Global);
    await config.update('statusBar.token', undefined, vscode.ConfigurationTarget.Global);
    sim.fault({ kind: 'html', status: 502 });
    await vscode.commands.executeCommand('plyr.refresh');
    const failed = await waitFor(() => api.getTracked().find((t) => t.status === 'error'), 'a failed row');
    noEnglish('an error row', failed.error?.message ?? '');
    sim.clearFaults();
  });

  it('a checksum diagnostic and its quick fixes', async () => {
    const typo = ADDRESS.replace('Cc', 'cC');
    const document = await vscode.workspace.openTextDocument({ content: `a = ${typo}\nb = ${ADDRESS.toLowerCase()}`, language: 'plaintext' });
    const [diagnostic] = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'PLYR');
      return found.length === 1 && found;
    }, 'the checksum diagnostic');
    noEnglish('a checksum diagnostic', diagnostic.message);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const fixes = actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value).map((a) => a.title);
    assert.equal(fixes.length, 2, fixes.join('\n'));
    noEnglish('the quick fixes', fixes.join('\n'));

    await vscode.workspace.getConfiguration('plyr').update('diagnostics.lowerCaseAddresses', true, vscode.ConfigurationTarget.Global);
    try {
      const all = await waitFor(() => {
        const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'PLYR');
        return found.length === 2 && found;
      }, 'the lower-case diagnostic too');
      noEnglish('a lower-case diagnostic', all.map((d) => d.message).join('\n'));
      const withFixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
      const titles = withFixAll.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value).map((a) => a.title);
      assert.equal(titles.length, 3, `the two fixes and Fix all in file:\n${titles.join('\n')}`);
      noEnglish('Fix all in file', titles.join('\n'));
    } finally {
      await vscode.workspace.getConfiguration('plyr').update('diagnostics.lowerCaseAddresses', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('Check Balance\'s validation message', async () => {
    const error = await rejection(checkBalance('player 123'));
    noEnglish('Check Balance', error.message);
  });

  it('Test Connection: every check\'s detail', async () => {
    const checks = await vscode.commands.executeCommand<DoctorCheck[]>('plyr.testConnection');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.ok(checks.length >= 5);
    noEnglish('Test Connection', checks.map((c) => c.detail).join('\n'));
  });
});
