import * as vscode from 'vscode';
import { addressAt } from '../../core/model/addressScan';
import { parseIdentifier } from '../../core/model/identifier';

/** A PLYR ID or address to prefill: the selection when it is one, else the address at the cursor. */
export function identifierFromEditor(editor: vscode.TextEditor | undefined): string | undefined {
  if (!editor) {
    return undefined;
  }
  const { selection, document } = editor;
  if (!selection.isEmpty && selection.isSingleLine) {
    const selected = document.getText(selection).trim();
    if (parseIdentifier(selected).ok) {
      return selected;
    }
  }
  const line = document.lineAt(selection.active.line).text;
  return addressAt(line, selection.active.character)?.text;
}
