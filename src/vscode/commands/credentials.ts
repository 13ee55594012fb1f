import * as vscode from 'vscode';
import { parseCredentials, validateSecretText } from '../../core/api/credentials';
import { PlyrError } from '../../core/model/errors';
import { redactApiKey } from '../../core/api/signer';
import { COMMANDS } from '../ids';
import { Services } from '../services';
import { registerCommand } from './register';
import { onChoice } from '../ui/errorPresenter';

/**
 * PLYR: Set API Credentials. Interactive: the API key, then the secret, both masked. With an
 * argument `{ apiKey, secretKey }` (automation) it stores without prompting.
 */
export function registerSetCredentials(services: Pick<Services, 'credentials' | 'logger'>): vscode.Disposable {
  return registerCommand(services, COMMANDS.setCredentials, async (arg?: unknown) => {
    if (arg !== undefined) {
      const parsed = parseCredentials(arg);
      if (!parsed.ok) {
        throw new PlyrError('badConfiguration', parsed.message);
      }
      await services.credentials.store(parsed.value);
      services.logger.info(`API credentials stored (key ${redactApiKey(parsed.value.apiKey)}).`);
      return;
    }
    const apiKey = await askSecret('API key', vscode.l10n.t('Your PLYR API key'), 1);
    if (apiKey === undefined) {
      return;
    }
    const secretKey = await askSecret('secret key', vscode.l10n.t("Your PLYR secret key (used to sign requests; stored in VS Code's secret storage)"), 2);
    if (secretKey === undefined) {
      return;
    }
    await services.credentials.store({ apiKey, secretKey });
    services.logger.info(`API credentials stored (key ${redactApiKey(apiKey)}).`);
    void vscode.window.showInformationMessage(vscode.l10n.t("PLYR API credentials saved in VS Code's secret storage (key {0}).", redactApiKey(apiKey)));
  });
}

/**
 * The form a hover link runs: whatever arguments the link carries are ignored, so a link can only
 * open the prompt, never store credentials of its choosing.
 */
export function registerSetCredentialsFromLink(services: Pick<Services, 'logger'>): vscode.Disposable {
  return registerCommand(services, COMMANDS.setCredentialsFromLink, () => vscode.commands.executeCommand(COMMANDS.setCredentials));
}

async function askSecret(what: 'API key' | 'secret key', prompt: string, step: number): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('PLYR: Set API Credentials ({0}/2)', step),
    prompt,
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const result = validateSecretText(text, what);
      return result.ok ? undefined : result.message;
    },
  });
  if (value === undefined) {
    return undefined;
  }
  const result = validateSecretText(value, what);
  return result.ok ? result.value : undefined;
}

/** How long Clear API Credentials keeps what it cleared, for its Undo: a secret is not held for long. */
export const CLEAR_UNDO_MS = 60_000;

/**
 * PLYR: Read API Credentials Again, after a read failed (a locked keyring, unlocked since). What
 * waited for them is refreshed by the store's change event; a read that fails again says so.
 */
export function registerReadCredentialsAgain(services: Pick<Services, 'credentials' | 'logger'>): vscode.Disposable {
  return registerCommand(services, COMMANDS.readCredentialsAgain, async () => {
    const credentials = await services.credentials.readAgain();
    void vscode.window.showInformationMessage(credentials ? vscode.l10n.t('PLYR API credentials read (key {0}).', redactApiKey(credentials.apiKey)) : vscode.l10n.t('No PLYR API credentials are set.'));
  });
}

/** PLYR: Clear API Credentials, with an Undo for a minute. */
export function registerClearCredentials(services: Pick<Services, 'credentials' | 'logger'>): vscode.Disposable {
  // Each clear is counted: the Undo of one that another clear followed puts nothing back.
  let clears = 0;
  return registerCommand(services, COMMANDS.clearCredentials, async () => {
    const clear = ++clears;
    let cleared = await services.credentials.clear();
    // The environment's credentials are not stored, so nothing here can clear them: say they still count.
    const fromEnvironment = (await services.credentials.get().catch(() => undefined)) !== undefined;
    if (fromEnvironment) {
      services.logger.info('Stored API credentials cleared; the ones from the environment (PLYR_API_KEY and PLYR_SECRET_KEY) are still used.');
    } else {
      services.logger.info('API credentials cleared.');
    }
    const message = fromEnvironment
      ? vscode.l10n.t('No PLYR API credentials are stored now, but the ones from the environment (PLYR_API_KEY and PLYR_SECRET_KEY) are still used. Start VS Code without them to stop using them.')
      : vscode.l10n.t('PLYR API credentials cleared.');
    if (!cleared) {
      // Nothing (readable) was stored: nothing to undo.
      if (fromEnvironment) {
        void vscode.window.showInformationMessage(message);
      } else {
        vscode.window.setStatusBarMessage(message, 4000);
      }
      return;
    }
    const forget = setTimeout(() => (cleared = undefined), CLEAR_UNDO_MS);
    const undo = vscode.l10n.t('Undo');
    onChoice(vscode.window.showInformationMessage(message, undo), async (choice) => {
      clearTimeout(forget);
      const credentials = cleared;
      cleared = undefined;
      if (choice !== undo) {
        return;
      }
      if (!credentials) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The cleared credentials are no longer kept: set them again with PLYR: Set API Credentials.'));
      } else if (clear !== clears || (await services.credentials.hasStored())) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The PLYR API credentials changed since they were cleared: nothing was put back.'));
      } else {
        await services.credentials.store(credentials);
        services.logger.info(`API credentials put back (key ${redactApiKey(credentials.apiKey)}).`);
      }
    }, services);
  });
}
