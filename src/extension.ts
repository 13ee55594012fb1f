import * as vscode from 'vscode';
import fetch from 'node-fetch';
import { PlyrClient } from './core/plyrClient';
import { describeDuration } from './core/errors';
import { registerCheckBalance } from './vscode/commands/checkBalance';
import { registerClearCredentials, registerSetCredentials } from './vscode/commands/credentials';
import { CredentialStore } from './vscode/credentialStore';
import { COMMANDS, LOG_CHANNEL_NAME } from './vscode/ids';
import { channelLogger } from './vscode/logger';
import { Services } from './vscode/services';
import { readClientConfig } from './vscode/settings';

/** The composition root: builds the services once, in dependency order, and registers everything. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  context.subscriptions.push(log);
  const logger = channelLogger(log);
  try {
    const credentials = new CredentialStore(context.secrets, logger);
    let warnedSkew = false;
    const client = new PlyrClient({
      fetch,
      config: readClientConfig,
      credentials: () => credentials.get(),
      logger,
      onClockSkew: (offsetMs) => {
        if (!warnedSkew) {
          warnedSkew = true;
          void vscode.window.showWarningMessage(`Your computer's clock is ${describeDuration(offsetMs)} off the PLYR server's. Requests are corrected for now, but please correct the system clock.`);
        }
      },
    });
    const services: Services = { client, credentials, logger, log };
    context.subscriptions.push(
      credentials,
      registerSetCredentials(services),
      registerClearCredentials(services),
      registerCheckBalance(services),
      vscode.commands.registerCommand(COMMANDS.showLog, () => log.show()),
    );
    await credentials.refreshContextKey();
    logger.info(`PLYR Balance ${context.extension.packageJSON.version as string} activated.`);
  } catch (error) {
    logger.error(`Activation failed: ${String(error)}`);
    void vscode.window.showErrorMessage('PLYR Balance could not start. See the PLYR log for details.', 'Show Log').then((c) => c && log.show());
    throw error;
  }
}

export function deactivate(): void {}
