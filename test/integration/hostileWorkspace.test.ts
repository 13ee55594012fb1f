import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEMO_CREDENTIALS, DEMO_USERS } from '../../simulator/demoData';
import { Simulator, startSimulator } from '../../simulator/server';
import { checkBalance, hoverOn, rejection, resetSettings, setDemoCredentials, startAndUseSimulator, untrackAll } from './helpers';

const PLAYER = DEMO_USERS[0];
const LINK_PAYLOADS = ['[key](command:git.push)', '<command:git.push> key', 'key command:git.push', '[key][ref] [ref]: command:git.push'];

/** What a notification could turn into a link: none of it, and `command:` only inside inline code. */
function assertNoLink(message: string): void {
  assert.ok(!message.includes(']('), `"](" in: ${message}`);
  assert.ok(!/command:/i.test(message.replace(/`[^`]*`/g, '')), `command: outside inline code in: ${message}`);
}

function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the session opens a workspace folder');
  return folder.uri;
}

/** A hostile repository or server, round two (issue 15): what it sets or sends reaches the user inert, or not at all. */
describe('a hostile workspace or server', () => {
  let own: Simulator;
  let other: Simulator;
  const config = () => vscode.workspace.getConfiguration('plyr');
  const watchList = () => vscode.Uri.joinPath(workspaceFolder(), '.vscode', 'plyr.json');
  before(async () => {
    own = await startAndUseSimulator();
    other = await startSimulator();
    await setDemoCredentials();
    await untrackAll();
    await vscode.commands.executeCommand('plyr.addIdentifier', 'player123');
  });
  after(async () => {
    await config().update('network', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('customBaseUrl', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder(), '.vscode'), { recursive: true }).then(undefined, () => undefined);
    await untrackAll();
    await resetSettings();
    await Promise.all([own.close(), other.close()]);
  });

  it('Share to Workspace File rejects a plyr.json whose field is named like a link with a message that holds no link', async () => {
    for (const field of LINK_PAYLOADS) {
      await vscode.workspace.fs.writeFile(watchList(), new TextEncoder().encode(JSON.stringify({ [field]: 1, identifiers: [] })));
      const error = await rejection(vscode.commands.executeCommand('plyr.shareToWorkspace', 'player123'));
      assert.equal(error.code, 'invalidFile', error.message);
      assert.match(error.message, /has a field named '/);
      assertNoLink(error.message);
    }
    await vscode.workspace.fs.delete(watchList());
  });

  it('Share to Workspace File does not write through a .vscode that is a symbolic link out of the workspace', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-outside-'));
    const dotVscode = path.join(workspaceFolder().fsPath, '.vscode');
    fs.rmSync(dotVscode, { recursive: true, force: true });
    fs.symlinkSync(outside, dotVscode);
    try {
      const error = await rejection(vscode.commands.executeCommand('plyr.shareToWorkspace', 'player123'));
      assert.equal(error.code, 'invalidFile');
      assert.match(error.message, /is a symbolic link/);
      assert.deepEqual(fs.readdirSync(outside), [], 'nothing was written outside the workspace');
    } finally {
      fs.rmSync(dotVscode, { force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a workspace server not yet allowed gets no request of any kind: the hover shows only the consent line', async () => {
    await config().update('network', 'custom', vscode.ConfigurationTarget.Workspace);
    await config().update('customBaseUrl', other.url, vscode.ConfigurationTarget.Workspace);
    other.reset();
    const hover = await hoverOn(`const w = "${PLAYER.primaryAddress}";`, PLAYER.primaryAddress);
    assert.ok(hover, 'a PLYR hover');
    assert.match(hover.markdown, /This workspace sets the PLYR API server to/);
    assert.match(hover.markdown, /\(command:plyr\.allowWorkspaceServerFromLink\?%5B%5D\)$/);
    assert.doesNotMatch(hover.markdown, /PLYR ID|\| Token/, 'no owner and no balances');
    await vscode.commands.executeCommand('plyr.refresh');
    const error = await rejection(checkBalance('player123'));
    assert.equal(error.code, 'serverNotConfirmed');
    const checks = await vscode.commands.executeCommand<{ check: string; ok: boolean; fix?: string }[]>('plyr.testConnection');
    assert.deepEqual(checks.find((c) => c.check === 'server'), { ...checks.find((c) => c.check === 'server'), ok: false, fix: 'allowServer' });
    assert.deepEqual(other.requests, [], 'the workspace server heard nothing: no balance, owner, token list or probe');
    await config().update('network', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('customBaseUrl', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it("a workspace that only turns on the custom network needs consent before the user's own custom server gets credentials", async () => {
    // The user once set a custom URL (say an old simulator) but uses mainnet now. The workspace's
    // choice first, so that mainnet is never in effect: each change refreshes the tracked player123,
    // which would send the demo key to the real PLYR API (and may hang there, into later suites).
    await config().update('network', 'custom', vscode.ConfigurationTarget.Workspace);
    await config().update('customBaseUrl', own.url, vscode.ConfigurationTarget.Global);
    await config().update('network', 'mainnet', vscode.ConfigurationTarget.Global);
    own.reset();
    try {
      const error = await rejection(checkBalance('player123'));
      assert.equal(error.code, 'serverNotConfirmed');
      assert.deepEqual(own.requests, []);
      assert.equal(await vscode.commands.executeCommand('plyr.allowWorkspaceServer', new URL(own.url).origin), true);
      assert.equal((await checkBalance('player123')).balances.plyr, '1234.5');
    } finally {
      await config().update('network', 'custom', vscode.ConfigurationTarget.Global);
      await config().update('network', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('a hover link to Set API Credentials ignores the credentials a link passes', async () => {
    const pending = vscode.commands.executeCommand('plyr.setCredentialsFromLink', { apiKey: 'attacker-key-0001', secretKey: 'attacker-secret' });
    // It asks the person instead: close the prompt as they would with Escape, until it has closed.
    for (let i = 0; i < 50; i++) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      const settled = await Promise.race([Promise.resolve(pending).then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 100))]);
      if (settled) {
        break;
      }
    }
    await pending;
    own.reset();
    // An identifier no refresh asks for: the server changes of the test before may still have
    // the tracked player123 refreshed again (each change asks every row once more), in the background.
    await checkBalance('crypto-fennec');
    assert.ok(own.requests.every((r) => r.status === 200), 'the demo credentials still sign');
    assert.equal(own.requests.filter((r) => r.path.endsWith('/crypto-fennec')).length, 1);
  });

  it('a server that echoes the request headers gets its echo shown and logged without the key or the signature', async () => {
    own.fault({ kind: 'echoHeaders', path: '/api/user/balance' });
    const error = await rejection(checkBalance('player123'));
    own.clearFaults();
    const signature = own.requests.at(-1)?.signature;
    assert.ok(signature);
    assert.ok(!error.message.includes(DEMO_CREDENTIALS.apiKey) && !error.message.includes(signature), error.message);
    assert.match(error.message, /apikey=\[redacted\]/);
  });
});
