import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../model/balances';
import { decimalFromJsonNumber, isAmount, isZero } from '../model/decimal';
import { PlyrError } from '../model/errors';
import { JsonNumber, ownField } from '../model/exactJson';
import { TIME, WHOLE_NUMBER } from '../model/serverFields';
import { PRICE_SOURCES, PriceSource, TokenPrice } from '../model/value';

/** A token from `/api/tokenlist`, reduced to what the extension shows. */
export interface TokenInfo {
  /** The lower-case name the balance endpoint uses (`plyr`, `usdc`). */
  readonly apiId: string;
  readonly symbol: string;
  readonly name: string;
  readonly decimals: number;
  readonly address: string;
  readonly chainId?: number;
  /** Its USD price, when the server had one (`price` a positive number, or its text). */
  readonly price?: TokenPrice;
  /** When the server refreshes its prices next (epoch ms): the list is worth asking again then. */
  readonly nextUpdatedAt?: number;
  /**
   * Marked `disabledOnUI`: PLYR's own apps leave it out, so the pickers do. Balance answers still
   * hold it (the server's balance set is every token of its chain), so its price and its contract
   * address still count.
   */
  readonly disabledOnUI?: true;
}

const API_ID = /^[a-z0-9][a-z0-9._-]{0,31}$/;
const MAX_TOKENS = 10_000;
/** A price as JSON writes a number (the real server sends `String(number)`, so `1.5e-7` may come). */
const PRICE_TEXT = /^(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** Digits of a price written out: $10^-70 is far below any listed token, and the text stays short. */
const MAX_PRICE_LENGTH = 80;

/**
 * Keeps the well-formed entries; a hostile or odd entry is dropped, not trusted. Numbers
 * come as {@link JsonNumber}s (the client reads the body with parseExactJson) or plain numbers.
 */
export function parseTokenList(body: unknown): TokenInfo[] {
  const tokens = isPlainObject(body) ? body.tokens : undefined;
  if (!Array.isArray(tokens)) {
    throw new PlyrError('malformedResponse', l10n.t('The PLYR API sent a token list this extension cannot read (no "{0}" list).', 'tokens'), { fix: 'showLog' });
  }
  // Where each apiId is in the result: the first entry wins, except that an enabled one replaces a disabled one.
  const at = new Map<string, number>();
  const result: TokenInfo[] = [];
  for (const entry of tokens.slice(0, MAX_TOKENS)) {
    if (!isPlainObject(entry) || entry instanceof JsonNumber) {
      continue;
    }
    const { apiId, symbol, name, decimals, address, chainId } = entry;
    if (typeof apiId !== 'string' || !API_ID.test(apiId)) {
      continue;
    }
    const earlier = at.get(apiId);
    if (earlier !== undefined && (result[earlier].disabledOnUI !== true || entry.disabledOnUI === true)) {
      continue;
    }
    const price = readTokenPrice(entry);
    const nextUpdatedAt = TIME.read(ownField(entry, 'nextUpdatedAt'));
    const info: TokenInfo = {
      apiId,
      symbol: typeof symbol === 'string' ? symbol : apiId.toUpperCase(),
      name: typeof name === 'string' ? name : apiId,
      decimals: (decimals instanceof JsonNumber ? WHOLE_NUMBER.read(decimals) : Number.isInteger(decimals) ? (decimals as number) : undefined) ?? 18,
      address: typeof address === 'string' ? address : '',
      chainId: chainId instanceof JsonNumber ? WHOLE_NUMBER.read(chainId) : typeof chainId === 'number' ? chainId : undefined,
      ...(price ? { price } : {}),
      ...(entry.disabledOnUI === true ? { disabledOnUI: true as const } : {}),
      ...(nextUpdatedAt !== undefined ? { nextUpdatedAt } : {}),
    };
    if (earlier === undefined) {
      at.set(apiId, result.length);
      result.push(info);
    } else {
      result[earlier] = info;
    }
  }
  return result;
}

/**
 * A token's `price`, `priceSource` and `updatedAt`. The price is read from its text, never as a
 * float; what is not a positive plain number (a negative, "NaN", hex, an object, zero: no source
 * had one) is no price. An unknown source is left out rather than shown as sent.
 */
function readTokenPrice(entry: Record<string, unknown>): TokenPrice | undefined {
  const usd = readPrice(ownField(entry, 'price'));
  if (usd === undefined) {
    return undefined;
  }
  const source = ownField(entry, 'priceSource');
  const updatedAt = TIME.read(ownField(entry, 'updatedAt'));
  return {
    usd,
    ...(PRICE_SOURCES.includes(source as PriceSource) ? { source: source as PriceSource } : {}),
    ...(updatedAt !== undefined ? { updatedAt } : {}),
  };
}

/** A positive price as a plain decimal string, from a JSON number's text or a string of the same form. */
export function readPrice(value: unknown): string | undefined {
  const text = value instanceof JsonNumber ? value.text : typeof value === 'string' ? value : undefined;
  if (text === undefined || text.length > MAX_PRICE_LENGTH || !PRICE_TEXT.test(text)) {
    return undefined;
  }
  const decimal = decimalFromJsonNumber(text, MAX_PRICE_LENGTH);
  return decimal !== undefined && isAmount(decimal) && !isZero(decimal) ? decimal : undefined;
}
