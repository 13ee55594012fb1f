import * as vscode from 'vscode';
import { Logger } from '../core/logger';
import { PlyrClient } from '../core/plyrClient';
import { CredentialStore } from './credentialStore';

/** What commands and views are built from: made once, in `activate`. */
export interface Services {
  readonly client: PlyrClient;
  readonly credentials: CredentialStore;
  readonly logger: Logger;
  readonly log: vscode.LogOutputChannel;
}
