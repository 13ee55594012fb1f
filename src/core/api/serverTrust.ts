import * as l10n from '@vscode/l10n';
import { PlyrError } from '../model/errors';
import { quoted } from '../model/safeText';
import { NETWORKS } from './networks';

/** The official API servers: a workspace may choose between them without asking. */
const OFFICIAL_ORIGINS: ReadonlySet<string> = new Set(Object.values(NETWORKS).map((n) => new URL(n.baseUrl).origin));

/** Where the server settings were set, as VS Code's `inspect()` reports them. */
export interface BaseUrlSources {
  /** The workspace's (or workspace folder's) custom URL, if it sets one. */
  readonly workspace?: string;
  /** The user's own custom URL. */
  readonly user?: string;
  /** The workspace's (or folder's) `plyr.network`, if it sets one. */
  readonly workspaceNetwork?: string;
  /** The user's own `plyr.network`. */
  readonly userNetwork?: string;
  /**
   * The window's remote is a dev container or a codespace. Its user settings then include the
   * container's, which a repository's `devcontainer.json` writes: VS Code's `inspect()` reports
   * them as the user's own.
   */
  readonly container?: boolean;
}

/**
 * The origin that must be confirmed before any request goes to `root`, or undefined. A cloned
 * repository's settings could otherwise send the user's API key to any server. The server that
 * receives credentials is the user's choice: a custom server that the workspace chose (its URL,
 * or its switch to the custom network while the user's own settings are not on it) waits for the
 * user's yes, once per origin. So does any custom server in a dev container or a codespace,
 * whose "user" settings a repository may have written. Official servers never wait.
 */
export function originToConfirm(root: URL, sources: BaseUrlSources, confirmed: ReadonlySet<string>): string | undefined {
  const origin = root.origin;
  if (OFFICIAL_ORIGINS.has(origin) || confirmed.has(origin)) {
    return undefined;
  }
  const workspaceChoseUrl = sources.workspace !== undefined && originOf(sources.workspace) === origin && originOf(sources.user) !== origin;
  const workspaceChoseCustom = sources.workspaceNetwork === 'custom' && sources.userNetwork !== 'custom';
  return workspaceChoseUrl || workspaceChoseCustom || sources.container === true ? origin : undefined;
}

/**
 * Why a request for `request` (an API root) must not leave now, or undefined. It was built with
 * the settings of its start and may have waited since (for the credentials, for its turn): it goes
 * to the server the settings name now unless that one waits for the user's yes (see
 * {@link originToConfirm}), and to an official or allowed one. A server the settings have left
 * meanwhile gets nothing, whoever chose it ('left'): a workspace could otherwise point at one, and
 * then away before the user looked.
 */
export function requestRefusal(request: URL, now: { readonly root: URL | undefined; readonly sources: BaseUrlSources }, confirmed: ReadonlySet<string>): { readonly origin: string } | 'left' | undefined {
  if (now.root?.origin === request.origin) {
    const origin = originToConfirm(request, now.sources, confirmed);
    return origin === undefined ? undefined : { origin };
  }
  return OFFICIAL_ORIGINS.has(request.origin) || confirmed.has(request.origin) ? undefined : 'left';
}

function originOf(url: string | undefined): string | undefined {
  try {
    return url === undefined ? undefined : new URL(url.trim()).origin;
  } catch {
    return undefined;
  }
}

export function serverNotConfirmed(origin: string, container = false): PlyrError {
  // Quoted: an origin may hold `$(` (new URL keeps it in a host), an icon in Test Connection's list.
  const args = [quoted(origin, 200)];
  const comment = '{0} is a server address such as https://api.example.com, in backticks; "Allow Workspace Server" is a button';
  const message = container
    ? l10n.t({ message: "This dev container's settings set the PLYR API server to {0} (a repository's devcontainer.json can). Your API credentials are not sent there until you allow it (Allow Workspace Server).", args, comment })
    : l10n.t({ message: 'This workspace sets the PLYR API server to {0}. Your API credentials are not sent there until you allow it (Allow Workspace Server).', args, comment });
  return new PlyrError('serverNotConfirmed', message, { fix: 'allowServer' });
}

/** A request built for a server the settings have left while it waited: not sent (see {@link requestRefusal}). */
export function serverChanged(): PlyrError {
  return new PlyrError('serverChanged', l10n.t('The PLYR API server setting changed while this request waited, so it was not sent. Try again.'));
}
