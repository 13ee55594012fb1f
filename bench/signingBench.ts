import { performance } from 'node:perf_hooks';
import { signedHeaders } from '../src/core/api/signer';
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
