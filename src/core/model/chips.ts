import * as l10n from '@vscode/l10n';
import { malformedResponse } from './errors';
import { isJsonObject } from './exactJson';
import { ADDRESS, AMOUNT, badKey, describeJson, FieldReader, GAME_ID, HTTPS_URL, notAnObject, Parsed, pathOf, Skipped, TEXT } from './serverFields';

/** A game's chip (its own ERC-20 token) as held by an account's mirror wallet. */
export interface Chip {
  readonly gameId: string;
  /** The chip's contract, checksummed. */
  readonly address: string;
  /** Outside text: made inert where it is shown. */
  readonly name?: string;
  readonly symbol?: string;
  readonly image?: string;
  /** Exact, as the server wrote it; "0" for a chip the account does not hold. */
  readonly balance: string;
}

/**
 * `GET /api/game/chip/balance`: `{ "<gameId>": { "<chip address>": { name, symbol, image,
 * balance } } }`, in the server's order. A game or chip that cannot be read is left out and noted;
 * an answer of which not one game can be read (a 200 with an error body, say) is no "no chips":
 * it fails, so that the last good answer stays, marked stale.
 */
export function parseChips(body: unknown): Parsed<Chip[]> {
  if (!isJsonObject(body)) {
    throw malformedResponse(l10n.t('the body is {0}, not a map of games and their chips', describeJson(body)));
  }
  const chips: Chip[] = [];
  const skipped: Skipped[] = [];
  const games = Object.entries(body);
  let gamesRead = 0;
  for (const [gameKey, gameChips] of games) {
    const at = pathOf('', gameKey);
    const gameId = GAME_ID.read(gameKey);
    if (gameId === undefined || !isJsonObject(gameChips)) {
      skipped.push({ at, reason: gameId === undefined ? badKey(GAME_ID) : notAnObject(gameChips) });
      continue;
    }
    gamesRead++;
    for (const [chipKey, entry] of Object.entries(gameChips)) {
      const chip = readChip(gameId, chipKey, entry, pathOf(at, chipKey), skipped);
      if (chip) {
        chips.push(chip);
      }
    }
  }
  if (games.length > 0 && gamesRead === 0) {
    throw malformedResponse(l10n.t('not one game of its answer is readable: {0}', skipped[0].reason));
  }
  return { value: chips, skipped };
}

function readChip(gameId: string, key: string, entry: unknown, at: string, skipped: Skipped[]): Chip | undefined {
  const address = ADDRESS.read(key);
  if (address === undefined || !isJsonObject(entry)) {
    skipped.push({ at, reason: address === undefined ? badKey(ADDRESS) : notAnObject(entry) });
    return undefined;
  }
  const fields = new FieldReader(entry, at, skipped);
  const balance = fields.required('balance', AMOUNT);
  if (balance === undefined) {
    return undefined;
  }
  return { gameId, address, balance, name: fields.optional('name', TEXT), symbol: fields.optional('symbol', TEXT), image: fields.optional('image', HTTPS_URL) };
}
