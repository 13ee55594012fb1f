import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import fetch from 'node-fetch';
import { AccountStore, accountFetchOf } from './core/store/accountStore';
import { BalanceStore } from './core/store/balanceStore';
import { SerialState } from './core/store/serialState';
import { describeDuration } from './core/model/errors';
import { parseCredentials } from './core/api/credentials';
import { PlyrClient, PlyrClientOptions } from './core/api/plyrClient';
import { Credentials } from './core/api/signer';
import { Logger } from './core/api/logger';
import { createApi, PlyrBalanceApi } from './vscode/api';
import { registerAccountCommands } from './vscode/commands/account';
import { registerCheckBalance } from './vscode/commands/checkBalance';
import { registerClearCredentials, registerReadCredentialsAgain, registerSetCredentials, registerSetCredentialsFromLink } from './vscode/commands/credentials';
import { registerRowActions } from './vscode/commands/rowActions';
import { registerTestConnection } from './vscode/commands/testConnection';
import { registerTrackingCommands } from './vscode/commands/tracking';
import { CredentialStore } from './vscode/state/credentialStore';
import { LOG_CHANNEL_NAME, SYNCED_STATE_KEYS } from './vscode/ids';
import { channelLogger } from './vscode/logger';
import { Listed, OpenRows } from './core/store/openRows';
import { Refresher, refreshOnServerChanges } from './vscode/state/refresher';
import { Services } from './vscode/services';
import { SettingsEvents } from './vscode/settings';
import { createSidebar, Sidebar } from './vscode/views/sidebar';
import { registerEditorFeatures } from './vscode/editor/editorFeatures';
import { TrackedStore } from './vscode/state/trackedStore';
import { WorkspaceWatchList } from './vscode/state/workspaceWatchList';
import { BalanceStatusBar } from './vscode/views/statusBar';
import { BalanceMemoryStore } from './vscode/state/balanceMemoryStore';
import { watchForChanges } from './vscode/ui/changeNotifier';
import { ServerTrust } from './vscode/state/serverTrust';
import { registerAllowServer, registerAllowServerFromLink } from './vscode/commands/serverTrust';
import { PrivacyMask } from './vscode/state/privacyMask';
import { registerPrivacyCommands } from './vscode/commands/privacy';
import { registerEditorCommands } from './vscode/commands/editor';
import { registerShowLog } from './vscode/commands/log';
import { registerViewCommands } from './vscode/commands/view';
import { AccountLookup, OWNER_MEMORY_MS } from './core/store/accountLookup';
import { registerListTransfer } from './vscode/commands/listTransfer';
import { registerShareToWorkspace } from './vscode/commands/shareToWorkspace';
import { registerGroupCommands } from './vscode/commands/groups';
import { SortOrderStore } from './vscode/state/sortOrderStore';
import { registerActivityCommands } from './vscode/commands/activity';
import { explainChangeOf, registerWhyChanged } from './vscode/commands/whyChanged';
import { TokenListStore } from './core/store/tokenListStore';
import { Values } from './vscode/state/values';

/** The composition root: builds the services once, in dependency order, and registers everything. */
export async function activate(context: vscode.ExtensionContext): Promise<PlyrBalanceApi> {
  const started = performance.now();
  // The core cannot import vscode: its strings are translated with the same bundle, handed over
  // before any of them is made. Without a bundle (English) @vscode/l10n returns the English text.
  if (vscode.l10n.bundle) {
    l10n.config({ contents: vscode.l10n.bundle });
  }
  const log = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  context.subscriptions.push(log);
  const logger = channelLogger(log);
  try {
    const { services, serverTrust, owned } = createServices(context, log, logger);
    const sidebar = createSidebar(services);
    context.subscriptions.push(
      ...owned,
      watchForChanges(services.store, services.tracked, services.privacy, (id, change) => explainChangeOf(services, id, change)),
      ...sidebar.disposables,
      ...refreshOnServerChanges(services),
      // Its rows were held back until then: asked for at once, not at the next refresh.
      services.watched.onDidLoadTrusted(() => void services.refresher.refreshAll()),
      ...registerEditorFeatures(services, services.owners, serverTrust),
      ...registerCommands(services, serverTrust, sidebar, context.extensionMode === vscode.ExtensionMode.Test),
    );
    // Not awaited: both take effect through events (the welcome view's context key, the Workspace
    // group), so activation does not wait on the main thread or the file system.
    void services.credentials.refreshContextKey();
    void services.watched.reload();
    // The benchmark reads this line: keep its shape.
    logger.info(`PLYR Balance ${context.extension.packageJSON.version as string} activated in ${(performance.now() - started).toFixed(1)} ms.`);
    return createApi(services, sidebar, context.subscriptions);
  } catch (error) {
    logger.error(`Activation failed: ${String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('PLYR Balance could not start. See the PLYR log for details.'), vscode.l10n.t('Show Log')).then((c) => c && log.show());
    throw error;
  }
}

/** The services, in dependency order, and what of them must be disposed with the extension. */
function createServices(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, logger: Logger): { services: Services; serverTrust: ServerTrust; owned: vscode.Disposable[] } {
  const credentials = new CredentialStore(context.secrets, logger, credentialsFromEnvironment);
  const settings = new SettingsEvents();
  // Every store writes through it: a write made while another is on its way is lost otherwise (see SerialState).
  const globalState = new SerialState(context.globalState);
  const serverTrust = new ServerTrust(globalState, settings);
  const rateLimits = new vscode.EventEmitter<void>();
  const answers = new vscode.EventEmitter<void>();
  // The client looks token contract addresses up in the shared list, made just below.
  const client = createClient(credentials, serverTrust, settings, logger, (signal) => tokenList.tokens(signal), () => rateLimits.fire(), () => answers.fire());
  const store = new BalanceStore({ fetch: (identifier, signal) => client.getBalances(identifier, undefined, signal), scope: settings.scope });
  context.globalState.setKeysForSync(SYNCED_STATE_KEYS);
  const tracked = new TrackedStore(globalState);
  const sortOrder = new SortOrderStore(globalState);
  const watched = new WorkspaceWatchList(logger);
  const privacy = new PrivacyMask(globalState);
  // One token list per server, shared by every surface that shows values or lists tokens.
  const tokenList = new TokenListStore({ fetch: (signal) => client.getTokenList(signal), scope: settings.scope });
  const values = new Values(tokenList, settings, [credentials.onDidChange, serverTrust.onDidAllow]);
  const statusBar = new BalanceStatusBar({ store, logger, labelOf: (id) => tracked.find(id)?.label ?? watched.find(id)?.label, privacy, values, settings });
  // Before anything reads the store: the rows show what was known before the restart, with its age.
  const memory = new BalanceMemoryStore({ state: globalState, store, settings, ids: () => [...tracked.all, ...watched.all].map((t) => t.id), listsChanged: [tracked.onDidChange, watched.onDidChange] });
  const accounts = new AccountStore({ fetch: accountFetchOf(client.account), scope: settings.scope });
  const openRows = new OpenRows();
  // A row gone from its list is closed with it (VS Code sends no collapse for a row it removed).
  // Whether an identifier is still in the list its row came from: open rows of one gone are closed,
  // and a refresh-all asks only for those of listed ones.
  const listedIn: Listed = (source, id) => (source === 'user' ? tracked : watched).find(id) !== undefined;
  const closeUnlisted = () => openRows.forgetUnlisted(listedIn);
  const refresher = new Refresher({ store, tracked, watched, accounts, openRows, listedIn, concurrency: () => settings.view().refreshConcurrency, afterRefreshAll: () => memory.flush() });
  const owners = new AccountLookup({ fetch: (address, signal) => client.getPlyrIdForAddress(address, signal), scope: settings.scope, ownerMemoryMs: OWNER_MEMORY_MS });
  const services: Services = { client, rateLimits: rateLimits.event, answers: answers.event, credentials, logger, log, store, tracked, watched, statusBar, privacy, sortOrder, settings, refresher, accounts, openRows, owners, tokenList, values };
  const owned = [rateLimits, answers, settings, serverTrust, credentials, tracked, watched, tracked.onDidChange(closeUnlisted), watched.onDidChange(closeUnlisted), statusBar, memory, privacy, sortOrder, values, refresher, { dispose: () => (store.dispose(), accounts.dispose(), tokenList.dispose()) }];
  return { services, serverTrust, owned };
}

/** The API client, reading settings (as of their last change) and credentials on every request; warns once about a skewed clock. */
function createClient(credentials: CredentialStore, serverTrust: ServerTrust, settings: SettingsEvents, logger: Logger, tokens: PlyrClientOptions['tokens'], onRateLimit: () => void, onAnswer: () => void): PlyrClient {
  let warnedSkew = false;
  return new PlyrClient({
    fetch,
    tokens,
    onRateLimit,
    onAnswer,
    config: settings.clientConfig,
    credentials: () => credentials.get(),
    // A server chosen by the workspace gets no request of any kind until the user allows it.
    assertServerAllowed: (root) => serverTrust.assertAllowed(root),
    logger,
    onClockSkew: (offsetMs) => {
      if (!warnedSkew) {
        warnedSkew = true;
        void vscode.window.showWarningMessage(vscode.l10n.t("Your computer's clock is {0} off the PLYR server's. Requests are corrected for now, but please correct the system clock.", describeDuration(offsetMs)));
      }
    },
  });
}

/** Every command, each through the one error path (commands/register.ts). */
function registerCommands(services: Services, serverTrust: ServerTrust, sidebar: Sidebar, testMode: boolean): vscode.Disposable[] {
  return [
    ...registerPrivacyCommands(services),
    registerSetCredentials(services),
    registerSetCredentialsFromLink(services),
    registerClearCredentials(services),
    registerReadCredentialsAgain(services),
    registerCheckBalance(services),
    registerTestConnection(services),
    registerAllowServer(services, serverTrust, () => void services.refresher.refreshAll(), testMode),
    registerAllowServerFromLink(services),
    ...registerTrackingCommands(services, sidebar),
    ...registerGroupCommands(services, sidebar),
    ...registerRowActions(services),
    ...registerListTransfer(services),
    registerShareToWorkspace(services),
    registerShowLog(services),
    ...registerViewCommands(services, sidebar),
    ...registerEditorCommands(services, services.owners),
    ...registerAccountCommands(services, sidebar, services.owners),
    ...registerActivityCommands(services),
    registerWhyChanged(services),
  ];
}

/** PLYR_API_KEY and PLYR_SECRET_KEY, when both are set and well-formed. */
function credentialsFromEnvironment(): Credentials | undefined {
  const { PLYR_API_KEY: apiKey, PLYR_SECRET_KEY: secretKey } = process.env;
  if (apiKey === undefined && secretKey === undefined) {
    return undefined;
  }
  const parsed = parseCredentials({ apiKey, secretKey });
  return parsed.ok ? parsed.value : undefined;
}

export function deactivate(): void {}
