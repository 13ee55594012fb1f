import { MAX_ACTIVITY_PAGE } from '../api/accountClient';
import { ActivityEntry } from '../model/activity';
import { entriesExplaining, explanationWindow, needsTokenList, TokenAliasSource, tokenAliases, tokensUnnamed } from '../model/activityWindow';

/**
 * Pages read at most for one explanation (newest first, {@link MAX_ACTIVITY_PAGE} entries each):
 * enough for days of a busy account, and a bound on the requests one click makes.
 */
export const MAX_ACTIVITY_PAGES = 10;

/** As much of an activity page as the explanation reads. */
export interface ActivityPageAnswer {
  readonly value: readonly ActivityEntry[];
  readonly mayHaveMore: boolean;
  /** The server's clock less ours when it answered: the log's times are the server's. */
  readonly clockOffsetMs?: number;
}

export type FetchActivityPage = (paging: { readonly offset: number; readonly limit: number }, signal?: AbortSignal) => Promise<ActivityPageAnswer>;

export interface ActivityRead {
  /** Newest first, each record once. */
  readonly entries: ActivityEntry[];
  /** The log was read back to `from` (or to its start); false when the page cap stopped it first. */
  readonly complete: boolean;
  /** The server's clock less ours, by the first page (0 when it did not say). */
  readonly clockOffsetMs: number;
}

/**
 * The activity log from now back to `from` (epoch ms by this machine's clock: each page's entries
 * are read on it by the server's clock offset), a page at a time, newest first, until a
 * page reaches past `from`, the log ends, or `maxPages` were read. An entry logged meanwhile shifts
 * the pages by one: the record seen twice is kept once.
 */
export async function readActivitySince(fetchPage: FetchActivityPage, from: number, options: { readonly signal?: AbortSignal; readonly maxPages?: number; readonly onPage?: (entriesRead: number) => void } = {}): Promise<ActivityRead> {
  const entries: ActivityEntry[] = [];
  const seen = new Set<string>();
  const maxPages = options.maxPages ?? MAX_ACTIVITY_PAGES;
  let clockOffsetMs: number | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await fetchPage({ offset: page * MAX_ACTIVITY_PAGE, limit: MAX_ACTIVITY_PAGE }, options.signal);
    clockOffsetMs ??= answer.clockOffsetMs;
    const shift = answer.clockOffsetMs ?? clockOffsetMs ?? 0;
    for (const entry of answer.value) {
      if (entry.id === undefined || !seen.has(entry.id)) {
        entries.push(entry);
        if (entry.id !== undefined) {
          seen.add(entry.id);
        }
      }
    }
    options.onPage?.(entries.length);
    // A full page of entries none of which could be read is not the log's end: mayHaveMore says.
    if (!answer.mayHaveMore || answer.value.some((e) => e.at - shift < from)) {
      return { entries, complete: true, clockOffsetMs: clockOffsetMs ?? 0 };
    }
  }
  return { entries, complete: false, clockOffsetMs: clockOffsetMs ?? 0 };
}

export interface ExplainChangeOptions {
  readonly fetchPage: FetchActivityPage;
  /** The token list, asked only when an entry names a token by an address the balances do not. */
  readonly tokenList: (signal?: AbortSignal) => Promise<readonly TokenAliasSource[]>;
  /** The balance keys that moved (`gamr`, or a token address). */
  readonly tokens: readonly string[];
  /** The good answer the change is measured from, and the one that brought it (epoch ms). */
  readonly since: number;
  readonly until: number;
  readonly signal?: AbortSignal;
  readonly maxPages?: number;
  readonly onPage?: (entriesRead: number) => void;
}

export interface ChangeExplanation extends ActivityRead {
  /** The entries that may explain the change: inside the window, naming one of the tokens. */
  readonly explaining: ActivityEntry[];
  /** The tokens (of those asked about) that none of `explaining` names, in the order asked: all of them when it is empty. */
  readonly unexplained: string[];
}

/**
 * What the activity log says about a change of balances between two refreshes. A token list that
 * cannot be had costs only the matches by address: the names still match.
 */
export async function explainChange(options: ExplainChangeOptions): Promise<ChangeExplanation> {
  const { since, until, signal } = options;
  const read = await readActivitySince(options.fetchPage, explanationWindow(since, until).from, options);
  // The refreshes' times on the server's clock, which timed the log: a skew under the 5 minutes
  // a signature allows goes unnoticed otherwise, and would move the window off the entries.
  const [from, to] = [since + read.clockOffsetMs, until + read.clockOffsetMs];
  let list: readonly TokenAliasSource[] = [];
  if (needsTokenList(read.entries, tokenAliases(options.tokens), from, to)) {
    try {
      list = await options.tokenList(signal);
    } catch (error) {
      if (signal?.aborted) {
        throw error;
      }
    }
  }
  const explaining = entriesExplaining(read.entries, tokenAliases(options.tokens, list), from, to);
  // Each token by the same aliases: an entry that names a token by its contract explains that token.
  return { ...read, explaining, unexplained: tokensUnnamed(options.tokens, explaining, list) };
}
