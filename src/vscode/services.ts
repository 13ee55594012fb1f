import * as vscode from 'vscode';
import { BalanceStore } from '../core/balanceStore';
import { Logger } from '../core/logger';
import { PlyrClient } from '../core/plyrClient';
import { CredentialStore } from './credentialStore';
import { PrivacyMask } from './privacyMask';
import { Refresher } from './refresher';
import { SortOrderStore } from './sortOrderStore';
import { BalanceStatusBar } from './statusBar';
import { TrackedStore } from './trackedStore';
import { WorkspaceWatchList } from './workspaceWatchList';

/** What commands and views are built from: made once, in `activate`. */
export interface Services {
  readonly client: PlyrClient;
  readonly credentials: CredentialStore;
  readonly logger: Logger;
  readonly log: vscode.LogOutputChannel;
  readonly store: BalanceStore;
  readonly tracked: TrackedStore;
  /** The workspace's read-only watch-list (`.vscode/plyr.json`). */
  readonly watched: WorkspaceWatchList;
  readonly refresher: Refresher;
  readonly statusBar: BalanceStatusBar;
  readonly privacy: PrivacyMask;
  readonly sortOrder: SortOrderStore;
}
