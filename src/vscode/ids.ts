/** Every id the manifest and the code share, declared once (a unit test checks the manifest). */
export const COMMANDS = {
  checkBalance: 'plyr.checkBalance',
  setCredentials: 'plyr.setCredentials',
  /** For links (hovers): ignores any argument and always asks, so a link can store nothing. */
  setCredentialsFromLink: 'plyr.setCredentialsFromLink',
  clearCredentials: 'plyr.clearCredentials',
  /** After a failed read (a locked keyring): reads the stored credentials now. */
  readCredentialsAgain: 'plyr.readCredentialsAgain',
  showLog: 'plyr.showLog',
  addIdentifier: 'plyr.addIdentifier',
  removeIdentifier: 'plyr.removeIdentifier',
  refresh: 'plyr.refresh',
  /** Shown while a refresh of everything runs: stops it (what is on its way is dropped, the rows keep what they showed). */
  stopRefresh: 'plyr.stopRefresh',
  refreshIdentifier: 'plyr.refreshIdentifier',
  renameIdentifier: 'plyr.renameIdentifier',
  moveIdentifierUp: 'plyr.moveIdentifierUp',
  moveIdentifierDown: 'plyr.moveIdentifierDown',
  copyIdentifier: 'plyr.copyIdentifier',
  checkBalanceFor: 'plyr.checkBalanceFor',
  openInExplorer: 'plyr.openInExplorer',
  filterTokens: 'plyr.filterTokens',
  copyAmount: 'plyr.copyAmount',
  refreshAddress: 'plyr.refreshAddress',
  checkBalanceFromEditor: 'plyr.checkBalanceFromEditor',
  /** An inlay hint's click on an untracked address: asks before tracking it. */
  offerToTrack: 'plyr.offerToTrack',
  testConnection: 'plyr.testConnection',
  revealIdentifier: 'plyr.revealIdentifier',
  notifyOnChange: 'plyr.notifyOnChange',
  stopNotifyOnChange: 'plyr.stopNotifyOnChange',
  allowWorkspaceServer: 'plyr.allowWorkspaceServer',
  /** For links (hovers): ignores any argument and always asks in a modal, so a link grants nothing. */
  allowWorkspaceServerFromLink: 'plyr.allowWorkspaceServerFromLink',
  togglePrivacy: 'plyr.togglePrivacy',
  hideAmounts: 'plyr.hideAmounts',
  showAmounts: 'plyr.showAmounts',
  exportList: 'plyr.exportIdentifiers',
  importList: 'plyr.importIdentifiers',
  shareToWorkspace: 'plyr.shareToWorkspace',
  createGroup: 'plyr.createGroup',
  renameGroup: 'plyr.renameGroup',
  deleteGroup: 'plyr.deleteGroup',
  moveToGroup: 'plyr.moveToGroup',
  moveGroupUp: 'plyr.moveGroupUp',
  moveGroupDown: 'plyr.moveGroupDown',
  sortBy: 'plyr.sortBy',
  /** Delete and F2 in the view: act on the selected rows (a key passes no row to a command). */
  removeSelected: 'plyr.removeSelected',
  renameSelected: 'plyr.renameSelected',
  /** The account's groups under a PLYR ID. */
  refreshSection: 'plyr.refreshSection',
  loadMoreActivity: 'plyr.loadMoreActivity',
  trackWallet: 'plyr.trackWallet',
  trackOwner: 'plyr.trackOwner',
  revealAccount: 'plyr.revealAccount',
  /** An activity row's transaction in the network's explorer (or a hash, typed or passed). */
  openTransaction: 'plyr.openTransaction',
  copyHash: 'plyr.copyHash',
  /** The activity entries between the refresh before a change and the one that found it that name a changed token. */
  whyChanged: 'plyr.whyChanged',
} as const;

/**
 * The only commands a hover's links may run (MarkdownString isTrusted.enabledCommands). None of
 * them stores credentials or grants consent, whatever arguments a link passes: those two are
 * reached through their FromLink forms, which ignore arguments and ask the person.
 */
export const HOVER_COMMANDS: readonly string[] = [
  /** Tracks the address, or shows its row when it is listed already (a hover shown before it was tracked). */
  COMMANDS.trackWallet,
  COMMANDS.refreshAddress,
  COMMANDS.copyIdentifier,
  COMMANDS.openInExplorer,
  COMMANDS.checkBalanceFor,
  COMMANDS.revealAccount,
  /** Shows a listed row: for an address only the workspace's watch-list shows. */
  COMMANDS.revealIdentifier,
  COMMANDS.setCredentialsFromLink,
  COMMANDS.allowWorkspaceServerFromLink,
  /** Takes no argument: it only reads what is stored. */
  COMMANDS.readCredentialsAgain,
];

/**
 * Commands of the Balances view's title bar. VS Code (1.100; not 1.90) calls them with the view's
 * focused row and its selected rows, which are not their arguments: they run as from the palette.
 */
export const TITLE_BAR_COMMANDS: readonly string[] = [
  COMMANDS.addIdentifier,
  COMMANDS.refresh,
  COMMANDS.stopRefresh,
  COMMANDS.hideAmounts,
  COMMANDS.showAmounts,
  COMMANDS.sortBy,
  COMMANDS.checkBalance,
  COMMANDS.createGroup,
  COMMANDS.setCredentials,
  COMMANDS.showLog,
  COMMANDS.testConnection,
  COMMANDS.importList,
  COMMANDS.exportList,
];

/** Commands of the editor's context menu: VS Code calls them with the document's URI, not an argument of theirs. */
// Its own command, not Check Balance: a context menu shows no category, and "Check Balance" alone
// would not say whose.
export const EDITOR_MENU_COMMANDS: readonly string[] = [COMMANDS.checkBalanceFromEditor];

/**
 * The URI schemes of the documents the editor features work in: files on disk, untitled ones, a
 * notebook's cells, and the files of a virtual workspace (GitHub Repositories). Not the read-only
 * views of other versions (`git:` diffs) or VS Code's own panels (`output:`). The editor's context
 * menu item names the same (a unit test holds the two together).
 */
export const EDITOR_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-notebook-cell', 'vscode-vfs'];

export const VIEWS = {
  container: 'plyr',
  balances: 'plyr.balances',
} as const;

export const CONTEXT_KEYS = {
  hasCredentials: 'plyr.hasCredentials',
  /** The first read of the credentials has settled: until then no welcome asks the user to set them. */
  credentialsKnown: 'plyr.credentialsKnown',
  /** The last read of the stored credentials failed (a locked keyring): Read API Credentials Again shows. */
  credentialsUnreadable: 'plyr.credentialsUnreadable',
  trackedCount: 'plyr.trackedCount',
  privacyMask: 'plyr.privacyMask',
  /** manual, name, amount or value: the sort the view applies (a value sort paused while values are off is manual). */
  sortBy: 'plyr.sortBy',
  /** The server in use has a block explorer (a custom one may not): Open in Explorer shows. */
  hasExplorer: 'plyr.hasExplorer',
  /** plyr.hover.languages when it names some (else every language): the editor's context menu follows it. */
  addressLanguages: 'plyr.addressLanguages',
  someLanguagesOnly: 'plyr.someLanguagesOnly',
  /** A refresh of everything runs, or the view loads rows: Stop Refreshing shows. */
  refreshing: 'plyr.refreshing',
} as const;

/** Tree rows' contextValue, matched by the manifest's `when` clauses. */
export const ROW_CONTEXT = {
  plyrId: 'plyr.identifier.plyrId',
  address: 'plyr.identifier.address',
  /** Appended to a row of the user's list that has "Notify on change" on. */
  notifyingSuffix: '.notifying',
  /** Appended to an address row whose owner is known (from a hover or a wallet): Track Its PLYR ID. */
  ownedSuffix: '.owned',
  /** Rows of the workspace's watch-list: read-only (no remove, rename or reorder). */
  watchedPlyrId: 'plyr.watched.plyrId',
  watchedAddress: 'plyr.watched.address',
  workspaceGroup: 'plyr.workspaceGroup',
  /** A group of the user's list. */
  group: 'plyr.group',
  /** A group inside the workspace's watch-list (read-only). */
  watchedGroup: 'plyr.watchedGroup',
  problem: 'plyr.problem',
  token: 'plyr.token',
  /** A token of a PLYR ID that the last refresh changed: it offers Why? (matched as /^plyr\.token(\.|$)/ with the others). */
  tokenChanged: 'plyr.token.changed',
  /** An activity row with a transaction hash (the manifest matches /activity\.tx/). */
  activityTx: 'plyr.activity.tx',
  /** After a filtered identifier's tokens: how many its filter leaves out. */
  hiddenTokens: 'plyr.hiddenTokens',
  /** In place of token rows that Hide Zero Balances hides, every one. */
  zeroBalances: 'plyr.zeroBalances',
  error: 'plyr.error',
  /** The account's rows under a PLYR ID. */
  section: 'plyr.section',
  sectionError: 'plyr.sectionError',
  /** "No chips": a group read with no rows (a message, no menu). */
  emptySection: 'plyr.emptySection',
  chip: 'plyr.chip',
  allowance: 'plyr.allowance',
  activity: 'plyr.activity',
  loadMore: 'plyr.loadMore',
  wallet: 'plyr.wallet',
  walletToken: 'plyr.walletToken',
} as const;

export const SETTINGS = {
  section: 'plyr',
  network: 'network',
  customBaseUrl: 'customBaseUrl',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  signingGetBody: 'signing.getBody',
  signingRetryOtherConvention: 'signing.retryOtherConvention',
  hideZeroBalances: 'hideZeroBalances',
  refreshConcurrency: 'refreshConcurrency',
  autoRefreshSeconds: 'autoRefreshSeconds',
  autoRefreshBackoffMaxSeconds: 'autoRefreshBackoffMaxSeconds',
  hoverEnabled: 'hover.enabled',
  hoverLanguages: 'hover.languages',
  hoverCacheSeconds: 'hover.cacheSeconds',
  openViewOnStartup: 'openViewOnStartup',
  statusBarIdentifier: 'statusBar.identifier',
  statusBarToken: 'statusBar.token',
  diagnosticsChecksum: 'diagnostics.checksum',
  diagnosticsLowerCase: 'diagnostics.lowerCaseAddresses',
  /** What the status bar item shows: the amount, or its value in dollars. */
  statusBarShow: 'statusBar.show',
  /** Values in dollars everywhere (the token list's prices). */
  showValues: 'showValues',
  /** What the hints after addresses in the editor show: off, name, amount or value. */
  inlayHintsShow: 'inlayHints.show',
  /** The token whose amount (or value) the hints show. */
  inlayHintsToken: 'inlayHints.token',
} as const;

export const STATE_KEYS = {
  tracked: 'plyr.tracked.v1',
  /** Group names in the user's order (synced with the list). */
  groups: 'plyr.groups.v1',
  /** The sidebar's sort order (synced with the list). */
  sortOrder: 'plyr.sortOrder.v1',
  /** Last good balances per API root; this machine only (not synced). */
  lastBalances: 'plyr.lastBalances.v1',
  /** Origins a workspace chose as the API server that the user allowed (this machine only). */
  allowedServers: 'plyr.allowedServers.v1',
  /** Whether the privacy mask is on (this machine only). */
  privacyMask: 'plyr.privacyMask.v1',
} as const;

/** What Settings Sync carries to the user's other machines: the list, its groups and its order. */
export const SYNCED_STATE_KEYS: readonly string[] = [STATE_KEYS.tracked, STATE_KEYS.groups, STATE_KEYS.sortOrder];

export const SECRET_KEYS = {
  credentials: 'plyr.credentials',
} as const;

export const LOG_CHANNEL_NAME = 'PLYR';

/**
 * Put last among the arguments of a command that a person's gesture runs with arguments (a hover
 * link, a click on an inlay hint, a row or the status bar item, a light bulb's action).
 * registerCommand drops it and shows a failure to that person: VS Code only logs what such a
 * command throws, so it failed unseen. Automation passes no marker and gets the typed error.
 */
export const BY_PERSON = { plyrByPerson: true } as const;

/** A gesture's arguments: `args`, then {@link BY_PERSON}. */
export function gestureArgs(...args: unknown[]): unknown[] {
  return [...args, BY_PERSON];
}

export function isByPersonMarker(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { plyrByPerson?: unknown }).plyrByPerson === true && Object.keys(value).length === 1;
}
