import { performance } from 'node:perf_hooks';
import { signedHeaders } from '../src/core/api/signer';
import { MAX_BODY_BYTES } from '../src/core/api/transport';
import { withoutSecrets } from '../src/core/model/safeText';
import { DEMO_CREDENTIALS } from '../simulator/demoData';

/** Plain Node: the cost of signing one request (HMAC-SHA256 over timestamp + body), in µs. */
export function signingMicros(iterations = 100_000): number {
  let sink = 0;
  const run = (n: number) => {
    for (let i = 0; i < n; i++) {
      sink += signedHeaders(DEMO_CREDENTIALS, 1_700_000_000_000 + i, {}).signature.length;
    }
  };
  run(10_000); // warm-up
  const started = performance.now();
  run(iterations);
  const micros = ((performance.now() - started) * 1000) / iterations;
  if (sink === 0) {
    throw new Error('signing produced nothing');
  }
  return Math.round(micros * 100) / 100;
}

/**
 * Plain Node: the credentials taken out of an answer at the size limit (1 MiB), in ms (median of 5), for an
 * ordinary JSON answer and for a hostile one (a `\u` escape, then a string of `\"` that never
 * closes), which a search retried from every quotation mark took minutes over.
 */
export function redactionMs(): { readonly ordinaryMs: number; readonly hostileMs: number; readonly bytes: number } {
  const bytes = MAX_BODY_BYTES;
  const secrets = [DEMO_CREDENTIALS.apiKey, DEMO_CREDENTIALS.secretKey, 'f'.repeat(64)];
  const row = JSON.stringify({ plyrId: 'player123', note: 'caf\\u00e9 \\"quoted\\"', amount: '1.5' });
  const ordinary = `[${Array.from({ length: Math.floor(bytes / (row.length + 1)) }, () => row).join(',')}]`.slice(0, bytes);
  const hostile = `{"error":"\\u0041${'\\"'.repeat((bytes - 20) / 2)}`;
  // The median of 5 after one: the first such answer also pays V8's compiling of what it runs.
  const time = (text: string) => {
    const runs = Array.from({ length: 6 }, () => {
      const started = performance.now();
      if (withoutSecrets(text, secrets).length === 0) {
        throw new Error('redaction produced nothing');
      }
      return performance.now() - started;
    }).slice(1);
    return Math.round(runs.sort((a, b) => a - b)[2] * 100) / 100;
  };
  return { ordinaryMs: time(ordinary), hostileMs: time(hostile), bytes };
}
