import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { Simulator } from '../../simulator/server';
import { freePort } from '../runners/codeServer';
import { unescapedPunctuation } from '../support/markdownChecks';
import { checkBalance, plyrApi, pointAt, rejection, resetSettings, setDemoCredentials, startAndUseSimulator, untrackAll, waitFor } from './helpers';

const HOSTILE_IDENTIFIERS: unknown[] = [
  '../x', 'a/b', '?x=1', '#', '%2F', 'player 123', 'plаyer123' /* Cyrillic а */, 'player\u212a1' /* Kelvin sign */, 'x'.repeat(10_000), '', '0x12', `0x${'g'.repeat(63)}`, `0X${'a'.repeat(40)}`, '12345',
  42, { identifier: 'player123' }, null, ['player123'],
];

describe('Check Balance failures are clear, specific and lose nothing', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startAndUseSimulator();
    await setDemoCredentials();
  });
  beforeEach(() => sim.reset());
  afterEach(async () => {
    await setDemoCredentials();
    await resetSettings();
  });
  after(async () => {
    await resetSettings();
    await sim.close();
  });

  it('says that an unknown PLYR ID has no account (404)', async () => {
    const error = await rejection(checkBalance('nobody-here'));
    assert.equal(error.code, 'userNotFound');
    assert.match(error.message, /No PLYR account/);
  });

  it('says that the credentials are wrong for a wrong secret, without showing it', async () => {
    const wrong = 'wrong-secret-value-123';
    await setDemoCredentials({ apiKey: DEMO_CREDENTIALS.apiKey, secretKey: wrong });
    const error = await rejection(checkBalance('player123'));
    assert.equal(error.code, 'invalidSignature');
    assert.match(error.message, /secret key/i);
    assert.match(error.message, /Set your API credentials/);
    assert.ok(!error.message.includes(wrong) && !error.message.includes(DEMO_CREDENTIALS.apiKey));
  });

  it('says the API key is unknown for an unknown key', async () => {
    await setDemoCredentials({ apiKey: 'unknown-key', secretKey: 'whatever' });
    assert.equal((await rejection(checkBalance('player123'))).code, 'invalidApiKey');
  });

  it('gives a network message when the server is down', async () => {
    const port = await freePort();
    await pointAt(`http://127.0.0.1:${port}`);
    try {
      const error = await rejection(checkBalance('player123'));
      assert.equal(error.code, 'network');
      assert.match(error.message, /Could not reach the PLYR API.*refused/);
    } finally {
      await pointAt(sim.url);
    }
  });

  it("shows a 500's hostile text as sent, and inert: in Check Balance's message, the error row and its tooltip", async () => {
    const said = 'Database [click here](command:workbench.action.quit) **down** <b>x</b> $(alert)';
    // Each character kept; a zero-width space after "]", in "command:" and after "$": no link, no icon.
    const inert = 'Database [click here]\u200b(command\u200b:workbench.action.quit) **down** <b>x</b> $\u200b(alert)';
    const message = `The PLYR API had a server error: 500: "${inert}". Try again later.`;
    sim.fault({ kind: 'status', status: 500, error: said });
    await vscode.commands.executeCommand('plyr.addIdentifier', 'player123');
    try {
      assert.equal((await rejection(checkBalance('player123'))).message, message);
      await vscode.commands.executeCommand('plyr.refreshIdentifier', 'player123');
      const row = await waitFor(async () => (await plyrApi()).getSidebarRows().find((r) => r.id === 'error:player123'), 'the error row');
      assert.equal(row.description, 'Show Log');
      // The tooltip is Markdown with every mark escaped: it shows the message as typed.
      assert.deepEqual(unescapedPunctuation(row.tooltip ?? ''), []);
      assert.equal(row.tooltip?.replace(/\\(.)/g, '$1'), `${message}\n\nClick: Show Log`);
    } finally {
      await untrackAll();
    }
  });

  it("offers Retry on a row whose connection the server cut off, and Open Settings on one whose server is not there", async () => {
    const errorRow = () => waitFor(async () => (await plyrApi()).getSidebarRows().find((r) => r.id === 'error:player123'), 'the error row');
    sim.fault({ kind: 'reset' });
    await vscode.commands.executeCommand('plyr.addIdentifier', 'player123');
    try {
      await vscode.commands.executeCommand('plyr.refreshIdentifier', 'player123');
      const cutOff = await errorRow();
      assert.deepEqual([cutOff.label, cutOff.description], ['The connection to the PLYR API was cut off', 'Retry']);
      assert.doesNotMatch(cutOff.tooltip ?? '', /plyr\\?\.network|Settings/, 'no setting blamed');
      await pointAt(`http://127.0.0.1:${await freePort()}`);
      await vscode.commands.executeCommand('plyr.refreshIdentifier', 'player123');
      const refused = await errorRow();
      assert.deepEqual([refused.label, refused.description], ['Could not reach the PLYR API', 'Open Settings']);
    } finally {
      // Untracked first: back on the simulator, the server's change refreshes what is tracked, into the next test.
      await untrackAll();
      await pointAt(sim.url);
    }
  });

  it('retries a 429 and then succeeds', async () => {
    sim.fault({ kind: 'status', status: 429, error: 'Too many requests', retryAfter: '1', times: 1 });
    const result = await checkBalance('player123');
    assert.equal(result.balances.plyr, '1234.5');
    assert.deepEqual(sim.requests.map((r) => r.status), [429, 200]);
  });

  it('does not wait out a Retry-After of a day, says when to try again, and sends nothing more until then (new credentials excepted)', async () => {
    sim.fault({ kind: 'status', status: 429, error: 'Too many requests', retryAfter: '86400', times: 1 });
    const error = await rejection(checkBalance('player123'));
    assert.equal(error.code, 'rateLimited');
    assert.match(error.message, /1 days?|24 h/);
    assert.equal(sim.requests.length, 1);
    // The server asked for a day: requests are held (ten minutes at most), each failing at once.
    const held = await rejection(checkBalance('tester-01'));
    assert.equal(held.code, 'rateLimited');
    assert.match(held.message, /Try again in (10|9) min/);
    assert.equal(sim.requests.length, 1, 'nothing sent');
    // New credentials open the gate: limits are usually per key.
    await setDemoCredentials();
    assert.equal((await checkBalance('tester-01')).balances.gamr, '10');
  });

  it('reports a proxy HTML error page as a server error after bounded retries', async () => {
    sim.fault({ kind: 'html', status: 502 });
    const error = await rejection(checkBalance('player123'));
    assert.equal(error.code, 'serverError');
    assert.match(error.message, /HTML/);
    assert.equal(sim.requests.length, 3);
  });

  it('times out on a server that never answers, as the setting says', async () => {
    await vscode.workspace.getConfiguration('plyr').update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    sim.fault({ kind: 'hang', times: 1 });
    const error = await rejection(checkBalance('player123'));
    assert.equal(error.code, 'timeout');
    assert.match(error.message, /1 s/);
  });

  it('refuses a body over 1 MiB and reports malformed JSON', async () => {
    sim.fault({ kind: 'oversized', times: 1 });
    assert.equal((await rejection(checkBalance('player123'))).code, 'responseTooLarge');
    sim.fault({ kind: 'malformedJson', times: 1 });
    assert.equal((await rejection(checkBalance('player123'))).code, 'malformedResponse');
  });

  it('refuses to send credentials to a non-https remote URL, naming the setting', async () => {
    await pointAt('http://plyr.example.com');
    try {
      const error = await rejection(checkBalance('player123'));
      assert.equal(error.code, 'badConfiguration');
      assert.match(error.message, /plyr\.customBaseUrl/);
    } finally {
      await pointAt(sim.url);
    }
  });

  for (const input of HOSTILE_IDENTIFIERS) {
    const label = typeof input === 'string' ? JSON.stringify(input.length > 20 ? `${input.slice(0, 12)}… (${input.length} chars)` : input) : String(JSON.stringify(input));
    it(`rejects the identifier ${label} with a specific message, and the server sees no request`, async () => {
      const error = await rejection(checkBalance(input));
      assert.equal(error.code, 'invalidIdentifier');
      assert.match(error.message, /PLYR ID|address|identifier/i);
      assert.ok(error.message.length < 200, 'the message does not echo long input');
      assert.equal(sim.requests.length, 0);
    });
  }

  for (const token of ['../x', 'a/b', '?x=1', '[x](command:workbench.action.closeWindow)', 42, { name: 'gamr' }]) {
    it(`rejects the token ${JSON.stringify(token)} with a specific message, and the server sees no request`, async () => {
      const error = await rejection(checkBalance('player123', token));
      assert.equal(error.code, 'invalidToken');
      assert.equal(sim.requests.length, 0);
    });
  }
});
