import * as vscode from 'vscode';
import { apiRoot } from '../../core/api/networks';
import { originToConfirm, serverNotConfirmed } from '../../core/api/serverTrust';
import { COMMANDS, SETTINGS, STATE_KEYS } from '../ids';
import { readClientConfig } from '../settings';

/**
 * Keeps the user's credentials from a server that a workspace's settings chose: until the user
 * allows that origin (once, remembered on this machine), no request of any kind is made to it.
 * User settings, the official servers and untrusted workspaces (whose values of these settings
 * VS Code ignores) need nothing.
 */
export class ServerTrust {
  constructor(private readonly state: vscode.Memento) {}

  /** The origin waiting for the user's yes, if the current settings point at one. */
  pending(): string | undefined {
    const config = readClientConfig();
    const root = apiRoot(config.network, config.customBaseUrl);
    if (!root.ok) {
      return undefined;
    }
    const section = vscode.workspace.getConfiguration(SETTINGS.section);
    const url = section.inspect<string>(SETTINGS.customBaseUrl);
    const network = section.inspect<string>(SETTINGS.network);
    const sources = {
      workspace: url?.workspaceFolderValue ?? url?.workspaceValue,
      user: url?.globalValue,
      workspaceNetwork: network?.workspaceFolderValue ?? network?.workspaceValue,
      userNetwork: network?.globalValue,
    };
    return originToConfirm(root.url, sources, new Set(this.allowed()));
  }

  /** Throws the error that names the origin (with its fix) while one is waiting. */
  assertAllowed(): void {
    const origin = this.pending();
    if (origin) {
      throw serverNotConfirmed(origin);
    }
  }

  async allow(origin: string): Promise<void> {
    await this.state.update(STATE_KEYS.allowedServers, [...new Set([...this.allowed(), origin])]);
  }

  private allowed(): string[] {
    const stored = this.state.get<unknown>(STATE_KEYS.allowedServers);
    return Array.isArray(stored) ? stored.filter((o): o is string => typeof o === 'string') : [];
  }
}

/**
 * The form a hover link runs: arguments are ignored, so the modal always asks; a link never
 * passes the origin that automation may pass.
 */
export function registerAllowServerFromLink(): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.allowWorkspaceServerFromLink, () => vscode.commands.executeCommand(COMMANDS.allowWorkspaceServer));
}

/**
 * PLYR: Allow Workspace Server. Asks in a modal that names the origin. Automation may pass the
 * exact origin it expects instead: it confirms only that one, never whatever is configured.
 */
export function registerAllowServer(trust: ServerTrust, onAllowed: () => void): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.allowWorkspaceServer, async (expected?: unknown): Promise<boolean> => {
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
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('This workspace sets the PLYR API server to {0}. Send your API key and signed requests there?', origin),
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
