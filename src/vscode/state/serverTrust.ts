import * as vscode from 'vscode';
import { originToConfirm, requestRefusal, serverChanged, serverNotConfirmed } from '../../core/api/serverTrust';
import { STATE_KEYS } from '../ids';
import { SettingsEvents } from '../settings';

/**
 * Keeps the user's credentials from a server that a workspace's settings chose: until the user
 * allows that origin (once, remembered on this machine), no request of any kind is made to it.
 * User settings (but in a dev container: see BaseUrlSources.container), the official servers and untrusted
 * workspaces (whose values of these settings VS Code ignores) need nothing.
 */
export class ServerTrust implements vscode.Disposable {
  readonly #allowedEmitter = new vscode.EventEmitter<void>();
  /** Fires when the user allows a server: what showed nothing while waiting may show now. */
  readonly onDidAllow = this.#allowedEmitter.event;

  readonly #state: vscode.Memento;
  readonly #settings: Pick<SettingsEvents, 'serverSettings'>;

  constructor(state: vscode.Memento, settings: Pick<SettingsEvents, 'serverSettings'>) {
    this.#state = state;
    this.#settings = settings;
  }

  /** The origin waiting for the user's yes, if the current settings point at one. */
  pending(): string | undefined {
    const { root, sources } = this.#settings.serverSettings();
    return root ? originToConfirm(root, sources, new Set(this.#allowed())) : undefined;
  }

  /**
   * Throws, for a request to `root`, the error that names the origin (with its fix) while it waits
   * for the user's yes, or {@link serverChanged} when the settings have left that server since the request
   * was built (see {@link requestRefusal}).
   */
  assertAllowed(root: URL): void {
    const settings = this.#settings.serverSettings();
    const refusal = requestRefusal(root, settings, new Set(this.#allowed()));
    if (refusal === 'left') {
      throw serverChanged();
    }
    if (refusal) {
      throw serverNotConfirmed(refusal.origin, settings.sources.container);
    }
  }

  async allow(origin: string): Promise<void> {
    await this.#state.update(STATE_KEYS.allowedServers, [...new Set([...this.#allowed(), origin])]);
    this.#allowedEmitter.fire();
  }

  dispose(): void {
    this.#allowedEmitter.dispose();
  }

  #allowed(): string[] {
    const stored = this.#state.get<unknown>(STATE_KEYS.allowedServers);
    return Array.isArray(stored) ? stored.filter((o): o is string => typeof o === 'string') : [];
  }
}
