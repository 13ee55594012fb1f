import * as vscode from 'vscode';
import { describeApiKey, parseCredentials, validateSecretText } from '../../core/api/credentials';
import { PlyrError } from '../../core/model/errors';
import { Credentials, redactApiKey } from '../../core/api/signer';
import { COMMANDS } from '../ids';
import { Services } from '../services';
import { registerCommand } from './register';
import { onChoice } from '../ui/errorPresenter';

/**
 * PLYR: Set API Credentials. Interactive: the API key, then the secret, both masked. With an
 * argument `{ apiKey, secretKey }` (automation) it stores without prompting. Either way, other
 * credentials it replaces are kept for a minute for an Undo (a mistyped secret loses nothing),
 * and said so: automation does not replace them unseen.
 */
export function registerSetCredentials(services: Pick<Services, 'credentials' | 'logger'>): vscode.Disposable {
  return registerCommand(services, COMMANDS.setCredentials, async (arg?: unknown) => {
    let credentials: Credentials;
    if (arg !== undefined) {
      const parsed = parseCredentials(arg);
      if (!parsed.ok) {
        throw new PlyrError('badConfiguration', parsed.message);
      }
      credentials = parsed.value;
    } else {
      const apiKey = await askSecret('API key', vscode.l10n.t('Your PLYR API key'), 1);
      if (apiKey === undefined) {
        return;
      }
      const secretKey = await askSecret('secret key', vscode.l10n.t("Your PLYR secret key (used to sign requests; stored in VS Code's secret storage)"), 2);
      if (secretKey === undefined) {
        return;
      }
      credentials = { apiKey, secretKey };
    }
    const { replaced, change } = await services.credentials.store(credentials);
    services.logger.info(`API credentials stored (${redactApiKey(credentials.apiKey)}).`);
    const saved = vscode.l10n.t("PLYR API credentials saved in VS Code's secret storage ({0}).", describeApiKey(credentials.apiKey));
    if (replaced && !sameCredentials(replaced, credentials)) {
      offerUndo(services, replaced, change, `${saved} ${vscode.l10n.t('They replaced the ones with {0}.', describeApiKey(replaced.apiKey))}`);
    } else if (arg === undefined) {
      void vscode.window.showInformationMessage(saved);
    }
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

/** How long Set and Clear API Credentials keep what they replaced, for an Undo: a secret is not held for long. */
export const CREDENTIALS_UNDO_MS = 60_000;

/**
 * PLYR: Read API Credentials Again, after a read failed (a locked keyring, unlocked since). What
 * waited for them is refreshed by the store's change event; a read that fails again says so.
 */
export function registerReadCredentialsAgain(services: Pick<Services, 'credentials' | 'logger'>): vscode.Disposable {
  return registerCommand(services, COMMANDS.readCredentialsAgain, async () => {
    const credentials = await services.credentials.readAgain();
    void vscode.window.showInformationMessage(credentials ? vscode.l10n.t('PLYR API credentials read ({0}).', describeApiKey(credentials.apiKey)) : vscode.l10n.t('No PLYR API credentials are set.'));
  });
}

/** PLYR: Clear API Credentials, with an Undo for a minute. */
export function registerClearCredentials(services: Pick<Services, 'credentials' | 'logger'>): vscode.Disposable {
  return registerCommand(services, COMMANDS.clearCredentials, async () => {
    const { cleared, change } = await services.credentials.clear();
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
    if (cleared) {
      offerUndo(services, cleared, change, message);
    } else if (fromEnvironment) {
      // Nothing (readable) was stored: nothing to undo.
      void vscode.window.showInformationMessage(message);
    } else {
      vscode.window.setStatusBarMessage(message, 4000);
    }
  });
}

/**
 * Tells of a change of the stored credentials with an Undo that puts back what it replaced: for
 * {@link CREDENTIALS_UNDO_MS} (a secret is not held for long), and only while nothing changed them
 * since, here or in another window.
 */
function offerUndo(services: Pick<Services, 'credentials' | 'logger'>, before: Credentials, change: number, message: string): void {
  let kept: Credentials | undefined = before;
  const forget = setTimeout(() => (kept = undefined), CREDENTIALS_UNDO_MS);
  const undo = vscode.l10n.t('Undo');
  onChoice(vscode.window.showInformationMessage(message, undo), async (choice) => {
    clearTimeout(forget);
    const credentials = kept;
    kept = undefined;
    if (choice !== undo) {
      return;
    }
    if (!credentials) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The replaced credentials are no longer kept: set them again with PLYR: Set API Credentials.'));
    } else if (services.credentials.changeCount !== change) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The PLYR API credentials changed again since: nothing was put back.'));
    } else {
      await services.credentials.store(credentials);
      services.logger.info(`API credentials put back (${redactApiKey(credentials.apiKey)}).`);
    }
  }, services);
}

function sameCredentials(a: Credentials, b: Credentials): boolean {
  return a.apiKey === b.apiKey && a.secretKey === b.secretKey;
}
