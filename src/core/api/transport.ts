import * as http from 'node:http';
import * as https from 'node:https';
import * as l10n from '@vscode/l10n';
import { PlyrError } from '../model/errors';
import { HttpResponse } from './responses';

/** The slice of node-fetch the client uses; the extension passes node-fetch itself. */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  /** node-fetch's cap on the body size in bytes. */
  size: number;
  redirect: 'manual';
  /** node-fetch's connection pool; without one it sends `Connection: close` on every request. */
  agent: (url: URL) => http.Agent;
}

export interface FetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Kept-alive connections: a refresh of many identifiers pays one TLS handshake, not one each.
 * The explicit `Connection: keep-alive` header is what keeps them inside VS Code: its proxy support
 * wraps every request's agent in one without keep-alive, and Node then sends `Connection: close`.
 */
const KEEP_ALIVE = { connection: 'keep-alive' };
const AGENTS = { http: new http.Agent({ keepAlive: true, maxSockets: 16 }), https: new https.Agent({ keepAlive: true, maxSockets: 16 }) };
const agentFor = (url: URL): http.Agent => (url.protocol === 'http:' ? AGENTS.http : AGENTS.https);

export interface SendOptions {
  readonly headers?: Record<string, string>;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/**
 * One GET, read in full: bounded in time (AbortSignal.timeout) and size (1 MiB), cancellable, never
 * following redirects (a redirect would carry the signed headers elsewhere). Failures become
 * typed errors; nothing here retries.
 */
export async function send(fetch: FetchLike, url: URL, options: SendOptions): Promise<HttpResponse> {
  // One controller for the timeout, the caller's cancellation and a response refused from its
  // headers (an unread body would hold its connection open). Its timer is cleared once the
  // answer is read: AbortSignal.timeout's would live on for the whole timeout (10 s), holding
  // its signal, and fire for nothing, for every request of a refresh (1,000 at once for 1,000).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), controller.abort()), options.timeoutMs);
  const cancel = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) {
    cancel();
  }
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    const response = await fetch(url.href, { method: 'GET', headers: { accept: 'application/json', ...KEEP_ALIVE, ...options.headers }, signal: controller.signal, size: MAX_BODY_BYTES, redirect: 'manual', agent: agentFor });
    const declared = Number(response.headers.get('content-length'));
    if (declared > MAX_BODY_BYTES) {
      controller.abort();
      throw tooLarge();
    }
    const body = await response.text();
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    if (error instanceof PlyrError) {
      throw error;
    }
    throw fetchFailure(error, options.signal, timedOut, options.timeoutMs);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

function fetchFailure(error: unknown, caller: AbortSignal | undefined, timedOut: boolean, timeoutMs: number): PlyrError {
  if (caller?.aborted) {
    return cancelledError(error);
  }
  if (timedOut) {
    const message = l10n.t({
      message: 'The PLYR API did not answer within {0} s. Check your connection, or raise {1}.',
      args: [Math.round(timeoutMs / 1000), 'plyr.requestTimeoutSeconds'],
      comment: '{1} is the name of a setting',
    });
    return new PlyrError('timeout', message, { fix: 'openSettings', cause: error });
  }
  const { type, code } = (error ?? {}) as { type?: string; code?: string };
  if (type === 'max-size') {
    return tooLarge();
  }
  if (code !== undefined && DROPPED.has(code)) {
    // The server was reached, so no setting is to blame: no fix, and the row's click retries.
    const message = l10n.t('The connection to the PLYR API was cut off. The server was reached, so this is usually brief: retry. If it keeps happening, Test Connection says which part fails.');
    return new PlyrError('network', message, { cause: error });
  }
  const message = l10n.t({
    message: 'Could not reach the PLYR API: {0}. Check your connection and the {1} setting.',
    args: [describeNetworkCode(code), 'plyr.network'],
    comment: '{0} says what failed, such as: the connection was refused; {1} is the name of a setting',
  });
  return new PlyrError('network', message, { fix: 'openSettings', cause: error });
}

/** A connection reset or closed under a request (or its answer): what a server, or a proxy on the way, does, not a wrong setting. */
const DROPPED: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE']);

function describeNetworkCode(code: string | undefined): string {
  switch (code) {
    case 'ECONNREFUSED':
      return l10n.t('the connection was refused (is the server running?)');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return l10n.t('the server name could not be resolved (DNS)');
    case 'ETIMEDOUT':
    case 'ECONNABORTED':
      return l10n.t('the connection timed out');
    default:
      return code ? l10n.t('network error {0}', code) : l10n.t('the connection failed');
  }
}

export function cancelledError(cause: unknown): PlyrError {
  return new PlyrError('cancelled', l10n.t('The request was cancelled.'), { cause });
}

function tooLarge(): PlyrError {
  return new PlyrError('responseTooLarge', l10n.t('The PLYR API sent a response larger than {0} MiB, which was refused.', MAX_BODY_BYTES / 1024 / 1024), { fix: 'showLog' });
}
