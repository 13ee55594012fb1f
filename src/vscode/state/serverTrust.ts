import * as vscode from 'vscode';
import { originToConfirm, serverNotConfirmed } from '../../core/api/serverTrust';
import { STATE_KEYS } from '../ids';
import { SettingsEvents } from '../settings';

/**
 * Keeps the user's credentials from a server that a workspace's settings chose: until the user
 * allows that origin (once, remembered on this machine), no request of any kind is made to it.
 * User settings, the official servers and untrusted workspaces (whose values of these settings
 * VS Code ignores) need nothing.
 */
export class ServerTrust implements vscode.Disposable {
  private readonly allowedEmitter = new vscode.EventEmitter<void>();
  /** Fires when the user allows a server: what showed nothing while waiting may show now. */
  readonly onDidAllow = this.allowedEmitter.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly settings: Pick<SettingsEvents, 'serverSettings'>,
  ) {}

  /** The origin waiting for the user's yes, if the current settings point at one. */
  pending(): string | undefined {
    const { root, sources } = this.settings.serverSettings();
    return root ? originToConfirm(root, sources, new Set(this.allowed())) : undefined;
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
    this.allowedEmitter.fire();
  }

  dispose(): void {
    this.allowedEmitter.dispose();
  }

  private allowed(): string[] {
    const stored = this.state.get<unknown>(STATE_KEYS.allowedServers);
    return Array.isArray(stored) ? stored.filter((o): o is string => typeof o === 'string') : [];
  }
}
