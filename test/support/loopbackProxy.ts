import * as http from 'node:http';
import { AddressInfo } from 'node:net';

export interface LoopbackProxy {
  readonly url: string;
  /** Every request it forwarded: the absolute URL asked for, and whether it carried an API key. */
  readonly forwarded: { readonly url: string; readonly apikey: boolean }[];
  close(): Promise<void>;
}

/**
 * A plain HTTP forward proxy on 127.0.0.1, as a corporate proxy would be for `http://` targets:
 * it receives absolute-form requests (`GET http://host:port/path`) and forwards them. Targets on
 * other loopback addresses (127.0.0.2, which VS Code does not treat as "localhost" and so sends
 * through the proxy) are forwarded to 127.0.0.1, where the simulator listens.
 */
export async function startLoopbackProxy(): Promise<LoopbackProxy> {
  const forwarded: { url: string; apikey: boolean }[] = [];
  const server = http.createServer((req, res) => {
    const target = new URL(req.url ?? '/');
    forwarded.push({ url: target.href, apikey: req.headers.apikey !== undefined });
    const upstream = http.request({ host: '127.0.0.1', port: target.port, method: req.method, path: `${target.pathname}${target.search}`, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwarded,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
