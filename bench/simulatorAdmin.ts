/**
 * The standalone simulator's switches over HTTP (`/__sim/*`), for benchmark entries running in the
 * extension host while the simulator runs in the runner's process.
 */

/** One request as the simulator logged it (its path without the query; epoch ms). */
export interface SimulatorRequest {
  readonly path: string;
  readonly status: number;
  readonly startedAt: number;
  readonly endedAt: number;
}

/** The routes of the account under a PLYR ID: chips and allowances, the activity log, the account's wallets. */
export const ACCOUNT_ROUTES = /^\/api\/(game\/|actionLog\/|user\/info\/|user\/secondary\/)/;

/** The balance routes: a PLYR ID's (`/api/user/balance/…`) and an address's (`/api/balance/…`). */
export const BALANCE_ROUTES = /^\/api\/(user\/)?balance\//;

export function simulatorAdmin(url: string) {
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${url}/__sim/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const requests = async () => (await (await call('GET', 'requests')).json()) as SimulatorRequest[];
  return {
    url,
    configure: (patch: object) => call('POST', 'config', patch),
    clearRequests: () => call('DELETE', 'requests'),
    requests,
    requestCount: async () => (await requests()).length,
    refusedCount: async () => (await requests()).filter((r) => r.status === 429).length,
    accountRequestCount: async () => (await requests()).filter((r) => ACCOUNT_ROUTES.test(r.path)).length,
    /** Answered (not refused) balance requests. */
    balanceRequestCount: async () => (await requests()).filter((r) => BALANCE_ROUTES.test(r.path) && r.status !== 429).length,
    logActivity: (plyrId: string, entry: { action: string; gameId?: string; data?: Record<string, unknown>; timestamp?: number }) => call('POST', 'activity', { plyrId, entry }),
  };
}
