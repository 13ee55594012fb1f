import * as vscode from 'vscode';
import { PlyrError } from '../../core/model/errors';
import { createGroup, deleteGroup, findGroup, MAX_GROUPS, moveGroup, moveInto, renameGroup, restoreGroup, validateNewGroupName } from '../../core/model/groups';
import { appliedSortOrder, MANUAL, readSortOrder, SortOrder } from '../../core/model/sortOrder';
import { COMMANDS } from '../ids';
import { inertLabel, inertNotificationText } from '../../core/model/safeText';
import { tokenLabel } from '../../core/content/shortNames';
import { Services } from '../services';
import { groupNameOf, isGroupRow, isRowSelection, selectedIdentifiers } from '../views/tree/nodes';
import { trackedIndexOf } from './trackedArgument';
import { registerCommand } from './register';
import { onChoice } from '../ui/errorPresenter';
import type { Sidebar } from '../views/sidebar';

type GroupServices = Pick<Services, 'tracked' | 'watched' | 'store' | 'sortOrder' | 'values' | 'logger'>;
type Tracked = Services['tracked'];
type View = Pick<Sidebar, 'focusListed'>;

/**
 * Groups (folders) of the user's list: create, rename, delete (undoable), move identifiers into
 * them and move groups; and the view's sort order. Every command takes rows from the view's menus
 * or plain arguments for automation, and asks for what is missing.
 */
export function registerGroupCommands(services: GroupServices, view: View): vscode.Disposable[] {
  const { tracked } = services;
  return [
    // Asked for, the new group's row then has the focus, as a new folder has in the Explorer.
    registerCommand(services, COMMANDS.createGroup, async (name?: unknown) => {
      const created = await create(tracked, name);
      if (name === undefined && created !== undefined) {
        await view.focusListed({ group: created });
      }
      return created;
    }),
    registerCommand(services, COMMANDS.renameGroup, (arg?: unknown, name?: unknown) => rename(tracked, arg, name)),
    registerCommand(services, COMMANDS.deleteGroup, (arg?: unknown, selection?: unknown) => removeSelected(services, view, arg, selection)),
    registerCommand(services, COMMANDS.moveToGroup, (arg?: unknown, selectionOrGroup?: unknown, group?: unknown) => moveToGroup(tracked, arg, selectionOrGroup, group)),
    registerCommand(services, COMMANDS.moveGroupUp, (arg?: unknown) => moveGroupBy(tracked, arg, -1)),
    registerCommand(services, COMMANDS.moveGroupDown, (arg?: unknown) => moveGroupBy(tracked, arg, 1)),
    registerCommand(services, COMMANDS.sortBy, (given?: unknown) => sortBy(services, given)),
  ];
}

function groupOrThrow(tracked: Tracked, arg: unknown): string {
  const name = findGroup(tracked.groups, groupNameOf(arg));
  if (name === undefined) {
    const given = groupNameOf(arg);
    throw typeof given === 'string' ? noSuchGroup(given) : new PlyrError('invalidGroup', vscode.l10n.t('Choose a group of the PLYR Balances view.'));
  }
  return name;
}

function noSuchGroup(name: string): PlyrError {
  return new PlyrError('invalidGroup', vscode.l10n.t('There is no group named {0}.', inertNotificationText(name, 60)));
}

/** The identifiers a row command applies to: the clicked row and the others selected, or ids given. */
function idsOf(tracked: Tracked, arg: unknown, selection: unknown): string[] {
  const selected = isRowSelection(selection) ? selectedIdentifiers(selection) : [];
  // No row of the user's selected: the clicked one, which says why a Workspace row cannot move.
  const raw = selected.length > 0 ? selected : Array.isArray(arg) ? arg : [arg];
  return [...new Set(raw.map((value) => tracked.all[trackedIndexOf(tracked, value)].id))];
}

function askName(tracked: Tracked, title: string, value = '', renaming?: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('A name for the group, such as "Team wallets"'),
    value,
    validateInput: (text) => {
      const result = validateNewGroupName(text, tracked.groups, renaming);
      return result.ok ? undefined : result.message;
    },
  });
}

/** Creates a group (named, or asked for) and returns its name. */
async function create(tracked: Tracked, rawName?: unknown): Promise<string | undefined> {
  const name = rawName ?? (await askName(tracked, vscode.l10n.t('PLYR: New Group')));
  if (name === undefined) {
    return undefined;
  }
  const created = createGroup({ list: tracked.all, groups: tracked.groups }, name);
  if (!created.ok) {
    throw new PlyrError('invalidGroup', created.message);
  }
  await tracked.updateLayout((layout) => {
    const again = createGroup(layout, name);
    return again.ok ? again.value.layout : layout;
  });
  return created.value.name;
}

/** Resolves to the group's new name (as the list spells it), or undefined when nothing was renamed. */
async function rename(tracked: Tracked, arg: unknown, newName: unknown): Promise<string | undefined> {
  const from = groupOrThrow(tracked, arg);
  // From the menu, the selected rows come second: a name is never a list of rows.
  const name = newName !== undefined && !isRowSelection(newName) ? newName : await askName(tracked, vscode.l10n.t('Rename Group {0}', inertLabel(from)), from, from);
  if (name === undefined) {
    return undefined;
  }
  const renamed = renameGroup({ list: tracked.all, groups: tracked.groups }, from, name);
  if (!renamed.ok) {
    throw new PlyrError('invalidGroup', renamed.message);
  }
  let named: string | undefined;
  await tracked.updateLayout((layout) => {
    const again = renameGroup(layout, from, name);
    if (!again.ok) {
      return layout;
    }
    // Its new name: where the old one stood in the list of groups (gone meanwhile: nothing renamed).
    const at = layout.groups.indexOf(from);
    named = at >= 0 ? again.value.groups[at] : undefined;
    if (named !== undefined) {
      tracked.groupRenames.renamed(from, named);
    }
    return again.value;
  });
  return named;
}

/** The clicked group or, when the rows selected hold it, every group of the user's among them, as the Delete key does. */
async function removeSelected(services: GroupServices, view: View, arg: unknown, selection: unknown): Promise<void> {
  const groups = isRowSelection(selection) ? selection.filter(isGroupRow) : [];
  const clicked = groupNameOf(arg);
  for (const group of groups.some((g) => g.name === clicked) ? groups : [arg]) {
    await remove(services, view, group);
  }
}

/** Deletes a group; its identifiers stay, at the top level. Undo puts the group back. */
async function remove(services: GroupServices, view: View, arg: unknown): Promise<void> {
  const { tracked } = services;
  const name = groupOrThrow(tracked, arg);
  // What it held as deleted: another window may have changed it since this one looked.
  let deleted: ReturnType<typeof deleteGroup>['deleted'] | undefined;
  await tracked.updateLayout((layout) => {
    // Gone already (another window, Settings Sync): nothing to delete, nor to undo.
    const result = layout.groups.includes(name) ? deleteGroup(layout, name) : undefined;
    deleted = result?.deleted;
    return result?.layout ?? layout;
  });
  if (!deleted) {
    throw noSuchGroup(name);
  }
  const gone = deleted;
  const undo = vscode.l10n.t('Undo');
  const count = deleted.members.length;
  const message =
    count === 0
      ? vscode.l10n.t('Deleted the group {0}.', inertNotificationText(name))
      : count === 1
        ? vscode.l10n.t('Deleted the group {0}; its identifier is at the top level now.', inertNotificationText(name))
        : vscode.l10n.t('Deleted the group {0}; its {1} identifiers are at the top level now.', inertNotificationText(name), count);
  onChoice(vscode.window.showInformationMessage(message, undo), async (choice) => {
    if (choice === undo) {
      await tracked.updateLayout((layout) => restoreGroup(layout, gone));
      const back = findGroup(tracked.groups, gone.name);
      if (back === undefined) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Could not put the group {0} back: there can be at most {1} groups. Its identifiers stay at the top level.', inertNotificationText(gone.name), MAX_GROUPS));
      } else {
        // The keyboard goes on from the group back (the Undo button had the focus).
        await view.focusListed({ group: back });
      }
    }
  }, services);
}

/** Moves the selected identifiers into a group (picked, or given: a name, or null for the top level). */
async function moveToGroup(tracked: Tracked, arg: unknown, selectionOrGroup: unknown, group: unknown): Promise<void> {
  const selection = isRowSelection(selectionOrGroup) ? selectionOrGroup : undefined;
  const ids = idsOf(tracked, arg, selection);
  let target = selection === undefined ? selectionOrGroup : group;
  if (target === undefined) {
    // Where every one of them is already is no choice: not offered.
    const places = new Set(ids.map((id) => tracked.find(id)?.group ?? null));
    const here = places.size === 1 ? [...places][0] : undefined;
    const picked = await pickGroup(tracked.groups.filter((name) => name !== here), here !== null, ids.length);
    if (!picked) {
      return;
    }
    target = picked.kind === 'new' ? await create(tracked) : picked.kind === 'top' ? null : picked.name;
    if (target === undefined) {
      return;
    }
  }
  const name = target === null ? undefined : groupOrThrow(tracked, target);
  await tracked.updateLayout((layout) => moveInto(layout, ids, { group: name }));
}

/** Resolves whether it moved; the first group's Move Up (the last's Move Down) says why nothing happened. */
async function moveGroupBy(tracked: Tracked, arg: unknown, delta: -1 | 1): Promise<boolean> {
  const name = groupOrThrow(tracked, arg);
  let moved = false;
  await tracked.updateLayout((layout) => {
    const groups = moveGroup(layout.groups, name, delta);
    moved = groups !== layout.groups;
    return { ...layout, groups };
  });
  if (!moved) {
    const shown = inertLabel(name, 60);
    vscode.window.setStatusBarMessage(delta < 0 ? vscode.l10n.t('PLYR: group {0} is already the first.', shown) : vscode.l10n.t('PLYR: group {0} is already the last.', shown), 4000);
  }
  return moved;
}

/** Sets the view's order: given ('manual', 'name', 'value', { by: 'amount', token }), or picked. */
async function sortBy(services: GroupServices, given: unknown): Promise<SortOrder | undefined> {
  const order = given !== undefined ? readSortOrder(given) : await pickSortOrder(services);
  if (given !== undefined && !order) {
    throw new PlyrError('invalidToken', vscode.l10n.t('Sort by "manual", "name", "value", or {0}.', '{ "by": "amount", "token": "gamr" }'));
  }
  if (!order) {
    return undefined;
  }
  await services.sortOrder.set(order);
  return order;
}

type GroupChoice = { kind: 'group'; name: string } | { kind: 'top' } | { kind: 'new' };

async function pickGroup(groups: readonly string[], topLevel: boolean, count: number): Promise<GroupChoice | undefined> {
  const items: (vscode.QuickPickItem & { choice: GroupChoice })[] = [
    ...groups.map((name) => ({ label: inertLabel(name), iconPath: new vscode.ThemeIcon('folder'), choice: { kind: 'group', name } as GroupChoice })),
    ...(topLevel ? [{ label: vscode.l10n.t('Top level (no group)'), iconPath: new vscode.ThemeIcon('list-flat'), choice: { kind: 'top' } as GroupChoice }] : []),
    { label: vscode.l10n.t('New Group…'), iconPath: new vscode.ThemeIcon('new-folder'), choice: { kind: 'new' } },
  ];
  const title = count === 1 ? vscode.l10n.t('Move 1 identifier to…') : vscode.l10n.t('Move {0} identifiers to…', count);
  return (await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Choose a group') }))?.choice;
}

async function pickSortOrder(services: Pick<Services, 'tracked' | 'watched' | 'store' | 'sortOrder' | 'values'>): Promise<SortOrder | undefined> {
  // The order the view applies is the current one: by value, paused while values are off, is not.
  const chosen = services.sortOrder.value;
  const current = appliedSortOrder(chosen, services.values.on);
  const mark = (by: SortOrder['by']) => (current.by === by ? vscode.l10n.t('current') : undefined);
  const manual = current !== chosen ? vscode.l10n.t('current: sorting by value is paused while values are off') : mark('manual');
  const items: (vscode.QuickPickItem & { order?: SortOrder })[] = [
    { label: vscode.l10n.t('Manual order'), iconPath: new vscode.ThemeIcon('list-ordered'), description: manual, detail: vscode.l10n.t('Your own order: drag and drop, or Move Up and Move Down'), order: MANUAL },
    { label: vscode.l10n.t('By name'), iconPath: new vscode.ThemeIcon('case-sensitive'), description: mark('name'), detail: vscode.l10n.t('Labels, or identifiers without one, A to Z'), order: { by: 'name' } },
    { label: vscode.l10n.t('By amount of a token…'), iconPath: new vscode.ThemeIcon('graph'), description: current.by === 'amount' ? vscode.l10n.t('current: {0}', inertLabel(tokenLabel(current.token))) : undefined, detail: vscode.l10n.t('Largest first; identifiers without the token last') },
    // Only while values show: with them off, every row would sort as "no value".
    ...(services.values.on
      ? [{ label: vscode.l10n.t('By value'), iconPath: new vscode.ThemeIcon('tag'), description: mark('value'), detail: vscode.l10n.t('Largest value in dollars first (of the priced tokens); identifiers without a value last'), order: { by: 'value' } as SortOrder }]
      : []),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Sort PLYR Balances'), placeHolder: vscode.l10n.t('The manual order is kept whichever you choose') });
  if (!picked) {
    return undefined;
  }
  if (picked.order) {
    return picked.order;
  }
  const tokens = [...new Set([...services.tracked.all, ...services.watched.all].flatMap((t) => Object.keys(services.store.get(t.id)?.balances ?? {})))].sort();
  if (tokens.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Refresh the list first: no balances are known yet to sort by.'));
    return undefined;
  }
  const token = await vscode.window.showQuickPick(
    tokens.map((t) => ({ label: inertLabel(tokenLabel(t)), token: t })),
    { title: vscode.l10n.t('Sort by the amount of which token?'), placeHolder: vscode.l10n.t('Type to filter the tokens the list holds') },
  );
  return token && { by: 'amount', token: token.token };
}
