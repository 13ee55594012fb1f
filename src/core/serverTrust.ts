import * as l10n from '@vscode/l10n';
import { PlyrError } from './errors';
import { NETWORKS } from './networks';

/** The official API servers: a workspace may choose between them without asking. */
const OFFICIAL_ORIGINS: ReadonlySet<string> = new Set(Object.values(NETWORKS).map((n) => new URL(n.baseUrl).origin));

/** Where the custom server setting was set, as VS Code's `inspect()` reports it. */
export interface BaseUrlSources {
  /** The workspace's (or workspace folder's) value, if it sets one. */
  readonly workspace?: string;
  /** The user's own value. */
  readonly user?: string;
}

/**
 * The origin that must be confirmed before credentials go to `root`, or undefined. A cloned
 * repository's settings could otherwise send the user's API key to any server: a server chosen by
 * the workspace (not an official one, not the user's own) waits for the user's yes, once per origin.
 */
export function originToConfirm(root: URL, sources: BaseUrlSources, confirmed: ReadonlySet<string>): string | undefined {
  const origin = root.origin;
  if (OFFICIAL_ORIGINS.has(origin) || sources.workspace === undefined || confirmed.has(origin)) {
    return undefined;
  }
  return originOf(sources.workspace) === origin && originOf(sources.user) !== origin ? origin : undefined;
}

function originOf(url: string | undefined): string | undefined {
  try {
    return url === undefined ? undefined : new URL(url.trim()).origin;
  } catch {
    return undefined;
  }
}

export function serverNotConfirmed(origin: string): PlyrError {
  const message = l10n.t({
    message: 'This workspace sets the PLYR API server to {0}. Your API credentials are not sent there until you allow it (Allow Workspace Server).',
    args: [origin],
    comment: '{0} is a server address such as https://api.example.com; "Allow Workspace Server" is a button',
  });
  return new PlyrError('serverNotConfirmed', message, { fix: 'allowServer' });
}
