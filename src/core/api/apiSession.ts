import * as l10n from '@vscode/l10n';
import { describeDuration, isPlyrError, PlyrError, PlyrErrorCode } from '../model/errors';
import { withoutSecrets } from '../model/safeText';
import { Logger } from './logger';
import { apiRoot, NetworkName } from './networks';
import { Cancelled, GateClosed, PacingState, RatePacers } from './ratePacer';
import { AUTH_REFUSAL, errorFromResponse, HttpResponse, jsonErrorMessage } from './responses';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, RetryPolicy, Sleep, withRetry } from './retry';
import { Credentials, getBody, otherConvention, redactApiKey, SigningConvention, signedHeaders } from './signer';
import { cancelledError, FetchLike, send } from './transport';

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
  /** Undefined when none are set; rejects (a PlyrError) when they are set but cannot be read. */
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
  /** The rate pacers, one per API root; by default the client's own, on the real clock. */
  readonly pacers?: RatePacers;
  /** Told when the API root's gate closes after a 429, moves, opens or runs out (the client's own pacers): see {@link ApiSession.rateLimitedUntil}. */
  readonly onRateLimit?: () => void;
  /** Told when the API answers a request with a 2xx: the server is up, whatever failed before. */
  readonly onAnswer?: () => void;
  /**
   * The token list a token contract address is looked up in (the one every surface shares); by
   * default the client asks `/api/tokenlist` itself.
   */
  readonly tokens?: (signal?: AbortSignal) => Promise<readonly { readonly address: string; readonly apiId: string }[]>;
}

/** The settings of one call and the API root they resolve to. */
export interface Target {
  readonly config: ClientConfig;
  readonly root: URL;
}

type Attempt = { convention: SigningConvention; offsetMs: number };

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
/** The server's 401s sent after hmacAuth passed (checkTokenInParams): the signature was good. */
const PAST_AUTH_REFUSALS = new Set(['Invalid tokenName', 'tokenName is required']);
/** Failures on the way, here or between the server and its chain node: asking again may work. */
const RETRYABLE_CODES = new Set<PlyrErrorCode>(['network', 'chainUnavailable']);

/** An answer, and how long its request waited for its turn before it left. */
export interface SentResponse extends HttpResponse {
  readonly waitedMs: number;
}

/** How long a request may wait for a rate limit's gate to open; a longer wait is reported instead. */
export interface GateWait {
  readonly maxGateWaitMs?: number;
}

/**
 * The one way requests reach the PLYR API, shared by every client route: the API root from the
 * settings, the server-consent gate, signing (and the other convention on "Invalid signature"),
 * the clock correction, the pacing after a 429, the transport's time and size bounds and its
 * refusal of redirects, and retries. What a server was found to accept is kept here, so that every
 * route benefits.
 */
export class ApiSession {
  readonly now: () => number;
  /** Every request to an API root waits its turn here once the server has refused one with 429. */
  readonly pacers: RatePacers;
  /** What each API root was found to accept, so later requests go straight to it. */
  readonly #learnedSigning = new Map<string, SigningConvention>();
  /** Each API root's clock less ours, once a request corrected by it was accepted there. */
  readonly #clockOffsets = new Map<string, number>();

  constructor(readonly options: PlyrClientOptions) {
    this.now = options.now ?? Date.now;
    this.pacers = options.pacers ?? new RatePacers({ logger: options.logger, maxGateMs: (options.retryPolicy ?? DEFAULT_RETRY_POLICY).maxRetryAfterMs, onGate: options.onRateLimit });
  }

  /** Until when (epoch ms) the API root the settings name holds requests after a 429; undefined when it does not. */
  rateLimitedUntil(): number | undefined {
    const config = this.options.config();
    const root = apiRoot(config.network, config.customBaseUrl);
    return root.ok ? this.pacers.gateOpensAt(root.url) : undefined;
  }

  /** What the pacer learned of the API root the settings name now; undefined while unpaced. */
  pacing(): PacingState | undefined {
    const config = this.options.config();
    const root = apiRoot(config.network, config.customBaseUrl);
    return root.ok ? this.pacers.stateOf(root.url) : undefined;
  }

  /** The settings now, and the API root they name (a bad setting throws badConfiguration). */
  target(): Target {
    const config = this.options.config();
    return { config, root: this.#root(config) };
  }

  /** The signing convention in use for a server: the one it was found to accept, else the setting. */
  conventionFor({ config, root }: Target): SigningConvention {
    return this.#learnedSigning.get(root.href) ?? config.signing;
  }

  /**
   * A signed GET. An "Invalid signature" is tried once more with the other signing convention
   * (when allowed) and a "Request expired" once more with the server's clock; what worked is kept.
   */
  async signedGet(url: URL, { config, root }: Target, signal?: AbortSignal, wait?: GateWait): Promise<HttpResponse> {
    const credentials = await this.options.credentials().catch((unreadable: unknown) => {
      this.options.assertServerAllowed?.(root);
      throw unreadable;
    });
    if (!credentials) {
      // A server not allowed is the first thing to fix. (With credentials, send() checks it.)
      this.options.assertServerAllowed?.(root);
      const message = l10n.t({
        message: 'No PLYR API credentials are set. Run "PLYR: Set API Credentials" to add your API key and secret key.',
        comment: '"PLYR: Set API Credentials" is a command as the Command Palette shows it: use its translated title',
      });
      throw new PlyrError('noCredentials', message, { fix: 'setCredentials' });
    }
    const preferred = this.#learnedSigning.get(root.href) ?? config.signing;
    const attempt: Attempt = { convention: preferred, offsetMs: this.#clockOffsets.get(root.href) ?? 0 };
    let switchedConvention = false;
    let correctedClock = false;
    for (;;) {
      const headers = signedHeaders(credentials, this.now() + attempt.offsetMs, getBody(attempt.convention));
      const response = await this.request(url, config, headers, signal, credentials, wait);
      const reason = response.status === 401 ? jsonErrorMessage(response.body) : undefined;
      if (reason === AUTH_REFUSAL.invalidSignature && config.retryOtherConvention && !switchedConvention) {
        switchedConvention = true;
        attempt.convention = otherConvention(attempt.convention);
        this.options.logger.warn(`Signature rejected; trying once more with the ${conventionLabel(attempt.convention)} signing convention.`);
        continue;
      }
      if (reason === AUTH_REFUSAL.expired && !correctedClock) {
        const offset = this.clockOffsetOf(response);
        if (offset !== undefined) {
          correctedClock = true;
          attempt.offsetMs = offset;
          continue;
        }
      }
      // A 5xx may come from a proxy before the signature was checked: only learn from answers past
      // it. checkTokenInParams' 401s come after hmacAuth passed: past it too (a proxy's are not).
      const verified = response.status < 500 && (response.status !== 401 || (reason !== undefined && PAST_AUTH_REFUSALS.has(reason)));
      if (verified && attempt.convention !== preferred) {
        this.#learnedSigning.set(root.href, attempt.convention);
        this.options.logger.warn(`The server accepted the ${conventionLabel(attempt.convention)} signing convention; using it from now on (setting plyr.signing.getBody).`);
      }
      if (verified && correctedClock) {
        this.#clockOffsets.set(root.href, attempt.offsetMs);
        this.options.logger.warn(`This computer's clock is ${describeDuration(attempt.offsetMs)} ${attempt.offsetMs > 0 ? 'behind' : 'ahead of'} the server's; requests are corrected for it.`);
        this.options.onClockSkew?.(attempt.offsetMs);
      }
      return response;
    }
  }

  /** An unsigned GET, logged; a retryable status (429, 502-504) is thrown for {@link retrying}. */
  async request(url: URL, config: ClientConfig, headers: Record<string, string> | undefined, signal: AbortSignal | undefined, credentials?: Credentials, wait?: GateWait): Promise<HttpResponse> {
    const started = this.now();
    const key = credentials ? `, with ${redactApiKey(credentials.apiKey)}` : '';
    try {
      const received = await this.send(url, config, headers, signal, wait);
      // A server or proxy may echo the request's headers: nothing it sends is read, logged or
      // shown with the key, the secret or the signature in it.
      const response = credentials ? { ...received, body: withoutSecrets(received.body, [credentials.apiKey, credentials.secretKey, headers?.signature ?? '']) } : received;
      const paced = received.waitedMs > 0 ? ` (after ${received.waitedMs} ms waiting its turn)` : '';
      this.options.logger.info(`GET ${url.pathname} → ${response.status} in ${this.now() - started - received.waitedMs} ms${paced}${key}`);
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

  /**
   * The one place a request leaves: to a server the user allowed, in its turn after a 429 (the
   * wait is not part of the request's time bound), bounded in time and size.
   */
  async send(url: URL, config: ClientConfig, headers: Record<string, string> | undefined, signal: AbortSignal | undefined, wait: GateWait = {}): Promise<SentResponse> {
    const root = this.#root(config);
    this.options.assertServerAllowed?.(root);
    const pacer = this.pacers.of(root);
    const asked = this.now();
    const sentAt = await pacer.acquire(signal, wait.maxGateWaitMs).catch((error: unknown) => {
      throw error instanceof GateClosed ? errorFromResponse(RATE_LIMITED, error.remainingMs) : error instanceof Cancelled ? cancelledError(error) : error;
    });
    const waitedMs = this.now() - asked;
    // Again after the wait at a 429's gate: the settings may have left this server meanwhile.
    this.options.assertServerAllowed?.(root);
    const response = await send(this.options.fetch, url, { headers, timeoutMs: config.timeoutMs, signal });
    pacer.record(sentAt, { status: response.status, retryAfterMs: this.retryAfter(response), serverDate: response.headers.get('date') });
    if (response.status >= 200 && response.status < 300) {
      this.options.onAnswer?.();
    }
    return { ...response, waitedMs };
  }

  retryAfter(response: HttpResponse): number | undefined {
    return parseRetryAfter(response.headers.get('retry-after'), this.now());
  }

  /**
   * Runs `operation` with retries. The final failure is logged with its message: the details that
   * a "see the PLYR log" error promises (a request's own line shows only its status).
   */
  retrying<T>(what: string, signal: AbortSignal | undefined, operation: () => Promise<T>): Promise<T> {
    return withRetry(operation, {
      policy: this.options.retryPolicy ?? DEFAULT_RETRY_POLICY,
      sleep: this.options.sleep,
      random: this.options.random,
      signal,
      classify: (error) => ({
        retry: error instanceof PlyrError && (RETRYABLE_CODES.has(error.code) || (error.status !== undefined && RETRYABLE_STATUS.has(error.status))),
        retryAfterMs: error instanceof PlyrError ? error.retryAfterMs : undefined,
      }),
      onRetry: (attempt, delayMs, error) => this.options.logger.info(`Retry ${attempt} in ${delayMs} ms after ${error instanceof PlyrError ? error.code : 'an error'}.`),
    }).catch((error: unknown) => {
      if (signal?.aborted && !(error instanceof PlyrError)) {
        throw cancelledError(error);
      }
      if (!isPlyrError(error, 'cancelled')) {
        this.options.logger.warn(`${what} failed: ${isPlyrError(error) ? `${error.code}: ${error.message}` : String(error)}`);
      }
      throw error;
    });
  }

  /**
   * The server's clock less ours, by its Date header; undefined past {@link MAX_CLOCK_CORRECTION_MS}
   * (the user is told to correct the clock). A signature covers no host or path: one timed by a
   * server's say-so far ahead would be good on the real API then, for whoever kept it.
   */
  clockOffsetOf(response: HttpResponse): number | undefined {
    const serverDate = Date.parse(response.headers.get('date') ?? '');
    const offset = serverDate - this.now();
    return Number.isNaN(offset) || Math.abs(offset) > MAX_CLOCK_CORRECTION_MS ? undefined : offset;
  }

  #root(config: ClientConfig): URL {
    const result = apiRoot(config.network, config.customBaseUrl);
    if (!result.ok) {
      throw new PlyrError('badConfiguration', result.message, { fix: 'openSettings' });
    }
    return result.url;
  }
}

/** The largest clock difference requests are corrected for. */
export const MAX_CLOCK_CORRECTION_MS = 60 * 60_000;

/** What a request kept back by the gate is reported as: the server's own refusal, with the wait left. */
const RATE_LIMITED: HttpResponse = { status: 429, headers: { get: () => null }, body: '' };

function conventionLabel(convention: SigningConvention): string {
  return convention === 'null' ? '"null" (published page)' : '"{}" (real server)';
}
