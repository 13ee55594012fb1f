import { createHmac } from 'node:crypto';

/**
 * What a GET request signs in place of its (absent) body. The real server verifies the body as
 * koa-bodyparser parsed it, which is `{}` for a GET; the published endpoint page says `null`.
 */
export type SigningConvention = 'emptyObject' | 'null';

export interface Credentials {
  readonly apiKey: string;
  readonly secretKey: string;
}

/** Where the credentials in use come from: VS Code's SecretStorage, or PLYR_API_KEY and PLYR_SECRET_KEY. */
export type CredentialSource = 'secretStorage' | 'environment';

export interface SignedHeaders {
  readonly apikey: string;
  readonly signature: string;
  readonly timestamp: string;
  readonly [name: string]: string;
}

/** The body a GET signs under a convention. */
export function getBody(convention: SigningConvention): Record<string, never> | null {
  return convention === 'null' ? null : {};
}

export function otherConvention(convention: SigningConvention): SigningConvention {
  return convention === 'null' ? 'emptyObject' : 'null';
}

/** Lower-case hex HMAC-SHA256 of `timestamp + JSON.stringify(body)`, keyed with the secret. */
export function sign(secretKey: string, timestamp: string, body: unknown): string {
  return createHmac('sha256', secretKey).update(timestamp + JSON.stringify(body)).digest('hex');
}

export function signedHeaders(credentials: Credentials, timestampMs: number, body: unknown): SignedHeaders {
  const timestamp = String(Math.round(timestampMs));
  return { apikey: credentials.apiKey, signature: sign(credentials.secretKey, timestamp, body), timestamp };
}

/**
 * The most of an API key we ever show or log: its last four characters, and only of a key of 16 or
 * more, so that they are a quarter of it at most (the key input accepts keys as short as 5).
 * Undefined for a shorter key: nothing of it is shown.
 */
export function apiKeyTail(apiKey: string): string | undefined {
  return apiKey.length < 16 ? undefined : `…${apiKey.slice(-4)}`;
}

/**
 * An API key as the log names it: "key …0001", or a short key by its length alone ("a key of 6
 * characters"): a bare "key …" named nothing, and read as if the key were cut off.
 */
export function redactApiKey(apiKey: string): string {
  const tail = apiKeyTail(apiKey);
  return tail === undefined ? `a key of ${apiKey.length} characters` : `key ${tail}`;
}
