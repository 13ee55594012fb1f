import { MAX_ACTIVITY_PAGE } from '../api/accountClient';
import { ActivityEntry } from '../model/activity';
import { entriesExplaining, explanationWindow, needsTokenList, TokenAliasSource, tokenAliases } from '../model/activityWindow';

/**
 * Pages read at most for one explanation (newest first, {@link MAX_ACTIVITY_PAGE} entries each):
 * enough for days of a busy account, and a bound on the requests one click makes.
 */
export const MAX_ACTIVITY_PAGES = 10;

/** As much of an activity page as the explanation reads. */
export interface ActivityPageAnswer {
  readonly value: readonly ActivityEntry[];
  readonly mayHaveMore: boolean;
}

export type FetchActivityPage = (paging: { readonly offset: number; readonly limit: number }, signal?: AbortSignal) => Promise<ActivityPageAnswer>;

export interface ActivityRead {
  /** Newest first, each record once. */
  readonly entries: ActivityEntry[];
  /** The log was read back to `from` (or to its start); false when the page cap stopped it first. */
  readonly complete: boolean;
}

/**
 * The activity log from now back to `from` (epoch ms), a page at a time, newest first, until a
 * page reaches past `from`, the log ends, or `maxPages` were read. An entry logged meanwhile shifts
 * the pages by one: the record seen twice is kept once.
 */
export async function readActivitySince(fetchPage: FetchActivityPage, from: number, options: { readonly signal?: AbortSignal; readonly maxPages?: number; readonly onPage?: (entriesRead: number) => void } = {}): Promise<ActivityRead> {
  const entries: ActivityEntry[] = [];
  const seen = new Set<string>();
  const maxPages = options.maxPages ?? MAX_ACTIVITY_PAGES;
  for (let page = 0; page < maxPages; page++) {
    const answer = await fetchPage({ offset: page * MAX_ACTIVITY_PAGE, limit: MAX_ACTIVITY_PAGE }, options.signal);
    for (const entry of answer.value) {
      if (entry.id === undefined || !seen.has(entry.id)) {
        entries.push(entry);
        if (entry.id !== undefined) {
          seen.add(entry.id);
        }
      }
    }
    options.onPage?.(entries.length);
    if (!answer.mayHaveMore || answer.value.length === 0 || answer.value.some((e) => e.at < from)) {
      return { entries, complete: true };
    }
  }
  return { entries, complete: false };
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
}

/**
 * What the activity log says about a change of balances between two refreshes. A token list that
 * cannot be had costs only the matches by address: the names still match.
 */
export async function explainChange(options: ExplainChangeOptions): Promise<ChangeExplanation> {
  const { since, until, signal } = options;
  const read = await readActivitySince(options.fetchPage, explanationWindow(since, until).from, options);
  let aliases = tokenAliases(options.tokens);
  if (needsTokenList(read.entries, aliases, since, until)) {
    try {
      aliases = tokenAliases(options.tokens, await options.tokenList(signal));
    } catch (error) {
      if (signal?.aborted) {
        throw error;
      }
    }
  }
  return { ...read, explaining: entriesExplaining(read.entries, aliases, since, until) };
}
