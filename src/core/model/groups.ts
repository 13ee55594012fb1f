import * as l10n from '@vscode/l10n';
import { ParseResult } from './identifier';
import { moveTo, TrackedIdentifier, TrackedList, validateLabel } from './trackedList';
import { quoted } from './safeText';

/**
 * Named groups (folders) of the user's list. An identifier names its group (`group`); the groups'
 * own order is a list of names, so that an empty group is kept and groups keep the place the user
 * gave them. The list's order is the manual order: a group shows its members in list order.
 */
export interface Layout {
  readonly list: TrackedList;
  readonly groups: readonly string[];
}

export const MAX_GROUPS = 200;

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A group name as a label is checked (length, no control or bidi characters), not empty, and unique. */
export function validateGroupName(raw: unknown, groups: readonly string[], renaming?: string): ParseResult<string> {
  const checked = validateLabel(raw);
  if (!checked.ok) {
    return { ok: false, message: checked.message.replace(/^A label/, l10n.t('A group name')) };
  }
  if (checked.value === undefined) {
    return { ok: false, message: l10n.t('A group needs a name.') };
  }
  const name = checked.value;
  if (groups.some((g) => sameName(g, name) && !(renaming !== undefined && sameName(g, renaming)))) {
    return { ok: false, message: l10n.t('There is a group named {0} already.', quoted(name)) };
  }
  return { ok: true, value: name };
}

/**
 * A name the user gives a group of their own: valid, unique, and not the Workspace group's (the
 * watch-list's row, right below, would read the same). Names stored already are kept as they are.
 */
export function validateNewGroupName(raw: unknown, groups: readonly string[], renaming?: string): ParseResult<string> {
  const name = validateGroupName(raw, groups, renaming);
  if (name.ok && (sameName(name.value, 'Workspace') || sameName(name.value, l10n.t('Workspace')))) {
    return { ok: false, message: l10n.t("{0} is the name of the workspace's watch-list: choose another.", quoted(name.value)) };
  }
  return name;
}

/** The group a name refers to (names are compared without case), or undefined. */
export function findGroup(groups: readonly string[], name: unknown): string | undefined {
  return typeof name === 'string' ? groups.find((g) => sameName(g, name.trim())) : undefined;
}

export function createGroup(layout: Layout, rawName: unknown): ParseResult<{ layout: Layout; name: string }> {
  const name = validateNewGroupName(rawName, layout.groups);
  if (!name.ok) {
    return name;
  }
  if (layout.groups.length >= MAX_GROUPS) {
    return { ok: false, message: l10n.t('There can be at most {0} groups.', MAX_GROUPS) };
  }
  return { ok: true, value: { layout: { ...layout, groups: [...layout.groups, name.value] }, name: name.value } };
}

export function renameGroup(layout: Layout, from: string, rawName: unknown): ParseResult<Layout> {
  const name = validateNewGroupName(rawName, layout.groups, from);
  if (!name.ok) {
    return name;
  }
  return {
    ok: true,
    value: {
      groups: layout.groups.map((g) => (g === from ? name.value : g)),
      list: layout.list.map((t) => (t.group === from ? { ...t, group: name.value } : t)),
    },
  };
}

/**
 * The renames of groups made in this window, in order, so that an Undo clicked after one puts a
 * row back in its group under the name the group has now, rather than bringing back the old name.
 */
export class GroupRenames {
  readonly #log: { readonly from: string; readonly to: string }[] = [];

  /** Where the renames stand now: an Undo's starting point. */
  get mark(): number {
    return this.#log.length;
  }

  renamed(from: string, to: string): void {
    this.#log.push({ from, to });
  }

  /** The name a group called `name` at `mark` goes by now. */
  since(mark: number, name: string): string {
    return this.#log.slice(mark).reduce((now, { from, to }) => (from === now ? to : now), name);
  }
}

/** What deleting a group took away, enough to put it back (undo). */
export interface DeletedGroup {
  readonly name: string;
  readonly index: number;
  readonly members: readonly string[];
}

/** Deletes a group; its members stay in the list, at the top level, in their order. */
export function deleteGroup(layout: Layout, name: string): { layout: Layout; deleted: DeletedGroup } {
  return {
    layout: { groups: layout.groups.filter((g) => g !== name), list: layout.list.map((t) => (t.group === name ? withGroup(t, undefined) : t)) },
    deleted: { name, index: layout.groups.indexOf(name), members: layout.list.filter((t) => t.group === name).map((t) => t.id) },
  };
}

/**
 * Undo of deleteGroup: the group comes back where it was, with the members that are still at the
 * top level (one moved elsewhere since stays where the user put it). A group of that name created
 * since is kept and takes the members.
 */
export function restoreGroup(layout: Layout, deleted: DeletedGroup): Layout {
  const existing = findGroup(layout.groups, deleted.name);
  if (!existing && layout.groups.length >= MAX_GROUPS) {
    return layout; // groups made since took its place: the caller says so (a 201st would be cut at the next read)
  }
  const name = existing ?? deleted.name;
  const groups = existing ? layout.groups : [...layout.groups.slice(0, Math.max(0, deleted.index)), name, ...layout.groups.slice(Math.max(0, deleted.index))];
  const members = new Set(deleted.members);
  return { groups, list: layout.list.map((t) => (members.has(t.id) && t.group === undefined ? withGroup(t, name) : t)) };
}

/** Where dropped or moved rows go: into a group (at its end), before a row, or to the top level's end. */
export type Destination = { readonly group: string | undefined } | { readonly before: string };

/**
 * Moves identifiers to a destination: their group becomes the destination's and their place in the
 * manual order follows it. Unknown identifiers are ignored. They keep the order the view shows them
 * in (manual order: the groups', then the top level's), as the Explorer moves files: a selection
 * lists rows in the order they were clicked, which says nothing about where they should go.
 */
export function moveInto(layout: Layout, ids: readonly string[], to: Destination): Layout {
  const moving = new Set(ids.filter((id) => !('before' in to && id === to.before)));
  const target = 'before' in to ? layout.list.find((t) => t.id === to.before) : undefined;
  if ('before' in to && !target) {
    return layout;
  }
  const group = target ? target.group : 'group' in to ? to.group : undefined;
  if (group !== undefined && !layout.groups.includes(group)) {
    return layout;
  }
  // A group's rows show above the top level's (see arrange in sortOrder.ts); list order within each.
  const place = (t: TrackedIdentifier) => (t.group !== undefined && layout.groups.includes(t.group) ? layout.groups.indexOf(t.group) : layout.groups.length);
  const moved = layout.list.filter((t) => moving.has(t.id)).sort((a, b) => place(a) - place(b));
  const rest = layout.list.filter((t) => !moving.has(t.id));
  // Before the target row; into a group, after its last member; to the top level, at the end.
  const last = group === undefined ? -1 : lastIndex(rest, (t) => t.group === group);
  const at = target ? rest.indexOf(target) : last >= 0 ? last + 1 : rest.length;
  return { ...layout, list: [...rest.slice(0, at), ...moved.map((t) => withGroup(t, group)), ...rest.slice(at)] };
}

/** Moves an identifier one place up or down among the rows shown beside it (its group's, or the top level's). */
export function moveAmongSiblings(list: TrackedList, id: string, delta: -1 | 1): TrackedList {
  const from = list.findIndex((t) => t.id === id);
  if (from < 0) {
    return list;
  }
  const group = list[from].group;
  let to = from + delta;
  while (to >= 0 && to < list.length && list[to].group !== group) {
    to += delta;
  }
  return to < 0 || to >= list.length ? list : moveTo(list, from, to);
}

/** Moves a group one place up or down among the groups. */
export function moveGroup(groups: readonly string[], name: string, delta: -1 | 1): readonly string[] {
  const from = groups.indexOf(name);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= groups.length) {
    return groups;
  }
  const next = [...groups];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/**
 * Reads the stored group names (another version or machine may have written them), and adds any
 * group an identifier names that the list lacks, so that no identifier is hidden in a missing group.
 */
export function sanitizeLayout(list: TrackedList, rawGroups: unknown): Layout {
  const groups: string[] = [];
  const byLowerName = new Map<string, string>();
  const add = (raw: unknown): string | undefined => {
    const name = groups.length < MAX_GROUPS ? validateGroupName(raw, []) : undefined;
    if (!name?.ok || byLowerName.has(name.value.toLowerCase())) {
      return undefined;
    }
    groups.push(name.value);
    byLowerName.set(name.value.toLowerCase(), name.value);
    return name.value;
  };
  for (const raw of Array.isArray(rawGroups) ? rawGroups : []) {
    add(raw);
  }
  // Each identifier once (the first): an edit given a row twice must not store it twice.
  const seen = new Set<string>();
  const fixed = list.flatMap((t) => {
    if (seen.has(t.id)) {
      return [];
    }
    seen.add(t.id);
    if (t.group === undefined) {
      return t;
    }
    const name = byLowerName.get(t.group.trim().toLowerCase()) ?? add(t.group);
    return name === t.group ? t : withGroup(t, name);
  });
  return { list: fixed, groups };
}

export function withGroup(entry: TrackedIdentifier, group: string | undefined): TrackedIdentifier {
  if (group === undefined) {
    const { group: _dropped, ...rest } = entry;
    return rest;
  }
  return { ...entry, group };
}

function lastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) {
    if (test(items[i])) {
      return i;
    }
  }
  return -1;
}
