import * as l10n from '@vscode/l10n';
import { Balances, isPlainObject, parseBalances } from '../model/balances';
import { describeDuration, isPlyrError, PlyrError } from '../model/errors';
import { addressLookalike, Identifier, isAddressText, notAnAddressEither, parsePlyrIdOnly } from '../model/identifier';
import { Logger } from './logger';
import { apiRoot, NetworkName } from './networks';
import { errorFromResponse, HttpResponse, jsonErrorMessage, parseJsonBody, TOKENS_COMMENT } from './responses';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, RetryPolicy, Sleep, withRetry } from './retry';
import { Credentials, getBody, otherConvention, redactApiKey, SigningConvention, signedHeaders } from './signer';
import { withoutSecrets } from '../model/safeText';
import { parseTokenList, TokenInfo } from './tokenList';
import { FetchLike, send } from './transport';

/** Settings the client reads on every request, so a change applies at once. */
export interface ClientConfig {
  readonly network: NetworkName;
  readonly customBaseUrl: string;
  readonly timeoutMs: number;
  readonly signing: SigningConvention;
  readonly retryOtherConvention: boolean;
}

export interface PlyrClientOptions {
  readonly fetch: FetchLike;
  readonly config: () => ClientConfig;
  readonly credentials: () => Promise<Credentials | undefined>;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly retryPolicy?: RetryPolicy;
  /** Told when the server's clock differs from ours by enough to expire requests. */
  readonly onClockSkew?: (offsetMs: number) => void;
  /**
   * Called before every request, signed or not, with the API root it goes to; throws to stop it
   * (a server the workspace chose that the user has not allowed gets no request at all).
   */
  readonly assertServerAllowed?: (root: URL) => void;
}

/** Test Connection's unauthenticated probe: the status, the server's clock and how long it took. */
export interface ServerAnswer {
  readonly status: number;
  /** The server's `Date` header, epoch ms. */
  readonly serverDateMs?: number;
  readonly elapsedMs: number;
  readonly retryAfterMs?: number;
}

/** Test Connection's signed probe: the status and the signing convention that ended up in use. */
export interface SignedAnswer {
  readonly status: number;
  readonly serverMessage?: string;
  /** The convention the client ended up using for this server. */
  readonly convention: SigningConvention;
  readonly retryAfterMs?: number;
}

export interface BalanceResult {
  readonly identifier: Identifier;
  readonly token: string | undefined;
  readonly balances: Balances;
  readonly network: NetworkName;
  readonly fetchedAt: number;
}

type AddressRoute = 'address' | 'user';
type Attempt = { convention: SigningConvention; offsetMs: number };

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/**
 * The PLYR API as both the real server and the published page describe it: signs every request,
 * learns which signing convention and which address route a deployment accepts, corrects for
 * clock skew, and retries transient failures.
 */
export class PlyrClient {
  private readonly now: () => number;
  /** What each API root was found to accept, so later requests go straight to it. */
  private readonly learnedSigning = new Map<string, SigningConvention>();
  private readonly learnedAddressRoute = new Map<string, AddressRoute>();
  private clockOffsetMs = 0;

  constructor(private readonly options: PlyrClientOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Balances of a PLYR ID or address, all tokens or one. Identifier and token are already validated. */
  async getBalances(identifier: Identifier, token: string | undefined, signal?: AbortSignal): Promise<BalanceResult> {
    const config = this.options.config();
    const root = this.root(config);
    const balances = await this.retrying(`Balances of ${identifier.value}`, signal, () =>
      identifier.kind === 'address' ? this.addressBalances(root, config, identifier.value, token, signal) : this.userBalances(root, config, identifier.value, token, signal),
    ).catch((error: unknown) => {
      throw withLookalikeNote(error, identifier);
    });
    return { identifier, token, balances, network: config.network, fetchedAt: this.now() };
  }

  /** The token list (no authentication). */
  async getTokenList(signal?: AbortSignal): Promise<TokenInfo[]> {
    const config = this.options.config();
    const url = new URL('tokenlist', this.root(config));
    return this.retrying('The token list', signal, async () => {
      const response = await this.request(url, config, undefined, signal);
      if (response.status !== 200) {
        throw errorFromResponse(response, this.retryAfter(response));
      }
      return parseTokenList(parseJsonBody(response));
    });
  }

  /**
   * The PLYR ID whose primary wallet is `address` (`/api/user/basic`, no authentication), or
   * undefined when the address has no PLYR account (404).
   */
  async getPlyrIdForAddress(address: string, signal?: AbortSignal): Promise<string | undefined> {
    const config = this.options.config();
    const url = new URL(`user/basic/${encodeURIComponent(address)}`, this.root(config));
    return this.retrying(`The PLYR ID of ${address}`, signal, async () => {
      const response = await this.request(url, config, undefined, signal);
      if (response.status === 404 && jsonErrorMessage(response.body) !== undefined) {
        return undefined;
      }
      if (response.status !== 200) {
        throw errorFromResponse(response, this.retryAfter(response));
      }
      const body = parseJsonBody(response);
      // Checked with the PLYR ID rules alone: an ID may start with 0x (`0xgamer`).
      const plyrId = parsePlyrIdOnly(isPlainObject(body) ? body.plyrId : undefined);
      if (plyrId === undefined) {
        throw new PlyrError('malformedResponse', l10n.t('The PLYR API sent an account without a valid PLYR ID.'), { fix: 'showLog' });
      }
      return plyrId;
    });
  }

  /** For PLYR: Test Connection: one unauthenticated request, unretried, with the server's time. */
  async probeServer(signal?: AbortSignal): Promise<ServerAnswer> {
    const config = this.options.config();
    const started = this.now();
    const response = await this.send(new URL('tokenlist', this.root(config)), config, undefined, signal);
    const serverDate = Date.parse(response.headers.get('date') ?? '');
    return { status: response.status, elapsedMs: this.now() - started, ...(Number.isNaN(serverDate) ? {} : { serverDateMs: serverDate }), ...retryAfterOf(this.retryAfter(response)) };
  }

  /**
   * For PLYR: Test Connection: one signed request, unretried (the signing fallbacks still apply),
   * and the convention that ends up in use. A PLYR ID without an account still proves the signature.
   */
  async probeSignedCall(plyrId: string, signal?: AbortSignal): Promise<SignedAnswer> {
    const config = this.options.config();
    const root = this.root(config);
    const response = await this.signedGet(userBalanceUrl(root, plyrId, undefined), root, config, signal).catch((error: unknown) => {
      // A 429 or 5xx is an answer here, not a failure to retry.
      if (isPlyrError(error) && error.status !== undefined) {
        return { status: error.status, retryAfterMs: error.retryAfterMs };
      }
      throw error;
    });
    const convention = this.learnedSigning.get(root.href) ?? config.signing;
    if ('body' in response) {
      const message = response.status === 401 || response.status === 403 ? jsonErrorMessage(response.body) : undefined;
      return { status: response.status, convention, ...(message ? { serverMessage: message } : {}) };
    }
    return { status: response.status, convention, ...retryAfterOf(response.retryAfterMs) };
  }

  private async userBalances(root: URL, config: ClientConfig, id: string, token: string | undefined, signal?: AbortSignal): Promise<Balances> {
    const response = await this.signedGet(userBalanceUrl(root, id, token), root, config, signal);
    return this.balancesFrom(response);
  }

  /**
   * The real server answers addresses on `/balance/{address}`; the published page puts them on
   * the user route. Try the former, and fall back once a deployment shows it lacks the route.
   */
  private async addressBalances(root: URL, config: ClientConfig, address: string, token: string | undefined, signal?: AbortSignal): Promise<Balances> {
    if (this.learnedAddressRoute.get(root.href) !== 'user') {
      const response = await this.signedGet(new URL(`balance/${encodeURIComponent(address)}`, root), root, config, signal);
      const routeMissing = response.status === 404 && jsonErrorMessage(response.body) === undefined;
      if (!routeMissing) {
        this.learnedAddressRoute.set(root.href, 'address');
        const balances = this.balancesFrom(response);
        // This route keys balances by token name; a token contract address is found by name.
        const named = token !== undefined && isAddressText(token) ? (await this.getTokenList(signal)).find((t) => t.address.toLowerCase() === token.toLowerCase())?.apiId : token;
        return filterToken(balances, named, token);
      }
      this.learnedAddressRoute.set(root.href, 'user');
      this.options.logger.info('This deployment has no /api/balance/{address} route; looking addresses up on /api/user/balance as the published page does.');
    }
    return this.userBalances(root, config, address, token, signal);
  }

  private balancesFrom(response: HttpResponse): Balances {
    if (response.status !== 200) {
      throw errorFromResponse(response, this.retryAfter(response));
    }
    return parseBalances(parseJsonBody(response));
  }

  /**
   * A signed GET. An "Invalid signature" is tried once more with the other signing convention
   * (when allowed) and a "Request expired" once more with the server's clock; what worked is kept.
   */
  private async signedGet(url: URL, root: URL, config: ClientConfig, signal?: AbortSignal): Promise<HttpResponse> {
    const credentials = await this.options.credentials();
    if (!credentials) {
      // A server not allowed is the first thing to fix. (With credentials, send() checks it.)
      this.options.assertServerAllowed?.(root);
      const message = l10n.t({
        message: 'No PLYR API credentials are set. Run "PLYR: Set API Credentials" to add your API key and secret key.',
        comment: '"PLYR: Set API Credentials" is a command as the Command Palette shows it: use its translated title',
      });
      throw new PlyrError('noCredentials', message, { fix: 'setCredentials' });
    }
    const preferred = this.learnedSigning.get(root.href) ?? config.signing;
    const attempt: Attempt = { convention: preferred, offsetMs: this.clockOffsetMs };
    let switchedConvention = false;
    let correctedClock = false;
    for (;;) {
      const headers = signedHeaders(credentials, this.now() + attempt.offsetMs, getBody(attempt.convention));
      const response = await this.request(url, config, headers, signal, credentials);
      const reason = response.status === 401 ? jsonErrorMessage(response.body) : undefined;
      if (reason === 'Invalid signature' && config.retryOtherConvention && !switchedConvention) {
        switchedConvention = true;
        attempt.convention = otherConvention(attempt.convention);
        this.options.logger.warn(`Signature rejected; trying once more with the ${conventionLabel(attempt.convention)} signing convention.`);
        continue;
      }
      if (reason === 'Request expired' && !correctedClock) {
        const offset = this.serverClockOffset(response);
        if (offset !== undefined) {
          correctedClock = true;
          attempt.offsetMs = offset;
          continue;
        }
      }
      // A 5xx may come from a proxy before the signature was checked: only learn from answers past it.
      const verified = response.status !== 401 && response.status < 500;
      if (verified && attempt.convention !== preferred) {
        this.learnedSigning.set(root.href, attempt.convention);
        this.options.logger.warn(`The server accepted the ${conventionLabel(attempt.convention)} signing convention; using it from now on (setting plyr.signing.getBody).`);
      }
      if (verified && correctedClock) {
        this.clockOffsetMs = attempt.offsetMs;
        this.options.logger.warn(`This computer's clock is ${describeDuration(attempt.offsetMs)} ${attempt.offsetMs > 0 ? 'behind' : 'ahead of'} the server's; requests are corrected for it.`);
        this.options.onClockSkew?.(attempt.offsetMs);
      }
      return response;
    }
  }

  private serverClockOffset(response: HttpResponse): number | undefined {
    const serverDate = Date.parse(response.headers.get('date') ?? '');
    return Number.isNaN(serverDate) ? undefined : serverDate - this.now();
  }

  private async request(url: URL, config: ClientConfig, headers: Record<string, string> | undefined, signal: AbortSignal | undefined, credentials?: Credentials): Promise<HttpResponse> {
    const started = this.now();
    const key = credentials ? ` key ${redactApiKey(credentials.apiKey)}` : '';
    try {
      const received = await this.send(url, config, headers, signal);
      // A server or proxy may echo the request's headers: nothing it sends is read, logged or
      // shown with the key, the secret or the signature in it.
      const response = credentials ? { ...received, body: withoutSecrets(received.body, [credentials.apiKey, credentials.secretKey, headers?.signature ?? '']) } : received;
      this.options.logger.info(`GET ${url.pathname} → ${response.status} in ${this.now() - started} ms${key}`);
      if (RETRYABLE_STATUS.has(response.status)) {
        throw errorFromResponse(response, this.retryAfter(response));
      }
      return response;
    } catch (error) {
      if (error instanceof PlyrError && error.status === undefined && error.code !== 'serverNotConfirmed') {
        this.options.logger.warn(`GET ${url.pathname} failed after ${this.now() - started} ms: ${error.code}`);
      }
      throw error;
    }
  }

  /** The one place a request leaves: to a server the user allowed, bounded in time and size. */
  private send(url: URL, config: ClientConfig, headers: Record<string, string> | undefined, signal: AbortSignal | undefined): Promise<HttpResponse> {
    this.options.assertServerAllowed?.(this.root(config));
    return send(this.options.fetch, url, { headers, timeoutMs: config.timeoutMs, signal });
  }

  private retryAfter(response: HttpResponse): number | undefined {
    return parseRetryAfter(response.headers.get('retry-after'), this.now());
  }

  private root(config: ClientConfig): URL {
    const result = apiRoot(config.network, config.customBaseUrl);
    if (!result.ok) {
      throw new PlyrError('badConfiguration', result.message, { fix: 'openSettings' });
    }
    return result.url;
  }

  /**
   * Runs `operation` with retries. The final failure is logged with its message: the details that
   * a "see the PLYR log" error promises (a request's own line shows only its status).
   */
  private retrying<T>(what: string, signal: AbortSignal | undefined, operation: () => Promise<T>): Promise<T> {
    return withRetry(operation, {
      policy: this.options.retryPolicy ?? DEFAULT_RETRY_POLICY,
      sleep: this.options.sleep,
      random: this.options.random,
      signal,
      classify: (error) => ({
        retry: error instanceof PlyrError && (error.code === 'network' || (error.status !== undefined && RETRYABLE_STATUS.has(error.status))),
        retryAfterMs: error instanceof PlyrError ? error.retryAfterMs : undefined,
      }),
      onRetry: (attempt, delayMs, error) => this.options.logger.info(`Retry ${attempt} in ${delayMs} ms after ${error instanceof PlyrError ? error.code : 'an error'}.`),
    }).catch((error: unknown) => {
      if (signal?.aborted && !(error instanceof PlyrError)) {
        throw new PlyrError('cancelled', l10n.t('The request was cancelled.'), { cause: error });
      }
      if (!isPlyrError(error, 'cancelled')) {
        this.options.logger.warn(`${what} failed: ${isPlyrError(error) ? `${error.code}: ${error.message}` : String(error)}`);
      }
      throw error;
    });
  }
}

function userBalanceUrl(root: URL, id: string, token: string | undefined): URL {
  const path = token === undefined ? `user/balance/${encodeURIComponent(id)}` : `user/balance/${encodeURIComponent(id)}/${encodeURIComponent(token)}`;
  return new URL(path, root);
}

/**
 * The address route answers every token; a token filter is applied here. The answer is keyed by
 * the token as the caller gave it, as the user route does.
 */
function filterToken(balances: Balances, name: string | undefined, asGiven: string | undefined): Balances {
  if (asGiven === undefined) {
    return balances;
  }
  const key = name === undefined ? undefined : Object.keys(balances).find((k) => k.toLowerCase() === name.toLowerCase());
  if (key === undefined) {
    const message = l10n.t({
      message: 'That token is not among the balances the PLYR API reports for this address. Use a token name from the list (such as {0} or {1}) or a listed token contract address.',
      args: ['plyr', 'gamr'],
      comment: TOKENS_COMMENT,
    });
    throw new PlyrError('invalidToken', message);
  }
  return Object.fromEntries([[asGiven, balances[key]]]);
}

/**
 * "No account" for a PLYR ID that looks like a mistyped address (`0x` + 39 hex digits): the user
 * most likely meant an address, so the message says it is not a valid one either.
 */
function withLookalikeNote(error: unknown, identifier: Identifier): unknown {
  const lookalike = identifier.kind === 'plyrId' && isPlyrError(error, 'userNotFound') ? addressLookalike(identifier.value) : undefined;
  if (!lookalike || !isPlyrError(error)) {
    return error;
  }
  return new PlyrError('userNotFound', `${error.message} ${notAnAddressEither(lookalike)}`, { status: error.status, fix: error.fix, cause: error });
}

function conventionLabel(convention: SigningConvention): string {
  return convention === 'null' ? '"null" (published page)' : '"{}" (real server)';
}

function retryAfterOf(ms: number | undefined): { retryAfterMs?: number } {
  return ms === undefined ? {} : { retryAfterMs: ms };
}
