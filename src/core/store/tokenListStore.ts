import * as l10n from '@vscode/l10n';
import { TokenInfo } from '../api/tokenList';
import { PlyrError } from '../model/errors';
import { isAddressText } from '../model/identifier';
import { PriceBook } from '../model/value';
import { LastGood, LastGoodStore } from './lastGoodStore';

/**
 * The least time a token list is reused: after a failure (values stay off until then), and after
 * an answer whose `nextUpdatedAt` has already passed (a server whose refresh timer is late or
 * stopped), so that neither ever costs a request per render.
 */
export const TOKEN_LIST_RETRY_MS = 60_000;
/** How long an answer without any `nextUpdatedAt` (a deployment without prices) is reused: the real server's refresh period. */
export const TOKEN_LIST_DEFAULT_MS = 10 * 60_000;
/** The most an answer is reused, whatever its `nextUpdatedAt` says: a far-off time cannot freeze the prices. */
export const TOKEN_LIST_MAX_MS = 60 * 60_000;

/** One answer of `/api/tokenlist`, with what is derived from it once. */
export interface TokenList {
  readonly tokens: readonly TokenInfo[];
  /** Token → price, for the tokens the server had a price for. */
  readonly prices: PriceBook;
  /** Until when (epoch ms) this answer is reused without asking again. */
  readonly reuseUntil: number;
}

export interface TokenListStoreOptions {
  readonly fetch: (signal: AbortSignal) => Promise<readonly TokenInfo[]>;
  /** Where the list comes from (the API root): each server has its own. */
  readonly scope: () => string;
  readonly now?: () => number;
}

const KEY = 'tokenlist';

/**
 * The token list, with its prices, fetched once per server and shared by every surface (the
 * values in the sidebar, the hover and the status bar, Check Balance's token step, Why?). An
 * answer is reused until its `nextUpdatedAt` (the server's next price refresh), a failure for
 * {@link TOKEN_LIST_RETRY_MS}; meanwhile nobody asks the server. A failure takes the prices away
 * (no value is better than a stale one) and never touches a balance; the tokens of the last good
 * answer stay for the token step.
 */
export class TokenListStore {
  readonly #entries: LastGoodStore<TokenList>;
  readonly #now: () => number;
  /** A failure is due again at once (see askAgain), until the next ask. */
  #askNow = false;
  /** Fires when the list of the current server changed (asked, answered, failed). */
  readonly onDidChange: (listener: () => void) => { dispose(): void };

  readonly #options: TokenListStoreOptions;

  constructor(options: TokenListStoreOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#entries = new LastGoodStore<TokenList>({ scope: options.scope, now: this.#now });
    this.onDidChange = (listener) => this.#entries.onDidChange(() => listener());
  }

  /** What is known of the current server's list. */
  get(): LastGood<TokenList> | undefined {
    return this.#entries.get(KEY);
  }

  /** The prices to show now: those of the last answer, unless the last ask failed. Asks nothing. */
  prices(): PriceBook | undefined {
    const entry = this.get();
    return entry?.error === undefined ? entry?.value?.prices : undefined;
  }

  /** Why there are no prices now: the message of the last ask's failure; undefined when it answered (or nothing was asked). */
  failure(): string | undefined {
    return this.get()?.error?.message;
  }

  /** Where a token's balance is in a full balance map, by the last good list: see {@link balanceKeyOf}. Asks nothing. */
  balanceKeyOf(token: string): string {
    return balanceKeyOf(token, this.get()?.value?.tokens);
  }

  /** Whether the list is due to be asked again (never asked, reuse over, or a failure's wait over). */
  isDue(): boolean {
    const entry = this.get();
    if (!entry || entry.loading) {
      return !entry;
    }
    const now = this.#now();
    if (entry.error) {
      // Asked again at once, every surface that renders on a change would ask it in a loop (20
      // times a second while a workspace's server waits for the user's yes): a failure waits,
      // unless what it waited for happened (see askAgain). A fixed server setting is another scope.
      return this.#askNow || now - entry.error.at >= TOKEN_LIST_RETRY_MS;
    }
    return entry.value === undefined || now >= entry.value.reuseUntil;
  }

  /**
   * Makes a failure so far due at once: what kept the request from the server is gone (the user
   * allowed the server, credentials were set), or the user asked for a refresh (the server may
   * answer again). The next surface that needs the list asks it. A good answer stays as reused.
   */
  askAgain(): void {
    this.#askNow = true;
  }

  /**
   * The list, asked of the server only when it is due; a load in flight is joined. The request
   * is never cancelled by a caller, so that a dismissed hover does not cost the next one a second
   * request: `signal` only stops this caller's wait.
   */
  load(signal?: AbortSignal): Promise<LastGood<TokenList>> {
    const entry = this.get();
    // Due: asked now (a load in flight is joined, and is not a new ask).
    const due = !entry?.loading && this.isDue();
    if (due) {
      this.#askNow = false; // a failure of this ask waits again
    }
    const shared = entry && !entry.loading && !due ? Promise.resolve(entry) : this.#entries.load(KEY, (s) => this.#fetch(s));
    return signal ? untilAborted(shared, signal) : shared;
  }

  /** The tokens for a picker or a lookup: the last good answer (reused by the same rule), else the failure. */
  async tokens(signal?: AbortSignal): Promise<readonly TokenInfo[]> {
    const entry = await this.load(signal);
    if (entry.value) {
      return entry.value.tokens;
    }
    const error = entry.error;
    throw error ? new PlyrError(error.code, error.message, { fix: error.fix }) : new PlyrError('cancelled', l10n.t('The request was cancelled.'));
  }

  dispose(): void {
    this.#entries.dispose();
  }

  async #fetch(signal: AbortSignal): Promise<TokenList> {
    const tokens = await this.#options.fetch(signal);
    return { tokens, prices: priceBookOf(tokens), reuseUntil: reuseUntil(tokens, this.#now()) };
  }
}

/**
 * The key a token's balance has in a full balance map (`{ "plyr": "1.5" }`): the map is keyed by
 * API name, so a listed token's contract address, in any case, is its API name there. Anything
 * else (a name, an unlisted address, no list yet) is itself.
 */
export function balanceKeyOf(token: string, tokens: readonly TokenInfo[] | undefined): string {
  if (!tokens || !isAddressText(token)) {
    return token;
  }
  const address = token.toLowerCase();
  return tokens.find((t) => t.address.toLowerCase() === address)?.apiId ?? token;
}

/**
 * The prices of a token list, found by API name and by contract address. Names claim their keys
 * first, and only a real address is a key: a token whose `address` reads "gamr" cannot price GAMR.
 */
export function priceBookOf(tokens: readonly TokenInfo[]): PriceBook {
  const priced = tokens.flatMap((t) => (t.price ? [{ token: t, price: t.price }] : []));
  return new PriceBook([
    ...priced.map(({ token, price }) => ({ keys: [token.apiId], price })),
    ...priced.flatMap(({ token, price }) => (isAddressText(token.address) ? [{ keys: [token.address], price }] : [])),
  ]);
}

/**
 * Until when an answer fetched at `now` is reused: its earliest `nextUpdatedAt`, kept between
 * {@link TOKEN_LIST_RETRY_MS} (when that time has passed already) and {@link TOKEN_LIST_MAX_MS}
 * from now; {@link TOKEN_LIST_DEFAULT_MS} when no token says. Times are the server's, read on our
 * clock: a skew of minutes is what the bounds absorb.
 */
export function reuseUntil(tokens: readonly TokenInfo[], now: number): number {
  let next: number | undefined;
  for (const token of tokens) {
    if (token.nextUpdatedAt !== undefined && (next === undefined || token.nextUpdatedAt < next)) {
      next = token.nextUpdatedAt;
    }
  }
  if (next === undefined) {
    return now + TOKEN_LIST_DEFAULT_MS;
  }
  return next <= now ? now + TOKEN_LIST_RETRY_MS : Math.min(next, now + TOKEN_LIST_MAX_MS);
}

/** `promise`, or a rejection as soon as `signal` aborts (the promise itself goes on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  const cancelled = () => new PlyrError('cancelled', l10n.t('The request was cancelled.'));
  if (signal.aborted) {
    return Promise.reject(cancelled());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
