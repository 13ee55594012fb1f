import * as assert from 'node:assert/strict';
import { PlyrError } from '../../src/core/model/errors';
import { Identifier, parseIdentifier } from '../../src/core/model/identifier';

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
