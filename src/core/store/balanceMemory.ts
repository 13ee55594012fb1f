import { isPlainObject, parseBalances } from '../model/balances';
import { RememberedBalances } from './balanceStore';

/**
 * The last good balances of the listed identifiers, per API root, as globalState keeps them between
 * sessions: `{ [scope]: { [id]: { balances, fetchedAt } } }`. Plain data, read defensively (another
 * version may have written it).
 */
export type BalanceMemory = Readonly<Record<string, Readonly<Record<string, RememberedBalances>>>>;

/** Roots remembered at most: switching networks back and forth keeps both, not every one ever used. */
export const MAX_SCOPES = 4;
/**
 * An identifier with more tokens than this is not remembered (after a restart its row waits for its
 * first answer): a server's answer of 10,000 tokens made globalState 1 MB, written again each refresh.
 */
export const MAX_REMEMBERED_TOKENS = 100;

/** What is remembered for one scope; malformed entries are dropped. */
export function rememberedIn(raw: unknown, scope: string): Map<string, RememberedBalances> {
  const remembered = new Map<string, RememberedBalances>();
  const forScope = isPlainObject(raw) && Object.prototype.hasOwnProperty.call(raw, scope) ? raw[scope] : undefined;
  if (!isPlainObject(forScope)) {
    return remembered;
  }
  for (const [id, value] of Object.entries(forScope)) {
    if (!isPlainObject(value) || typeof value.fetchedAt !== 'number' || !Number.isFinite(value.fetchedAt)) {
      continue;
    }
    try {
      remembered.set(id, { balances: parseBalances(value.balances), fetchedAt: value.fetchedAt });
    } catch {
      // A malformed record is forgotten, not shown.
    }
  }
  return remembered;
}

/** `raw` with `scope` replaced by `entries`; the scope becomes the most recent of at most MAX_SCOPES. */
export function withRemembered(raw: unknown, scope: string, entries: ReadonlyMap<string, RememberedBalances>): BalanceMemory {
  const others = isPlainObject(raw) ? Object.entries(raw).filter(([key, value]) => key !== scope && isPlainObject(value)) : [];
  const kept = [...entries].filter(([, r]) => Object.keys(r.balances).length <= MAX_REMEMBERED_TOKENS);
  const current = Object.fromEntries(kept.map(([id, r]) => [id, { balances: r.balances, fetchedAt: r.fetchedAt }]));
  return Object.fromEntries([...others.slice(-(MAX_SCOPES - 1)), [scope, current]]) as BalanceMemory;
}
