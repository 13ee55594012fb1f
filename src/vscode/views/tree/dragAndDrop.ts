import * as vscode from 'vscode';
import { Destination, moveInto } from '../../../core/model/groups';
import { VIEWS } from '../../ids';
import { TrackedStore } from '../../state/trackedStore';
import { BalanceNode } from './nodes';

const MIME = `application/vnd.code.tree.${VIEWS.balances.toLowerCase()}`;

/** What a drag carries: the user's identifiers and groups that were selected (never the workspace's). */
interface Dragged {
  readonly ids: readonly string[];
  readonly groups: readonly string[];
}

/**
 * Drag and drop in the user's list: identifiers dropped on a group go into it (at its end), dropped
 * on a row go before it (into that row's group), dropped on empty space go to the top level's end.
 * Groups dropped on a group go before it. The workspace's watch-list is read-only.
 */
export class BalancesDragAndDrop implements vscode.TreeDragAndDropController<BalanceNode> {
  readonly dragMimeTypes = [MIME];
  readonly dropMimeTypes = [MIME];

  readonly #tracked: TrackedStore;

  constructor(tracked: TrackedStore) {
    this.#tracked = tracked;
  }

  handleDrag(source: readonly BalanceNode[], data: vscode.DataTransfer): void {
    const dragged: Dragged = {
      ids: source.flatMap((n) => (n.type === 'identifier' && n.source === 'user' ? [n.id] : [])),
      groups: source.flatMap((n) => (n.type === 'group' && n.source === 'user' ? [n.name] : [])),
    };
    if (dragged.ids.length > 0 || dragged.groups.length > 0) {
      data.set(MIME, new vscode.DataTransferItem(dragged));
    }
  }

  async handleDrop(target: BalanceNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const dragged = readDragged(data.get(MIME)?.value);
    if (!dragged) {
      return;
    }
    const destination = destinationOf(target);
    if (!destination) {
      return;
    }
    await this.#tracked.updateLayout((layout) => {
      let next = moveInto(layout, dragged.ids, destination);
      if (dragged.groups.length > 0) {
        const before = target?.type === 'group' && target.source === 'user' ? target.name : undefined;
        const moving = new Set(dragged.groups.filter((g) => g !== before && next.groups.includes(g)));
        const rest = next.groups.filter((g) => !moving.has(g));
        const at = before === undefined ? rest.length : rest.indexOf(before);
        next = { ...next, groups: [...rest.slice(0, at), ...dragged.groups.filter((g) => moving.has(g)), ...rest.slice(at)] };
      }
      return next;
    });
  }
}

/** Where rows dropped on a target go; undefined for the workspace's rows, which take no drops. */
function destinationOf(target: BalanceNode | undefined): Destination | undefined {
  if (!target) {
    return { group: undefined };
  }
  switch (target.type) {
    case 'group':
      return target.source === 'user' ? { group: target.name } : undefined;
    case 'identifier':
    case 'token':
    case 'hiddenTokens':
      return target.source === 'user' ? { before: target.id } : undefined;
    case 'zeroBalances':
    case 'error':
      // Under a wallet of an account: before the PLYR ID whose account it is.
      return target.source === 'user' ? { before: target.wallet?.owner ?? target.id } : undefined;
    case 'workspaceGroup':
    case 'problem':
      return undefined;
    default:
      // An account's rows (a group, a chip, a wallet…): before the PLYR ID they belong to.
      return target.source === 'user' && 'owner' in target ? { before: target.owner } : target.source === 'user' ? { before: target.id } : undefined;
  }
}

/** A drop can come from another view or window of the same tree: its value is checked, not trusted. */
function readDragged(value: unknown): Dragged | undefined {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const dragged = { ids: strings(record.ids), groups: strings(record.groups) };
  return dragged.ids.length > 0 || dragged.groups.length > 0 ? dragged : undefined;
}
