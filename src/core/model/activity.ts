import * as l10n from '@vscode/l10n';
import { JsonNumber } from './exactJson';
import { ADDRESS, AMOUNT, FieldKind, FieldReader, GAME_ID, Parsed, readEntries, TIME, TOKEN } from './serverFields';

/** One line of an account's activity log. */
export interface ActivityEntry {
  /** The server's record ID, when sent: a key that stays the same as pages shift. */
  readonly id: string | undefined;
  /** What happened: `pay`, `earn`, `approve`, `login`, `secondaryBind`, … */
  readonly action: string;
  /** Who logged it: `user`, `game`, `gameChip`, `gameNft`, `gameBadge`, … */
  readonly type: string | undefined;
  readonly gameId: string | undefined;
  /** Epoch ms. */
  readonly at: number;
  /** A token name (`gamr`) or a token address. */
  readonly token: string | undefined;
  /** A game chip's contract, for chip actions. */
  readonly chip: string | undefined;
  /** Exact, as the game sent it. */
  readonly amount: string | undefined;
  /** `0x` + 64 hex digits, lower case; anything else is dropped, so that it is never linked. */
  readonly txHash: string | undefined;
  /** The transaction's receipt: true for "success", false for "reverted", undefined when not said. */
  readonly succeeded: boolean | undefined;
  readonly roomId: string | undefined;
}

/** `pay`, `gameChip`: a word, as the server's own code writes them. */
const WORD: FieldKind<string> = {
  read: (value) => (typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(value) ? value : undefined),
  expected: () => l10n.t('a word of letters and digits'),
};

const TX_HASH: FieldKind<string> = {
  read: (value) => (typeof value === 'string' && /^0x[0-9a-fA-F]{64}$/.test(value) ? value.toLowerCase() : undefined),
  expected: () => l10n.t('a transaction hash (0x and 64 hex digits)'),
};

/** The receipt status as viem reports it ("success" or "reverted"); a boolean is read too. */
const OUTCOME: FieldKind<boolean> = {
  read: (value) => (value === 'success' || value === true ? true : value === 'reverted' || value === false ? false : undefined),
  expected: () => l10n.t('"success" or "reverted"'),
};

/** A room number: digits, as a string or a number. */
const ROOM_ID: FieldKind<string> = {
  read: (value) => {
    const text = value instanceof JsonNumber ? value.text : value;
    return typeof text === 'string' && /^\d{1,78}$/.test(text) ? text : undefined;
  },
  expected: () => l10n.t('a room number'),
};

/** A MongoDB ObjectId, as a record's `_id` reaches JSON. */
const RECORD_ID: FieldKind<string> = {
  read: (value) => (typeof value === 'string' && /^[0-9a-f]{24}$/.test(value) ? value : undefined),
  expected: () => l10n.t('a record ID'),
};

/** What tells one entry from another: its record id, else all it says. */
export function activityKey(entry: ActivityEntry): string {
  return entry.id ?? `${entry.at}|${entry.action}|${entry.gameId ?? ''}|${entry.token ?? ''}|${entry.amount ?? ''}|${entry.txHash ?? ''}`;
}

/**
 * `GET /api/actionLog/{plyrId}`: a list, newest first, of `{ plyrId, gameId, type, action, data,
 * timestamp }`, where `data` holds what applies of `token`, `chip`, `amount`, `hash`, `success`,
 * `gameId` and `roomId`. An entry without an action or a time is left out; an unreadable detail
 * is dropped from its entry. Both are noted.
 */
export function parseActivity(body: unknown): Parsed<ActivityEntry[]> {
  return readEntries(body, (shape) => l10n.t('the body is {0}, not a list of activity entries', shape), readEntry);
}

function readEntry(fields: FieldReader): ActivityEntry | undefined {
  const action = fields.required('action', WORD);
  const time = fields.required('timestamp', TIME);
  if (action === undefined || time === undefined) {
    return undefined;
  }
  const data = fields.nested('data');
  return {
    id: fields.optional('_id', RECORD_ID),
    action,
    type: fields.optional('type', WORD),
    gameId: fields.optional('gameId', GAME_ID) ?? data?.optional('gameId', GAME_ID),
    at: time,
    token: data?.optional('token', TOKEN),
    chip: data?.optional('chip', ADDRESS),
    amount: data?.optional('amount', AMOUNT),
    txHash: data?.optional('hash', TX_HASH),
    succeeded: data?.optional('success', OUTCOME),
    roomId: data?.optional('roomId', ROOM_ID),
  };
}
