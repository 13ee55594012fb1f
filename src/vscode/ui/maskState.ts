import * as vscode from 'vscode';

/** The privacy mask as an open list follows it: on now, and when that changes. */
export interface MaskState {
  readonly on: boolean;
  readonly onDidChange: vscode.Event<unknown>;
}

/**
 * Renders an open list again whenever the privacy mask changes (turned on before sharing the
 * screen, its amounts hide too), the row the person was on kept active: `rerender` gives the same
 * rows in the same order. Stops when the list is hidden.
 */
export function followMask<T extends vscode.QuickPickItem>(pick: vscode.QuickPick<T>, privacy: MaskState, rerender: (masked: boolean) => void): void {
  const following = privacy.onDidChange(() => {
    const active = pick.activeItems[0] === undefined ? -1 : pick.items.indexOf(pick.activeItems[0]);
    rerender(privacy.on);
    if (active >= 0 && active < pick.items.length) {
      pick.activeItems = [pick.items[active]];
    }
  });
  pick.onDidHide(() => following.dispose());
}
