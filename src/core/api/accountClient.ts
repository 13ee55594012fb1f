import { ActivityEntry, parseActivity } from '../model/activity';
import { Allowance, parseAllowances } from '../model/allowances';
import { Chip, parseChips } from '../model/chips';
import { Identifier } from '../model/identifier';
import { Parsed, Skipped } from '../model/serverFields';
import { AccountInfo, parseAccountInfo, parseSecondaryWallets, SecondaryWallet } from '../model/wallets';
import { ApiSession } from './apiSession';
import { NetworkName } from './networks';
import { errorFromResponse, isRouteMissing, jsonErrorMessage, parseExactJsonBody, routeNotOffered } from './responses';

/** What one of the account routes answered, read; what could not be read is in `skipped`. */
export interface AccountAnswer<T> extends Parsed<T> {
  readonly network: NetworkName;
  readonly fetchedAt: number;
  /** The server's clock less ours when it answered, by its Date header (to the second); undefined without one. */
  readonly clockOffsetMs?: number;
}

/** One page of the activity log, newest first. */
export interface ActivityPage extends AccountAnswer<ActivityEntry[]> {
  readonly offset: number;
  readonly limit: number;
  /** The server sent a full page, so the next one may hold more. */
  readonly mayHaveMore: boolean;
  /** Entries the server sent, read or not: the next page starts at `offset + received`. */
  readonly received: number;
}

export interface ActivityPaging {
  /** Entries to pass over, newest first; 0 by default. */
  readonly offset?: number;
  /** Entries in the page, 1 to {@link MAX_ACTIVITY_PAGE}; the server's 25 by default. */
  readonly limit?: number;
}

export const MAX_ACTIVITY_PAGE = 100;
const DEFAULT_ACTIVITY_PAGE = 25;
/** Skipped entries named in the log, per answer; the count says how many there were in all. */
const LOGGED_SKIPS = 5;

/** How a route is read: where it is, and how its 200 (and a 404 that is an answer) is read. */
interface Route<P> {
  /** For the log: "Chips of player123". */
  readonly what: string;
  /** For "this server does not offer …": the route without its parameters. */
  readonly route: string;
  readonly url: (root: URL) => URL;
  readonly parse: (body: unknown) => P;
  /** A 404 with the server's JSON error that is an answer, not a failure (no chips). */
  readonly notFound?: (message: string | undefined) => P | undefined;
}

/**
 * The routes that show more of an account than its balances: game chips, game allowances, the
 * activity log, the account's wallets. Each is a signed GET through the same {@link ApiSession}
 * as the balances (signing and its fallback, clock correction, consent gate, retries, time and
 * size bounds, no redirects), read with numbers kept exact. PLYR IDs are already validated;
 * they are sent lower case, as the server stores them.
 */
export class AccountClient {
  readonly #session: ApiSession;
  /** What was last logged of each answer, by server and route ("Chips of player123"): not logged again while it stays so. */
  readonly #lastSkipped = new Map<string, string>();

  constructor(session: ApiSession) {
    this.#session = session;
  }

  /**
   * The game chips held by an account, every game's or one game's (`gameId`). Without a game the
   * server lists every chip on the network, "0" for those not held. No chip at all is an empty list.
   */
  getChips(plyrId: string, options: { readonly gameId?: string } = {}, signal?: AbortSignal): Promise<AccountAnswer<Chip[]>> {
    const id = plyrId.toLowerCase();
    return this.#read<Parsed<Chip[]>>(
      {
        what: `Chips of ${id}`,
        route: '/api/game/chip/balance',
        url: (root) => {
          const url = new URL('game/chip/balance', root);
          url.searchParams.set('plyrId', id);
          if (options.gameId !== undefined) {
            url.searchParams.set('gameId', options.gameId);
          }
          return url;
        },
        parse: parseChips,
        // "chip not found" is no chip; "user not found" stays an error.
        notFound: (message) => (message === 'chip not found' ? { value: [], skipped: [] } : undefined),
      },
      signal,
    );
  }

  /** What each game may spend of each token for the account, unexpired. */
  getAllowances(plyrId: string, signal?: AbortSignal): Promise<AccountAnswer<Allowance[]>> {
    const id = plyrId.toLowerCase();
    return this.#read({ what: `Allowances of ${id}`, route: '/api/game/allowances', url: (root) => new URL(`game/allowances/${encodeURIComponent(id)}`, root), parse: parseAllowances }, signal);
  }

  /** One page of the account's activity log, newest first. */
  async getActivity(plyrId: string, paging: ActivityPaging = {}, signal?: AbortSignal): Promise<ActivityPage> {
    // The server matches the ID exactly as sent, and stores it lower case.
    const id = plyrId.toLowerCase();
    const offset = wholeIn(paging.offset, 0, Number.MAX_SAFE_INTEGER, 0);
    const limit = wholeIn(paging.limit, 1, MAX_ACTIVITY_PAGE, DEFAULT_ACTIVITY_PAGE);
    const answer = await this.#read(
      {
        what: `Activity of ${id}`,
        route: '/api/actionLog',
        url: (root) => {
          const url = new URL(`actionLog/${encodeURIComponent(id)}`, root);
          url.searchParams.set('offset', String(offset));
          url.searchParams.set('limit', String(limit));
          return url;
        },
        parse: (body) => ({ ...parseActivity(body), received: Array.isArray(body) ? body.length : 0 }),
      },
      signal,
    );
    return { ...answer, offset, limit, mayHaveMore: answer.received >= limit };
  }

  /** The account of a PLYR ID, or of an address as its primary wallet. */
  getUserInfo(identifier: Identifier, signal?: AbortSignal): Promise<AccountAnswer<AccountInfo>> {
    return this.#read({ what: `The account ${identifier.value}`, route: '/api/user/info', url: (root) => new URL(`user/info/${encodeURIComponent(identifier.value)}`, root), parse: parseAccountInfo }, signal);
  }

  /** The wallets bound to the account besides its primary one. */
  getSecondaryWallets(plyrId: string, signal?: AbortSignal): Promise<AccountAnswer<SecondaryWallet[]>> {
    const id = plyrId.toLowerCase();
    return this.#read({ what: `Secondary wallets of ${id}`, route: '/api/user/secondary', url: (root) => new URL(`user/secondary/${encodeURIComponent(id)}`, root), parse: parseSecondaryWallets }, signal);
  }

  async #read<P extends Parsed<unknown>>(route: Route<P>, signal: AbortSignal | undefined): Promise<P & AccountAnswer<P['value']>> {
    const target = this.#session.target();
    const url = route.url(target.root);
    let clockOffsetMs: number | undefined;
    const parsed = await this.#session.retrying(route.what, signal, async () => {
      const response = await this.#session.signedGet(url, target, signal);
      clockOffsetMs = this.#session.clockOffsetOf(response);
      if (isRouteMissing(response)) {
        throw routeNotOffered(route.route);
      }
      const answer = response.status === 404 ? route.notFound?.(jsonErrorMessage(response.body)) : undefined;
      if (answer !== undefined) {
        return answer;
      }
      if (response.status !== 200) {
        throw errorFromResponse(response, this.#session.retryAfter(response));
      }
      return route.parse(parseExactJsonBody(response));
    });
    this.#logSkipped(`${target.root.href} ${route.what}`, route.what, parsed.skipped);
    return { ...parsed, network: target.config.network, fetchedAt: this.#session.now(), ...(clockOffsetMs === undefined ? {} : { clockOffsetMs }) };
  }

  /**
   * Left-out entries go to the log, the first few by name: what "see the PLYR log" points to. The
   * same again in the next answer (every refresh of an account whose game set a bad image) is not
   * logged again, so the log keeps what changed.
   */
  #logSkipped(key: string, what: string, skipped: readonly Skipped[]): void {
    if (skipped.length === 0) {
      this.#lastSkipped.delete(key);
      return;
    }
    const named = skipped.slice(0, LOGGED_SKIPS).map((s) => `${s.at || '(the answer)'}: ${s.reason}`);
    const more = skipped.length > LOGGED_SKIPS ? `; and ${skipped.length - LOGGED_SKIPS} more` : '';
    const message = `${what}: ${skipped.length} unreadable ${skipped.length === 1 ? 'part' : 'parts'} left out: ${named.join('; ')}${more}`;
    if (this.#lastSkipped.get(key) !== message) {
      this.#lastSkipped.set(key, message);
      this.#session.options.logger.warn(message);
    }
  }
}

/** A whole number in [min, max]; `fallback` for anything else that is not a number. */
function wholeIn(value: number | undefined, min: number, max: number, fallback: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(min, Math.trunc(value)));
}
