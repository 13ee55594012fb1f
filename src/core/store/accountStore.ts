import { AccountClient } from '../api/accountClient';
import { activityKey, ActivityEntry } from '../model/activity';
import { Allowance } from '../model/allowances';
import { Chip } from '../model/chips';
import { AccountInfo, SecondaryWallet } from '../model/wallets';
import { Emitter } from './emitter';
import { Combine, LastGood, LastGoodStore } from './lastGoodStore';

/** The groups under a PLYR ID's row, beside its token balances. */
export const ACCOUNT_SECTIONS = ['chips', 'allowances', 'activity', 'wallets'] as const;
export type AccountSection = (typeof ACCOUNT_SECTIONS)[number];

/** The activity log as far as it was read: newest first, pages appended by Load more. */
export interface ActivityLog {
  readonly entries: readonly ActivityEntry[];
  readonly mayHaveMore: boolean;
  /**
   * How far down the server's log it was read, unreadable entries included: Load more asks from
   * here (not from the count of entries, which would ask a page of unreadable ones again and again).
   * At most the true depth (entries logged since move it down): a page may repeat entries, never skip one.
   */
  readonly readTo: number;
  /** The server's clock less ours at the latest answer (its Date header): the entries' ages are on its clock. */
  readonly clockOffsetMs?: number;
}

/** The account's wallets: its primary and mirror (from its info) and the secondary ones bound to it. */
export interface AccountWallets {
  readonly info: AccountInfo;
  readonly secondaries: readonly SecondaryWallet[];
}

export interface SectionValues {
  readonly chips: readonly Chip[];
  readonly allowances: readonly Allowance[];
  readonly activity: ActivityLog;
  readonly wallets: AccountWallets;
}

/** How each section is asked of the server (the client's account routes, composed at activation). */
export interface AccountFetch {
  chips(plyrId: string, signal: AbortSignal): Promise<readonly Chip[]>;
  allowances(plyrId: string, signal: AbortSignal): Promise<readonly Allowance[]>;
  activity(plyrId: string, page: { readonly offset: number; readonly limit: number }, signal: AbortSignal): Promise<ActivityLog>;
  wallets(plyrId: string, signal: AbortSignal): Promise<AccountWallets>;
}

export interface AccountStoreOptions {
  readonly fetch: AccountFetch;
  /** Where answers come from (the API root): entries of one server never show under another. */
  readonly scope: () => string;
  readonly now?: () => number;
}

/** A page of the activity log: what the first load and each Load more ask for. */
export const ACTIVITY_PAGE = 25;
/** A refresh asks again for what was read, up to this many entries (the server's page limit); older pages read are kept. */
const MAX_ACTIVITY_REFRESH = 100;

export interface SectionChange {
  readonly plyrId: string;
  readonly section: AccountSection;
}

/**
 * What is known of each PLYR ID's chips, allowances, activity and wallets, on the rules of
 * the balances: loaded when asked (a collapsed group costs nothing), shared while in flight,
 * the last good answer kept (stale) when a later one fails.
 */
export class AccountStore {
  readonly #stores: { readonly [S in AccountSection]: LastGoodStore<SectionValues[S]> };
  readonly #changed = new Emitter<SectionChange[]>();
  readonly #listeners: { dispose(): void }[];
  readonly onDidChange = this.#changed.event;

  readonly #options: AccountStoreOptions;

  constructor(options: AccountStoreOptions) {
    this.#options = options;
    const make = <V>() => new LastGoodStore<V>({ scope: options.scope, now: options.now });
    this.#stores = { chips: make(), allowances: make(), activity: make(), wallets: make() };
    this.#listeners = ACCOUNT_SECTIONS.map((section) => this.#stores[section].onDidChange((ids) => this.#changed.fire(ids.map((plyrId) => ({ plyrId, section })))));
  }

  get<S extends AccountSection>(plyrId: string, section: S): LastGood<SectionValues[S]> | undefined {
    return this.#stores[section].get(plyrId) as LastGood<SectionValues[S]> | undefined;
  }

  /**
   * Loads a section (again); the activity log asks for as many entries as were read, in one page,
   * and keeps the pages read beyond them ({@link withNewest}).
   */
  load<S extends AccountSection>(plyrId: string, section: S, signal?: AbortSignal): Promise<LastGood<SectionValues[S]>> {
    const store = this.#stores[section] as LastGoodStore<SectionValues[S]>;
    return store.load(plyrId, (shared, previous) => this.#fetchSection(plyrId, section, shared, previous), signal, '', COMBINE[section]);
  }

  /**
   * The next page of the activity log, appended to what is shown when it answers ({@link withPage}).
   * The log grows at its top, so a page that repeats an entry shown says entries arrived there
   * since it was read, which no page further down holds: the top is then read again, as deep as
   * what is shown and one page more, and the group's age is that read's. Otherwise the page only
   * adds to the log, which stays as old as its top ({@link readTop}).
   */
  loadMore(plyrId: string, signal?: AbortSignal): Promise<LastGood<ActivityLog>> {
    return this.#stores.activity.load(
      plyrId,
      async (shared, previous): Promise<ActivityPage> => {
        const last = previous?.entries.at(-1);
        const fetch = this.#options.fetch;
        const offset = previous?.readTo ?? 0;
        const page = await fetch.activity(plyrId, { offset, limit: ACTIVITY_PAGE }, shared);
        const top = previous && overlaps(page, previous) ? await fetch.activity(plyrId, { offset: 0, limit: Math.min(MAX_ACTIVITY_REFRESH, previous.readTo + ACTIVITY_PAGE) }, shared) : undefined;
        return { ...page, offset, after: last && activityKey(last), ...(top ? { top } : {}) };
      },
      signal,
      // Not joined with a refresh of the first pages running meanwhile: that would read no new page.
      'more',
      withPage,
      readTop,
    );
  }

  /** The sections known of an identifier (what a refresh asks again). */
  loaded(plyrId: string): AccountSection[] {
    return ACCOUNT_SECTIONS.filter((section) => this.#stores[section].get(plyrId) !== undefined);
  }

  /** Drops everything known of these PLYR IDs; answers on their way are ignored. */
  forget(plyrIds: readonly string[]): void {
    const gone = new Set(plyrIds);
    for (const section of ACCOUNT_SECTIONS) {
      this.#stores[section].forget((key) => gone.has(key));
    }
  }

  /** Credentials changed: requests signed with the old ones are not joined any more. */
  newEpoch(): void {
    ACCOUNT_SECTIONS.forEach((section) => this.#stores[section].newEpoch());
  }

  dispose(): void {
    this.#listeners.forEach((l) => l.dispose());
    ACCOUNT_SECTIONS.forEach((section) => this.#stores[section].dispose());
    this.#changed.dispose();
  }

  #fetchSection<S extends AccountSection>(plyrId: string, section: S, signal: AbortSignal, previous: SectionValues[S] | undefined): Promise<SectionValues[S]> {
    const fetch = this.#options.fetch;
    const fetchers: { readonly [K in AccountSection]: () => Promise<SectionValues[K]> } = {
      chips: () => fetch.chips(plyrId, signal),
      allowances: () => fetch.allowances(plyrId, signal),
      activity: () => {
        const read = (previous as ActivityLog | undefined)?.readTo ?? 0;
        return fetch.activity(plyrId, { offset: 0, limit: Math.min(MAX_ACTIVITY_REFRESH, Math.max(ACTIVITY_PAGE, read)) }, signal);
      },
      wallets: () => fetch.wallets(plyrId, signal),
    };
    return fetchers[section]() as Promise<SectionValues[S]>;
  }
}

/** How a section's answer joins what is shown when it settles; the others replace it. */
const COMBINE: { readonly [S in AccountSection]?: Combine<SectionValues[S]> } = { activity: withNewest };

/**
 * A page read by Load more: where it was asked from, the entry it was asked to follow (the last
 * one shown then), and the top of the log read again when the page showed that entries arrived there.
 */
export interface ActivityPage extends ActivityLog {
  readonly offset?: number;
  readonly after?: string;
  readonly top?: ActivityLog;
}

/** Whether a page repeats an entry of the log: the log moved down since it was read. */
function overlaps(page: ActivityLog, log: ActivityLog): boolean {
  const shown = new Set(log.entries.map(activityKey));
  return page.entries.some((e) => shown.has(activityKey(e)));
}

/** Whether Load more read the top of the log (its first page, or the top read again): what dates the log. */
export function readTop(page: ActivityPage): boolean {
  return page.offset === 0 || page.top !== undefined;
}

/**
 * A page read by Load more, after the log as shown when it answers (a refresh may have landed
 * meanwhile): an entry shown already is not repeated. The log only grows at its newest end, so
 * the page's entries can repeat shown ones but skip none, as long as the entry it was asked to
 * follow is still shown; when a refresh replaced the log without it, the page is left out. The top
 * of the log, when read again, goes ahead of both, on the rules of a refresh ({@link withNewest}).
 */
export function withPage(page: ActivityPage, shown: ActivityLog | undefined): ActivityLog {
  const log = appended(page, shown);
  return page.top === undefined ? log : withNewest(page.top, log);
}

function appended(page: ActivityPage, shown: ActivityLog | undefined): ActivityLog {
  if (page.after === undefined) {
    // Asked when nothing was shown, it is the first page: the newest entries, ahead of any the
    // first load, landed meanwhile, shows (an entry logged between the two would otherwise go last).
    return withNewest({ entries: page.entries, mayHaveMore: page.mayHaveMore, readTo: page.readTo, ...offsetOf(page) }, shown);
  }
  const read = shown?.entries ?? [];
  const seen = new Set(read.map(activityKey));
  if (shown && page.after !== undefined && !seen.has(page.after)) {
    return shown;
  }
  const entries = [...read, ...page.entries.filter((e) => !seen.has(activityKey(e)))];
  return { entries, mayHaveMore: page.mayHaveMore, readTo: Math.max(page.readTo, shown?.readTo ?? 0, entries.length), ...offsetOf(page.clockOffsetMs === undefined ? shown ?? {} : page) };
}

/**
 * The newest entries, read again by a refresh, followed by the older ones shown (pages Load more
 * read, beyond what a refresh asks for, or landed while it was asked). Only when the answer
 * reaches back to the newest entry shown: otherwise more happened than it holds, older entries
 * would follow a gap, and the answer alone is shown.
 */
export function withNewest(fresh: ActivityLog, shown: ActivityLog | undefined): ActivityLog {
  const newestShown = shown?.entries[0];
  const fresher = new Set(fresh.entries.map(activityKey));
  if (!newestShown || !fresher.has(activityKey(newestShown))) {
    return fresh;
  }
  const older = shown.entries.filter((e) => !fresher.has(activityKey(e)));
  if (older.length === 0) {
    return fresh;
  }
  const entries = [...fresh.entries, ...older];
  // Each bound is at most the depth read: the log is read without a gap down to its last entry.
  return { entries, mayHaveMore: shown.mayHaveMore, readTo: Math.max(fresh.readTo, shown.readTo, entries.length), ...offsetOf(fresh) };
}

/** The clock offset an answer measured, as a field only when it did. */
function offsetOf(answer: { readonly clockOffsetMs?: number }): { clockOffsetMs?: number } {
  return answer.clockOffsetMs === undefined ? {} : { clockOffsetMs: answer.clockOffsetMs };
}

/** The client's account routes as the store asks for them (composed once, at activation). */
export function accountFetchOf(client: AccountClient): AccountFetch {
  return {
    chips: async (plyrId, signal) => (await client.getChips(plyrId, {}, signal)).value,
    allowances: async (plyrId, signal) => (await client.getAllowances(plyrId, signal)).value,
    activity: async (plyrId, page, signal) => {
      const answer = await client.getActivity(plyrId, page, signal);
      // An entry a server sends twice in one answer is one row (a tree's ids must be unique).
      const seen = new Set<string>();
      const entries = answer.value.filter((e) => {
        const key = activityKey(e);
        const first = !seen.has(key);
        seen.add(key);
        return first;
      });
      return { entries, mayHaveMore: answer.mayHaveMore, readTo: answer.offset + answer.received, ...offsetOf(answer) };
    },
    wallets: async (plyrId, signal) => {
      const [info, secondaries] = await Promise.all([client.getUserInfo({ kind: 'plyrId', value: plyrId }, signal), client.getSecondaryWallets(plyrId, signal)]);
      return { info: info.value, secondaries: secondaries.value };
    },
  };
}
