import * as vscode from 'vscode';
import { amountIn } from '../../core/model/balances';
import { BalanceStore } from '../../core/store/balanceStore';
import { identifierWarning, parseIdentifier, Identifier } from '../../core/model/identifier';
import { statusBarModel } from '../../core/content/statusBarContent';
import { parseTokenName } from '../../core/model/token';
import { COMMANDS, gestureArgs } from '../ids';
import { Logger } from '../../core/api/logger';
import { networkLabel, SettingsEvents } from '../settings';
import { Values } from '../state/values';

export interface BalanceStatusBarOptions {
  readonly store: BalanceStore;
  readonly logger: Logger;
  /** The label the user gave the identifier, in either list. */
  readonly labelOf: (id: string) => string | undefined;
  readonly privacy: { readonly on: boolean; readonly onDidChange: vscode.Event<boolean> };
  /** The prices for the value (plyr.statusBar.show) and the tooltip's value line. */
  readonly values: Pick<Values, 'prices' | 'balanceKeyOf' | 'onDidChange'>;
  /** Its changes, and the network's name and the item's own settings (what it watches and shows) as of the last one. */
  readonly settings: Pick<SettingsEvents, 'onDidChange' | 'clientConfig' | 'statusBar'>;
}

/** What the item shows: the identifier and token of the settings, once both parse. */
interface StatusTarget {
  identifier: Identifier;
  token: string;
  warning?: string;
}

/**
 * A setting's change is asked for once it has rested this long: the Settings editor writes the
 * identifier as it is typed, and "player" for "player123" is an account of its own (or none).
 */
const SETTLE_MS = 1000;

/**
 * One identifier's amount of one token in the status bar (off until plyr.statusBar.identifier is
 * set). Refreshed by the same schedule as the view, whether or not the view is open; stale data
 * gets the warning colour and its age in the tooltip; a click reveals the identifier.
 */
export class BalanceStatusBar implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('plyr.balance', vscode.StatusBarAlignment.Right, 100);
  readonly #subscriptions: vscode.Disposable[];
  readonly #changed = new vscode.EventEmitter<void>();
  /** Fires when the item appears, disappears or changes what it watches. */
  readonly onDidChangeTarget = this.#changed.event;
  /** What the item watches; `warning` (identifierWarning) found once, when the setting is read. */
  #target: StatusTarget | undefined;
  /** The request for a newly set target, until the setting rests. */
  #settling: ReturnType<typeof setTimeout> | undefined;

  readonly #options: BalanceStatusBarOptions;

  constructor(options: BalanceStatusBarOptions) {
    this.#options = options;
    const { store, privacy, values, settings } = options;
    this.#item.name = vscode.l10n.t('PLYR balance');
    this.#subscriptions = [
      this.#item,
      this.#changed,
      privacy.onDidChange(() => this.render()),
      values.onDidChange(() => this.#target && this.render()),
      store.onDidChange((ids) => {
        if (this.#target && ids.includes(this.#target.identifier.value)) {
          this.render();
        }
      }),
      settings.onDidChange((change) => {
        if (change.statusBar) {
          this.#readTarget(true);
        } else if (change.scope) {
          this.render(); // the network's name
        }
      }),
    ];
    this.#readTarget();
  }

  get showing(): boolean {
    return this.#target !== undefined;
  }

  /** The identifier the item watches (as parsed from its setting), if any. */
  get identifier(): string | undefined {
    return this.#target?.identifier.value;
  }

  /** What the item shows now, for the exported API. */
  get state(): { readonly identifier: string; readonly token: string; readonly text: string; readonly tooltip: string; readonly stale: boolean } | undefined {
    if (!this.#target) {
      return undefined;
    }
    const model = this.#model();
    return { identifier: this.#target.identifier.value, token: this.#target.token, text: model.text, tooltip: model.tooltip.join('\n'), stale: model.stale };
  }

  async refresh(): Promise<void> {
    if (this.#target) {
      await this.#options.store.refresh(this.#target.identifier).catch(() => undefined);
    }
  }

  /** Re-renders (the age moves on). */
  render(): void {
    if (!this.#target) {
      this.#item.hide();
      return;
    }
    const model = this.#model();
    this.#item.text = model.text;
    this.#item.tooltip = model.tooltip.join('\n');
    this.#item.backgroundColor = model.stale ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.#item.command = { title: vscode.l10n.t('Reveal in the PLYR view'), command: COMMANDS.revealIdentifier, arguments: gestureArgs(this.#target.identifier.value) };
    this.#item.accessibilityInformation = { label: model.spoken };
    this.#item.show();
  }

  #model() {
    const target = this.#target!;
    const entry = this.#options.store.get(target.identifier.value);
    const token = this.#options.values.balanceKeyOf(target.token);
    // Prices are asked for only when there is an amount to value.
    const prices = amountIn(entry?.balances, token) !== undefined ? this.#options.values.prices() : undefined;
    return statusBarModel({
      identifier: target.identifier.value,
      label: this.#options.labelOf(target.identifier.value),
      token,
      networkLabel: networkLabel(this.#options.settings.clientConfig()),
      entry,
      now: Date.now(),
      masked: this.#options.privacy.on,
      prices,
      show: this.#options.settings.statusBar().shows,
      warning: target.warning,
    });
  }

  /** `retargeted`: the setting changed, rather than the item starting with the extension. */
  #readTarget(retargeted = false): void {
    const { identifier: rawId, token: rawToken } = this.#options.settings.statusBar();
    let next: StatusTarget | undefined;
    if (rawId) {
      const id = parseIdentifier(rawId);
      const token = parseTokenName(rawToken || 'plyr');
      if (id.ok && token.ok) {
        const warning = identifierWarning(id.value);
        next = { identifier: id.value, token: token.value ?? 'plyr', ...(warning ? { warning } : {}) };
        if (warning) {
          this.#options.logger.warn(`plyr.statusBar.identifier: ${warning}`);
        }
      } else {
        this.#options.logger.warn(`plyr.statusBar: ${!id.ok ? id.message : !token.ok ? token.message : ''}`);
      }
    }
    const before = this.#target?.identifier.value;
    this.#target = next;
    this.render();
    this.#changed.fire();
    // Asked when unknown, or when newly chosen with no answer on its way: what is known of it (a
    // Check Balance's, say) may be hours old, and the next round minutes away.
    const known = next && this.#options.store.get(next.identifier.value);
    clearTimeout(this.#settling);
    if (next && (!known || (retargeted && next.identifier.value !== before && !known.loading))) {
      if (retargeted) {
        this.#settling = setTimeout(() => void this.refresh(), SETTLE_MS);
      } else {
        void this.refresh();
      }
    }
  }

  dispose(): void {
    clearTimeout(this.#settling);
    vscode.Disposable.from(...this.#subscriptions).dispose();
  }
}
