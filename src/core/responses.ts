import { describeDuration, PlyrError } from './errors';
import { isPlainObject } from './balances';
import { inertText } from './safeText';

/** A response already read in full: what the classification below needs. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: string;
}

/** The `error` string of a JSON error body, or undefined when the body is not one (HTML, text). */
export function jsonErrorMessage(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return isPlainObject(parsed) && typeof parsed.error === 'string' ? parsed.error : undefined;
  } catch {
    return undefined;
  }
}

/** Parses a 2xx body as JSON, reporting (not guessing at) anything else. */
export function parseJsonBody(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.body);
  } catch {
    const what = /^\s*</.test(response.body) ? 'an HTML page' : 'text that is not JSON';
    throw new PlyrError('malformedResponse', `The PLYR API answered with ${what} instead of JSON. A proxy or a wrong plyr.customBaseUrl may be in the way.`, { status: response.status, fix: 'openSettings' });
  }
}

/** Turns a non-2xx response into the typed error that tells the user what to do. */
export function errorFromResponse(response: HttpResponse, retryAfterMs: number | undefined): PlyrError {
  const { status } = response;
  const message = jsonErrorMessage(response.body);
  const details = { status };
  switch (status === 401 ? message : undefined) {
    case 'Missing authentication headers':
      return new PlyrError('missingAuthHeaders', 'The PLYR API did not receive the authentication headers. A proxy may be stripping them; see the PLYR log.', { ...details, fix: 'showLog' });
    case 'Invalid API key':
      return new PlyrError('invalidApiKey', 'The PLYR API does not know this API key. Set your API credentials again.', { ...details, fix: 'setCredentials' });
    case 'Invalid signature':
      return new PlyrError('invalidSignature', 'The PLYR API rejected the request signature: the secret key is probably wrong. Set your API credentials again (or check the plyr.signing.getBody setting).', { ...details, fix: 'setCredentials' });
    case 'Request expired':
      return new PlyrError('requestExpired', "The PLYR API rejected the request as expired: this computer's clock differs from the server's by more than 5 minutes. Correct the system clock.", details);
    case 'Invalid tokenName':
      return new PlyrError('invalidToken', 'The PLYR API does not know that token. Use a token name from the list (such as plyr or gamr) or a token contract address.', details);
  }
  if (status === 401) {
    return new PlyrError('invalidApiKey', `The PLYR API refused the credentials${suffix(message)}. Set your API credentials again.`, { ...details, fix: 'setCredentials' });
  }
  if (status === 403) {
    return new PlyrError('forbidden', 'This API key is not allowed to read balances (403 Insufficient permissions). Ask for a key with that permission, then set your API credentials again.', { ...details, fix: 'setCredentials' });
  }
  if (status === 404 && message !== undefined) {
    return new PlyrError('userNotFound', 'No PLYR account was found for this identifier. Check the spelling of the PLYR ID or address.', details);
  }
  if (status === 400 && message === 'Invalid address') {
    return new PlyrError('invalidAddress', 'The PLYR API says this is not a valid wallet address.', details);
  }
  if (status === 429) {
    const wait = retryAfterMs === undefined ? '' : ` Try again in ${describeDuration(retryAfterMs)}.`;
    return new PlyrError('rateLimited', `The PLYR API is rate limiting requests.${wait}`, { ...details, retryAfterMs });
  }
  if (status >= 500) {
    const page = message === undefined && /^\s*</.test(response.body) ? ' (an HTML error page, probably from a proxy)' : '';
    return new PlyrError('serverError', `The PLYR API had a server error: ${status}${page}${suffix(message)}. Try again later.`, { ...details, retryAfterMs, fix: 'showLog' });
  }
  if (status >= 300 && status < 400) {
    return new PlyrError('httpError', `The PLYR API answered with a redirect (${status}), which this extension does not follow, so that credentials are never sent elsewhere. Check plyr.customBaseUrl.`, { ...details, fix: 'openSettings' });
  }
  return new PlyrError('httpError', `The PLYR API answered ${status}${suffix(message)}.`, { ...details, fix: 'showLog' });
}

function suffix(serverMessage: string | undefined): string {
  const text = inertText(serverMessage);
  return text === '' ? '' : `: "${text}"`;
}
