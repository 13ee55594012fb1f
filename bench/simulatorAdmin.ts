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
    /** The log read once, counted: refused (429); answered, in all and on the balance routes; on the account routes, refused or not. */
    requestCounts: async () => {
      const log = await requests();
      const answered = log.filter((r) => r.status !== 429);
      return {
        refused: log.length - answered.length,
        answered: answered.length,
        balance: answered.filter((r) => BALANCE_ROUTES.test(r.path)).length,
        account: log.filter((r) => ACCOUNT_ROUTES.test(r.path)).length,
      };
    },
    logActivity: (plyrId: string, entry: { action: string; gameId?: string; data?: Record<string, unknown>; timestamp?: number }) => call('POST', 'activity', { plyrId, entry }),
  };
}
