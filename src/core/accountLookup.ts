import { SharedRequests } from './sharedRequests';

/**
 * Which PLYR ID owns an address, remembered for a while (it rarely changes) and asked once however
 * many hovers want it at the same moment.
 */
export class AccountLookup {
  private readonly known = new Map<string, { plyrId: string | undefined; at: number }>();
  private readonly requests = new SharedRequests<string | undefined>();

  constructor(
    private readonly fetch: (address: string, signal: AbortSignal) => Promise<string | undefined>,
    private readonly scope: () => string,
    private readonly now: () => number = Date.now,
  ) {}

  async plyrIdOf(address: string, maxAgeMs: number, signal?: AbortSignal): Promise<string | undefined> {
    const key = `${this.scope()}|${address}`;
    const cached = this.known.get(key);
    if (cached && this.now() - cached.at < maxAgeMs) {
      return cached.plyrId;
    }
    const plyrId = await this.requests.run(key, (s) => this.fetch(address, s), signal);
    this.known.set(key, { plyrId, at: this.now() });
    return plyrId;
  }
}
