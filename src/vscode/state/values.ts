import * as vscode from 'vscode';
import { isAddressText } from '../../core/model/identifier';
import { PriceBook } from '../../core/model/value';
import { TokenNames } from '../../core/content/shortNames';
import { TokenListStore } from '../../core/store/tokenListStore';
import { SettingsEvents } from '../settings';

/**
 * Values in dollars as every surface reads them: the prices of the one shared token list
 * (core/store/tokenListStore.ts), while plyr.showValues is on. A surface asks only when it has
 * balances to value, so a list nobody needs is never fetched. Also the list's other use by the
 * same surfaces: which API name a token's contract address stands for.
 */
export class Values implements vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly #subscriptions: { dispose(): void }[];
  /** Fires when the prices shown change: the list answered or failed, or values were turned on or off. */
  readonly onDidChange = this.#changed.event;

  readonly #tokenList: TokenListStore;
  readonly #settings: Pick<SettingsEvents, 'onDidChange' | 'values'>;

  /**
   * `unblocked`: events after which a list that failed for want of them is asked again at once
   * (credentials set, a workspace's server allowed).
   */
  constructor(
    tokenList: TokenListStore,
    settings: Pick<SettingsEvents, 'onDidChange' | 'values'>,
    unblocked: readonly vscode.Event<unknown>[] = [],
  ) {
    this.#tokenList = tokenList;
    this.#settings = settings;
    this.#subscriptions = [
      this.#changed,
      ...unblocked.map((event) =>
        event(() => {
          tokenList.askAgain();
          this.#changed.fire(); // the surfaces render, and the first that needs prices asks
        }),
      ),
      // Asking changes nothing shown; an answer or a failure does.
      tokenList.onDidChange(() => !tokenList.get()?.loading && this.#changed.fire()),
      settings.onDidChange((change) => {
        if (change.scope) {
          // The server settings changed: one that waited for the user's yes may not any more, on the same URL.
          tokenList.askAgain();
        }
        if (change.values || change.scope) {
          this.#changed.fire();
        }
      }),
    ];
  }

  get on(): boolean {
    return this.#settings.values().showValues;
  }

  /**
   * The prices to show now, or undefined: values off, the list not known yet, or its last ask
   * failed. Asks for the list when it is due; its answer comes through onDidChange.
   */
  prices(): PriceBook | undefined {
    if (!this.on) {
      return undefined;
    }
    if (this.#tokenList.isDue()) {
      void this.#tokenList.load();
    }
    return this.#tokenList.prices();
  }

  /**
   * Where a token's balance is in a full balance map: a listed token's contract address (as
   * plyr.statusBar.token or plyr.inlayHints.token may name it) is its API name there. Asks for the
   * list when an address needs it; its answer comes through onDidChange.
   */
  balanceKeyOf(token: string): string {
    if (isAddressText(token) && this.#tokenList.isDue()) {
      void this.#tokenList.load();
    }
    return this.#tokenList.balanceKeyOf(token);
  }

  /**
   * The names of tokens keyed by their contract (see balanceKeyOf), waiting for the list when it
   * is due, values on or off: for a surface shown once (the hover). A list that cannot be had names none.
   */
  async names(signal?: AbortSignal): Promise<TokenNames> {
    await this.#tokenList.load(signal).catch(() => undefined);
    return (token) => this.#tokenList.balanceKeyOf(token);
  }

  /**
   * Why values are missing now, or undefined: values are on, and the token list's last ask failed
   * (its message). Asks nothing.
   */
  failure(): string | undefined {
    return this.on ? this.#tokenList.failure() : undefined;
  }

  /** The prices known now, asking nothing (for deciding what to re-render). */
  peek(): PriceBook | undefined {
    return this.on ? this.#tokenList.prices() : undefined;
  }

  /** The prices, waiting for the list when it is due (the hover, Check Balance). Rejects only when `signal` aborts. */
  async load(signal?: AbortSignal): Promise<PriceBook | undefined> {
    if (!this.on) {
      return undefined;
    }
    // The prices of the list asked for, not of the server now: the network may change meanwhile,
    // and a balance from one must not be valued with another's prices.
    const list = await this.#tokenList.load(signal);
    return list.error === undefined ? list.value?.prices : undefined;
  }

  dispose(): void {
    vscode.Disposable.from(...this.#subscriptions).dispose();
  }
}
