import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Simulator, startSimulator } from '../../simulator/server';
import { PlyrError } from '../../src/core/model/errors';
import { ServerTrust } from '../../src/vscode/state/serverTrust';
import { checkBalance, MemoryState, rejection, resetSettings, setDemoCredentials, startAndUseSimulator } from './helpers';

/**
 * A cloned repository's `.vscode/settings.json` points the extension at another server: the
 * user's API key must not go there until the user allows that server.
 */
describe('an API server set by the workspace', () => {
  let own: Simulator;
  let other: Simulator;
  const workspaceConfig = () => vscode.workspace.getConfiguration('plyr');
  before(async () => {
    assert.ok(vscode.workspace.workspaceFolders?.length, 'the session opens a workspace folder');
    own = await startAndUseSimulator(); // the user's own settings
    other = await startSimulator();
    await setDemoCredentials();
  });
  after(async () => {
    await workspaceConfig().update('network', undefined, vscode.ConfigurationTarget.Workspace);
    await workspaceConfig().update('customBaseUrl', undefined, vscode.ConfigurationTarget.Workspace);
    await resetSettings();
    await Promise.all([own.close(), other.close()]);
  });

  it('receives no request with an API key before the user allows it, and works after', async () => {
    await workspaceConfig().update('network', 'custom', vscode.ConfigurationTarget.Workspace);
    await workspaceConfig().update('customBaseUrl', other.url, vscode.ConfigurationTarget.Workspace);
    const origin = new URL(other.url).origin;
    const error = await rejection(checkBalance('player123'));
    assert.equal(error.code, 'serverNotConfirmed');
    assert.ok(error.message.includes(origin), error.message);
    await vscode.commands.executeCommand('plyr.addIdentifier', 'player123');
    await vscode.commands.executeCommand('plyr.refresh');
    assert.equal(other.requests.filter((r) => r.apikey).length, 0, `requests with an apikey header: ${JSON.stringify(other.requests.filter((r) => r.apikey))}`);
    assert.equal(own.requests.filter((r) => r.apikey).length, 0, 'nor did they go to the user\'s own server meanwhile');

    assert.equal(await vscode.commands.executeCommand('plyr.allowWorkspaceServer', 'http://127.0.0.1:1'), false, 'automation confirms only the server it names');
    assert.equal((await rejection(checkBalance('player123'))).code, 'serverNotConfirmed');
    assert.equal(await vscode.commands.executeCommand('plyr.allowWorkspaceServer', origin), true);
    const result = await checkBalance('player123');
    assert.equal(result.balances.gamr, '9007199.254740993123456789');
    assert.ok(other.requests.some((r) => r.signed && r.status === 200), 'the allowed server got the signed request');
    await vscode.commands.executeCommand('plyr.removeIdentifier', 'player123');
  });

  it("needs no confirmation for the user's own server", async () => {
    await workspaceConfig().update('network', undefined, vscode.ConfigurationTarget.Workspace);
    await workspaceConfig().update('customBaseUrl', undefined, vscode.ConfigurationTarget.Workspace);
    own.reset();
    assert.equal((await checkBalance('player123')).balances.gamr, '9007199.254740993123456789');
    assert.ok(own.requests.some((r) => r.signed));
    assert.equal(await vscode.commands.executeCommand('plyr.allowWorkspaceServer', 'http://127.0.0.1:1'), false, 'nothing to allow');
  });

  it('checks the server a request was built for, not the one the settings name when it leaves (ServerTrust, over a plain Memento)', async () => {
    // A request waits for the keyring while the workspace's server setting goes away: it must not
    // then leave for the server that was never allowed.
    let server: { root: URL; sources: { workspace?: string } } = { root: new URL(`${other.url}/`), sources: { workspace: other.url } };
    const trust = new ServerTrust(new MemoryState(), { serverSettings: () => server });
    const codeOf = (root: URL) => {
      try {
        trust.assertAllowed(root);
        return 'sent';
      } catch (error) {
        return error instanceof PlyrError ? error.code : String(error);
      }
    };
    const built = new URL(`${other.url}/`);
    assert.equal(codeOf(built), 'serverNotConfirmed');
    server = { root: new URL('https://api.plyr.network/'), sources: {} };
    assert.equal(codeOf(built), 'serverChanged', 'the settings left it: the request is not sent, and says so');
    assert.equal(codeOf(new URL('https://api.plyr.network/')), 'sent');
    await trust.allow(new URL(other.url).origin);
    assert.equal(codeOf(built), 'sent', 'a server the user allowed may still be asked');
    trust.dispose();
  });
});
