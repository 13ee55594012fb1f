import * as l10n from '@vscode/l10n';
import { Balances, isPlainObject, parseBalances } from '../model/balances';
import { isPlyrError, PlyrError } from '../model/errors';
import { addressLookalike, Identifier, isAddressText, notAnAddressEither, parsePlyrIdOnly } from '../model/identifier';
import { AccountClient } from './accountClient';
import { ApiSession, GateWait, PlyrClientOptions, Target } from './apiSession';
import { NetworkName } from './networks';
import { PacingState } from './ratePacer';
import { errorFromResponse, HttpResponse, isRouteMissing, jsonErrorMessage, notATokenContract, parseExactJsonBody, parseJsonBody, TOKENS_COMMENT } from './responses';
import { SigningConvention } from './signer';
import { parseTokenList, TokenInfo } from './tokenList';

export type { ClientConfig, PlyrClientOptions } from './apiSession';
export type { PacingState } from './ratePacer';

/** Test Connection waits this long for a rate limit's gate to open; a longer one is its answer. */
const PROBE: GateWait = { maxGateWaitMs: 2000 };

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

/**
 * The PLYR API as both the real server and the published page describe it: signs every request,
 * learns which signing convention and which address route a deployment accepts, corrects for
 * clock skew, and retries transient failures (the request path itself is {@link ApiSession}).
 */
export class PlyrClient {
  /** Chips, allowances, activity and wallets of an account, over the same session. */
  readonly account: AccountClient;
  readonly #session: ApiSession;
  readonly #learnedAddressRoute = new Map<string, AddressRoute>();

  constructor(options: PlyrClientOptions) {
    this.#session = new ApiSession(options);
    this.account = new AccountClient(this.#session);
  }

  /**
   * Balances of a PLYR ID or address, all tokens or one. Identifier and token are already validated.
   * An address is asked on `/api/balance/{address}` (the on-chain balances of any address), with
   * the published page's user route as the fallback.
   */
  async getBalances(identifier: Identifier, token: string | undefined, signal?: AbortSignal): Promise<BalanceResult> {
    const target = this.#session.target();
    const answered = await this.#session
      .retrying(`Balances of ${identifier.value}`, signal, () =>
        identifier.kind === 'address' ? this.#addressBalances(target, identifier.value, token, signal) : this.#userBalances(target, identifier.value, token, signal).then((all) => ({ all })),
      )
      .catch((error: unknown) => {
        throw namingTheAccount(error, identifier);
      });
    // Past the retries: a token list that fails is its own error, not a reason to ask for the balances again.
    const balances = 'byName' in answered ? await this.#oneToken(target, answered.byName, token, signal) : answered.all;
    return { identifier, token, balances, network: target.config.network, fetchedAt: this.#session.now() };
  }

  /** The token list (no authentication). */
  getTokenList(signal?: AbortSignal): Promise<TokenInfo[]> {
    return this.#tokenListAt(this.#session.target(), signal);
  }

  async #tokenListAt({ config, root }: Target, signal?: AbortSignal): Promise<TokenInfo[]> {
    const url = new URL('tokenlist', root);
    return this.#session.retrying('The token list', signal, async () => {
      const response = await this.#session.request(url, config, undefined, signal);
      if (response.status !== 200) {
        throw errorFromResponse(response, this.#session.retryAfter(response));
      }
      // Prices are numbers: read as the text the server wrote, never as floats.
      return parseTokenList(parseExactJsonBody(response));
    });
  }

  /**
   * The PLYR ID whose primary wallet is `address` (`/api/user/basic`, no authentication), or
   * undefined when the address has no PLYR account (404).
   */
  async getPlyrIdForAddress(address: string, signal?: AbortSignal): Promise<string | undefined> {
    const { config, root } = this.#session.target();
    const url = new URL(`user/basic/${encodeURIComponent(address)}`, root);
    return this.#session.retrying(`The PLYR ID of ${address}`, signal, async () => {
      const response = await this.#session.request(url, config, undefined, signal);
      if (response.status === 404 && jsonErrorMessage(response.body) !== undefined) {
        return undefined;
      }
      if (response.status !== 200) {
        throw errorFromResponse(response, this.#session.retryAfter(response));
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

  /** What was learned of the current API root's rate limit; undefined while requests go unpaced. */
  pacing(): PacingState | undefined {
    return this.#session.pacing();
  }

  /** Until when (epoch ms) the current API root holds requests after a 429; undefined when it does not. */
  rateLimitedUntil(): number | undefined {
    return this.#session.rateLimitedUntil();
  }

  /** New credentials: what a 429 closed opens for them (the pace learned stays). */
  credentialsChanged(): void {
    this.#session.pacers.openGates();
  }

  /** For PLYR: Test Connection: one unauthenticated request, unretried, with the server's time. */
  async probeServer(signal?: AbortSignal): Promise<ServerAnswer> {
    const { config, root } = this.#session.target();
    const started = this.#session.now();
    let response: HttpResponse;
    try {
      response = await this.#session.send(new URL('tokenlist', root), config, undefined, signal, PROBE);
    } catch (error) {
      // Kept back by a rate limit's gate: the wait left is the answer.
      if (isPlyrError(error, 'rateLimited')) {
        return { status: 429, elapsedMs: this.#session.now() - started, ...retryAfterOf(error.retryAfterMs) };
      }
      throw error;
    }
    const serverDate = Date.parse(response.headers.get('date') ?? '');
    return { status: response.status, elapsedMs: this.#session.now() - started, ...(Number.isNaN(serverDate) ? {} : { serverDateMs: serverDate }), ...retryAfterOf(this.#session.retryAfter(response)) };
  }

  /**
   * For PLYR: Test Connection: one signed request, unretried (the signing fallbacks still apply),
   * and the convention that ends up in use. A PLYR ID without an account still proves the signature.
   */
  async probeSignedCall(plyrId: string, signal?: AbortSignal): Promise<SignedAnswer> {
    const target = this.#session.target();
    const response = await this.#session.signedGet(userBalanceUrl(target.root, plyrId, undefined), target, signal, PROBE).catch((error: unknown) => {
      // A 429 or 5xx is an answer here, not a failure to retry (a rate limit's gate included).
      if (isPlyrError(error) && error.status !== undefined) {
        return { status: error.status, retryAfterMs: error.retryAfterMs };
      }
      throw error;
    });
    const convention = this.#session.conventionFor(target);
    if ('body' in response) {
      const message = response.status === 401 || response.status === 403 ? jsonErrorMessage(response.body) : undefined;
      return { status: response.status, convention, ...(message ? { serverMessage: message } : {}) };
    }
    return { status: response.status, convention, ...retryAfterOf(response.retryAfterMs) };
  }

  async #userBalances(target: Target, id: string, token: string | undefined, signal?: AbortSignal): Promise<Balances> {
    const response = await this.#session.signedGet(userBalanceUrl(target.root, id, token), target, signal);
    const notAToken = token !== undefined && isAddressText(token) ? notATokenContract(response) : undefined;
    if (notAToken) {
      throw notAToken;
    }
    return this.#balancesFrom(response, token);
  }

  /**
   * The real server answers addresses on `/balance/{address}`; the published page puts them on
   * the user route. Try the former, and fall back once a deployment shows it lacks the route.
   */
  async #addressBalances(target: Target, address: string, token: string | undefined, signal?: AbortSignal): Promise<{ all: Balances } | { byName: Balances }> {
    const { root } = target;
    if (this.#learnedAddressRoute.get(root.href) !== 'user') {
      const response = await this.#session.signedGet(new URL(`balance/${encodeURIComponent(address)}`, root), target, signal);
      if (!isRouteMissing(response)) {
        this.#learnedAddressRoute.set(root.href, 'address');
        // Every token, keyed by name: the one asked for is picked out after (oneToken).
        return { byName: this.#balancesFrom(response) };
      }
    }
    const balances = await this.#userBalances(target, address, token, signal);
    // Learned from an answer only: a proxy's one plain 404 (during a deployment, say) would
    // otherwise send every address to the route the real server refuses them on, until a restart.
    if (this.#learnedAddressRoute.get(root.href) !== 'user') {
      this.#learnedAddressRoute.set(root.href, 'user');
      this.#session.options.logger.info('This deployment has no /api/balance/{address} route; looking addresses up on /api/user/balance as the published page does.');
    }
    return { all: balances };
  }

  /** Balances keyed by token name, filtered to the token asked for; a token contract address is found by name in the token list. */
  async #oneToken(target: Target, byName: Balances, token: string | undefined, signal?: AbortSignal): Promise<Balances> {
    const named = token !== undefined && isAddressText(token) ? (await this.#tokensOf(target, signal)).find((t) => t.address.toLowerCase() === token.toLowerCase())?.apiId : token;
    return filterToken(byName, named, token);
  }

  /**
   * The token list of the server that answered: the shared one while that server is still the
   * one in use, else its own (the network changed while the balances came: the new network's list
   * would name another token).
   */
  async #tokensOf(target: Target, signal?: AbortSignal): Promise<readonly { readonly address: string; readonly apiId: string }[]> {
    const shared = this.#session.options.tokens;
    return shared && this.#session.target().root.href === target.root.href ? shared(signal) : this.#tokenListAt(target, signal);
  }

  /** `token`: the one token asked for, which a refusal of it names. */
  #balancesFrom(response: HttpResponse, token?: string): Balances {
    if (response.status !== 200) {
      throw errorFromResponse(response, this.#session.retryAfter(response), { token });
    }
    return parseBalances(parseJsonBody(response));
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
 * "No account" naming the identifier asked for (a notification of Check Balance shows nothing
 * else that does); for a PLYR ID that looks like a mistyped address (`0x` + 39 hex digits), which
 * the user most likely meant as an address, it says it is not a valid one either.
 */
function namingTheAccount(error: unknown, identifier: Identifier): unknown {
  if (!isPlyrError(error, 'userNotFound')) {
    return error;
  }
  const lookalike = identifier.kind === 'plyrId' ? addressLookalike(identifier.value) : undefined;
  const message = l10n.t('No PLYR account was found for {0}. Check the spelling of the PLYR ID or address.', identifier.value);
  return new PlyrError('userNotFound', lookalike ? `${message} ${notAnAddressEither(lookalike)}` : message, { status: error.status, fix: error.fix, cause: error });
}

function retryAfterOf(ms: number | undefined): { retryAfterMs?: number } {
  return ms === undefined ? {} : { retryAfterMs: ms };
}
