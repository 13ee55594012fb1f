import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import { Services } from '../services';
import { ServerTrust } from '../state/serverTrust';
import { inContainer } from '../settings';
import { registerCommand } from './register';

/**
 * The form a hover link runs: arguments are ignored, so the modal always asks; a link never
 * passes the origin that automation may pass.
 */
export function registerAllowServerFromLink(services: Pick<Services, 'logger'>): vscode.Disposable {
  return registerCommand(services, COMMANDS.allowWorkspaceServerFromLink, () => vscode.commands.executeCommand(COMMANDS.allowWorkspaceServer));
}

/**
 * PLYR: Allow Workspace Server. Asks in a modal that names the origin. Only the extension's own
 * tests (`ExtensionMode.Test`) may pass the exact origin they expect instead: anywhere else a
 * workspace's task input or another extension could pass the origin the workspace chose, and the
 * question that guards the API key would not be asked. Elsewhere an argument is ignored.
 */
export function registerAllowServer(services: Pick<Services, 'logger'>, trust: ServerTrust, onAllowed: () => void, testMode: boolean): vscode.Disposable {
  return registerCommand(services, COMMANDS.allowWorkspaceServer, async (argument?: unknown): Promise<boolean> => {
    const expected = testMode ? argument : undefined;
    const origin = trust.pending();
    if (!origin) {
      if (expected === undefined) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The PLYR API server in use needs no confirmation: it is an official one, or your own setting.'));
      }
      return false;
    }
    if (expected !== undefined) {
      if (expected !== origin) {
        return false;
      }
    } else {
      const allow = vscode.l10n.t('Allow {0}', origin);
      const question = inContainer()
        ? vscode.l10n.t("This dev container's settings set the PLYR API server to {0} (a repository's devcontainer.json can). Send your API key and signed requests there?", origin)
        : vscode.l10n.t('This workspace sets the PLYR API server to {0}. Send your API key and signed requests there?', origin);
      const choice = await vscode.window.showWarningMessage(
        question,
        { modal: true, detail: vscode.l10n.t('Allow it only if you know this server: whoever runs it can use your API key. Your choice is remembered for {0} on this machine.', origin) },
        allow,
      );
      if (choice !== allow) {
        return false;
      }
    }
    await trust.allow(origin);
    onAllowed();
    return true;
  });
}
