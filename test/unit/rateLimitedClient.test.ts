import { afterEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fetch from 'node-fetch';
import { Logger } from '../../src/core/api/logger';
import { ClientConfig, PlyrClient } from '../../src/core/api/plyrClient';
import { Identifier, parseIdentifier } from '../../src/core/model/identifier';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { Simulator, startSimulator } from '../../simulator/server';

const LIMIT = 20;
const REQUESTS = 100;
const CONCURRENCY = 4;

function client(sim: Simulator, logs: string[]): PlyrClient {
  const config: ClientConfig = { network: 'custom', customBaseUrl: sim.url, timeoutMs: 5000, signing: 'emptyObject', retryOtherConvention: true };
  const record = (message: string) => void logs.push(message);
  const logger: Logger = { trace: record, debug: record, info: record, warn: record, error: record };
  return new PlyrClient({ fetch, config: () => config, credentials: async () => DEMO_CREDENTIALS, logger });
}

function id(text: string): Identifier {
  const parsed = parseIdentifier(text);
  assert.ok(parsed.ok);
  return parsed.value;
}

describe('the client against a rate-limited simulator', () => {
  let sim: Simulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it(`learns a limit of ${LIMIT} requests/s: ${REQUESTS} requests ${CONCURRENCY} at a time all succeed, with a few refused at most`, async () => {
    sim = await startSimulator({ config: { rateLimitPerSecond: LIMIT, latencyMs: 20 } });
    const logs: string[] = [];
    const plyr = client(sim, logs);
    let next = 0;
    const results = await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        const balances = [];
        while (next < REQUESTS) {
          balances.push(await plyr.getBalances(id(`load-${++next}`), undefined));
        }
        return balances;
      }),
    );
    assert.equal(results.flat().length, REQUESTS);
    const refused = sim.requests.filter((r) => r.status === 429).length;
    // Those sent before the first refusal came back; nothing after it.
    assert.ok(refused >= 1 && refused <= CONCURRENCY, `${refused} refused`);
    assert.equal(sim.requests.length - refused, REQUESTS);
    const pacing = plyr.pacing();
    assert.ok(pacing && Math.abs(pacing.limitPerSecond - LIMIT) <= 1, JSON.stringify(pacing));
    assert.equal(logs.filter((line) => line.startsWith('Rate limited by')).length, 1, logs.filter((line) => !line.startsWith('GET')).join('\n'));
  });

  it("reports a rate limit's gate to Test Connection instead of waiting it out, and sends nothing meanwhile", async () => {
    sim = await startSimulator();
    const plyr = client(sim, []);
    sim.fault({ kind: 'status', status: 429, error: 'Too many requests', retryAfter: '20', times: 1 });
    const first = await plyr.probeServer();
    assert.equal(first.status, 429);
    const signed = await plyr.probeSignedCall('player123');
    assert.equal(signed.status, 429);
    assert.ok(signed.retryAfterMs !== undefined && signed.retryAfterMs > 19_000 && signed.retryAfterMs <= 20_000, String(signed.retryAfterMs));
    const server = await plyr.probeServer();
    assert.equal(server.status, 429);
    assert.equal(sim.requests.length, 1, 'only the refused request reached the server');
  });
});
