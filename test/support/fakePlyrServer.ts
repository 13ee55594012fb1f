import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { Credentials, SigningConvention } from '../../src/core/api/signer';

/**
 * A small stand-in for the PLYR API on 127.0.0.1, for client tests of routes the simulator may
 * not have: it checks the signed headers as the real server's hmacAuth does (key, HMAC over
 * timestamp + the GET's body, the 5-minute window) and answers each path with replies set by
 * the test. An unknown path gets Koa's plain-text 404, as the real server gives one.
 */

export interface FakeReply {
  readonly status?: number;
  /** An object is sent as JSON, a string as it is. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Never answer (until the server closes). */
  readonly hang?: boolean;
}

export interface FakeRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly pathname: string;
  readonly query: URLSearchParams;
  readonly signed: boolean;
  /** What the signature check said: 200 when passed, else the 401. */
  readonly auth: 'ok' | 'Missing authentication headers' | 'Invalid API key' | 'Invalid signature' | 'Request expired';
}

export interface FakePlyrServer {
  readonly url: string;
  readonly requests: FakeRequest[];
  /** Replies for a path (without query), used in turn; the last one stays. */
  reply(pathname: string, ...replies: FakeReply[]): void;
  /** What GETs must be signed with; the real server verifies `{}`. */
  signing: SigningConvention;
  /** The server's clock minus this machine's. */
  clockOffsetMs: number;
  close(): Promise<void>;
}

const FIVE_MINUTES = 5 * 60 * 1000;

export async function startFakePlyrServer(credentials: Credentials): Promise<FakePlyrServer> {
  const replies = new Map<string, FakeReply[]>();
  const requests: FakeRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const state = { signing: 'emptyObject' as SigningConvention, clockOffsetMs: 0 };

  const server = http.createServer((req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://fake');
    const now = Date.now() + state.clockOffsetMs;
    const auth = check(req.headers, credentials, state.signing, now);
    requests.push({ method: req.method ?? '', url: req.url ?? '', pathname: parsed.pathname, query: parsed.searchParams, signed: typeof req.headers.signature === 'string', auth });
    const date = new Date(now).toUTCString();
    if (auth !== 'ok') {
      res.writeHead(401, { 'content-type': 'application/json', date }).end(JSON.stringify({ error: auth }));
      return;
    }
    const queue = replies.get(parsed.pathname);
    const reply = queue && queue.length > 1 ? queue.shift() : queue?.[0];
    if (!reply) {
      res.writeHead(404, { 'content-type': 'text/plain', date }).end('Not Found');
      return;
    }
    if (reply.hang) {
      hanging.add(res);
      return;
    }
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
    res.writeHead(reply.status ?? 200, { 'content-type': typeof reply.body === 'string' ? 'text/plain' : 'application/json', date, ...reply.headers }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (pathname, ...list) => void replies.set(pathname, [...list]),
    get signing() {
      return state.signing;
    },
    set signing(value) {
      state.signing = value;
    },
    get clockOffsetMs() {
      return state.clockOffsetMs;
    },
    set clockOffsetMs(value) {
      state.clockOffsetMs = value;
    },
    close: async () => {
      for (const res of hanging) {
        res.destroy();
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function check(headers: http.IncomingHttpHeaders, credentials: Credentials, signing: SigningConvention, now: number): FakeRequest['auth'] {
  const { apikey, signature, timestamp } = headers;
  if (typeof apikey !== 'string' || typeof signature !== 'string' || typeof timestamp !== 'string') {
    return 'Missing authentication headers';
  }
  if (apikey !== credentials.apiKey) {
    return 'Invalid API key';
  }
  // As the real server's hmacAuth computes it (koa-bodyparser gives a GET the body {}), not with the client's signer.
  const expected = createHmac('sha256', credentials.secretKey)
    .update(timestamp + JSON.stringify(signing === 'null' ? null : {}))
    .digest('hex');
  if (signature !== expected) {
    return 'Invalid signature';
  }
  return Math.abs(now - Number(timestamp)) > FIVE_MINUTES ? 'Request expired' : 'ok';
}
