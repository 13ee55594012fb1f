import Router from '@koa/router';
import Koa from 'koa';
import { AccountState } from './accountState';
import { DEMO_CHAIN_ID, DEMO_CHIPS, DEMO_USERS, DemoUser, findDemoUser } from './demoData';
import { answerCrash, answerError, formatEther, getAddress, isStrictAddress, lowerCaseParam, ServerCrash, verifyPlyrid } from './realServerRules';

/**
 * The signed routes that show more of an account (plyr-api.md, "More of an account"), each as the
 * real server's controller answers: chipController.getBalance, gameController's allowance routes,
 * activityLogsController.getLogs, userController.getUserInfo and getSecondary. Parameters are
 * lower-cased exactly where the server lower-cases them, and errors carry its messages.
 */
export function accountRoutes(router: Router, requireAuth: Koa.Middleware, state: AccountState): void {
  router.get('/game/chip/balance', requireAuth, crashes(chipBalance(state)));
  router.get('/game/allowance/:plyrId/:gameId/:token', requireAuth, (ctx) => {
    const { plyrId, gameId, token } = ctx.params;
    const found = state.allowancesOf(plyrId.toLowerCase(), gameId.toLowerCase()).find((a) => a.token === token.toLowerCase());
    ctx.body = { allowance: found?.amount ?? 0 };
  });
  router.get('/game/allowanceByGameId/:plyrId/:gameId', requireAuth, (ctx) => {
    ctx.body = { allowances: state.allowancesOf(ctx.params.plyrId.toLowerCase(), ctx.params.gameId.toLowerCase()) };
  });
  router.get('/game/allowances/:plyrId', requireAuth, (ctx) => {
    ctx.body = { allowances: state.allowancesOf(ctx.params.plyrId.toLowerCase()) };
  });
  router.get('/actionLog/:plyrId', requireAuth, crashes(actionLog(state)));
  router.get('/user/info/:plyrId', requireAuth, userInfo(state));
  router.get('/user/secondary/:plyrId', requireAuth, (ctx) => {
    if (!verifyPlyrid(ctx.params.plyrId)) {
      return answerError(ctx, 400, 'Invalid PLYR[ID]');
    }
    // No account check: an unknown ID has no secondaries.
    ctx.body = state.secondariesOf(ctx.params.plyrId.toLowerCase());
  });
}

/** Answers what a controller throws as the server's error handler does. */
function crashes(handler: (ctx: Koa.Context) => void): Koa.Middleware {
  return (ctx) => {
    try {
      handler(ctx);
    } catch (err) {
      if (!(err instanceof ServerCrash)) {
        throw err;
      }
      answerCrash(ctx, err);
    }
  };
}

/**
 * Every chip the query matches (all of them without gameId or chip), grouped by game then chip
 * address, with the account mirror wallet's balance, "0" where it holds none.
 */
function chipBalance(state: AccountState): (ctx: Koa.Context) => void {
  return (ctx) => {
    const { plyrId, gameId, chip } = ctx.query;
    if (!plyrId) {
      return answerError(ctx, 400, 'plyrId is required');
    }
    const user = findDemoUser(lowerCaseParam('plyrId', plyrId));
    if (!user) {
      return answerError(ctx, 404, 'user not found');
    }
    const game = gameId === undefined ? undefined : lowerCaseParam('gameId', gameId);
    // getAddress takes any case, wrong checksums included, and throws on anything else.
    const address = chip === undefined ? undefined : getAddress(chip);
    const chips = DEMO_CHIPS.filter((c) => (game === undefined || c.gameId === game) && (address === undefined || c.chip === address));
    if (chips.length === 0) {
      return answerError(ctx, 404, 'chip not found');
    }
    const answer: Record<string, Record<string, unknown>> = {};
    for (const c of chips) {
      const image = c.image?.startsWith('/') ? `${ctx.origin}${c.image}` : c.image;
      answer[c.gameId] = { ...answer[c.gameId], [c.chip]: { name: c.name, symbol: c.symbol, ...(image === undefined ? {} : { image }), balance: formatEther(state.chipBalance(user.mirrorAddress, c.chip)) } };
    }
    ctx.body = answer;
  };
}

/** Newest first; `parseInt(x) || default` as the server reads offset and limit, and Mongo's skip and limit. */
function actionLog(state: AccountState): (ctx: Koa.Context) => void {
  return (ctx) => {
    const offset = parseInt(String(ctx.query.offset)) || 0;
    const limit = parseInt(String(ctx.query.limit)) || 25;
    if (offset < 0) {
      throw new ServerCrash('MongoServerError', `Skip value must be non-negative, but received: ${offset}`);
    }
    // The driver sends a negative limit as its absolute value in a single batch.
    ctx.body = state.activityOf(ctx.params.plyrId, offset, Math.abs(limit));
  };
}

/** By primary address (strict isAddress, then checksummed) or by PLYR ID (verifyPlyrid, lower-cased). */
function userInfo(state: AccountState): Koa.Middleware {
  return (ctx) => {
    const raw = ctx.params.plyrId;
    if (isStrictAddress(raw)) {
      const found = DEMO_USERS.find((u) => u.primaryAddress.toLowerCase() === raw.toLowerCase());
      return found ? void (ctx.body = info(found, state)) : answerError(ctx, 404, 'Primary address not found');
    }
    const plyrId = verifyPlyrid(raw);
    if (!plyrId) {
      return answerError(ctx, 400, 'Invalid PLYR[ID]');
    }
    const found = findDemoUser(plyrId);
    return found ? void (ctx.body = info(found, state)) : answerError(ctx, 404, 'PLYR[ID] not found');
  };
}

const DEFAULT_AVATAR = 'https://ipfs.plyr.network/ipfs/QmNRjvbBfJ7GpRzjs7uxRUytAAuuXjhBqKhDETbET2h6wR';

/** The server's getAvatarUrl: its default picture for none, `ipfs://` through its gateway, anything else as stored. */
function avatarUrl(avatar: string): string {
  if (!avatar) {
    return DEFAULT_AVATAR;
  }
  return avatar.startsWith('ipfs://') ? `https://ipfs.plyr.network/ipfs/${avatar.slice(7)}` : avatar;
}

function info(user: DemoUser, state: AccountState): Record<string, unknown> {
  return {
    plyrId: user.plyrId,
    mirrorAddress: user.mirrorAddress,
    primaryAddress: user.primaryAddress,
    chainId: DEMO_CHAIN_ID,
    avatar: avatarUrl(user.avatar),
    createdAt: new Date(state.anchorMs - user.registeredAgoMs).toISOString(),
    ippClaimed: user.ippClaimed,
    isIPP: user.isIPP,
  };
}
