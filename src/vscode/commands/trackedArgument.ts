import * as vscode from 'vscode';
import { PlyrError } from '../../core/model/errors';
import { parseIdentifier } from '../../core/model/identifier';
import { indexOfTracked } from '../../core/model/trackedList';
import { WATCH_LIST_FILE } from '../../core/model/watchList';
import { TrackedStore } from '../state/trackedStore';
import { identifierOf, isRowSelection, selectedIdentifiers } from '../views/tree/nodes';

/**
 * Where the identifier a command was given (a row, or an identifier as typed) stands in the
 * user's list; otherwise the error that says why: a workspace row, an invalid identifier, or one
 * that is not in the list.
 */
export function trackedIndexOf(tracked: TrackedStore, arg: unknown): number {
  if ((arg as { source?: unknown } | undefined)?.source === 'workspace') {
    throw new PlyrError('invalidIdentifier', workspaceRowsAreReadOnly());
  }
  const raw = identifierOf(arg);
  const parsed = parseIdentifier(raw);
  if (!parsed.ok) {
    throw new PlyrError('invalidIdentifier', parsed.message);
  }
  const index = indexOfTracked(tracked.all, raw);
  if (index < 0) {
    throw new PlyrError('invalidIdentifier', vscode.l10n.t('{0} is not in the list.', parsed.value.value));
  }
  return index;
}

/**
 * The user's identifiers a row command acts on: the clicked row or, when the rows selected (the
 * menu passes them after it) hold it, every row of the user's list among them.
 */
export function clickedOrSelected(tracked: TrackedStore, arg: unknown, selection: unknown): string[] {
  const clicked = tracked.all[trackedIndexOf(tracked, arg)].id;
  const selected = isRowSelection(selection) ? selectedIdentifiers(selection) : [];
  return selected.includes(clicked) ? selected : [clicked];
}

/** Why a command does not change a row of the Workspace group. */
export function workspaceRowsAreReadOnly(): string {
  return vscode.l10n.t('The Workspace group shows {0}: edit that file to change its rows.', WATCH_LIST_FILE);
}
