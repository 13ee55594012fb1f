import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PAGE_BEHAVIOUR, Simulator, startSimulator } from '../../simulator/server';
import { checkBalance, pointAt, rejection, resetSettings, setDemoCredentials } from './helpers';

/** Each test gets its own simulator (its own URL), so nothing learnt by the client carries over. */
describe('request signing as the server verifies it', () => {
  let sim: Simulator | undefined;
  const config = () => vscode.workspace.getConfiguration('plyr');
  before(() => setDemoCredentials());
  afterEach(async () => {
    await resetSettings();
    await sim?.close();
  });

  async function fresh(behaviour = {}): Promise<Simulator> {
    sim = await startSimulator({ config: behaviour });
    await pointAt(sim.url);
    return sim;
  }

  it('signs a GET over timestamp + "{}", accepted at the first try with the fallback off', async () => {
    const s = await fresh();
    await config().update('signing.retryOtherConvention', false, vscode.ConfigurationTarget.Global);
    const result = await checkBalance('player123');
    assert.equal(result.balances.plyr, '1234.5');
    assert.deepEqual(s.requests.map((r) => r.status), [200]);
  });

  it('signs "null" when the setting says so, for deployments that follow the page', async () => {
    const s = await fresh(PAGE_BEHAVIOUR);
    await config().update('signing.retryOtherConvention', false, vscode.ConfigurationTarget.Global);
    await config().update('signing.getBody', 'null', vscode.ConfigurationTarget.Global);
    await checkBalance('player123');
    assert.deepEqual(s.requests.map((r) => r.status), [200]);
  });

  it('fails with the auth message when the convention is wrong and the fallback is off', async () => {
    const s = await fresh(PAGE_BEHAVIOUR);
    await config().update('signing.retryOtherConvention', false, vscode.ConfigurationTarget.Global);
    const error = await rejection(checkBalance('player123'));
    assert.equal(error.code, 'invalidSignature');
    assert.deepEqual(s.requests.map((r) => r.status), [401]);
  });

  it('retries once with the other convention on "Invalid signature" and keeps the one that worked', async () => {
    const s = await fresh(PAGE_BEHAVIOUR);
    await checkBalance('player123');
    assert.deepEqual(s.requests.map((r) => r.status), [401, 200]);
    await checkBalance('player123');
    assert.deepEqual(s.requests.map((r) => r.status), [401, 200, 200]);
  });

  it('corrects for a clock 10 minutes off the server', async () => {
    const s = await fresh({ clockOffsetMs: 10 * 60_000 });
    const result = await checkBalance('player123');
    assert.equal(result.balances.plyr, '1234.5');
    assert.deepEqual(s.requests.map((r) => r.status), [401, 200]);
  });
});
