import * as l10n from '@vscode/l10n';
import { malformedResponse } from './errors';
import { isJsonObject } from './exactJson';
import { ADDRESS, describeJson, FieldReader, HTTPS_URL, Parsed, PLYR_ID, readEntries, Skipped, TIME, WHOLE_NUMBER } from './serverFields';

/** A PLYR account and its own wallets. */
export interface AccountInfo {
  readonly plyrId: string;
  /** The wallet the user signs with, checksummed. */
  readonly primaryAddress: string | undefined;
  /** The account's on-chain wallet, which holds its balances and chips, checksummed. */
  readonly mirrorAddress: string | undefined;
  readonly chainId: number | undefined;
  readonly avatarUrl: string | undefined;
  /** Epoch ms. */
  readonly createdAt: number | undefined;
}

/** A wallet bound to an account besides its primary one. */
export interface SecondaryWallet {
  /** Checksummed. */
  readonly address: string;
  /** Epoch ms. */
  readonly boundAt: number | undefined;
}

/**
 * `GET /api/user/info/{plyrId or address}`: `{ plyrId, mirrorAddress, primaryAddress, chainId,
 * avatar, createdAt, … }`. Without a valid PLYR ID it is no account; any other unreadable field
 * is dropped and noted.
 */
export function parseAccountInfo(body: unknown): Parsed<AccountInfo> {
  if (!isJsonObject(body)) {
    throw malformedResponse(l10n.t('the body is {0}, not an account', describeJson(body)));
  }
  const skipped: Skipped[] = [];
  const fields = new FieldReader(body, '', skipped);
  const plyrId = fields.required('plyrId', PLYR_ID);
  if (plyrId === undefined) {
    throw malformedResponse(l10n.t('the account has no valid PLYR ID'));
  }
  const value: AccountInfo = {
    plyrId,
    primaryAddress: fields.optional('primaryAddress', ADDRESS),
    mirrorAddress: fields.optional('mirrorAddress', ADDRESS),
    chainId: fields.optional('chainId', WHOLE_NUMBER),
    avatarUrl: fields.optional('avatar', HTTPS_URL),
    createdAt: fields.optional('createdAt', TIME),
  };
  return { value, skipped };
}

/** `GET /api/user/secondary/{plyrId}`: a list of `{ plyrId, secondaryAddress, boundAt, … }`. */
export function parseSecondaryWallets(body: unknown): Parsed<SecondaryWallet[]> {
  const seen = new Set<string>();
  return readEntries(body, (shape) => l10n.t('the body is {0}, not a list of wallets', shape), (fields) => {
    const address = fields.required('secondaryAddress', ADDRESS);
    if (address === undefined || seen.has(address)) {
      return undefined;
    }
    seen.add(address);
    return { address, boundAt: fields.optional('boundAt', TIME) };
  });
}
