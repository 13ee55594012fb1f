import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { Simulator } from '../../simulator/server';
import type { DoctorCheck } from '../../src/core/content/doctor';
import { checkBalance, logHolding, readAll, startAndUseSimulator } from './helpers';

/**
 * Run by the runner in its own session, with PLYR_API_KEY and PLYR_SECRET_KEY in the extension
 * host's environment and nothing in SecretStorage.
 */
describe('credentials from the environment', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startAndUseSimulator();
  });
  after(() => sim.close());

  it('are used when SecretStorage holds none, and never written anywhere', async () => {
    assert.equal(process.env.PLYR_API_KEY, DEMO_CREDENTIALS.apiKey, 'the runner sets PLYR_API_KEY for this session');
    const result = await checkBalance('player123');
    assert.equal(result.balances.plyr, '1234.5');
    assert.deepEqual(sim.requests.map((r) => [r.status, r.signed]), [[200, true]]);
    const settings = JSON.stringify(vscode.workspace.getConfiguration('plyr'));
    assert.ok(!settings.includes(DEMO_CREDENTIALS.secretKey) && !settings.includes(DEMO_CREDENTIALS.apiKey));
    // Nor in any file of the user-data folder (settings, state, the PLYR log once it holds this request).
    await logHolding('GET /api/user/balance/player123 → 200');
    const userData = process.env.PLYR_TEST_USER_DATA_DIR!;
    for (const { file, text } of readAll(userData)) {
      assert.ok(!text.includes(DEMO_CREDENTIALS.secretKey), `the secret key appears in ${file}`);
      assert.ok(!text.includes(DEMO_CREDENTIALS.apiKey), `the API key appears in ${file}`);
    }
  });

  it('are named as the source by Test Connection, without any part of the key', async () => {
    const checks = await vscode.commands.executeCommand<DoctorCheck[]>('plyr.testConnection');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const credentials = checks.find((c) => c.check === 'credentials');
    assert.deepEqual(credentials, { check: 'credentials', ok: true, detail: 'An API key and a secret key are set (environment: PLYR_API_KEY and PLYR_SECRET_KEY).' });
    const text = JSON.stringify(checks);
    assert.ok(!text.includes(DEMO_CREDENTIALS.secretKey) && !text.includes(DEMO_CREDENTIALS.apiKey) && !text.includes(DEMO_CREDENTIALS.apiKey.slice(0, 6)));
  });

  it('give way to credentials set with the command', async () => {
    await vscode.commands.executeCommand('plyr.setCredentials', { apiKey: 'another-key', secretKey: 'another-secret' });
    const error = await checkBalance('player123').then(
      () => undefined,
      (e: Error & { code?: string }) => e,
    );
    assert.equal(error?.code, 'invalidApiKey', 'the stored (unknown) key is the one sent');
    await vscode.commands.executeCommand('plyr.clearCredentials');
    assert.equal((await checkBalance('player123')).balances.plyr, '1234.5', 'back to the environment once cleared');
    // Clear cannot clear the environment's: it says they are still used, rather than "cleared".
    await logHolding('Stored API credentials cleared; the ones from the environment (PLYR_API_KEY and PLYR_SECRET_KEY) are still used.');
  });
});
