import { describeType, ParseResult } from './identifier';
import { Credentials } from './signer';

const MAX_LENGTH = 512;
/** Header-safe printable ASCII with no spaces: what an API key or secret can be sent as. */
const PRINTABLE = /^[\x21-\x7e]+$/;

export function validateSecretText(value: unknown, what: 'API key' | 'secret key'): ParseResult<string> {
  if (typeof value !== 'string') {
    return { ok: false, message: `The ${what} must be text, not ${describeType(value)}.` };
  }
  const text = value.trim();
  if (text === '') {
    return { ok: false, message: `The ${what} cannot be empty.` };
  }
  if (text.length > MAX_LENGTH) {
    return { ok: false, message: `The ${what} is longer than ${MAX_LENGTH} characters.` };
  }
  if (!PRINTABLE.test(text)) {
    return { ok: false, message: `The ${what} can only contain visible ASCII characters, without spaces.` };
  }
  return { ok: true, value: text };
}

/** `{ apiKey, secretKey }` as given to `plyr.setCredentials`, checked field by field. */
export function parseCredentials(value: unknown): ParseResult<Credentials> {
  const input = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof value !== 'object' || value === null) {
    return { ok: false, message: `Credentials must be an object { apiKey, secretKey }, not ${describeType(value)}.` };
  }
  const apiKey = validateSecretText(input.apiKey, 'API key');
  if (!apiKey.ok) {
    return apiKey;
  }
  const secretKey = validateSecretText(input.secretKey, 'secret key');
  if (!secretKey.ok) {
    return secretKey;
  }
  return { ok: true, value: { apiKey: apiKey.value, secretKey: secretKey.value } };
}
