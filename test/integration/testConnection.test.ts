import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { Simulator } from '../../simulator/server';
import { detailLine, type DoctorCheck } from '../../src/core/content/doctor';
import { freePort } from '../runners/codeServer';
import { logHolding, pointAt, resetSettings, setDemoCredentials, startAndUseSimulator } from './helpers';

async function testConnection(): Promise<Record<string, DoctorCheck>> {
  const checks = await vscode.commands.executeCommand<DoctorCheck[]>('plyr.testConnection');
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  const text = JSON.stringify(checks);
  assert.ok(!text.includes(DEMO_CREDENTIALS.secretKey) && !text.includes(DEMO_CREDENTIALS.apiKey), 'no secret in any field');
  return Object.fromEntries(checks.map((c) => [c.check, c]));
}

const failing = (checks: Record<string, DoctorCheck>) => Object.values(checks).filter((c) => !c.ok).map((c) => c.check);

describe('PLYR: Test Connection', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startAndUseSimulator();
  });
  beforeEach(async () => {
    sim.reset();
    await setDemoCredentials();
    await pointAt(sim.url);
  });
  after(async () => {
    await setDemoCredentials();
    await resetSettings();
    await sim.close();
  });

  it('passes every check against a healthy simulator, and says which signing worked', async () => {
    const checks = await testConnection();
    assert.deepEqual(Object.keys(checks), ['network', 'server', 'credentials', 'clock', 'signedCall', 'rateLimit']);
    assert.deepEqual(failing(checks), []);
    // The URL once, after the network's name: not also inside the name, as "custom (URL)".
    assert.equal(checks.network.detail.split(sim.url).length - 1, 1, checks.network.detail);
    assert.match(checks.network.detail, /^custom network at /);
    assert.equal(checks.credentials.detail, "An API key and a secret key are set (stored in VS Code's secret storage).");
    assert.match(checks.signedCall.detail, /accepted \(signing timestamp \+ "\{\}"\)/);
  });

  it('names the unreachable server, with Open Settings, when the simulator is down', async () => {
    await pointAt(`http://127.0.0.1:${await freePort()}`);
    const checks = await testConnection();
    assert.deepEqual(failing(checks), ['server', 'clock', 'signedCall']);
    assert.match(checks.server.detail, /refused/);
    assert.equal(checks.server.fix, 'openSettings');
  });

  it('offers no settings fix when the server answers 500 to everything: it says to try again later, as the sidebar does', async () => {
    sim.fault({ kind: 'status', status: 500 });
    const checks = await testConnection();
    assert.deepEqual(failing(checks), ['server', 'signedCall']);
    for (const check of [checks.server, checks.signedCall]) {
      assert.equal(check.fix, undefined, JSON.stringify(check));
      assert.match(check.detail, /server error: 500\. Try again later\./);
    }
  });

  it('fails the signed request for a wrong secret, with Set API Credentials', async () => {
    await setDemoCredentials({ apiKey: DEMO_CREDENTIALS.apiKey, secretKey: 'wrong-secret-value-123' });
    const checks = await testConnection();
    assert.deepEqual(failing(checks), ['signedCall']);
    assert.equal(checks.signedCall.fix, 'setCredentials');
    assert.match(checks.signedCall.detail, /Invalid signature/);
    assert.ok(!JSON.stringify(checks).includes('wrong-secret-value-123'));
  });

  it('says how far off the clock is when the server is 10 minutes ahead, as a warning: its own signed call passes, corrected', async () => {
    sim.configure({ clockOffsetMs: 10 * 60_000 });
    const checks = await testConnection();
    assert.deepEqual(failing(checks), []);
    assert.equal(checks.clock.warning, true);
    assert.match(checks.clock.detail, /10 min behind the server's: the extension corrects its own requests\. Past 5 minutes the server refuses what this clock signs/);
    assert.equal(checks.clock.fix, 'fixClock');
    assert.equal(checks.signedCall.ok, true);
  });

  it('points the refused signed request to the clock, not the key, when the server is 2 hours ahead', async () => {
    sim.configure({ clockOffsetMs: 2 * 3_600_000 });
    const checks = await testConnection();
    assert.deepEqual(failing(checks), ['clock', 'signedCall']);
    assert.equal(checks.clock.fix, 'fixClock');
    assert.equal(checks.signedCall.fix, 'fixClock');
    assert.match(checks.signedCall.detail, /Request expired\. Your clock is the likely cause, not the API key/);
    assert.doesNotMatch(checks.signedCall.detail, /Check the API key/);
  });

  it("writes each check's full detail to the PLYR log, where the list has room for its first sentence only", async () => {
    sim.configure({ clockOffsetMs: 2 * 3_600_000 });
    const checks = await testConnection();
    assert.notEqual(detailLine(checks.clock.detail), checks.clock.detail, 'the list shows less than the whole');
    await logHolding(`Test Connection: clock failed: ${checks.clock.detail}`);
    await logHolding(`Test Connection: signedCall failed: ${checks.signedCall.detail}`);
  });

  it('reports a rate limit with the wait the server asks for', async () => {
    sim.fault({ kind: 'status', status: 429, error: 'Too many requests', retryAfter: '30' });
    const checks = await testConnection();
    assert.ok(failing(checks).includes('rateLimit'), JSON.stringify(checks));
    assert.match(checks.rateLimit.detail, /wait 30 s/);
  });
});
