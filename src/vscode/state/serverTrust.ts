import * as vscode from 'vscode';
import { apiRoot } from '../../core/api/networks';
import { originToConfirm, serverNotConfirmed } from '../../core/api/serverTrust';
import { SETTINGS, STATE_KEYS } from '../ids';
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
