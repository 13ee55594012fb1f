/**
 * The commands a hover's links may run, written out here (not read from the extension) so that a
 * new link target is a decision a test sees. revealAccount shows an owner in the sidebar and asks
 * before tracking it, and revealIdentifier
 * shows a listed row: a link changes nothing by itself.
 */
export const ALLOWED_HOVER_COMMANDS: ReadonlySet<string> = new Set([
  'plyr.trackWallet',
  'plyr.refreshAddress',
  'plyr.copyIdentifier',
  'plyr.openInExplorer',
  'plyr.checkBalanceFor',
  'plyr.revealAccount',
  'plyr.revealIdentifier',
  'plyr.setCredentialsFromLink',
  'plyr.allowWorkspaceServerFromLink',
  'plyr.readCredentialsAgain',
]);
