import * as l10n from '@vscode/l10n';
import { describeType, ParseResult } from '../model/identifier';
import { apiKeyTail, Credentials } from './signer';

const MAX_LENGTH = 512;
/** Header-safe printable ASCII with no spaces: what an API key or secret can be sent as. */
const PRINTABLE = /^[\x21-\x7e]+$/;

/** `what` names the field; each message is written out per field, as the noun's gender shapes the sentence. */
export function validateSecretText(value: unknown, what: 'API key' | 'secret key'): ParseResult<string> {
  const apiKey = what === 'API key';
  if (typeof value !== 'string') {
    const type = describeType(value);
    return { ok: false, message: apiKey ? l10n.t('The API key must be text, not {0}.', type) : l10n.t('The secret key must be text, not {0}.', type) };
  }
  const text = value.trim();
  if (text === '') {
    return { ok: false, message: apiKey ? l10n.t('The API key cannot be empty.') : l10n.t('The secret key cannot be empty.') };
  }
  if (text.length > MAX_LENGTH) {
    return { ok: false, message: apiKey ? l10n.t('The API key is longer than {0} characters.', MAX_LENGTH) : l10n.t('The secret key is longer than {0} characters.', MAX_LENGTH) };
  }
  if (!PRINTABLE.test(text)) {
    return {
      ok: false,
      message: apiKey ? l10n.t('The API key can only contain visible ASCII characters, without spaces.') : l10n.t('The secret key can only contain visible ASCII characters, without spaces.'),
    };
  }
  return { ok: true, value: text };
}

/** `{ apiKey, secretKey }` as given to `plyr.setCredentials`, checked field by field. */
export function parseCredentials(value: unknown): ParseResult<Credentials> {
  const input = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    // The object's shape is code, kept out of the translated text (and its braces out of the template).
    const message = l10n.t({
      message: 'Credentials must be an object {0}, not {1}.',
      args: ['{ apiKey, secretKey }', describeType(value)],
      comment: '{0} is the shape of the object in code; {1} the kind of value given, such as: a string',
    });
    return { ok: false, message };
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

/** An API key as messages name it: "key …0001", or a short key by its length alone (see {@link apiKeyTail}). */
export function describeApiKey(apiKey: string): string {
  const tail = apiKeyTail(apiKey);
  return tail === undefined
    ? l10n.t({ message: 'a key of {0} characters', args: [apiKey.length], comment: 'an API key too short to show any of' })
    : l10n.t({ message: 'key {0}', args: [tail], comment: '{0}: an API key\'s last four characters, such as …0001' });
}
