import * as l10n from '@vscode/l10n';
import { isJsonObject, JsonNumber, ownField } from './exactJson';
import { AMOUNT, FieldKind, FieldReader, GAME_ID, MAX_TIME_MS, Parsed, readEntries, TIME, TOKEN } from './serverFields';

/** What a game may spend of one token on an account's behalf, until when. */
export interface Allowance {
  readonly gameId: string;
  readonly token: string;
  /** Exact, as the server wrote it. */
  readonly amount: string;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly expiresInSeconds: number;
  /** Epoch ms: createdAt + expiresIn; undefined when that lies beyond any date (in effect, never). */
  readonly expiresAt: number | undefined;
}

/**
 * The order an account's allowances are listed in: soonest expiring first. Expired ones come
 * first of all (their end is past), then the rest by time left, those without an end last; equal
 * ends keep the order given (the server's), as `Array.prototype.sort` is stable.
 */
export function compareExpiry(a: Pick<Allowance, 'expiresAt'>, b: Pick<Allowance, 'expiresAt'>): number {
  return (a.expiresAt ?? Number.POSITIVE_INFINITY) - (b.expiresAt ?? Number.POSITIVE_INFINITY) || 0;
}

/** A non-negative number of seconds, fractions allowed (the server multiplies it by 1000). */
const SECONDS: FieldKind<number> = {
  read: (value) => {
    const text = value instanceof JsonNumber ? value.text : undefined;
    const seconds = text !== undefined && /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
    return Number.isFinite(seconds) ? seconds : undefined;
  },
  expected: () => l10n.t('a number of seconds'),
};

/**
 * `GET /api/game/allowances/{plyrId}`: `{ allowances: [{ plyrId, gameId, token, amount,
 * expiresIn, createdAt }] }` (a bare list is read too). The server leaves out expired ones.
 */
export function parseAllowances(body: unknown): Parsed<Allowance[]> {
  const list = isJsonObject(body) ? ownField(body, 'allowances') : body;
  return readEntries(list, (shape) => l10n.t('the body is {0}, not a list of allowances', shape), readAllowance);
}

function readAllowance(fields: FieldReader): Allowance | undefined {
  const gameId = fields.required('gameId', GAME_ID);
  const token = fields.required('token', TOKEN);
  const amount = fields.required('amount', AMOUNT);
  const createdAt = fields.required('createdAt', TIME);
  const expiresInSeconds = fields.required('expiresIn', SECONDS);
  if (gameId === undefined || token === undefined || amount === undefined || createdAt === undefined || expiresInSeconds === undefined) {
    return undefined;
  }
  const expiresAt = createdAt + Math.round(expiresInSeconds * 1000);
  return { gameId, token, amount, createdAt, expiresInSeconds, expiresAt: expiresAt <= MAX_TIME_MS ? expiresAt : undefined };
}
