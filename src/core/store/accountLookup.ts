import { isPlyrError, NOT_THE_SERVERS } from '../model/errors';
import { SharedRequests } from './sharedRequests';

/** How long the extension remembers an address's owner. */
export const OWNER_MEMORY_MS = 60 * 60 * 1000;

export interface AccountLookupOptions {
  /** Asks the server which PLYR ID owns an address (undefined: no account). */
  readonly fetch: (address: string, signal: AbortSignal) => Promise<string | undefined>;
  /** The network or server now in use: what is known of one is not an answer for another. */
  readonly scope: () => string;
  /** How long an owner found is kept at least, whatever the caller's maximum age. */
  readonly ownerMemoryMs?: number;
  readonly now?: () => number;
}

type Known = { plyrId: string | undefined; at: number } | { error: unknown; at: number; lastOwner: string | undefined };

/** The owner an entry holds: its answer, or the one found before its failure. */
function ownerIn(entry: Known | undefined): string | undefined {
  return entry && ('plyrId' in entry ? entry.plyrId : entry.lastOwner);
}

/**
 * Which PLYR ID owns an address, remembered for a while and asked once however many hovers want
 * it at the same moment. An owner found is kept at least `ownerMemoryMs` (an address changes
 * hands rarely, and a hover whose balances expired then costs one request, not two); "no
 * account" and a failure only as long as the caller allows, since an account can be created at any
 * time and a server recovers.
 */
export class AccountLookup {
  /** An answer, or a failure with the owner found before it (a failing server does not unmake an owner). */
  readonly #known = new Map<string, Known>();
  readonly #requests = new SharedRequests<string | undefined>();

  readonly #options: AccountLookupOptions;

  constructor(options: AccountLookupOptions) {
    this.#options = options;
  }

  /**
   * The owner's PLYR ID, or undefined for "no account". A failed lookup (the server down, an
   * answer that makes no sense) is remembered as long as "no account" is, and thrown again, so
   * that hovering the same address does not ask a failing server each time. One that was cancelled,
   * or stopped before any request (no consent, no credentials, bad settings), is not.
   */
  async plyrIdOf(address: string, maxAgeMs: number, signal?: AbortSignal): Promise<string | undefined> {
    const key = `${this.#options.scope()}|${address}`;
    const cached = this.#known.get(key);
    const now = this.#options.now ?? Date.now;
    if (cached && 'error' in cached && now() - cached.at < maxAgeMs) {
      throw cached.error;
    }
    if (cached && 'plyrId' in cached && now() - cached.at < (cached.plyrId === undefined ? maxAgeMs : Math.max(maxAgeMs, this.#options.ownerMemoryMs ?? 0))) {
      return cached.plyrId;
    }
    try {
      const plyrId = await this.#requests.run(key, (s) => this.#options.fetch(address, s), signal);
      this.#known.set(key, { plyrId, at: now() });
      return plyrId;
    } catch (error) {
      if (!signal?.aborted && !(isPlyrError(error) && NOT_THE_SERVERS.has(error.code))) {
        this.#known.set(key, { error, at: now(), lastOwner: ownerIn(this.#known.get(key)) });
      }
      throw error;
    }
  }

  /** The owner last found of an address (in the current scope), also after a later lookup failed, without asking anything. */
  knownOwner(address: string): string | undefined {
    return ownerIn(this.#known.get(`${this.#options.scope()}|${address}`));
  }

  /** Drops what is known of an address (in the current scope): the next call asks the server. */
  forget(address: string): void {
    this.#known.delete(`${this.#options.scope()}|${address}`);
  }
}
