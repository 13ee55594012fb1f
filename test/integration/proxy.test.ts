import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Simulator } from '../../simulator/server';
import { LoopbackProxy, startLoopbackProxy } from '../support/loopbackProxy';
import { checkBalance, pointAt, rejection, resetSettings, setDemoCredentials, startAndUseSimulator } from './helpers';

/** Requests go through VS Code's proxy settings (`http.proxy`), the way the platform sends extensions' requests. */
describe('behind an HTTP proxy', () => {
  let sim: Simulator;
  let proxy: LoopbackProxy;
  const http = () => vscode.workspace.getConfiguration('http');
  before(async () => {
    sim = await startAndUseSimulator();
    proxy = await startLoopbackProxy();
    await setDemoCredentials();
  });
  after(async () => {
    await http().update('proxy', undefined, vscode.ConfigurationTarget.Global);
    await resetSettings();
    await Promise.all([sim.close(), proxy.close()]);
  });

  it('sends the balance request through http.proxy', async () => {
    // 127.0.0.2 is this machine too, but not "localhost" to VS Code's proxy support, which sends
    // localhost and 127.0.0.1 directly. The simulator listens on 127.0.0.1 only: the proxy is
    // the one way to reach it at 127.0.0.2.
    const server = `http://127.0.0.2:${new URL(sim.url).port}`;
    await pointAt(server);
    const direct = await rejection(checkBalance('player123', 'gamr'));
    assert.equal(direct.code, 'network', 'without the proxy the server cannot be reached at this address');
    assert.equal(proxy.forwarded.length, 0);

    await http().update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
    const result = await checkBalance('player123', 'gamr');
    assert.deepEqual(result.balances, { gamr: '9007199.254740993123456789' });
    assert.deepEqual(proxy.forwarded.map((f) => f.url), [`${server}/api/user/balance/player123/gamr`]);
    assert.equal(proxy.forwarded[0].apikey, true, 'the signed request itself went through the proxy');
  });
});
