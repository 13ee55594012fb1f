import { compareDecimal } from './decimal';
import { parseTokenName } from './token';
import { Layout } from './groups';
import { TrackedIdentifier } from './trackedList';

/**
 * How the sidebar orders identifiers: the user's own order (manual), by name, by the amount of
 * one token, or by value in dollars (of the priced tokens), largest first. Sorting only changes
 * what is shown: the list keeps the manual order, so going back to manual finds it as it was.
 */
export type SortOrder = { readonly by: 'manual' } | { readonly by: 'name' } | { readonly by: 'amount'; readonly token: string } | { readonly by: 'value' };

export const MANUAL: SortOrder = { by: 'manual' };

/** Whether new balances can move rows in this order (by amount or by value). */
export function sortsByBalances(order: SortOrder): boolean {
  return order.by === 'amount' || order.by === 'value';
}

/**
 * The order the view applies: the user's, except by value while values are off (no row has one,
 * and rows kept in the last value order would say an order nothing shows), which pauses to
 * manual. The choice itself is kept: values back on, it applies again.
 */
export function appliedSortOrder(order: SortOrder, valuesOn: boolean): SortOrder {
  return order.by === 'value' && !valuesOn ? MANUAL : order;
}

/** A stored sort order; anything unreadable is manual. */
export function parseSortOrder(raw: unknown): SortOrder {
  return readSortOrder(raw) ?? MANUAL;
}

/** 'manual', 'name', 'value', or { by: 'amount', token } (also { by: 'manual' | 'name' | 'value' }); undefined otherwise. */
export function readSortOrder(raw: unknown): SortOrder | undefined {
  const record = typeof raw === 'object' && raw !== null ? (raw as { by?: unknown; token?: unknown }) : { by: raw };
  switch (record.by) {
    case 'manual':
      return MANUAL;
    case 'name':
      return { by: 'name' };
    case 'value':
      return { by: 'value' };
    case 'amount': {
      const token = parseTokenName(record.token);
      return token.ok && token.value !== undefined ? { by: 'amount', token: token.value } : undefined;
    }
    default:
      return undefined;
  }
}

/** What the tree shows, in order: the groups with their members, then the top level's identifiers. */
export interface Arrangement {
  readonly groups: readonly { readonly name: string; readonly members: readonly TrackedIdentifier[] }[];
  readonly top: readonly TrackedIdentifier[];
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * `amountOf` gives an identifier's last known amount of a token (a decimal string), if any;
 * `valueOf` its value in dollars (a decimal string), if any is known.
 */
export function arrange(layout: Layout, order: SortOrder, amountOf: (id: string, token: string) => string | undefined, valueOf: (id: string) => string | undefined = () => undefined): Arrangement {
  const members = new Map<string, TrackedIdentifier[]>(layout.groups.map((g) => [g, []]));
  const top: TrackedIdentifier[] = [];
  for (const entry of layout.list) {
    const group = entry.group === undefined ? undefined : members.get(entry.group);
    if (group) {
      group.push(entry);
    } else {
      top.push(entry);
    }
  }
  const sorted = (rows: TrackedIdentifier[]) => sortRows(rows, order, amountOf, valueOf);
  const groups = layout.groups.map((name) => ({ name, members: sorted(members.get(name) ?? []) }));
  if (order.by === 'name') {
    groups.sort((a, b) => collator.compare(a.name, b.name));
  }
  return { groups, top: sorted(top) };
}

/** A stable sort: rows that compare equal (or have no amount, or no value) keep the manual order. */
function sortRows(rows: TrackedIdentifier[], order: SortOrder, amountOf: (id: string, token: string) => string | undefined, valueOf: (id: string) => string | undefined): TrackedIdentifier[] {
  switch (order.by) {
    case 'manual':
      return rows;
    case 'name':
      return rows.sort((a, b) => collator.compare(a.label ?? a.id, b.label ?? b.id));
    case 'amount':
      return largestFirst(rows, (id) => amountOf(id, order.token));
    case 'value':
      return largestFirst(rows, valueOf);
  }
}

/** Largest first by a decimal string; rows without one last. */
function largestFirst(rows: TrackedIdentifier[], of: (id: string) => string | undefined): TrackedIdentifier[] {
  const known = new Map(rows.map((t) => [t.id, of(t.id)]));
  return rows.sort((a, b) => {
    const x = known.get(a.id);
    const y = known.get(b.id);
    return x === undefined || y === undefined ? Number(x === undefined) - Number(y === undefined) : compareDecimal(y, x);
  });
}
