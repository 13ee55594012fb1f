import { Credentials, signedHeaders } from '../../src/core/api/signer';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * GET `{base}/api/{path}` signed as the extension signs it (the real server's `{}` convention),
 * and its status and JSON body.
 */
export async function signedGet(base: string, path: string, credentials: Credentials = DEMO_CREDENTIALS): Promise<Answer> {
  const response = await fetch(`${base}/api/${path}`, { headers: signedHeaders(credentials, Date.now(), {}) });
  return { status: response.status, body: await response.json() };
}
