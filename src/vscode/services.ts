import * as vscode from 'vscode';
import { AccountLookup } from '../core/store/accountLookup';
import { AccountStore } from '../core/store/accountStore';
import { BalanceStore } from '../core/store/balanceStore';
import { TokenListStore } from '../core/store/tokenListStore';
import { Logger } from '../core/api/logger';
import { PlyrClient } from '../core/api/plyrClient';
import { CredentialStore } from './state/credentialStore';
import { OpenRows } from '../core/store/openRows';
import { PrivacyMask } from './state/privacyMask';
import { SettingsEvents } from './settings';
import { Refresher } from './state/refresher';
import { SortOrderStore } from './state/sortOrderStore';
import { BalanceStatusBar } from './views/statusBar';
import { TrackedStore } from './state/trackedStore';
import { WorkspaceWatchList } from './state/workspaceWatchList';
import { Values } from './state/values';

/**
 * What commands and views are built from: made once, in `activate`. Each consumer takes a
 * `Pick` of it naming the members it uses, so a test or benchmark passes only those.
 */
export interface Services {
  readonly client: PlyrClient;
  /** Fires when the API holds requests back after a 429, longer or no more: `client.rateLimitedUntil()` says until when. */
  readonly rateLimits: vscode.Event<void>;
  /** Fires when the API answers a request with a 2xx, whichever surface asked: the server is up. */
  readonly answers: vscode.Event<void>;
  readonly credentials: CredentialStore;
  readonly logger: Logger;
  readonly log: vscode.LogOutputChannel;
  readonly store: BalanceStore;
  readonly tracked: TrackedStore;
  /** The workspace's read-only watch-list (`.vscode/plyr.json`). */
  readonly watched: WorkspaceWatchList;
  readonly refresher: Refresher;
  /** Each PLYR ID's chips, allowances, activity and wallets, loaded when their group is opened. */
  readonly accounts: AccountStore;
  /** The account rows open in the view: what a refresh asks again. */
  readonly openRows: OpenRows;
  /** Which PLYR ID owns an address (the hover's look-up, remembered). */
  readonly owners: AccountLookup;
  readonly statusBar: BalanceStatusBar;
  readonly privacy: PrivacyMask;
  readonly sortOrder: SortOrderStore;
  /** The one source of settings changes and of the balances' scope. */
  readonly settings: SettingsEvents;
  /** The token list, with its prices: fetched once per server and reused until its nextUpdatedAt. */
  readonly tokenList: TokenListStore;
  /** The prices every surface shows values with, while plyr.showValues is on. */
  readonly values: Values;
}
