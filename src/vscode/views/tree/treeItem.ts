import * as vscode from 'vscode';
import { MarkdownTooltip, RowContent, tooltipMarkdown } from '../../../core/content/treeContent';

/** A row's content as VS Code's TreeItem; ids, context values and commands are the caller's. */
export function treeItem(row: RowContent, collapsible: vscode.TreeItemCollapsibleState, id: string): vscode.TreeItem {
  const item = new vscode.TreeItem(row.label, collapsible);
  item.id = id;
  item.description = row.description;
  item.tooltip = typeof row.tooltip === 'string' ? row.tooltip : markdownOf(row.tooltip);
  item.iconPath = new vscode.ThemeIcon(row.icon.id, row.icon.color === undefined ? undefined : new vscode.ThemeColor(row.icon.color));
  item.accessibilityInformation = { label: row.spoken };
  return item;
}

/** The tooltip's Markdown, its outside text made inert in the core (tooltipMarkdown). */
function markdownOf(tooltip: MarkdownTooltip): vscode.MarkdownString {
  return new vscode.MarkdownString(tooltipMarkdown(tooltip), tooltip.icons);
}
