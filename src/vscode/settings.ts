import * as vscode from 'vscode';
import { inertText } from '../core/model/safeText';
import { ClientConfig } from '../core/api/plyrClient';
import { apiRoot, NetworkName, NETWORKS as NETWORK_INFO } from '../core/api/networks';
import { BaseUrlSources } from '../core/api/serverTrust';
import { SigningConvention } from '../core/api/signer';
import { InlayHintsShow } from '../core/content/inlayHintContent';
import { parseTokenName } from '../core/model/token';
import { SETTINGS } from './ids';

const NETWORK_NAMES: readonly NetworkName[] = ['mainnet', 'testnet', 'custom'];
const CONVENTIONS: readonly SigningConvention[] = ['emptyObject', 'null'];

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTINGS.section);
}

function bounded(value: number | undefined, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/**
 * Typed, defaulted views of the `plyr.*` settings. The running extension reads them through
 * SettingsEvents (once per change); commands may read them where they run.
 */
export function readClientConfig(config = section()): ClientConfig {
  const network = config.get<string>(SETTINGS.network, 'mainnet');
  const signing = config.get<string>(SETTINGS.signingGetBody, 'emptyObject');
  return {
    network: NETWORK_NAMES.includes(network as NetworkName) ? (network as NetworkName) : 'mainnet',
    customBaseUrl: config.get<string>(SETTINGS.customBaseUrl, ''),
    timeoutMs: bounded(config.get<number>(SETTINGS.requestTimeoutSeconds), 1, 120, 10) * 1000,
    signing: CONVENTIONS.includes(signing as SigningConvention) ? (signing as SigningConvention) : 'emptyObject',
    retryOtherConvention: config.get<boolean>(SETTINGS.signingRetryOtherConvention, true),
  };
}

export interface ViewSettings {
  readonly hideZeroBalances: boolean;
  readonly refreshConcurrency: number;
  /** 0: off. */
  readonly autoRefreshSeconds: number;
  /** The longest wait between automatic refreshes while the server cannot be reached. */
  readonly autoRefreshBackoffMaxSeconds: number;
  readonly openOnStartup: boolean;
}

export function readViewSettings(config = section()): ViewSettings {
  return {
    hideZeroBalances: config.get<boolean>(SETTINGS.hideZeroBalances, false),
    refreshConcurrency: Math.round(bounded(config.get<number>(SETTINGS.refreshConcurrency), 1, 16, 4)),
    autoRefreshSeconds: Math.round(bounded(config.get<number>(SETTINGS.autoRefreshSeconds), 0, 86_400, 300)),
    autoRefreshBackoffMaxSeconds: Math.round(bounded(config.get<number>(SETTINGS.autoRefreshBackoffMaxSeconds), 1, 86_400, 600)),
    openOnStartup: config.get<boolean>(SETTINGS.openViewOnStartup, false),
  };
}

export interface ValueSettings {
  /** plyr.showValues: values in dollars beside the amounts. */
  readonly showValues: boolean;
}

export function readValueSettings(config = section()): ValueSettings {
  return { showValues: config.get<boolean>(SETTINGS.showValues, true) !== false };
}

export interface StatusBarSettings {
  /** plyr.statusBar.identifier as written (empty: no item); the item checks it, and logs why it shows none. */
  readonly identifier: string;
  /** plyr.statusBar.token as written. */
  readonly token: string;
  /** plyr.statusBar.show: what the item shows (the value only when values are on). */
  readonly shows: 'amount' | 'value';
}

export function readStatusBarSettings(config = section()): StatusBarSettings {
  return {
    identifier: config.get<string>(SETTINGS.statusBarIdentifier, ''),
    token: config.get<string>(SETTINGS.statusBarToken, 'plyr'),
    shows: config.get<string>(SETTINGS.statusBarShow, 'amount') === 'value' ? 'value' : 'amount',
  };
}

/** The balance store's scope: the API root in use, so networks never mix. */
export function readScope(config: ClientConfig = readClientConfig()): string {
  const root = apiRoot(config.network, config.customBaseUrl);
  return root.ok ? root.url.href : `invalid:${config.network}`;
}

/** The API server the settings name, and where each of its settings was set (for the server trust check). */
export interface ServerSettings {
  /** Undefined when the settings name no valid server. */
  readonly root: URL | undefined;
  readonly sources: BaseUrlSources;
}

export function readServerSettings(config: ClientConfig = readClientConfig()): ServerSettings {
  const root = apiRoot(config.network, config.customBaseUrl);
  const url = section().inspect<string>(SETTINGS.customBaseUrl);
  const network = section().inspect<string>(SETTINGS.network);
  return {
    root: root.ok ? root.url : undefined,
    sources: {
      workspace: url?.workspaceFolderValue ?? url?.workspaceValue,
      user: url?.globalValue,
      workspaceNetwork: network?.workspaceFolderValue ?? network?.workspaceValue,
      userNetwork: network?.globalValue,
      container: inContainer(),
    },
  };
}

/** Remotes whose settings a repository writes (`devcontainer.json`): VS Code's names for them. */
const CONTAINER_REMOTES: ReadonlySet<string> = new Set(['dev-container', 'attached-container', 'codespaces']);

/** Whether this window's remote is a dev container or a codespace. */
export function inContainer(): boolean {
  return CONTAINER_REMOTES.has(vscode.env.remoteName ?? '');
}

/** Which of the settings that someone reacts to one change touched; the others are read where used. */
export interface SettingsChange {
  /** plyr.network or plyr.customBaseUrl: the API server, so the scope balances are kept under. */
  readonly scope: boolean;
  /** plyr.hideZeroBalances: which rows the view shows. */
  readonly rows: boolean;
  /** plyr.statusBar.identifier, plyr.statusBar.token or plyr.statusBar.show: what the status bar item watches and shows. */
  readonly statusBar: boolean;
  /** plyr.showValues: whether values in dollars show. */
  readonly values: boolean;
  /** plyr.autoRefreshSeconds or plyr.autoRefreshBackoffMaxSeconds: the automatic refresh. */
  readonly schedule: boolean;
  /** plyr.diagnostics.* or plyr.hover.languages: which checksum diagnostics open documents get. */
  readonly diagnostics: boolean;
  /** plyr.inlayHints.*: what the hints after addresses show. */
  readonly inlayHints: boolean;
}

function changeOf(event: vscode.ConfigurationChangeEvent): SettingsChange {
  const touched = (...keys: string[]) => keys.some((key) => event.affectsConfiguration(`${SETTINGS.section}.${key}`));
  return {
    scope: touched(SETTINGS.network, SETTINGS.customBaseUrl),
    rows: touched(SETTINGS.hideZeroBalances),
    statusBar: touched(SETTINGS.statusBarIdentifier, SETTINGS.statusBarToken, SETTINGS.statusBarShow),
    values: touched(SETTINGS.showValues),
    schedule: touched(SETTINGS.autoRefreshSeconds, SETTINGS.autoRefreshBackoffMaxSeconds),
    diagnostics: touched(SETTINGS.diagnosticsChecksum, SETTINGS.diagnosticsLowerCase, SETTINGS.hoverLanguages),
    inlayHints: touched(SETTINGS.inlayHintsShow, SETTINGS.inlayHintsToken),
  };
}

/** Every `plyr.*` setting a hot path reads, from one `getConfiguration`. */
interface SettingsRead {
  readonly client: ClientConfig;
  readonly view: ViewSettings;
  readonly values: ValueSettings;
  readonly statusBar: StatusBarSettings;
  readonly hover: HoverSettings;
  readonly inlayHints: InlayHintSettings;
  readonly diagnostics: DiagnosticsSettings;
}

function readSettings(): SettingsRead {
  const config = section();
  return {
    client: readClientConfig(config),
    view: readViewSettings(config),
    values: readValueSettings(config),
    statusBar: readStatusBarSettings(config),
    hover: readHoverSettings(config),
    inlayHints: readInlayHintSettings(config),
    diagnostics: readDiagnosticsSettings(config),
  };
}

/**
 * The one listener to settings changes (the architecture test allows no other). A change updates
 * the scope first, then fires onDidChangeScope, then onDidChange: whatever order consumers
 * subscribed in, each sees the new scope, and what is kept per scope is restored before any view
 * refreshes.
 */
export class SettingsEvents implements vscode.Disposable {
  #current = readScope();
  readonly #scopeChanged = new vscode.EventEmitter<string>();
  readonly #changed = new vscode.EventEmitter<SettingsChange>();
  readonly #listener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(HINT_MAXIMUM_LENGTH)) {
      // The editor asks its providers again when its inlay hint options change: nothing to fire.
      this.#hintLengths.clear();
    }
    this.#apply(changeOf(event), event.affectsConfiguration(SETTINGS.section));
  });
  /** The API server changed, with the new scope: for what is kept per scope. Fires before onDidChange. */
  readonly onDidChangeScope = this.#scopeChanged.event;
  /** Any of SettingsChange's settings changed: for what shows or is scheduled. */
  readonly onDidChange = this.#changed.event;

  /**
   * The balance store's scope, read once per settings change: the store asks for it on every
   * lookup, and the tree looks up every row on every render.
   */
  readonly scope = (): string => this.#current;

  #read = readSettings();
  /**
   * The client's settings, read once per change of any `plyr.*` setting: every request reads them,
   * and so does every identifier row the tree renders (the network's name in its tooltip): read
   * each time, they made 19 MB of garbage in a refresh-all of 1,000.
   */
  readonly clientConfig = (): ClientConfig => this.#read.client;
  /**
   * The rest of what is read on a hot path (each hover, each range of hints, each store change the
   * status bar or the hints check, each row the tree lists), read with the client's: read each
   * time, a `getConfiguration` and its `get`s took about 14 µs in the extension host (0.05 µs here),
   * and the hints checked them on each of the 2,000 store changes of a refresh-all of 1,000.
   */
  readonly view = (): ViewSettings => this.#read.view;
  readonly values = (): ValueSettings => this.#read.values;
  readonly statusBar = (): StatusBarSettings => this.#read.statusBar;
  readonly hover = (): HoverSettings => this.#read.hover;
  readonly inlayHints = (): InlayHintSettings => this.#read.inlayHints;
  readonly diagnostics = (): DiagnosticsSettings => this.#read.diagnostics;

  readonly #hintLengths = new Map<string, number>();
  /** VS Code's editor.inlayHints.maximumLength in a language (it may be set per language), read once per change of it. */
  readonly inlayHintMaximumLength = (languageId: string): number => {
    let length = this.#hintLengths.get(languageId);
    if (length === undefined) {
      length = readInlayHintMaximumLength(languageId);
      this.#hintLengths.set(languageId, length);
    }
    return length;
  };

  #server = readServerSettings();
  /**
   * The server settings and where they were set, read once per change of them: every request is
   * checked against them, and their `inspect()` costs 0.2 to 0.6 ms and 69 KB of garbage each
   * time in the extension host, on the path of every request.
   */
  readonly serverSettings = (): ServerSettings => this.#server;

  #apply(change: SettingsChange, anyOfOurs: boolean): void {
    if (anyOfOurs) {
      this.#read = readSettings();
    }
    if (change.scope) {
      // From the client's settings just read: the scope and the server are where they point.
      this.#current = readScope(this.#read.client);
      this.#server = readServerSettings(this.#read.client);
      this.#scopeChanged.fire(this.#current);
    }
    if (Object.values(change).some(Boolean)) {
      this.#changed.fire(change);
    }
  }

  dispose(): void {
    this.#listener.dispose();
    this.#scopeChanged.dispose();
    this.#changed.dispose();
  }
}

export interface HoverSettings {
  readonly enabled: boolean;
  /** Language ids the hover is limited to; empty means every language. */
  readonly languages: readonly string[];
  readonly cacheMs: number;
}

export function readHoverSettings(config = section()): HoverSettings {
  const languages = config.get<unknown>(SETTINGS.hoverLanguages, []);
  return {
    enabled: config.get<boolean>(SETTINGS.hoverEnabled, true),
    languages: Array.isArray(languages) ? languages.filter((l): l is string => typeof l === 'string') : [],
    cacheMs: bounded(config.get<number>(SETTINGS.hoverCacheSeconds), 0, 3600, 60) * 1000,
  };
}

/** Whether the address features work in a document of this language (`plyr.hover.languages`; empty: all). */
export function inAddressLanguages(languageId: string, { languages }: Pick<HoverSettings, 'languages'>): boolean {
  return languages.length === 0 || languages.includes(languageId);
}

const INLAY_HINTS_SHOWS: readonly InlayHintsShow[] = ['off', 'name', 'amount', 'value'];

export interface InlayHintSettings {
  readonly show: InlayHintsShow;
  /** The token whose amount (or value) the hints show; `plyr` when the setting is not a token name. */
  readonly token: string;
  /** Why plyr.inlayHints.token was not taken, when it was not (for the log). */
  readonly tokenProblem?: string;
}

export function readInlayHintSettings(config = section()): InlayHintSettings {
  const show = config.get<string>(SETTINGS.inlayHintsShow, 'off');
  const token = parseTokenName(config.get<unknown>(SETTINGS.inlayHintsToken, 'plyr'));
  return {
    show: INLAY_HINTS_SHOWS.includes(show as InlayHintsShow) ? (show as InlayHintsShow) : 'off',
    token: (token.ok ? token.value : undefined) ?? 'plyr',
    tokenProblem: token.ok ? undefined : token.message,
  };
}

const HINT_MAXIMUM_LENGTH = 'editor.inlayHints.maximumLength';
/** The setting's default, and the length VS Code 1.90 (which has no such setting) cuts a line's hints at. */
const DEFAULT_HINT_MAXIMUM_LENGTH = 43;

/**
 * How long a line's inlay hints may be before VS Code cuts them at their end (0: never). Where the
 * setting is unknown (VS Code 1.90, which cuts at 43 all the same), its default.
 */
function readInlayHintMaximumLength(languageId: string): number {
  const length = vscode.workspace.getConfiguration('editor', { languageId }).get<unknown>('inlayHints.maximumLength');
  return typeof length === 'number' && Number.isFinite(length) && length >= 0 ? Math.floor(length) : DEFAULT_HINT_MAXIMUM_LENGTH;
}

export interface DiagnosticsSettings {
  /** Flag mixed-case addresses whose EIP-55 checksum fails. */
  readonly checksum: boolean;
  /** Also flag all-lower-case addresses, as information. */
  readonly lowerCase: boolean;
}

export function readDiagnosticsSettings(config = section()): DiagnosticsSettings {
  return {
    checksum: config.get<boolean>(SETTINGS.diagnosticsChecksum, true),
    lowerCase: config.get<boolean>(SETTINGS.diagnosticsLowerCase, false),
  };
}

/** The network's name where its URL is shown beside it ("PLYR PHI mainnet", or "custom network"). */
export function networkName(network: NetworkName): string {
  return network === 'custom' ? vscode.l10n.t('custom network') : NETWORK_INFO[network].label;
}

/** The network's name for people ("PLYR PHI mainnet", or the custom URL). */
export function networkLabel({ network, customBaseUrl }: ClientConfig = readClientConfig()): string {
  // The URL comes from a setting, maybe a workspace's: shown without what could make a link.
  return network === 'custom' ? vscode.l10n.t('custom ({0})', inertText(customBaseUrl, 100)) : networkName(network);
}
