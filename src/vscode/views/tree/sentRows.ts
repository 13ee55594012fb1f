import { createHash } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * What VS Code was last given of each row: its item and, once VS Code asked for them, its
 * children's items. A row that would read the same again is not sent again: VS Code 1.90's
 * extension host keeps a DisposableStore for every row it is told changed and never lets it go
 * (about 0.21 KB a row, 0.2 MB a refresh-all of 1,000), and re-sending it costs a message for nothing.
 */
export class SentRows<Node extends object> {
  readonly #items = new WeakMap<Node, string>();
  readonly #children = new WeakMap<Node, string>();

  /** VS Code was given this item for the row. */
  item(node: Node, item: vscode.TreeItem): vscode.TreeItem {
    this.#items.set(node, keyOf([item]));
    return item;
  }

  /** VS Code was given these items as the row's children. */
  childItems(node: Node, items: readonly vscode.TreeItem[]): void {
    this.#children.set(node, keyOf(items));
  }

  /**
   * Whether the row would read differently from what VS Code holds: its item, or its children's
   * when VS Code has asked for them. A row VS Code was never given has nothing to update.
   */
  changed(node: Node, item: () => vscode.TreeItem, children: () => readonly vscode.TreeItem[]): boolean {
    const sent = this.#items.get(node);
    if (sent === undefined) {
      return false;
    }
    if (sent !== keyOf([item()])) {
      return true;
    }
    const sentChildren = this.#children.get(node);
    return sentChildren !== undefined && sentChildren !== keyOf(children());
  }
}

/**
 * Everything VS Code reads of the items (label, texts, tooltip, icon, command, state), digested:
 * kept for every row, the text itself would hold about 2 KB a row.
 */
function keyOf(items: readonly vscode.TreeItem[]): string {
  return createHash('sha256').update(JSON.stringify(items, markdownText)).digest('base64');
}

/** A MarkdownString keeps its text in a private field, which JSON leaves out. */
function markdownText(_key: string, value: unknown): unknown {
  return value instanceof vscode.MarkdownString ? { markdown: value.value, icons: value.supportThemeIcons, trusted: value.isTrusted } : value;
}
