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

/**
 * Identifiers remembered per scope at most. A window writes its own lists' balances and keeps the
 * others' (another window's, another workspace's watch-list), the most recently fetched first.
 */
export const MAX_REMEMBERED_IDS = 5000;

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

/**
 * `raw` with `entries` written into `scope`, over what it held for identifiers not among them (up to
 * MAX_REMEMBERED_IDS in all); the scope becomes the most recent of at most MAX_SCOPES.
 */
export function withRemembered(raw: unknown, scope: string, entries: ReadonlyMap<string, RememberedBalances>): BalanceMemory {
  const others = isPlainObject(raw) ? Object.entries(raw).filter(([key, value]) => key !== scope && isPlainObject(value)) : [];
  const kept = [...entries].filter(([, r]) => Object.keys(r.balances).length <= MAX_REMEMBERED_TOKENS).map(([id, r]) => [id, { balances: r.balances, fetchedAt: r.fetchedAt }] as const);
  const before = isPlainObject(raw) && Object.prototype.hasOwnProperty.call(raw, scope) && isPlainObject(raw[scope]) ? raw[scope] : {};
  // Read again (rememberedIn) before they are shown: here they pass through as they were.
  const earlier = Object.entries(before)
    .filter((entry): entry is [string, { fetchedAt: number }] => !entries.has(entry[0]) && isTimed(entry[1]))
    .sort(([, a], [, b]) => b.fetchedAt - a.fetchedAt)
    .slice(0, Math.max(0, MAX_REMEMBERED_IDS - kept.length));
  return Object.fromEntries([...others.slice(-(MAX_SCOPES - 1)), [scope, Object.fromEntries([...kept, ...earlier])]]) as BalanceMemory;
}

/** `raw` without these identifiers, on every scope: taken out of the lists, they are not kept. */
export function withoutRemembered(raw: unknown, ids: readonly string[]): BalanceMemory {
  const gone = new Set(ids);
  return filtered(raw, (id) => !gone.has(id));
}

/** What is remembered of these identifiers, on every scope that has some: what {@link withoutRemembered} takes out. */
export function rememberedOf(raw: unknown, ids: readonly string[]): BalanceMemory {
  const wanted = new Set(ids);
  return Object.fromEntries(Object.entries(filtered(raw, (id) => wanted.has(id))).filter(([, kept]) => Object.keys(kept).length > 0));
}

/**
 * `raw` with `taken` (from {@link rememberedOf}) put back into the scopes it still has, under
 * identifiers it holds nothing for: anything remembered since is newer, and a scope dropped since
 * stays dropped.
 */
export function withReturned(raw: unknown, taken: BalanceMemory): BalanceMemory {
  return Object.fromEntries(Object.entries(filtered(raw, () => true)).map(([scope, entries]) => [scope, { ...scopeOf(taken, scope), ...entries }]));
}

/** Both, on every scope either has; `newer`'s entry where both have one. */
export function mergedMemory(newer: BalanceMemory, older: BalanceMemory): BalanceMemory {
  const scopes = new Set([...Object.keys(older), ...Object.keys(newer)]);
  return Object.fromEntries([...scopes].map((scope) => [scope, { ...scopeOf(older, scope), ...scopeOf(newer, scope) }]));
}

/** `memory` held to the scopes `raw` has, and to MAX_REMEMBERED_IDS a scope, the most recently fetched kept. */
export function boundedLike(memory: BalanceMemory, raw: unknown): BalanceMemory {
  const scopes = isPlainObject(raw) ? raw : {};
  return Object.fromEntries(
    Object.entries(memory)
      .filter(([scope]) => Object.prototype.hasOwnProperty.call(scopes, scope))
      .map(([scope, entries]) => [scope, Object.fromEntries(Object.entries(entries).sort(([, a], [, b]) => b.fetchedAt - a.fetchedAt).slice(0, MAX_REMEMBERED_IDS))]),
  );
}

/**
 * `raw`'s scopes (those that are objects), each with the identifiers `keep` takes, passed through as
 * they were, but for records without a time (`null`, another version's shape): those go, as on a
 * read, rather than break the sorting by time that writes them back.
 */
function filtered(raw: unknown, keep: (id: string) => boolean): BalanceMemory {
  if (!isPlainObject(raw)) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([, value]) => isPlainObject(value))
      .map(([scope, value]) => [scope, Object.fromEntries(Object.entries(value as object).filter(([id, record]) => keep(id) && isTimed(record)))]),
  ) as BalanceMemory;
}

function scopeOf(memory: BalanceMemory, scope: string): Readonly<Record<string, RememberedBalances>> {
  return Object.prototype.hasOwnProperty.call(memory, scope) ? memory[scope] : {};
}

/** A record with a time to sort by; what it holds is read again (rememberedIn) before it shows. */
function isTimed(record: unknown): record is { readonly fetchedAt: number } {
  return isPlainObject(record) && typeof record.fetchedAt === 'number' && Number.isFinite(record.fetchedAt);
}
