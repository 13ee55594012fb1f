import Router from '@koa/router';
import { createHmac } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Server } from 'node:http';
import { Readable } from 'node:stream';
import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { isAddressText } from '../src/core/model/identifier';
import { accountAdminRoutes } from './accountAdmin';
import { accountRoutes } from './accountRoutes';
import { AccountState, ActivityInput, ActivityJson } from './accountState';
import {
  DEMO_CHAIN_ID,
  DEMO_CHIPS,
  DEMO_CREDENTIALS,
  DEMO_HOLDINGS,
  DEMO_NFT_CONTRACT,
  DEMO_PRICE_SOURCES,
  DEMO_PRICES,
  DEMO_TOKENS,
  DEMO_USERS,
  DemoApiKey,
  GENERATED_HOLDINGS,
  GENERATED_USER,
  LIMITED_CREDENTIALS,
  PRICE_REFRESH_MS,
} from './demoData';
import { answerCrash, answerError as error, checksummed, contractReverted, formatUnits, isStrictAddress, notAContract } from './realServerRules';

/**
 * The PLYR API simulator: a real HTTP server on 127.0.0.1 on the real server's stack (Koa +
 * koa-bodyparser). It verifies signatures as the real server does, over the body as
 * koa-bodyparser parsed it (`{}` for a GET), with the 5-minute window, and answers every error of
 * the real server. Switches make it behave like the published page instead, or fail on purpose.
 */
export interface SimulatorConfig {
  /** `flat` as the real server answers; `wrapped` as the page promises (`{ balances }`). */
  shape: 'flat' | 'wrapped';
  /** What a GET's signature covers: `emptyObject` (real server) or `null` (the page). */
  signing: 'emptyObject' | 'null';
  /** Whether `/api/balance/{address}` exists (real server: yes). */
  addressRoute: boolean;
  /** Whether `/api/user/balance/{address}` resolves primary addresses (the page: yes). */
  userRouteAcceptsAddresses: boolean;
  /**
   * Time from a request's arrival to its answer, the simulator's own work included (it works
   * while it waits), so that a benchmark's latency is the server's and the client's cost is the rest.
   */
  latencyMs: number;
  /** The simulator's clock minus the real one. */
  clockOffsetMs: number;
  /** Token name -> amount added to every all-token balance answer (hostile names, odd values). */
  extraBalances: Record<string, unknown>;
  /** `/api` requests allowed per wall-clock second; past it, 429 with `Retry-After`. 0: no limit. */
  rateLimitPerSecond: number;
  /**
   * The token list's `price` per apiId, sent as given: a string as the real server writes it
   * (`String(number)`), a number, `null`, or anything hostile. Setting it is a price refresh:
   * `updatedAt` becomes now.
   */
  prices: Record<string, unknown>;
  /** How often the prices refresh (`nextUpdatedAt` − `updatedAt`): 10 minutes, as the real service. */
  priceRefreshMs: number;
  /**
   * apiIds the token list marks `disabledOnUI` (a list may mark some). The server's balance answers
   * still hold them: its balance token set is every token of the chain.
   */
  disabledOnUI: string[];
  /** apiId → the token list's `symbol` sent instead of the token's own, as given (a symbol that imitates another token's). */
  listedSymbols: Record<string, unknown>;
}

export const SERVER_BEHAVIOUR: SimulatorConfig = {
  shape: 'flat',
  signing: 'emptyObject',
  addressRoute: true,
  userRouteAcceptsAddresses: false,
  latencyMs: 0,
  clockOffsetMs: 0,
  extraBalances: {},
  rateLimitPerSecond: 0,
  prices: { ...DEMO_PRICES },
  priceRefreshMs: PRICE_REFRESH_MS,
  disabledOnUI: [],
  listedSymbols: {},
};
export const PAGE_BEHAVIOUR: SimulatorConfig = { ...SERVER_BEHAVIOUR, shape: 'wrapped', signing: 'null', addressRoute: false, userRouteAcceptsAddresses: true };

export type FaultKind = 'status' | 'html' | 'malformedJson' | 'oversized' | 'hang' | 'reset' | 'trickle' | 'slowAnswer' | 'echoHeaders';

export interface Fault {
  readonly kind: FaultKind;
  /** For `status`, `html` and `echoHeaders`: the status to answer (default 500 / 502 / 400). */
  readonly status?: number;
  /** For `status`: the JSON body's `error` message. */
  readonly error?: string;
  readonly retryAfter?: string;
  /** For `oversized`: the body size in bytes (default 2 MiB), made as it is sent, so 50 MB costs nothing up front. */
  readonly bytes?: number;
  /** For `oversized`: also declare the size in `Content-Length` (default: chunked, no length). */
  readonly declareLength?: boolean;
  /** For `slowAnswer`: the answer is computed at once and sent this much later. */
  readonly ms?: number;
  /** How many requests it applies to; unset means until cleared. */
  times?: number;
  /** Only requests whose path starts with this (default: every `/api` request). */
  readonly path?: string;
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  /** The query string, without its `?` (empty when there is none). */
  readonly query: string;
  readonly status: number;
  /** Whether the three signature headers were present. */
  readonly signed: boolean;
  /** Whether an `apikey` header was present at all. */
  readonly apikey: boolean;
  /** The signature received, so tests can look for it where it must never appear. */
  readonly signature?: string;
  /** When the request arrived and when its answer was done (epoch ms). */
  readonly startedAt: number;
  readonly endedAt: number;
}

export interface Simulator {
  readonly url: string;
  readonly port: number;
  readonly config: SimulatorConfig;
  readonly requests: LoggedRequest[];
  /** The most requests that were being answered at the same time (since the last reset). */
  readonly maxInFlight: number;
  /** Requests being answered now, and their paths. */
  readonly inFlight: number;
  readonly inFlightPaths: readonly string[];
  /** TCP connections accepted since the last reset: kept-alive clients open few. */
  readonly connections: number;
  /** Bytes of `oversized` bodies produced for sending since the last reset: a client that stops reading keeps it low. */
  readonly streamedBytes: number;
  /** `oversized` bodies still being sent: 0 once every client hung up (an unread body holds its connection). */
  readonly streamingBodies: number;
  configure(patch: Partial<SimulatorConfig>): void;
  /** Sets a PLYR ID's (or address's) holding of a token, in base units. */
  setHolding(holder: string, token: string, baseUnits: bigint): void;
  /** Sets a PLYR ID's (or address's) holding of a game chip (its address, any case), in base units (18 decimals). */
  setChipHolding(holder: string, chip: string, baseUnits: bigint): void;
  /**
   * Appends to the activity log as the server's logActivity stores it (the PLYR ID exactly as
   * given, so pass it lower case to see it on that ID's log), and returns it as the route answers it.
   */
  logActivity(plyrId: string, entry: ActivityInput): ActivityJson;
  /** When the demo account data's times (activity, allowances, secondaries) count back from: the start or last reset, on the simulator's clock. */
  readonly anchorMs: number;
  fault(fault: Fault): void;
  clearFaults(): void;
  reset(): void;
  close(): Promise<void>;
}

const FIVE_MINUTES = 5 * 60 * 1000;

const sleep = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/** The ports simulators of this process were given: none twice (see {@link listenOnce}). */
const portsGiven = new Set<number>();

/**
 * Listens on `port`, or on a port no simulator of this process had: a client keeps what it learnt
 * per API root (balances, an owner, a hover, a rate limit), and an earlier simulator's must never
 * show as a later one's. The system hands a closed port out again (4 of 200 here).
 */
async function listenOnce(app: Koa, port?: number): Promise<Server> {
  // A refused one stays open until a new port is found, so that the system cannot give it again.
  const refused: Server[] = [];
  try {
    for (;;) {
      const server: Server = await new Promise((resolve, reject) => {
        const s = app.listen(port ?? 0, '127.0.0.1', () => resolve(s));
        s.once('error', reject);
      });
      const given = (server.address() as AddressInfo).port;
      if (port !== undefined || !portsGiven.has(given)) {
        portsGiven.add(given);
        return server;
      }
      refused.push(server);
    }
  } finally {
    refused.forEach((server) => server.close());
  }
}

export async function startSimulator(options: { port?: number; config?: Partial<SimulatorConfig>; keys?: DemoApiKey[] } = {}): Promise<Simulator> {
  const initial = { ...SERVER_BEHAVIOUR, ...options.config };
  const config: SimulatorConfig = { ...initial };
  const faults: Fault[] = [];
  const requests: LoggedRequest[] = [];
  const keys = new Map((options.keys ?? [DEMO_CREDENTIALS, LIMITED_CREDENTIALS]).map((k) => [k.apiKey, k]));
  const serverNow = () => Date.now() + config.clockOffsetMs;
  const holdings = new Map<string, Record<string, bigint>>([...DEMO_HOLDINGS].map(([address, held]) => [address, { ...held }]));
  const stats = { inFlight: 0, maxInFlight: 0, generation: 0, connections: 0, streamedBytes: 0, streamingBodies: 0 };
  const answering = new Set<string>();
  const account = new AccountState(serverNow);
  /** When the prices last changed (start, reset, or a new `prices`): their refreshes count from it. */
  const priceClock = { since: serverNow() };
  const configured = (keys: readonly string[]) => {
    if (keys.includes('prices') || keys.includes('priceRefreshMs')) {
      priceClock.since = serverNow();
    }
  };
  const setHolding = (holder: string, token: string, baseUnits: bigint) => {
    const address = (DEMO_USERS.find((u) => u.plyrId === holder)?.mirrorAddress ?? holder).toLowerCase();
    holdings.set(address, { ...holdings.get(address), [token]: baseUnits });
  };

  const app = new Koa();
  // A client hanging up mid-answer (timeouts, refused bodies, the faults themselves) is expected here, not worth a stack trace.
  app.on('error', (err: { code?: string }) => {
    if (!['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED'].includes(err.code ?? '')) {
      console.error(err);
    }
  });
  app.use(async (ctx, next) => {
    ctx.state.arrivedAt = performance.now();
    const signed = ['apikey', 'signature', 'timestamp'].every((h) => ctx.get(h) !== '');
    const counted = ctx.path.startsWith('/api');
    const startedAt = Date.now();
    const generation = stats.generation;
    const tag = `${ctx.path} @${startedAt}`;
    answering.add(tag);
    if (counted) {
      stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
    }
    try {
      await next();
    } finally {
      answering.delete(tag);
      if (counted) {
        stats.inFlight--;
      }
      // A request that arrived before the last reset belongs to the log that reset cleared.
      if (counted && generation === stats.generation) {
        requests.push({ method: ctx.method, path: ctx.path, query: ctx.querystring, status: ctx.status, signed, apikey: ctx.get('apikey') !== '', signature: ctx.get('signature') || undefined, startedAt, endedAt: Date.now() });
      }
    }
  });
  app.use(adminRoutes(config, initial, faults, requests, configured));
  app.use(accountAdminRoutes(account, setHolding));
  const window = { second: 0, count: 0 };
  app.use(async (ctx, next) => {
    ctx.set('Date', new Date(serverNow()).toUTCString());
    if (config.rateLimitPerSecond > 0 && ctx.path.startsWith('/api')) {
      // Fixed one-second windows, as a simple gateway limits: over the limit until the next second.
      const now = Date.now();
      const second = Math.floor(now / 1000);
      if (second !== window.second) {
        Object.assign(window, { second, count: 0 });
      }
      if (++window.count > config.rateLimitPerSecond) {
        ctx.set('Retry-After', String(Math.max(1, Math.ceil((1000 - (now % 1000)) / 1000))));
        return error(ctx, 429, 'Too many requests');
      }
    }
    const untilLatency = () => sleep(config.latencyMs - (performance.now() - (ctx.state.arrivedAt as number)));
    const fault = takeFault(faults, ctx.path);
    if (fault?.kind === 'slowAnswer') {
      await next();
      await untilLatency();
      await sleep(fault.ms ?? 1000);
      return;
    }
    if (fault) {
      await untilLatency();
      await applyFault(ctx, fault, stats);
      return;
    }
    await next();
    await untilLatency();
  });
  app.use(bodyParser());

  const router = new Router({ prefix: '/api' });
  const requireAuth: Koa.Middleware = async (ctx, next) => {
    const apikey = ctx.get('apikey');
    const signature = ctx.get('signature');
    const timestamp = ctx.get('timestamp');
    if (!apikey || !signature || !timestamp) {
      return error(ctx, 401, 'Missing authentication headers');
    }
    const key = keys.get(apikey);
    if (!key) {
      return error(ctx, 401, 'Invalid API key');
    }
    // The signature first, the time after, as hmacAuth checks: "Request expired" says the signature was right.
    const body = config.signing === 'null' ? null : ctx.request.body;
    const expected = createHmac('sha256', key.secretKey).update(timestamp + JSON.stringify(body)).digest('hex');
    if (expected !== signature) {
      return error(ctx, 401, 'Invalid signature');
    }
    // hmacAuth's own expression: parseInt without a radix (`0x…` reads as hex), then a Date, which
    // is NaN past ±8.64e15 ms or for no number at all; and NaN is not over five minutes: it passes.
    if (Math.abs(serverNow() - new Date(parseInt(timestamp)).getTime()) > FIVE_MINUTES) {
      return error(ctx, 401, 'Request expired');
    }
    if (!key.canReadBalances) {
      return error(ctx, 403, 'Insufficient permissions');
    }
    await next();
  };

  router.get('/tokenlist', (ctx) => {
    // tokenListService: every token stamped with the last price refresh and the next (ISO times);
    // `price` and `priceSource` null where no source had a price.
    const now = serverNow();
    const every = Math.max(1, config.priceRefreshMs);
    const updatedAt = priceClock.since + Math.floor(Math.max(0, now - priceClock.since) / every) * every;
    const prices = typeof config.prices === 'object' && config.prices !== null ? config.prices : {};
    const symbols = typeof config.listedSymbols === 'object' && config.listedSymbols !== null ? config.listedSymbols : {};
    ctx.body = {
      name: 'PLYR Token List (simulator)',
      timestamp: new Date(now).toISOString(),
      version: { major: 1, minor: 0, patch: 0 },
      tokens: DEMO_TOKENS.map((t) => {
        const price = Object.prototype.hasOwnProperty.call(prices, t.apiId) ? prices[t.apiId] : null;
        return {
          chainId: DEMO_CHAIN_ID,
          address: t.address,
          name: t.name,
          symbol: Object.prototype.hasOwnProperty.call(symbols, t.apiId) ? symbols[t.apiId] : t.symbol,
          decimals: t.decimals,
          logoURI: '',
          apiId: t.apiId,
          disabledOnUI: Array.isArray(config.disabledOnUI) && config.disabledOnUI.includes(t.apiId),
          price: price ?? null,
          priceSource: price === null || price === undefined ? null : (DEMO_PRICE_SOURCES[t.apiId] ?? 'cg_api'),
          updatedAt: new Date(updatedAt).toISOString(),
          nextUpdatedAt: new Date(updatedAt + every).toISOString(),
        };
      }),
    };
  });

  router.get('/user/basic/:address', (ctx) => {
    const address = checksummed(ctx.params.address);
    if (!address) {
      return error(ctx, 400, 'Invalid address');
    }
    const found = DEMO_USERS.find((u) => u.primaryAddress.toLowerCase() === address.toLowerCase());
    if (!found) {
      return error(ctx, 404, 'PLYR[ID] not found');
    }
    // The avatar as stored, not the URL user info makes of it.
    ctx.body = { plyrId: found.plyrId, avatar: found.avatar };
  });

  const userBalance: Koa.Middleware = (ctx) => {
    const { identifier, tokenName } = ctx.params as { identifier: string; tokenName?: string };
    let holder: string | undefined = DEMO_USERS.find((u) => u.plyrId === identifier)?.mirrorAddress ?? generatedUser(identifier);
    if (!holder && config.userRouteAcceptsAddresses && isAddressText(identifier)) {
      holder = DEMO_USERS.find((u) => u.primaryAddress.toLowerCase() === identifier.toLowerCase())?.mirrorAddress;
    }
    if (!holder) {
      return error(ctx, 404, 'User not found');
    }
    answerBalances(ctx, holder, tokenName);
  };
  router.get('/user/balance/:identifier', requireAuth, userBalance);
  router.get('/user/balance/:identifier/:tokenName', requireAuth, userBalance);

  router.get('/balance/:address', async (ctx, next) => {
    if (!config.addressRoute) {
      return next();
    }
    await requireAuth(ctx, async () => {
      const address = checksummed(ctx.params.address);
      if (!address) {
        return error(ctx, 400, 'Invalid address');
      }
      answerBalances(ctx, address, undefined);
    });
  });

  function answerBalances(ctx: Koa.Context, holder: string, tokenName: string | undefined): void {
    const held = holdings.get(holder.toLowerCase()) ?? (GENERATED_USER.test(holder) ? GENERATED_HOLDINGS : {});
    let map: Record<string, unknown>;
    if (tokenName === undefined) {
      map = Object.fromEntries([...DEMO_TOKENS.map((t) => [t.apiId, formatUnits(held[t.apiId] ?? 0n, t.decimals)]), ...Object.entries(config.extraBalances)]);
    } else {
      // checkTokenInParams: a listed name (any case) or a strict address; the answer is keyed as sent.
      const token = isStrictAddress(tokenName) ? DEMO_TOKENS.find((t) => t.address.toLowerCase() === tokenName.toLowerCase()) : DEMO_TOKENS.find((t) => t.apiId === tokenName.toLowerCase());
      if (!token && !isStrictAddress(tokenName)) {
        return error(ctx, 401, 'Invalid tokenName');
      }
      if (token) {
        map = { [tokenName]: formatUnits(held[token.apiId] ?? 0n, token.decimals) };
      } else {
        // The server reads balanceOf and decimals of any well-formed address: a game chip is an
        // ERC-20 of 18 decimals and answers; an NFT contract reverts on decimals; no contract at all returns nothing.
        const chip = DEMO_CHIPS.find((c) => c.chip.toLowerCase() === tokenName.toLowerCase());
        if (!chip) {
          return answerCrash(ctx, tokenName.toLowerCase() === DEMO_NFT_CONTRACT.toLowerCase() ? contractReverted(tokenName, 'decimals') : notAContract(tokenName, 'balanceOf', holder));
        }
        map = { [tokenName]: formatUnits(account.chipBalance(holder, chip.chip), 18) };
      }
    }
    ctx.body = config.shape === 'wrapped' ? { balances: map } : map;
  }

  accountRoutes(router, requireAuth, account);
  app.use(router.routes());

  const server = await listenOnce(app, options.port);
  server.on('connection', () => stats.connections++);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    config,
    requests,
    get maxInFlight() {
      return stats.maxInFlight;
    },
    get inFlight() {
      return stats.inFlight;
    },
    get inFlightPaths() {
      return [...answering];
    },
    get connections() {
      return stats.connections;
    },
    get streamedBytes() {
      return stats.streamedBytes;
    },
    get streamingBodies() {
      return stats.streamingBodies;
    },
    configure(patch) {
      Object.assign(config, patch);
      configured(Object.keys(patch));
    },
    setHolding,
    setChipHolding: (holder, chip, baseUnits) => account.setChipHolding(holder, chip, baseUnits),
    logActivity: (plyrId, entry) => account.logActivity(plyrId, entry),
    get anchorMs() {
      return account.anchorMs;
    },
    fault: (fault) => faults.push({ ...fault }),
    clearFaults: () => faults.splice(0),
    reset() {
      Object.assign(config, initial);
      priceClock.since = serverNow();
      faults.splice(0);
      requests.splice(0);
      stats.generation++;
      stats.maxInFlight = stats.inFlight;
      stats.connections = 0;
      stats.streamedBytes = 0;
      holdings.clear();
      for (const [address, held] of DEMO_HOLDINGS) {
        holdings.set(address, { ...held });
      }
      account.reset();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function generatedUser(plyrId: string): string | undefined {
  return GENERATED_USER.test(plyrId) ? plyrId : undefined;
}

function takeFault(faults: Fault[], path: string): Fault | undefined {
  if (!path.startsWith('/api')) {
    return undefined;
  }
  const index = faults.findIndex((f) => path.startsWith(f.path ?? '/api'));
  if (index < 0) {
    return undefined;
  }
  const fault = faults[index];
  if (fault.times !== undefined && --fault.times <= 0) {
    faults.splice(index, 1);
  }
  return fault;
}

async function applyFault(ctx: Koa.Context, fault: Fault, stats: { streamedBytes: number; streamingBodies: number }): Promise<void> {
  if (fault.retryAfter !== undefined) {
    ctx.set('Retry-After', fault.retryAfter);
  }
  switch (fault.kind) {
    case 'status':
      ctx.status = fault.status ?? 500;
      ctx.body = { error: fault.error ?? 'Internal server error' };
      return;
    case 'html':
      ctx.status = fault.status ?? 502;
      ctx.type = 'text/html';
      ctx.body = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>';
      return;
    case 'echoHeaders':
      // A server or proxy that echoes the request's headers in its error, as some debugging proxies do.
      ctx.status = fault.status ?? 400;
      ctx.body = { error: `Bad request: apikey=${ctx.get('apikey')} signature=${ctx.get('signature')} timestamp=${ctx.get('timestamp')}`, headers: ctx.headers };
      return;
    case 'malformedJson':
      ctx.type = 'application/json';
      ctx.body = '{"plyr": "1.0", "gamr": ';
      return;
    case 'oversized': {
      const total = fault.bytes ?? 2 * 1024 * 1024;
      ctx.type = 'application/json';
      ctx.body = Readable.from(chunks(total, stats));
      if (fault.declareLength) {
        ctx.length = total;
      }
      return;
    }
    case 'hang':
      ctx.respond = false;
      await new Promise((resolve) => ctx.req.socket.once('close', resolve));
      return;
    case 'reset': {
      ctx.respond = false;
      ctx.res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
      ctx.res.write('{"plyr": "12');
      await new Promise((resolve) => setTimeout(resolve, 20));
      ctx.req.socket.destroy();
      return;
    }
    case 'trickle': {
      ctx.respond = false;
      ctx.res.writeHead(200, { 'content-type': 'application/json' });
      const body = '{"plyr": "1.0"}';
      for (let i = 0; i < body.length && !ctx.req.socket.destroyed; i++) {
        ctx.res.write(body[i]);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      ctx.res.end();
      return;
    }
  }
}

/** `total` bytes of padding (whole pieces, the last one cut), produced lazily and counted; destroying the stream ends it. */
function* chunks(total: number, stats: { streamedBytes: number; streamingBodies: number }): Generator<string> {
  const piece = `{"pad":"${'x'.repeat(64 * 1024)}"}`;
  stats.streamingBodies++;
  try {
    for (let sent = 0; sent < total; sent += piece.length) {
      const next = sent + piece.length <= total ? piece : piece.slice(0, total - sent);
      stats.streamedBytes += next.length;
      yield next;
    }
  } finally {
    stats.streamingBodies--;
  }
}

/** `/__sim/*`: the same switches over HTTP, for the standalone simulator (demo, benchmarks). */
function adminRoutes(config: SimulatorConfig, initial: SimulatorConfig, faults: Fault[], requests: LoggedRequest[], configured: (keys: readonly string[]) => void): Koa.Middleware {
  const admin = new Router({ prefix: '/__sim' });
  admin.use(bodyParser());
  admin.get('/requests', (ctx) => {
    ctx.body = requests;
  });
  admin.delete('/requests', (ctx) => {
    requests.splice(0);
    ctx.status = 204;
  });
  admin.get('/config', (ctx) => {
    ctx.body = config;
  });
  admin.post('/config', (ctx) => {
    const patch = ctx.request.body as Partial<SimulatorConfig>;
    const applied: string[] = [];
    for (const key of Object.keys(initial) as (keyof SimulatorConfig)[]) {
      if (key in patch && typeof patch[key] === typeof initial[key] && patch[key] !== null) {
        Object.assign(config, { [key]: patch[key] });
        applied.push(key);
      }
    }
    configured(applied);
    ctx.body = config;
  });
  admin.post('/faults', (ctx) => {
    faults.push(ctx.request.body as Fault);
    ctx.status = 204;
  });
  admin.delete('/faults', (ctx) => {
    faults.splice(0);
    ctx.status = 204;
  });
  return admin.routes() as Koa.Middleware;
}
