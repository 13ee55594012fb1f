import Router from '@koa/router';
import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { AccountState, ActivityInput } from './accountState';
import { DEMO_CHIPS } from './demoData';

/**
 * `/__sim/*` switches for account data, for the standalone simulator (demo, benchmarks): the same
 * as the Simulator's logActivity, setHolding and setChipHolding. Base units travel as decimal
 * strings (JSON has no bigint). Also serves the demo chips' pictures.
 */
export function accountAdminRoutes(state: AccountState, setHolding: (holder: string, token: string, baseUnits: bigint) => void): Koa.Middleware {
  const admin = new Router({ prefix: '/__sim' });
  admin.use(bodyParser());
  admin.post('/activity', (ctx) => {
    const { plyrId, entry } = ctx.request.body as { plyrId?: unknown; entry?: ActivityInput };
    if (typeof plyrId !== 'string' || typeof entry?.action !== 'string' || !['undefined', 'number'].includes(typeof entry.timestamp)) {
      ctx.status = 400;
      ctx.body = { error: 'expected { plyrId, entry: { action, gameId?, type?, data?, timestamp?: epoch ms } }' };
      return;
    }
    ctx.status = 201;
    ctx.body = state.logActivity(plyrId, entry);
  });
  admin.post('/holdings', (ctx) => {
    const { holder, token, chip, baseUnits } = ctx.request.body as Record<string, unknown>;
    const oneOfTokenOrChip = [token, chip].filter((t) => typeof t === 'string').length === 1;
    if (typeof holder !== 'string' || !oneOfTokenOrChip || typeof baseUnits !== 'string' || !/^\d+$/.test(baseUnits)) {
      ctx.status = 400;
      ctx.body = { error: 'expected { holder, token or chip, baseUnits: "<digits>" }' };
      return;
    }
    if (typeof chip === 'string') {
      state.setChipHolding(holder, chip, BigInt(baseUnits));
    } else {
      setHolding(holder, token as string, BigInt(baseUnits));
    }
    ctx.status = 204;
  });
  admin.get('/images/:name', (ctx) => {
    const found = DEMO_CHIPS.find((c) => c.image === `/__sim/images/${ctx.params.name}`);
    if (!found) {
      return;
    }
    ctx.type = 'image/svg+xml';
    ctx.body = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#3b2a8f"/><text x="32" y="38" font-family="sans-serif" font-size="14" fill="#fff" text-anchor="middle">${found.symbol}</text></svg>`;
  });
  return admin.routes() as Koa.Middleware;
}
