import * as l10n from '@vscode/l10n';

/** The PLYR networks and where their API and explorer live (plyr-api.md). */
export type NetworkName = 'mainnet' | 'testnet' | 'custom';

export interface NetworkInfo {
  readonly name: NetworkName;
  readonly label: string;
  readonly baseUrl: string;
  readonly chainId?: number;
  readonly explorerUrl?: string;
}

export const NETWORKS: Readonly<Record<Exclude<NetworkName, 'custom'>, NetworkInfo>> = {
  mainnet: { name: 'mainnet', label: 'PLYR PHI mainnet', baseUrl: 'https://api.plyr.network', chainId: 16180, explorerUrl: 'https://explorer.plyr.network' },
  testnet: { name: 'testnet', label: 'PLYR TAU testnet', baseUrl: 'https://api-testnet.plyr.network', chainId: 62831, explorerUrl: 'https://subnets-test.avax.network/plyr' },
};

/**
 * The block explorer (EIP-3091) of the network in use. A custom server has one only when it is one
 * of the PLYR networks' own API servers; any other is a chain this extension cannot name.
 */
export function explorerOf(network: NetworkName, customBaseUrl = ''): string | undefined {
  if (network !== 'custom') {
    return NETWORKS[network].explorerUrl;
  }
  const root = apiRoot(network, customBaseUrl);
  return root.ok ? Object.values(NETWORKS).find((n) => new URL(n.baseUrl).origin === root.url.origin)?.explorerUrl : undefined;
}

/** EIP-3091: a transaction at `{explorer}/tx/{hash}`; the hash is already checked (model/transactionHash.ts). */
export function transactionUrl(explorerUrl: string, hash: string): string {
  return `${explorerUrl}/tx/${hash}`;
}

export type BaseUrlResult = { ok: true; url: URL } | { ok: false; message: string };

/** Longer is no server address: refused before parsing, whose cost grows with the length. */
export const MAX_URL_LENGTH = 2048;

// Setting names stay out of the translated text, so that a translation cannot change them.
const CUSTOM_BASE_URL = 'plyr.customBaseUrl';
const SETTING_COMMENT = '{0} is the name of a setting';

/**
 * The API root (`…/api/`) for a network. A custom URL may be given with or without `/api`;
 * credentials only ever travel over https, or plain http to this machine.
 */
export function apiRoot(network: NetworkName, customBaseUrl: string): BaseUrlResult {
  const raw = network === 'custom' ? customBaseUrl.trim() : NETWORKS[network].baseUrl;
  if (raw === '') {
    const message = l10n.t({
      message: 'The network is "{0}" but {1} is empty. Set it to the API server\'s URL.',
      args: ['custom', CUSTOM_BASE_URL],
      comment: '{0} is a value of the network setting, {1} the name of a setting',
    });
    return { ok: false, message };
  }
  if (raw.length > MAX_URL_LENGTH) {
    const message = l10n.t({ message: '{0} is {1} characters long; a server URL has at most {2}.', args: [CUSTOM_BASE_URL, raw.length, MAX_URL_LENGTH], comment: '{0} is the name of a setting' });
    return { ok: false, message };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: l10n.t({ message: '{0} is not a valid URL. Use a form such as {1}.', args: [CUSTOM_BASE_URL, 'https://api.example.com'], comment: SETTING_COMMENT }) };
  }
  if (url.username || url.password) {
    return { ok: false, message: l10n.t({ message: '{0} must not contain a user name or password.', args: [CUSTOM_BASE_URL], comment: SETTING_COMMENT }) };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    const message = l10n.t({
      message: '{0} must use https (plain http is allowed only for this machine: localhost, 127.x.x.x or [::1]), so that credentials are never sent in clear text.',
      args: [CUSTOM_BASE_URL],
      comment: SETTING_COMMENT,
    });
    return { ok: false, message };
  }
  url.search = '';
  url.hash = '';
  const path = withoutTrailingSlashes(url.pathname);
  url.pathname = `${path.endsWith('/api') ? path.slice(0, -'/api'.length) : path}/api/`;
  return { ok: true, url };
}

/** Trailing `/`s removed in one backward scan (a regex like `/\/+$/` is quadratic on many slashes). */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) {
    end--;
  }
  return path.slice(0, end);
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}
