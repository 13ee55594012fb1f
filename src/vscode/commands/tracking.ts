import * as vscode from 'vscode';
import { runPool } from '../../core/store/pool';
import { PlyrError } from '../../core/model/errors';
import { parseIdentifier } from '../../core/model/identifier';
import { parseTokenFilter } from '../../core/model/token';
import { moveAmongSiblings } from '../../core/model/groups';
import { addTracked, MAX_TRACKED, removeEntries, RemovedEntry, restoreEntries, toIdentifier, TrackedIdentifier, updateEntry, validateLabel } from '../../core/model/trackedList';
import { askCheckedText, BACK, validateIdentifierInput } from '../ui/identifierInput';
import { COMMANDS } from '../ids';
import { inertLabel, inertNotificationText } from '../../core/model/safeText';
import { tokenLabel } from '../../core/content/shortNames';
import { Services } from '../services';
import { readViewSettings } from '../settings';
import { identifierOf, isRowSelection } from '../views/tree/nodes';
import { clickedOrSelected, trackedIndexOf } from './trackedArgument';
import { registerCommand } from './register';
import { onChoice } from '../ui/errorPresenter';
import type { Sidebar } from '../views/sidebar';

type TrackingServices = Pick<Services, 'tracked' | 'watched' | 'statusBar' | 'store' | 'refresher' | 'accounts' | 'logger' | 'tokenList'>;
type View = Pick<Sidebar, 'focusListed'>;

/** Add, remove (with undo), rename, reorder, filter and refresh tracked identifiers. */
export function registerTrackingCommands(services: TrackingServices, view: View): vscode.Disposable[] {
  const { tracked, refresher } = services;
  const setNotify = (notify: true | undefined) => async (arg?: unknown, selection?: unknown) => {
    const ids = clickedOrSelected(tracked, arg, selection);
    await tracked.update((list) => ids.reduce((next, id) => updateEntry(next, id, { notify }), list));
  };
  return [
    registerCommand(services, COMMANDS.addIdentifier, (identifier?: unknown, label?: unknown) => add(services, view, identifier, label)),
    registerCommand(services, COMMANDS.removeIdentifier, (arg?: unknown, selection?: unknown) => remove(services, view, arg, selection)),
    registerCommand(services, COMMANDS.renameIdentifier, (arg?: unknown, label?: unknown) => rename(services, arg, label)),
    registerCommand(services, COMMANDS.moveIdentifierUp, (arg?: unknown) => move(services, arg, -1)),
    registerCommand(services, COMMANDS.moveIdentifierDown, (arg?: unknown) => move(services, arg, 1)),
    registerCommand(services, COMMANDS.filterTokens, (arg?: unknown, tokens?: unknown) => filterTokens(services, arg, tokens)),
    registerCommand(services, COMMANDS.notifyOnChange, setNotify(true)),
    registerCommand(services, COMMANDS.stopNotifyOnChange, setNotify(undefined)),
    // A refresh asks again for the token list too when it failed (not a good one): values come back with the balances.
    registerCommand(services, COMMANDS.refresh, () => (services.tokenList.askAgain(), refresher.refreshAll())),
    registerCommand(services, COMMANDS.stopRefresh, () => {
      const stopped = refresher.stop();
      vscode.window.setStatusBarMessage(stopped ? vscode.l10n.t('PLYR: refresh stopped; the rows keep what they showed.') : vscode.l10n.t('PLYR: no refresh is running.'), 4000);
      return stopped;
    }),
    registerCommand(services, COMMANDS.refreshIdentifier, (arg?: unknown, selection?: unknown) => refreshSelected(services, arg, selection)),
  ];
}

/** One identifier (with an optional label), or a list of them at once for automation. */
async function add(services: TrackingServices, view: View, identifier: unknown, rawLabel: unknown): Promise<void> {
  const { tracked, store } = services;
  if (identifier === undefined && rawLabel === undefined) {
    return addInteractively(services, view);
  }
  const label = validateLabel(rawLabel);
  if (!label.ok) {
    throw new PlyrError('invalidLabel', label.message);
  }
  if (Array.isArray(identifier) && label.value !== undefined) {
    throw new PlyrError('invalidLabel', vscode.l10n.t('A label goes with one identifier, not with a list of them: add them, then rename each one.'));
  }
  const batch = Array.isArray(identifier) ? identifier : [identifier];
  const added: TrackedIdentifier[] = [];
  // Applied to the list as it is when written: another window may have changed it.
  await tracked.update((current) => {
    let list = current;
    for (const [i, raw] of batch.entries()) {
      const result = addTracked(list, raw, label.value);
      if (!result.ok) {
      // All or nothing: a rejected entry adds none of the batch.
        const message = batch.length > 1 ? vscode.l10n.t({ message: 'Entry {0}: {1} Nothing was added.', args: [i + 1, result.message], comment: '{1} says what is wrong with the entry' }) : result.message;
        throw new PlyrError('invalidIdentifier', message);
      }
      list = result.value.list;
      added.push(result.value.entry);
    }
    return list;
  });
  await store.refreshAll(added.map(toIdentifier), readViewSettings().refreshConcurrency);
}

/**
 * The clicked row, or with several selected (the menu passes them after it) every row of the
 * user's list among them, as Delete does: one edit, one message, one Undo that puts them all back.
 */
async function remove(services: TrackingServices, view: View, arg: unknown, selection: unknown): Promise<void> {
  const { tracked, watched, statusBar, store, refresher, accounts } = services;
  const ids = clickedOrSelected(tracked, arg, selection);
  let removed: readonly RemovedEntry[] = [];
  const renames = tracked.groupRenames.mark;
  await tracked.update((list) => {
    const result = removeEntries(list, ids);
    removed = result.removed;
    return result.list;
  });
  if (removed.length === 0) {
    return;
  }
  // What the workspace's list or the status bar still shows keeps its balances.
  const unshown = (ids: readonly string[]) => ids.filter((id) => !watched.find(id) && id !== statusBar.identifier);
  const gone = unshown(removed.map((r) => r.entry.id));
  // Their last good balances go with them, and come back with an Undo (the server may be down then).
  const forgotten = gone.flatMap((id) => store.forget(id) ?? []);
  accounts.forget(gone);
  const undo = vscode.l10n.t('Undo');
  const [{ entry }] = removed;
  const message =
    removed.length > 1
      ? vscode.l10n.t('Removed {0} identifiers from PLYR Balances.', removed.length)
      : entry.label
        ? vscode.l10n.t('Removed {0} ({1}) from PLYR Balances.', inertNotificationText(entry.label), entry.id)
        : vscode.l10n.t('Removed {0} from PLYR Balances.', entry.id);
  onChoice(vscode.window.showInformationMessage(message, undo), async (choice) => {
    if (choice === undo) {
      // A group renamed since takes its rows back under its new name.
      const regrouped = removed.map(({ entry, index }) => ({ index, entry: entry.group === undefined ? entry : { ...entry, group: tracked.groupRenames.since(renames, entry.group) } }));
      // Balances first: a row shown open asks for its children as soon as it is back.
      forgotten.forEach((balances) => store.restore(balances));
      await tracked.update((list) => restoreEntries(list, regrouped));
      const back = removed.filter((r) => tracked.find(r.entry.id) !== undefined);
      if (back.length < removed.length) {
        const leftOut = removed.filter((r) => !back.includes(r)).map((r) => r.entry.id);
        unshown(leftOut).forEach((id) => store.forget(id));
        void vscode.window.showWarningMessage(vscode.l10n.t('The list holds at most {0} identifiers, and has filled up since: {1} could not come back ({2}).', MAX_TRACKED, leftOut.length, leftOut.slice(0, 3).join(', ') + (leftOut.length > 3 ? ', …' : '')));
      }
      // The keyboard goes on from the first row back (the Undo button had the focus), while the
      // rows refresh: as many at once as a refresh-all asks (500 rows back are not 500 requests at
      // once), and only the rows still listed when their turn comes (one removed again meanwhile is not asked).
      await Promise.all([
        back.length > 0 && view.focusListed({ identifier: back[0].entry.id }),
        runPool(back, readViewSettings().refreshConcurrency, async ({ entry }) => void (await refresher.refreshOne(entry.id))),
      ]);
    }
  }, services);
}

async function rename({ tracked }: TrackingServices, arg: unknown, newLabel: unknown): Promise<void> {
  const entry = tracked.all[trackedIndexOf(tracked, arg)];
  // Several rows selected: the menu passes them after the clicked row, which is renamed as usual.
  const label =
    newLabel !== undefined && !isRowSelection(newLabel)
      ? newLabel
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Label for {0}', entry.id),
          prompt: vscode.l10n.t('A name to show with the identifier, such as "Treasury" (empty removes it)'),
          value: entry.label ?? '',
          validateInput: (text) => {
            const result = validateLabel(text);
            return result.ok ? undefined : result.message;
          },
        });
  if (label === undefined) {
    return;
  }
  const valid = validateLabel(label);
  if (!valid.ok) {
    throw new PlyrError('invalidLabel', valid.message);
  }
  await tracked.update((list) => updateEntry(list, entry.id, { label: valid.value }));
}

/**
 * Up or down among the rows shown beside it: its group's, or the top level's. Resolves whether it
 * moved; the first row's Move Up (the last's Move Down) says why nothing happened.
 */
async function move({ tracked }: TrackingServices, arg: unknown, delta: -1 | 1): Promise<boolean> {
  const entry = tracked.all[trackedIndexOf(tracked, arg)];
  let moved = false;
  await tracked.update((list) => {
    const next = moveAmongSiblings(list, entry.id, delta);
    moved = next !== list;
    return next;
  });
  if (!moved) {
    const name = entry.label ? inertLabel(entry.label) : entry.id;
    vscode.window.setStatusBarMessage(delta < 0 ? vscode.l10n.t('PLYR: {0} is already the first of its rows.', name) : vscode.l10n.t('PLYR: {0} is already the last of its rows.', name), 4000);
  }
  return moved;
}

async function filterTokens({ tracked, store }: TrackingServices, arg: unknown, tokens: unknown): Promise<void> {
  const entry = tracked.all[trackedIndexOf(tracked, arg)];
  // Several rows selected: the menu passes them after the clicked row, whose filter is picked as usual.
  if (tokens !== undefined && !isRowSelection(tokens)) {
    const filter = parseTokenFilter(tokens);
    if (!filter.ok) {
      throw new PlyrError('invalidToken', filter.message);
    }
    await tracked.update((list) => updateEntry(list, entry.id, { tokens: filter.value }));
    return;
  }
  const known = Object.keys(store.get(entry.id)?.balances ?? {});
  if (known.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Refresh {0} first: there are no balances to choose from yet.', entry.id));
    return;
  }
  const shown = new Set(entry.tokens ?? known);
  const items = known.map((token) => ({ label: inertLabel(tokenLabel(token)), token, picked: shown.has(token) }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: entry.label ? vscode.l10n.t('Tokens to show for {0} ({1})', inertLabel(entry.label), entry.id) : vscode.l10n.t('Tokens to show for {0}', entry.id), placeHolder: vscode.l10n.t('Select the tokens to show (all selected shows every token)') });
  if (!picked) {
    return;
  }
  const all = picked.length === known.length;
  await tracked.update((list) => updateEntry(list, entry.id, { tokens: all ? undefined : picked.map((p) => p.token) }));
}

/**
 * The clicked row or, when the rows selected hold it, every identifier row among them (the
 * Workspace group's too), as many at a time as a refresh-all.
 */
async function refreshSelected(services: TrackingServices, arg: unknown, selection: unknown): Promise<void> {
  services.tokenList.askAgain(); // as Refresh does
  const rows = isRowSelection(selection) ? selection.filter((row) => row.type === 'identifier') : [];
  const clicked = identifierOf(arg);
  if (!rows.some((row) => row.id === clicked)) {
    return refreshOne(services, arg);
  }
  await runPool([...new Set(rows.map((row) => row.id))], readViewSettings().refreshConcurrency, (id) => refreshOne(services, id));
}

/** A row of the user's list or of the workspace's watch-list. */
async function refreshOne({ tracked, refresher }: TrackingServices, arg: unknown): Promise<void> {
  const parsed = parseIdentifier(identifierOf(arg));
  if (!parsed.ok || !(await refresher.refreshOne(parsed.value.value))) {
    trackedIndexOf(tracked, arg); // says why: invalid, or not in the list
  }
}

/**
 * Asked for in two steps, the second with VS Code's Back button (the identifier typed kept, and
 * the label when it comes back); the new row then has the focus, as a new file has in the Explorer.
 */
async function addInteractively(services: Pick<Services, 'tracked' | 'store'>, view: View): Promise<void> {
  const { tracked, store } = services;
  let text = '';
  let label = '';
  for (;;) {
    const typed = await askCheckedText({
      title: vscode.l10n.t('PLYR: Add Identifier ({0}/2)', 1),
      prompt: vscode.l10n.t('A PLYR ID (such as player123) or a 0x wallet address to keep in the sidebar'),
      placeHolder: vscode.l10n.t('player123 or 0x…'),
      value: text,
      validate: (value) => validateIdentifierInput(value, (input) => addTracked(tracked.all, input)),
    });
    if (!typed?.trim()) {
      return;
    }
    text = typed;
    const named = await askCheckedText({
      title: vscode.l10n.t('PLYR: Add Identifier ({0}/2)', 2),
      prompt: vscode.l10n.t('An optional label, such as "Treasury" (Enter to skip)'),
      value: label,
      back: true,
      typed: (value) => (label = value),
      validate: (value) => {
        const result = validateLabel(value);
        return result.ok ? undefined : result.message;
      },
    });
    if (named === undefined) {
      return;
    }
    if (named !== BACK) {
      label = named;
      break;
    }
    // Back: the identifier's step again; the label typed so far (`typed`) comes back with this one.
  }
  // Applied to the list as it is when written: another window may have added it meanwhile.
  let added!: ReturnType<typeof addTracked>;
  await tracked.update((list) => {
    added = addTracked(list, text, label);
    return added.ok ? added.value.list : list;
  });
  if (!added.ok) {
    void vscode.window.showErrorMessage(added.message);
    return;
  }
  await Promise.all([store.refresh(toIdentifier(added.value.entry)), view.focusListed({ identifier: added.value.entry.id })]);
}
