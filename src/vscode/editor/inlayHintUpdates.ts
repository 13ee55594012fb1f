import * as vscode from 'vscode';
import { SettingsChange } from '../settings';
import { AddressInlayHintsProvider } from './inlayHintsProvider';

/** Changes that come together (a refresh's answers, a burst of settings writes) re-ask the editor once. */
export const HINTS_CHANGE_DELAY_MS = 100;

/** What can make a hint read otherwise. */
export interface InlayHintSources {
  readonly settingsChanged: vscode.Event<SettingsChange>;
  /** The privacy mask, either list (labels, tracked or not), credentials, a server allowed, prices. */
  readonly changed: readonly vscode.Event<unknown>[];
  /** The balance store: only its changes for addresses shown, and only when their hint would read otherwise, count. */
  readonly storeChanged: vscode.Event<string[]>;
}

/**
 * Calls `fire` (coalesced) when the editor should ask for hints again: the settings that shape
 * them, the mask, the lists, credentials, a server allowed, prices, or an answer for an address
 * shown that changes its hint. With the hints off the editor's new ask costs nothing: it gets none.
 */
export function inlayHintUpdates(provider: Pick<AddressInlayHintsProvider, 'changedSinceShown' | 'showing'>, sources: InlayHintSources, fire: () => void): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      fire();
    }, HINTS_CHANGE_DELAY_MS);
  };
  const subscriptions = [
    sources.settingsChanged((change) => (change.inlayHints || change.scope || change.values || change.diagnostics) && soon()),
    ...sources.changed.map((event) => event(() => soon())),
    sources.storeChanged((ids) => provider.showing && provider.changedSinceShown(ids) && soon()),
  ];
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    subscriptions.forEach((s) => s.dispose());
  });
}
