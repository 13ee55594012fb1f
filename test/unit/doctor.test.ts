import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DETAIL_LINE_MAX, detailLine, DoctorProbe, runDoctor, ServerAnswer, SignedAnswer } from '../../src/core/content/doctor';
import { PlyrError } from '../../src/core/model/errors';
import { send } from '../../src/core/api/transport';
import type { CredentialSource } from '../../src/core/api/signer';

const NOW = 1_800_000_000_000;

function probe(overrides: Partial<{ target: ReturnType<DoctorProbe['target']>; server: ServerAnswer | Error; credentials: CredentialSource | false | Error; signed: SignedAnswer | Error }> = {}): DoctorProbe & { signedCalls: number } {
  const result = {
    signedCalls: 0,
    target: () => overrides.target ?? { ok: true as const, network: 'custom', url: 'http://127.0.0.1:4555/api/' },
    reachServer: async () => {
      const server = overrides.server ?? { status: 200, serverDateMs: NOW, elapsedMs: 3 };
      if (server instanceof Error) {
        throw server;
      }
      return server;
    },
    credentialSource: async () => {
      const credentials = overrides.credentials ?? 'secretStorage';
      if (credentials instanceof Error) {
        throw credentials;
      }
      return credentials || undefined;
    },
    signedCall: async () => {
      result.signedCalls++;
      const signed = overrides.signed ?? { status: 200, convention: 'emptyObject' as const };
      if (signed instanceof Error) {
        throw signed;
      }
      return signed;
    },
    now: () => NOW,
  };
  return result;
}

const byId = async (p: DoctorProbe) => Object.fromEntries((await runDoctor(p)).map((c) => [c.check, c]));

describe('runDoctor (PLYR: Test Connection)', () => {
  it('passes every check, in order, against a healthy server', async () => {
    const checks = await runDoctor(probe());
    assert.deepEqual(checks.map((c) => c.check), ['network', 'server', 'credentials', 'clock', 'signedCall', 'rateLimit']);
    assert.ok(checks.every((c) => c.ok && !c.warning), JSON.stringify(checks));
    assert.match(checks[4].detail, /timestamp \+ "\{\}"/);
  });

  it('stops with a cancelled error, not a report, when cancelled: a request it cut short is not a failure of the server', async () => {
    const abort = new AbortController();
    const p = probe({ server: new PlyrError('cancelled', 'The request was cancelled.') });
    const reach = p.reachServer;
    p.reachServer = (signal) => (abort.abort(), reach(signal));
    await assert.rejects(runDoctor(p, abort.signal), { name: 'PlyrError', code: 'cancelled' });
    assert.equal(p.signedCalls, 0, 'nothing more asked');

    const late = new AbortController();
    const q = probe();
    const sign = q.signedCall;
    q.signedCall = (signal) => (late.abort(), sign(signal));
    await assert.rejects(runDoctor(q, late.signal), { name: 'PlyrError', code: 'cancelled' }, 'cancelled during the signed call, even though it answered');
  });

  it('stops at settings that name no server', async () => {
    const checks = await runDoctor(probe({ target: { ok: false, message: 'plyr.customBaseUrl is empty.' } }));
    assert.deepEqual(checks.map((c) => [c.check, c.ok]), [['network', false], ['server', false], ['credentials', false], ['clock', false], ['signedCall', false], ['rateLimit', false]]);
    assert.equal(checks[0].fix, 'openSettings');
  });

  it('offers no Open Settings for a connection the server cut off: it was reached, and Test Connection again is the retry', async () => {
    const cutOff = await send(() => Promise.reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })), new URL('http://127.0.0.1:4555/api/'), { timeoutMs: 1000 }).catch((e: unknown) => e);
    const c = await byId(probe({ server: cutOff as PlyrError }));
    assert.equal(c.server.ok, false);
    assert.match(c.server.detail, /^The connection to the PLYR API was cut off\./);
    assert.equal(c.server.fix, undefined);
  });

  it('names the unreachable server and does not try a signed call', async () => {
    const p = probe({ server: new PlyrError('network', 'Could not reach the PLYR API: the connection was refused.', { fix: 'openSettings' }) });
    const c = await byId(p);
    assert.equal(c.server.ok, false);
    assert.match(c.server.detail, /connection was refused/);
    assert.equal(c.server.fix, 'openSettings');
    assert.equal(c.signedCall.ok, false);
    assert.equal(p.signedCalls, 0);
  });

  it('offers no settings fix when the server fails (5xx): it says to try again later, as the sidebar does', async () => {
    const c = await byId(probe({ server: { status: 500, serverDateMs: NOW, elapsedMs: 2 }, signed: { status: 500, convention: 'emptyObject' } }));
    assert.deepEqual([c.server.ok, c.server.fix, c.server.detail], [false, undefined, 'The PLYR API had a server error: 500. Try again later.']);
    assert.deepEqual([c.signedCall.ok, c.signedCall.fix, c.signedCall.detail], [false, undefined, 'The PLYR API had a server error: 500. Try again later.']);
    const maintenance = await byId(probe({ server: { status: 503, serverDateMs: NOW, elapsedMs: 2, retryAfterMs: 30_000 }, signed: { status: 502, convention: 'emptyObject' } }));
    assert.deepEqual([maintenance.server.fix, maintenance.server.detail], [undefined, 'The PLYR API had a server error: 503. Try again in 30 s.']);
    assert.equal(maintenance.signedCall.fix, undefined);
    const thrown = new PlyrError('serverError', 'The PLYR API had a server error: 504. Try again later.', { status: 504, fix: 'showLog' });
    assert.equal((await byId(probe({ server: thrown }))).server.fix, undefined, 'thrown as an error');
    assert.equal((await byId(probe({ signed: thrown }))).signedCall.fix, undefined, 'thrown as an error');
    assert.equal((await byId(probe({ server: { status: 404, serverDateMs: NOW, elapsedMs: 2 } }))).server.fix, 'openSettings', 'a 404: the base URL is the question');
    const timeout = new PlyrError('timeout', 'The PLYR API did not answer within 30 s. Check your connection, or raise plyr.requestTimeoutSeconds.', { fix: 'openSettings' });
    assert.equal((await byId(probe({ server: timeout }))).server.fix, 'openSettings', 'a timeout: its setting');
  });

  it('asks for credentials when there are none', async () => {
    const p = probe({ credentials: false });
    const c = await byId(p);
    assert.equal(c.credentials.fix, 'setCredentials');
    assert.equal(c.signedCall.ok, false);
    assert.equal(p.signedCalls, 0);
  });

  it('says where the credentials come from: the environment or SecretStorage, the place to change them', async () => {
    const fromEnvironment = (await byId(probe({ credentials: 'environment' }))).credentials;
    assert.deepEqual(fromEnvironment, { check: 'credentials', ok: true, detail: 'An API key and a secret key are set (environment: PLYR_API_KEY and PLYR_SECRET_KEY).' });
    const stored = (await byId(probe({ credentials: 'secretStorage' }))).credentials;
    assert.deepEqual(stored, { check: 'credentials', ok: true, detail: "An API key and a secret key are set (stored in VS Code's secret storage)." });
    // The quick pick shows one line: the source must fit in it, not be cut off.
    assert.equal(detailLine(fromEnvironment.detail), fromEnvironment.detail);
    assert.equal(detailLine(stored.detail), stored.detail);
  });

  it('says when the credentials are stored but cannot be read, and offers to read them again, not to set them', async () => {
    const locked = new PlyrError('credentialsUnreadable', 'Could not read the PLYR API credentials from the system keyring (is it locked?).', { fix: 'readCredentialsAgain' });
    const p = probe({ credentials: locked });
    const c = await byId(p);
    assert.deepEqual(c.credentials, { check: 'credentials', ok: false, detail: locked.message, fix: 'readCredentialsAgain' });
    assert.equal(c.signedCall.ok, false);
    assert.match(c.signedCall.detail, /could not be read/);
    assert.equal(p.signedCalls, 0);
    assert.equal(c.clock.ok, true, 'the checks after it still run');
  });

  it('warns past a minute of clock offset, and past five too (the extension corrects its own requests), and fails past the hour it corrects', async () => {
    for (const [offset, ok, warning] of [[30_000, true, false], [-90_000, true, true], [600_000, true, true], [2 * 3_600_000, false, false]] as const) {
      const c = await byId(probe({ server: { status: 200, serverDateMs: NOW + offset, elapsedMs: 2 } }));
      assert.equal(c.clock.ok, ok, `offset ${offset}`);
      assert.equal(c.clock.warning ?? false, warning, `offset ${offset}`);
      if (!ok || warning) {
        assert.equal(c.clock.fix, 'fixClock');
        assert.match(c.clock.detail, offset > 0 ? /behind/ : /ahead of/);
      }
    }
    assert.match((await byId(probe({ server: { status: 200, serverDateMs: NOW + 600_000, elapsedMs: 2 } }))).clock.detail, /10 min behind the server's: the extension corrects its own requests\. Past 5 minutes the server refuses what this clock signs/);
    // The Date header drops the fraction of a second: a server 2 h ahead measures just under 7,200 s.
    assert.match((await byId(probe({ server: { status: 200, serverDateMs: NOW - 7_199_400, elapsedMs: 2 } }))).clock.detail, /^Your clock is 2 h ahead of the server's/);
  });

  it('tells a refused signature from an accepted one (even "user not found")', async () => {
    assert.equal((await byId(probe({ signed: { status: 404, convention: 'null' } }))).signedCall.ok, true);
    const refused = (await byId(probe({ signed: { status: 401, serverMessage: 'Invalid signature', convention: 'emptyObject' } }))).signedCall;
    assert.equal(refused.ok, false);
    assert.equal(refused.fix, 'setCredentials');
    assert.match(refused.detail, /Invalid signature.*secret key/);
  });

  it('points a signed request refused for its time to the clock, not the key', async () => {
    const twoHours = { status: 200, serverDateMs: NOW + 2 * 3_600_000, elapsedMs: 2 };
    for (const [server, serverMessage] of [[twoHours, 'Request expired'], [undefined, 'Request expired'], [undefined, 'Timestamp outside the allowed window'], [twoHours, undefined]] as const) {
      const c = await byId(probe({ ...(server ? { server } : {}), signed: { status: 401, convention: 'emptyObject', ...(serverMessage ? { serverMessage } : {}) } }));
      const what = `${server ? '2 h off' : 'clock right'}, ${serverMessage ?? 'no message'}`;
      assert.equal(c.signedCall.fix, 'fixClock', what);
      assert.match(c.signedCall.detail, /clock is the likely cause/, what);
      assert.doesNotMatch(c.signedCall.detail, /Check the API key/, what);
    }
    const expired = new PlyrError('requestExpired', "The PLYR API rejected the request as expired: this computer's clock differs from the server's by more than 5 minutes. Correct the system clock.", { status: 401 });
    assert.equal((await byId(probe({ signed: expired }))).signedCall.fix, 'fixClock', 'thrown as an error');
    // The server checks the signature before the time: a wrong secret is the key's fault, whatever the clock.
    const wrongSecret = await byId(probe({ server: twoHours, signed: { status: 401, serverMessage: 'Invalid signature', convention: 'emptyObject' } }));
    assert.equal(wrongSecret.signedCall.fix, 'setCredentials');
    assert.equal(wrongSecret.clock.fix, 'fixClock', 'the clock row still says it');
  });

  it('reports a rate limit with the wait the server asks for', async () => {
    const c = await byId(probe({ server: { status: 429, serverDateMs: NOW, elapsedMs: 2, retryAfterMs: 30_000 }, signed: { status: 429, convention: 'emptyObject', retryAfterMs: 30_000 } }));
    assert.equal(c.rateLimit.ok, false);
    assert.match(c.rateLimit.detail, /wait 30 s/);
    assert.deepEqual([c.rateLimit.fix, c.rateLimit.waitMs], ['waitForRateLimit', 30_000], 'the wait its fix waits out');
    assert.equal(c.server.ok, true, 'a 429 still proves the server is there');
    const unsaid = await byId(probe({ server: { status: 429, serverDateMs: NOW, elapsedMs: 2 } }));
    assert.deepEqual([unsaid.rateLimit.fix, unsaid.rateLimit.waitMs], ['waitForRateLimit', undefined], 'no time named: none made up');
  });

  it('says what rate the server limited us to once the client paces its requests', async () => {
    const paced = { ...probe(), pacing: () => ({ limitPerSecond: 50, pacePerSecond: 47.5 }) };
    const c = await byId(paced);
    assert.equal(c.rateLimit.ok, true);
    assert.equal(c.rateLimit.detail, 'The PLYR API limited us to about 50 requests/s: requests to it are paced at about 48/s.');
    const limited = await byId({ ...probe({ server: { status: 429, serverDateMs: NOW, elapsedMs: 2, retryAfterMs: 1000 } }), pacing: paced.pacing });
    assert.equal(limited.rateLimit.ok, false);
    assert.equal(limited.rateLimit.detail, 'The PLYR API is limiting requests: it asks to wait 1 s. The PLYR API limited us to about 50 requests/s: requests to it are paced at about 48/s.');
    assert.equal((await byId({ ...probe(), pacing: () => undefined })).rateLimit.detail, 'Not rate limited.');
  });

  it("gives each check a line that fits a quick pick's detail: its first sentence, whole (the log has the rest)", async () => {
    const clock = (offset: number) => ({ status: 200, serverDateMs: NOW + offset, elapsedMs: 2 });
    const cases = [
      probe({ server: clock(2 * 3_600_000), signed: { status: 401, serverMessage: 'Request expired', convention: 'emptyObject' } }),
      probe({ server: clock(-600_000) }),
      probe({ server: clock(90_000) }),
      probe({ server: new PlyrError('network', 'Could not reach the PLYR API: the connection was refused (is the server running?). Check your connection and the plyr.network setting.', { fix: 'openSettings' }) }),
      probe({ server: clock(0), signed: { status: 500, convention: 'emptyObject' } }),
    ];
    for (const p of cases) {
      for (const c of await runDoctor(p)) {
        const line = detailLine(c.detail);
        assert.ok(line.length <= DETAIL_LINE_MAX, `${c.check}: ${line}`);
        assert.ok(c.detail.startsWith(line) && !line.endsWith('…'), `${c.check}: a whole sentence, not a cut one: ${line}`);
      }
    }
    const twoHours = (await byId(cases[0])).clock.detail;
    assert.equal(detailLine(twoHours), "Your clock is 2 h behind the server's: signed calls fail until you correct it.");
    assert.notEqual(detailLine(twoHours), twoHours, 'the rest goes to the log');
    assert.equal(detailLine("custom network at 'http://127.0.0.1:4555/api/'"), "custom network at 'http://127.0.0.1:4555/api/'", 'no sentence ends inside a URL');
    assert.equal(detailLine(`It failed: ${'word '.repeat(30)}`).length, DETAIL_LINE_MAX, 'a runaway sentence is cut');
  });

  it('keeps hostile server text inert and short', async () => {
    const c = await byId(probe({ signed: { status: 401, serverMessage: `Invalid\u0000 [x](command:evil) ${'y'.repeat(500)}`, convention: 'emptyObject' } }));
    assert.ok(c.signedCall.detail.length < 300, c.signedCall.detail);
    assert.doesNotMatch(c.signedCall.detail, /\u0000/);
    assert.doesNotMatch(c.signedCall.detail, /\]\(|command:/, 'no link, no command URI');
  });
});
