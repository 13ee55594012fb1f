import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { Simulator, startSimulator } from '../../simulator/server';
import type { PlyrBalanceApi, TrackedSnapshot } from '../../src/vscode/api';
import { poll } from '../runners/poll';

/** Shared set-up for the suites: a simulator in this process, and the extension pointed at it. */
export async function startAndUseSimulator(): Promise<Simulator> {
  const sim = await startSimulator();
  await pointAt(sim.url);
  return sim;
}

/** The usual start of a suite: a fresh simulator the user's settings point at, demo credentials, an empty list. */
export async function startSuite(): Promise<Simulator> {
  // Nothing tracked first: each change of server or credentials refreshes every row, in the background.
  await untrackAll();
  const sim = await startAndUseSimulator();
  await setDemoCredentials();
  return sim;
}

export async function pointAt(url: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('plyr');
  await config.update('network', 'custom', vscode.ConfigurationTarget.Global);
  await config.update('customBaseUrl', url, vscode.ConfigurationTarget.Global);
}

export async function resetSettings(): Promise<void> {
  const config = vscode.workspace.getConfiguration('plyr');
  for (const key of ['requestTimeoutSeconds', 'signing.getBody', 'signing.retryOtherConvention', 'hover.enabled', 'hover.languages', 'refreshConcurrency', 'inlayHints.show', 'inlayHints.token']) {
    await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  }
}

export function setDemoCredentials(credentials: { apiKey: string; secretKey: string } = DEMO_CREDENTIALS): Thenable<void> {
  return vscode.commands.executeCommand('plyr.setCredentials', { apiKey: credentials.apiKey, secretKey: credentials.secretKey });
}

export interface CheckBalanceResult {
  identifier: string;
  balances: Record<string, string>;
  /** With plyr.showValues on and prices known: each priced token's exact value in USD. */
  values?: Record<string, string>;
}

export function checkBalance(identifier: unknown, token?: unknown): Thenable<CheckBalanceResult> {
  return token === undefined ? vscode.commands.executeCommand('plyr.checkBalance', identifier) : vscode.commands.executeCommand('plyr.checkBalance', identifier, token);
}

/** Awaits a rejection and returns the error, failing when the promise resolves. */
export async function rejection(promise: Thenable<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  assert.fail('expected the command to fail, and it succeeded');
}

/** The extension's exported API (activating it if needed). */
export async function plyrApi(): Promise<PlyrBalanceApi> {
  const extension = vscode.extensions.getExtension<PlyrBalanceApi>('plyr-tools.plyr-balance');
  assert.ok(extension, 'the extension is installed');
  return extension.isActive ? extension.exports : await extension.activate();
}

export async function tracked(id: string): Promise<TrackedSnapshot | undefined> {
  return (await plyrApi()).getTracked().find((t) => t.identifier === id);
}

/**
 * Polls `probe` until it returns a value (or true), failing after `ms`. No fixed sleeps. `what`
 * may be a function, read at the time-out: the state that explains it.
 */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string | (() => string), ms = 10_000): Promise<T> {
  const found = (value: T | undefined | false): value is T => value !== undefined && value !== false;
  const value = await poll(async () => probe(), found, ms, 25);
  if (!found(value)) {
    assert.fail(`timed out after ${ms} ms waiting for ${typeof what === 'function' ? what() : what}`);
  }
  return value;
}

/** Removes every tracked identifier and group and sorts manually: a clean list for the next test. */
export async function untrackAll(): Promise<void> {
  const api = await plyrApi();
  for (const t of api.getTracked()) {
    await vscode.commands.executeCommand('plyr.removeIdentifier', t.identifier);
  }
  for (const group of api.getGroups()) {
    await vscode.commands.executeCommand('plyr.deleteGroup', group);
  }
  if (api.sortOrder.by !== 'manual') {
    await vscode.commands.executeCommand('plyr.sortBy', 'manual');
  }
}

/** The document of the one code cell of a new, untitled Jupyter notebook (VS Code's built-in ipynb extension) holding `text`. */
export async function notebookCell(text: string, language = 'python'): Promise<vscode.TextDocument> {
  const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', new vscode.NotebookData([new vscode.NotebookCellData(vscode.NotebookCellKind.Code, text, language)]));
  return notebook.cellAt(0).document;
}

/**
 * Hovers `needle` in `text`, in a new untitled document (or in `document`, which holds `text`);
 * returns the PLYR hover's Markdown.
 */
export async function hoverOn(text: string, needle: string, document?: vscode.TextDocument): Promise<{ markdown: string; trusted: unknown } | undefined> {
  document ??= await vscode.workspace.openTextDocument({ content: text, language: 'typescript' });
  const offset = text.indexOf(needle) + 5;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
  for (const hover of hovers) {
    for (const content of hover.contents) {
      const markdown = typeof content === 'string' ? content : 'value' in content ? content.value : '';
      if (markdown.includes('**PLYR**')) {
        return { markdown, trusted: (content as vscode.MarkdownString).isTrusted };
      }
    }
  }
  return undefined;
}

/** globalState as plain memory, for a part of the extension built outside the running one. */
export class MemoryState implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

/** Every readable file under a folder (such as the user-data folder), with its text; sockets and vanished files skipped. */
export function readAll(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return readAll(full);
    }
    try {
      return entry.isFile() ? [{ file: full, text: fs.readFileSync(full, 'utf8') }] : [];
    } catch {
      return [];
    }
  });
}

/** The PLYR log file under the runner's user-data folder, once it holds `line`. */
export function logHolding(line: string): Promise<string> {
  return waitFor(() => plyrLogs().find((f) => f.text.includes(line))?.file, `the PLYR log to hold "${line}"`, 15_000);
}

/** How many times the PLYR log says `text` so far. */
export function timesLogged(text: string): number {
  return plyrLogs().reduce((n, f) => n + f.text.split(text).length - 1, 0);
}

function plyrLogs(): { file: string; text: string }[] {
  const userData = process.env.PLYR_TEST_USER_DATA_DIR;
  assert.ok(userData && fs.existsSync(userData), 'the runner passes PLYR_TEST_USER_DATA_DIR');
  return readAll(userData).filter((f) => f.file.includes('PLYR') && f.file.endsWith('.log'));
}
