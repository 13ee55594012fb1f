import * as vscode from 'vscode';

/** The privacy mask as an open list follows it: on now, and when that changes. */
export interface MaskState {
  readonly on: boolean;
  readonly onDidChange: vscode.Event<unknown>;
}
