import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../model/balances';
import { PlyrError } from '../model/errors';

/** A token from `/api/tokenlist`, reduced to what the extension shows. */
export interface TokenInfo {
  /** The lower-case name the balance endpoint uses (`plyr`, `usdc`). */
  readonly apiId: string;
  readonly symbol: string;
  readonly name: string;
  readonly decimals: number;
  readonly address: string;
  readonly chainId?: number;
}

const API_ID = /^[a-z0-9][a-z0-9._-]{0,31}$/;
const MAX_TOKENS = 10_000;

/** Keeps the well-formed, enabled entries; a hostile or odd entry is dropped, not trusted. */
export function parseTokenList(body: unknown): TokenInfo[] {
  const tokens = isPlainObject(body) ? body.tokens : undefined;
  if (!Array.isArray(tokens)) {
    throw new PlyrError('malformedResponse', l10n.t('The PLYR API sent a token list this extension cannot read (no "{0}" list).', 'tokens'), { fix: 'showLog' });
  }
  const seen = new Set<string>();
  const result: TokenInfo[] = [];
  for (const entry of tokens.slice(0, MAX_TOKENS)) {
    if (!isPlainObject(entry) || entry.disabledOnUI === true) {
      continue;
    }
    const { apiId, symbol, name, decimals, address, chainId } = entry;
    if (typeof apiId !== 'string' || !API_ID.test(apiId) || seen.has(apiId)) {
      continue;
    }
    seen.add(apiId);
    result.push({
      apiId,
      symbol: typeof symbol === 'string' ? symbol : apiId.toUpperCase(),
      name: typeof name === 'string' ? name : apiId,
      decimals: typeof decimals === 'number' && Number.isInteger(decimals) ? decimals : 18,
      address: typeof address === 'string' ? address : '',
      chainId: typeof chainId === 'number' ? chainId : undefined,
    });
  }
  return result;
}
