import * as assert from 'node:assert/strict';
import fetch from 'node-fetch';
import { Logger } from '../../src/core/api/logger';
import { ClientConfig, PlyrClient, PlyrClientOptions } from '../../src/core/api/plyrClient';
import { RetryPolicy } from '../../src/core/api/retry';
import { Credentials } from '../../src/core/api/signer';
import { PlyrError } from '../../src/core/model/errors';
import { Identifier, parseIdentifier } from '../../src/core/model/identifier';

/** Retries that take milliseconds, not seconds: the waits are recorded, not slept. */
export const FAST_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 30_000 };

/** A real client against a test server, with what it logged, slept and learned of the clock. */
export interface ClientHarness {
  readonly client: PlyrClient;
  /** The settings the client reads on every request: a test may change them. */
  readonly config: { -readonly [K in keyof ClientConfig]: ClientConfig[K] };
  readonly sleeps: number[];
  readonly logs: string[];
  readonly skews: number[];
}

export interface ClientHarnessOptions {
  credentials?: Credentials | undefined;
  config?: Partial<ClientConfig>;
  client?: Partial<PlyrClientOptions>;
}

/** A client on the custom network at `baseUrl`, signing with `credentials` unless the options say otherwise. */
export function clientHarness(baseUrl: string, credentials: Credentials, options: ClientHarnessOptions = {}): ClientHarness {
  const config: ClientHarness['config'] = { network: 'custom', customBaseUrl: baseUrl, timeoutMs: 2000, signing: 'emptyObject', retryOtherConvention: true, ...options.config };
  const sleeps: number[] = [];
  const logs: string[] = [];
  const skews: number[] = [];
  const record = (message: string) => void logs.push(message);
  const logger: Logger = { trace: record, debug: record, info: record, warn: record, error: record };
  const signWith = 'credentials' in options ? options.credentials : credentials;
  const client = new PlyrClient({
    fetch,
    config: () => config,
    credentials: async () => signWith,
    logger,
    retryPolicy: FAST_RETRY,
    sleep: async (ms) => void sleeps.push(ms),
    onClockSkew: (offset) => void skews.push(offset),
    ...options.client,
  });
  return { client, config, sleeps, logs, skews };
}

/** An identifier the test knows to be valid, parsed as the client takes it. */
export function id(text: string): Identifier {
  const parsed = parseIdentifier(text);
  assert.ok(parsed.ok, `${text} is a valid identifier`);
  return parsed.value;
}

/** The typed error a request fails with; the test fails if it succeeds or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<PlyrError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PlyrError, `expected a PlyrError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the request to fail, and it succeeded');
}
