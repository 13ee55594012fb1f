import { ActivityEntry } from './activity';
import { isAddressText } from './identifier';

/**
 * How far outside the window between two refreshes an activity entry may be and still explain the
 * change: the log's times are the server's clock and a refresh's time is this machine's (moved to
 * the server's by its Date header, which is to the second), and the server may log a payment a
 * moment before or after the balance it moves settles. A minute covers both without reaching the
 * refresh before.
 */
export const ACTIVITY_CLOCK_SLACK_MS = 60_000;

/** The span of log times searched for a change seen between two refreshes, slack included. */
export function explanationWindow(since: number, until: number): { readonly from: number; readonly to: number } {
  return { from: since - ACTIVITY_CLOCK_SLACK_MS, to: until + ACTIVITY_CLOCK_SLACK_MS };
}

/** A token of the token list as far as matching goes: its API name and contract address. */
export interface TokenAliasSource {
  readonly apiId: string;
  readonly address: string;
}

/**
 * The names an activity entry may give the tokens (balance keys such as `gamr`, or a token
 * address): each itself and, from the token list, the other of name and address; lower case.
 */
export function tokenAliases(tokens: readonly string[], list: readonly TokenAliasSource[] = []): string[] {
  const aliases = new Set(tokens.map((t) => t.toLowerCase()));
  for (const token of list) {
    const address = token.address.toLowerCase();
    if (aliases.has(token.apiId.toLowerCase()) || aliases.has(address)) {
      aliases.add(token.apiId.toLowerCase());
      if (isAddressText(address)) {
        aliases.add(address);
      }
    }
  }
  return [...aliases];
}

/**
 * Whether an entry inside the window names a token by an address the aliases do not know: only
 * then is the token list worth asking for.
 */
export function needsTokenList(entries: readonly ActivityEntry[], aliases: readonly string[], since: number, until: number): boolean {
  const known = new Set(aliases);
  return inWindow(entries, since, until).some((e) => e.token !== undefined && isAddressText(e.token) && !known.has(e.token.toLowerCase()));
}

/**
 * The activity entries that may explain a change of these tokens seen between two refreshes (at
 * `since` and `until`, epoch ms): those inside the window that name one of the tokens (any of
 * its aliases, case-insensitively) and may move it, in the order given (the log's: newest first).
 */
export function entriesExplaining(entries: readonly ActivityEntry[], aliases: readonly string[], since: number, until: number): ActivityEntry[] {
  const wanted = new Set(aliases.map((a) => a.toLowerCase()));
  return inWindow(entries, since, until).filter((e) => e.token !== undefined && wanted.has(e.token.toLowerCase()) && !MOVES_NOTHING.has(e.action.toLowerCase()));
}

/**
 * Which of the tokens none of the entries names (by any of its aliases, case-insensitively), in the
 * order given: a change of several tokens may be explained for some of them only, and the rest are
 * said to be unexplained. `list` is the token list the entries were matched with, if it was asked.
 */
export function tokensUnnamed(tokens: readonly string[], entries: readonly ActivityEntry[], list: readonly TokenAliasSource[] = []): string[] {
  const named = new Set(entries.flatMap((e) => (e.token === undefined ? [] : [e.token.toLowerCase()])));
  return tokens.filter((token) => !tokenAliases([token], list).some((alias) => named.has(alias)));
}

/**
 * Actions the PLYR API logs with a token (and an amount) that move no balance: a game's allowance
 * given, taken back, or given at login. Listed, "approve 100 GAMR" would read as a payment.
 */
const MOVES_NOTHING = new Set(['approve', 'revoke', 'loginandapprove']);

function inWindow(entries: readonly ActivityEntry[], since: number, until: number): ActivityEntry[] {
  const { from, to } = explanationWindow(since, until);
  return entries.filter((e) => e.at >= from && e.at <= to);
}
