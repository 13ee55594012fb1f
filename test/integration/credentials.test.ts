import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { Simulator, startSimulator } from '../../simulator/server';
import { silentLogger } from '../../src/core/api/logger';
import { isPlyrError } from '../../src/core/model/errors';
import { SECRET_KEYS } from '../../src/vscode/ids';
import { CredentialStore, READ_AGAIN_AFTER_MS } from '../../src/vscode/state/credentialStore';
import { checkBalance, logHolding, plyrApi, pointAt, readAll, rejection, resetSettings, setDemoCredentials, startAndUseSimulator, startSuite, untrackAll, waitFor } from './helpers';

/** The context keys a test-made CredentialStore sets are the window's: back to the real store's. */
async function resetContextKeys(): Promise<void> {
  await vscode.commands.executeCommand('setContext', 'plyr.credentialsUnreadable', false);
  await setDemoCredentials();
}

describe('API credentials', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startAndUseSimulator();
  });
  beforeEach(() => sim.reset());
  after(async () => {
    await setDemoCredentials();
    await resetSettings();
    await sim.close();
  });

  it('are set by the command, and the secret then appears nowhere in the user-data folder, settings or log', async function () {
    const userData = process.env.PLYR_TEST_USER_DATA_DIR;
    assert.ok(userData && fs.existsSync(userData), 'the runner passes PLYR_TEST_USER_DATA_DIR');
    const secret = `secret-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const apiKey = `${DEMO_CREDENTIALS.apiKey}`;
    // The simulator knows the demo key only with its own secret: register this one for the test.
    await sim.close();
    sim = await startSimulator({ keys: [{ apiKey, secretKey: secret, canReadBalances: true }] });
    await vscode.workspace.getConfiguration('plyr').update('customBaseUrl', sim.url, vscode.ConfigurationTarget.Global);

    await setDemoCredentials({ apiKey, secretKey: secret });
    // tester-01 is looked up by this test only, so its log line marks this very request.
    const result = await checkBalance('tester-01');
    assert.equal(result.balances.gamr, '10');
    const signature = sim.requests[0].signature;
    assert.ok(signature && /^[0-9a-f]{64}$/.test(signature));

    // The log is written to a file under the user-data folder; wait until it holds this request,
    // so the search below provably covers the log.
    await logHolding('GET /api/user/balance/tester-01 → 200');

    for (const { file, text } of readAll(userData)) {
      assert.ok(!text.includes(secret), `the secret key appears in ${file}`);
      assert.ok(!text.includes(signature), `a request signature appears in ${file}`);
      assert.ok(!text.includes(apiKey), `the full API key appears in ${file}`);
    }
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('plyr')).includes(secret));
  });

  it('name a short API key by its length in the log, not by a bare "key …", and show none of it', async () => {
    const apiKey = `Q${Date.now().toString(36).slice(-5)}`; // 6 characters, of this run only
    try {
      await setDemoCredentials({ apiKey, secretKey: 'short-key-secret' });
      const file = await logHolding('API credentials stored (a key of 6 characters).');
      const log = fs.readFileSync(file, 'utf8');
      assert.ok(!log.includes(apiKey), 'the short key appears in the log');
      assert.doesNotMatch(log, /\(key …\)/);
    } finally {
      await setDemoCredentials();
    }
  });

  it('rejects malformed credentials given to the command, and stores nothing', async () => {
    const own = await startSimulator();
    try {
      await pointAt(own.url);
      await setDemoCredentials();
      for (const bad of [{ apiKey: '', secretKey: 's' }, { apiKey: 'k' }, { apiKey: 'k', secretKey: 'has space' }, 'key:secret', 42]) {
        const error = await rejection(vscode.commands.executeCommand('plyr.setCredentials', bad));
        assert.match(error.message, /API key|secret key|Credentials/);
      }
      // Still signed with the credentials stored before: the simulator knows no other key.
      assert.equal((await checkBalance('player123')).balances.plyr, '1234.5');
    } finally {
      await pointAt(sim.url);
      await own.close();
    }
  });

  it('cleared in another window, are heard of by the CredentialStore of a window that only ever read them (its SecretStorage played by the test)', async () => {
    // The window's own store, over a SecretStorage whose other windows the test plays.
    const stored = new Map<string, string>([[SECRET_KEYS.credentials, JSON.stringify({ apiKey: DEMO_CREDENTIALS.apiKey, secretKey: DEMO_CREDENTIALS.secretKey })]]);
    const storageChanged = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
    const write = (key: string, value?: string) => (value === undefined ? stored.delete(key) : stored.set(key, value), storageChanged.fire({ key }));
    const secrets = { get: async (key: string) => stored.get(key), store: async (key: string, value: string) => write(key, value), delete: async (key: string) => write(key), onDidChange: storageChanged.event } as unknown as vscode.SecretStorage;
    const credentials = new CredentialStore(secrets, silentLogger);
    // The key each announced change leaves in force (none: cleared).
    const heard: (string | undefined)[] = [];
    credentials.onDidChange(async () => heard.push((await credentials.get())?.apiKey));
    try {
      assert.equal((await credentials.get())?.apiKey, DEMO_CREDENTIALS.apiKey);
      write(SECRET_KEYS.credentials); // another window clears them
      await waitFor(() => heard.length === 1, 'the change in the other window heard');
      assert.equal(await credentials.get(), undefined);
      // This window's own write is announced once: its storage event is not news. Another
      // window's write after it marks the end: storage events are handled in the order they come.
      await credentials.store(DEMO_CREDENTIALS);
      write(SECRET_KEYS.credentials, JSON.stringify({ apiKey: 'other-window-key', secretKey: 'other-window-secret' }));
      await waitFor(() => heard.includes('other-window-key'), 'the next change in the other window heard');
      assert.deepEqual(heard, [undefined, DEMO_CREDENTIALS.apiKey, 'other-window-key']);
    } finally {
      credentials.dispose();
      storageChanged.dispose();
      await setDemoCredentials(); // the real store sets the context key back
    }
  });

  it('that cannot be read (a locked keyring) say so, not "none": read again a minute later or when asked, logged once, and announced once readable (class level: a SecretStorage that throws)', async () => {
    const raw = JSON.stringify({ apiKey: DEMO_CREDENTIALS.apiKey, secretKey: DEMO_CREDENTIALS.secretKey });
    let locked = 2;
    let reads = 0;
    const storageChanged = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
    const secrets = {
      get: async () => {
        reads++;
        if (locked-- > 0) {
          throw new Error('Cannot create an item in a locked collection');
        }
        return raw;
      },
      onDidChange: storageChanged.event,
    } as unknown as vscode.SecretStorage;
    const warnings: string[] = [];
    const clock = { ms: 0 };
    const credentials = new CredentialStore(secrets, { ...silentLogger, warn: (message: string) => void warnings.push(message) }, undefined, () => clock.ms);
    let announced = 0;
    const heard = credentials.onDidChange(() => announced++);
    try {
      const error = await rejection(credentials.get());
      assert.ok(isPlyrError(error, 'credentialsUnreadable'), String(error));
      assert.equal(error.fix, 'readCredentialsAgain');
      assert.match(error.message, /keyring/);
      assert.equal(reads, 1, 'not read again at once (a locked keyring may prompt)');

      clock.ms += READ_AGAIN_AFTER_MS;
      assert.equal((await rejection(credentials.get())).code, 'credentialsUnreadable', 'read again a minute later: still locked');
      assert.equal(reads, 2);
      assert.equal(announced, 0);

      assert.equal((await credentials.readAgain())?.apiKey, DEMO_CREDENTIALS.apiKey, 'asked for (unlocked since): read at once');
      assert.equal(reads, 3);
      await waitFor(() => announced === 1, 'the credentials, readable again, are announced (the rows that waited refresh)');
      assert.equal((await credentials.readAgain())?.apiKey, DEMO_CREDENTIALS.apiKey);
      assert.equal(reads, 3, 'readAgain after a good read reads nothing');
      assert.equal(announced, 1);
      assert.equal(warnings.length, 1);
      assert.doesNotMatch(warnings[0], new RegExp(DEMO_CREDENTIALS.secretKey));
    } finally {
      heard.dispose();
      credentials.dispose();
      storageChanged.dispose();
      await resetContextKeys();
    }
  });

  it('stored anew while the old ones could not be read: announced once, and the keyring not read again a minute later (class level)', async () => {
    let stored: string | undefined;
    let locked = true;
    let reads = 0;
    const storageChanged = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
    const secrets = {
      get: async () => {
        reads++;
        if (locked) {
          throw new Error('Cannot create an item in a locked collection');
        }
        return stored;
      },
      store: async (_key: string, value: string) => {
        locked = false; // unlocked to write
        stored = value;
      },
      onDidChange: storageChanged.event,
    } as unknown as vscode.SecretStorage;
    const clock = { ms: 0 };
    const recoveries: string[] = [];
    const logger = { ...silentLogger, info: (message: string) => void (/could be read again/.test(message) && recoveries.push(message)) };
    const credentials = new CredentialStore(secrets, logger, undefined, () => clock.ms);
    let announced = 0;
    const heard = credentials.onDidChange(() => announced++);
    try {
      assert.equal((await rejection(credentials.get())).code, 'credentialsUnreadable');
      await credentials.store(DEMO_CREDENTIALS);
      // The recovery is told (and logged) before store() settles; a second announcement would be a second telling.
      assert.equal(recoveries.length, 1, 'the recovery is told once');
      assert.equal(announced, 1, 'store() announces itself; the read it made is not announced again');
      assert.equal((await credentials.get())?.apiKey, DEMO_CREDENTIALS.apiKey);
      const readsSoFar = reads;
      clock.ms += READ_AGAIN_AFTER_MS;
      assert.equal((await credentials.get())?.apiKey, DEMO_CREDENTIALS.apiKey);
      assert.equal((await credentials.readAgain())?.apiKey, DEMO_CREDENTIALS.apiKey);
      assert.equal(reads, readsSoFar, 'a read that worked is kept: no read a minute later, none for readAgain');
      assert.deepEqual([announced, recoveries.length], [1, 1], 'still told once after the reads that followed');
    } finally {
      heard.dispose();
      credentials.dispose();
      storageChanged.dispose();
      await resetContextKeys();
    }
  });

  it('once cleared, make Check Balance ask for credentials without any request', async () => {
    await vscode.commands.executeCommand('plyr.clearCredentials');
    const error = await rejection(checkBalance('player123'));
    assert.equal(error.code, 'noCredentials');
    assert.match(error.message, /Set API Credentials/);
    assert.equal(sim.requests.length, 0);
  });
});

describe('API credentials set while a refresh-all runs', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSuite(); // the demo key with its own secret (the suite above registers another)
  });
  after(async () => {
    await setDemoCredentials();
    await sim.close();
  });

  it('are used again for the rows it asked with the old ones, not only for those after', async () => {
    const config = vscode.workspace.getConfiguration('plyr');
    await config.update('refreshConcurrency', 1, vscode.ConfigurationTarget.Global); // one row at a time: some before, some after
    await config.update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    const ids = ['player123', 'crypto-fennec', '0x742d35Cc6634C0532925a3b844Bc454e4438f44e'];
    try {
      await setDemoCredentials({ apiKey: 'demo-api-key-wrong', secretKey: 'not-the-secret' });
      await vscode.commands.executeCommand('plyr.addIdentifier', ids);
      sim.reset();
      sim.configure({ latencyMs: 300 });
      const refreshing = vscode.commands.executeCommand('plyr.refresh');
      // The first row has its answer (refused: the wrong key) once the second is asked.
      await waitFor(() => sim.requests.some((r) => r.path.endsWith('/crypto-fennec')), 'the second row asked');
      await setDemoCredentials();
      await refreshing;
      const rows = await waitFor(async () => {
        const all = (await plyrApi()).getTracked();
        return all.every((t) => t.status === 'ok') && all;
      }, 'every row read with the new credentials', 8000);
      assert.deepEqual(rows.map((t) => t.identifier.toLowerCase()), ids.map((id) => id.toLowerCase()));
    } finally {
      sim.configure({ latencyMs: 0 });
      await untrackAll();
      await config.update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
      await resetSettings();
    }
  });
});
