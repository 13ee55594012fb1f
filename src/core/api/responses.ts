import * as l10n from '@vscode/l10n';
import { describeDuration, PlyrError } from '../model/errors';
import { isPlainObject } from '../model/balances';
import { parseExactJson } from '../model/exactJson';
import { inertText, quoted } from '../model/safeText';

// Setting and token names stay out of the translated text, so that a translation cannot change them.
const CUSTOM_BASE_URL = 'plyr.customBaseUrl';
const SETTING_COMMENT = '{0} is the name of a setting';
export const TOKENS_COMMENT = '{0} and {1} are token names';

/** The PLYR API's 401 texts (its hmacAuth middleware), matched exactly wherever a 401 is read. */
export const AUTH_REFUSAL = {
  missingHeaders: 'Missing authentication headers',
  invalidApiKey: 'Invalid API key',
  invalidSignature: 'Invalid signature',
  expired: 'Request expired',
} as const;

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

/**
 * A 404 whose body is not the server's JSON error: the deployment has no such route (the real
 * server's routes answer `{ "error": … }`; an unknown path gets Koa's plain "Not Found").
 */
export function isRouteMissing(response: HttpResponse): boolean {
  return response.status === 404 && jsonErrorMessage(response.body) === undefined;
}

/** What a deployment without a route (see {@link isRouteMissing}) answers, as an error. */
export function routeNotOffered(route: string): PlyrError {
  const message = l10n.t({
    message: 'This PLYR API server does not offer {0}: it may be an older or a different deployment than the PLYR game API.',
    args: [route],
    comment: '{0} is the path of an API route, such as /api/game/allowances',
  });
  return new PlyrError('unsupported', message, { status: 404 });
}

/**
 * The server reads `balanceOf` and `decimals` of any well-formed token address; at an address that
 * is no token contract viem throws (no data from no contract; a revert from one without the
 * function, such as an NFT's `decimals`), and the error handler answers 500 with its message. That is the
 * token's fault, not the server's, and asking again cannot help.
 */
export function notATokenContract(response: HttpResponse): PlyrError | undefined {
  const said = response.status === 500 ? jsonErrorMessage(response.body) : undefined;
  // Only a revert without a reason: one with a reason may be a paused token, or a node's own error.
  if (said === undefined || !/^The contract function "(?:balanceOf|decimals)" (?:returned no data|reverted\.(?:\n|$))/.test(said)) {
    return undefined;
  }
  const message = l10n.t({
    message: 'That token contract address is not a token contract on the PLYR chain: the PLYR API could not read a balance from it. Use a token name from the list (such as {0} or {1}) or a listed token contract address.',
    args: ['plyr', 'gamr'],
    comment: TOKENS_COMMENT,
  });
  return new PlyrError('invalidToken', message, { status: response.status });
}

/**
 * viem's own headline when the server's read of the chain failed on the way (the node down, slow or
 * refusing), which the server's error handler answers with viem's message, as a 500 or with the
 * node's own status: unlike a server fault, asking again soon may well work. Only the headline:
 * the rest names the node's URL.
 */
const CHAIN_FAILURE = /^(HTTP request failed\.|The request took too long to respond\.|RPC Request failed\.|WebSocket request failed\.)/;

function chainFailure(message: string | undefined): string | undefined {
  return message === undefined ? undefined : CHAIN_FAILURE.exec(message)?.[1];
}

/**
 * The server's "Invalid tokenName", naming the token asked for when the caller knows it (as typed
 * by the user, so quoted inert: one line, no link, no icon).
 */
function unknownToken(token: string | undefined): string {
  return token === undefined
    ? l10n.t({ message: 'The PLYR API does not know that token. Use a token name from the list (such as {0} or {1}) or a token contract address.', args: ['plyr', 'gamr'], comment: TOKENS_COMMENT })
    : l10n.t({
        message: 'The PLYR API does not know the token {0}. Use a token name from the list (such as {1} or {2}) or a token contract address.',
        args: [quoted(token), 'plyr', 'gamr'],
        comment: '{0} is the token asked for, in quotes; {1} and {2} are token names',
      });
}

/** Parses a 2xx body as JSON, reporting (not guessing at) anything else. */
export function parseJsonBody(response: HttpResponse): unknown {
  return parseBody(response, JSON.parse);
}

/** {@link parseJsonBody}, with each number kept as the text the server wrote (see exactJson.ts). */
export function parseExactJsonBody(response: HttpResponse): unknown {
  return parseBody(response, parseExactJson);
}

function parseBody(response: HttpResponse, parse: (text: string) => unknown): unknown {
  try {
    return parse(response.body);
  } catch {
    const message = /^\s*</.test(response.body)
      ? l10n.t({ message: 'The PLYR API answered with an HTML page instead of JSON. A proxy or a wrong {0} may be in the way.', args: [CUSTOM_BASE_URL], comment: SETTING_COMMENT })
      : l10n.t({ message: "The PLYR API's answer is not valid JSON: it may have been cut off on its way. Refresh to ask again; if it stays so, a proxy or a wrong {0} may be in the way.", args: [CUSTOM_BASE_URL], comment: SETTING_COMMENT });
    throw new PlyrError('malformedResponse', message, { status: response.status, fix: 'openSettings' });
  }
}

/** "The PLYR API had a server error: 503. Try again in 30 s.": a 5xx's words where only its status is known (Test Connection too). */
export function serverErrorText(status: number, retryAfterMs: number | undefined): string {
  return retryAfterMs === undefined
    ? l10n.t('The PLYR API had a server error: {0}. Try again later.', status)
    : l10n.t('The PLYR API had a server error: {0}. Try again in {1}.', status, describeDuration(retryAfterMs));
}

/**
 * Turns a non-2xx response into the typed error that tells the user what to do. `asked`: what the
 * request asked for, named in the message of an answer that refuses it (the server's does not).
 */
export function errorFromResponse(response: HttpResponse, retryAfterMs: number | undefined, asked: { readonly token?: string } = {}): PlyrError {
  const { status } = response;
  const message = jsonErrorMessage(response.body);
  const details = { status };
  switch (status === 401 ? message : undefined) {
    case AUTH_REFUSAL.missingHeaders:
      return new PlyrError('missingAuthHeaders', l10n.t('The PLYR API did not receive the authentication headers. A proxy may be stripping them; see the PLYR log.'), { ...details, fix: 'showLog' });
    case AUTH_REFUSAL.invalidApiKey:
      return new PlyrError('invalidApiKey', l10n.t('The PLYR API does not know this API key. Set your API credentials again.'), { ...details, fix: 'setCredentials' });
    case AUTH_REFUSAL.invalidSignature:
      return new PlyrError(
        'invalidSignature',
        l10n.t({
          message: 'The PLYR API rejected the request signature: the secret key is probably wrong. Set your API credentials again (or check the {0} setting).',
          args: ['plyr.signing.getBody'],
          comment: SETTING_COMMENT,
        }),
        { ...details, fix: 'setCredentials' },
      );
    case AUTH_REFUSAL.expired:
      return new PlyrError('requestExpired', l10n.t("The PLYR API rejected the request as expired: this computer's clock differs from the server's by more than 5 minutes. Correct the system clock."), details);
    case 'Invalid tokenName':
      return new PlyrError('invalidToken', unknownToken(asked.token), details);
  }
  // What the server said, made safe to show; '' when it said nothing usable. Each message comes
  // with and without it, so that a translation never has to glue a quotation on.
  const said = inertText(message);
  if (status === 401) {
    const text = said === '' ? l10n.t('The PLYR API refused the credentials. Set your API credentials again.') : l10n.t('The PLYR API refused the credentials: "{0}". Set your API credentials again.', said);
    return new PlyrError('invalidApiKey', text, { ...details, fix: 'setCredentials' });
  }
  if (status === 403) {
    return new PlyrError('forbidden', l10n.t('The PLYR API refused this API key (403 Insufficient permissions). Every key role (user, game, admin) may read balances, so the server does not recognise the role recorded for this key: ask PLYR to check the key, or set other API credentials.'), { ...details, fix: 'setCredentials' });
  }
  if (status === 404 && message !== undefined) {
    return new PlyrError('userNotFound', l10n.t('No PLYR account was found for this identifier. Check the spelling of the PLYR ID or address.'), details);
  }
  if (status === 400 && message === 'Invalid address') {
    return new PlyrError('invalidAddress', l10n.t('The PLYR API says this is not a valid wallet address.'), details);
  }
  if (status === 400 && message === 'Invalid PLYR[ID]') {
    return new PlyrError('invalidIdentifier', l10n.t('The PLYR API says this is not a valid PLYR ID.'), details);
  }
  // Whatever the status: viem's HttpRequestError carries the node's own (a 503, a 429), which the
  // server's error handler answers with (`err.status || 500`). A node's 429 is not the API's limit.
  const chain = status >= 400 ? chainFailure(message) : undefined;
  if (status === 429 && chain === undefined) {
    const text = retryAfterMs === undefined ? l10n.t('The PLYR API is rate limiting requests.') : l10n.t('The PLYR API is rate limiting requests. Try again in {0}.', describeDuration(retryAfterMs));
    return new PlyrError('rateLimited', text, { ...details, retryAfterMs });
  }
  if (chain !== undefined) {
    // No Show Log: the log has this headline and no more (the rest names the node's URL).
    return new PlyrError('chainUnavailable', l10n.t('The PLYR API could not reach its blockchain node ("{0}"). This is usually brief: try again in a moment.', chain), { ...details, retryAfterMs });
  }
  if (status >= 500) {
    // An HTML page comes only without a JSON message, so it and `said` never appear together. A
    // Retry-After (a 503's maintenance window) says when to try again: the message says it too.
    const html = said === '' && message === undefined && /^\s*</.test(response.body);
    const wait = retryAfterMs === undefined ? undefined : describeDuration(retryAfterMs);
    let text: string;
    if (said !== '') {
      text = wait === undefined ? l10n.t('The PLYR API had a server error: {0}: "{1}". Try again later.', status, said) : l10n.t('The PLYR API had a server error: {0}: "{1}". Try again in {2}.', status, said, wait);
    } else if (html) {
      text =
        wait === undefined
          ? l10n.t('The PLYR API had a server error: {0} (an HTML error page, probably from a proxy). Try again later.', status)
          : l10n.t('The PLYR API had a server error: {0} (an HTML error page, probably from a proxy). Try again in {1}.', status, wait);
    } else {
      text = serverErrorText(status, retryAfterMs);
    }
    return new PlyrError('serverError', text, { ...details, retryAfterMs, fix: 'showLog' });
  }
  if (status >= 300 && status < 400) {
    const text = l10n.t({
      message: 'The PLYR API answered with a redirect ({0}), which this extension does not follow, so that credentials are never sent elsewhere. Check {1}.',
      args: [status, CUSTOM_BASE_URL],
      comment: '{0} is an HTTP status code, {1} the name of a setting',
    });
    return new PlyrError('httpError', text, { ...details, fix: 'openSettings' });
  }
  const text = said === '' ? l10n.t('The PLYR API answered {0}.', status) : l10n.t('The PLYR API answered {0}: "{1}".', status, said);
  return new PlyrError('httpError', text, { ...details, fix: 'showLog' });
}
