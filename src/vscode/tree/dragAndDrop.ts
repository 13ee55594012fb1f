import * as vscode from 'vscode';
import { moveTo } from '../../core/trackedList';
import { VIEWS } from '../ids';
import { TrackedStore } from '../trackedStore';
import { BalanceNode } from './nodes';

const MIME = `application/vnd.code.tree.${VIEWS.balances.toLowerCase()}`;

/** Reorders tracked identifiers by drag and drop: dropped rows land before the target row. */
export class BalancesDragAndDrop implements vscode.TreeDragAndDropController<BalanceNode> {
  readonly dragMimeTypes = [MIME];
  readonly dropMimeTypes = [MIME];

  constructor(private readonly tracked: TrackedStore) {}

  handleDrag(source: readonly BalanceNode[], data: vscode.DataTransfer): void {
    // Only the user's own rows move; the workspace's watch-list is read-only.
    const ids = source.filter((n) => n.type === 'identifier' && n.source === 'user').map((n) => (n as { id: string }).id);
    if (ids.length > 0) {
      data.set(MIME, new vscode.DataTransferItem(ids));
    }
  }

  async handleDrop(target: BalanceNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const ids = data.get(MIME)?.value as string[] | undefined;
    if (!Array.isArray(ids) || ids.length === 0) {
      return;
    }
    const targetId = target && (target.type === 'identifier' || target.type === 'token' || target.type === 'error') && target.source === 'user' ? target.id : undefined;
    await this.tracked.update((list) => {
      let next = list;
      for (const id of ids) {
        const from = next.findIndex((t) => t.id === id);
        if (targetId === undefined) {
          next = moveTo(next, from, next.length - 1);
          continue;
        }
        const to = next.findIndex((t) => t.id === targetId);
        if (from >= 0 && to >= 0 && id !== targetId) {
          next = moveTo(next, from, from < to ? to - 1 : to);
        }
      }
      return next;
    });
  }
}
