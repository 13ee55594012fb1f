import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ActivityEntry } from '../../src/core/model/activity';
import { PlyrError } from '../../src/core/model/errors';
import { ActivityPageAnswer, explainChange, MAX_ACTIVITY_PAGES, readActivitySince } from '../../src/core/store/changeExplainer';

const NOW = 1_700_000_000_000;
const MINUTE = 60_000;
const GAMR_ADDRESS = '0xa1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

const entry = (n: number, fields: Partial<ActivityEntry> = {}): ActivityEntry => ({
  id: n.toString(16).padStart(24, '0'),
  action: 'pay',
  type: 'game',
  gameId: 'tavern',
  at: NOW - n * MINUTE,
  token: 'plyr',
  chip: undefined,
  amount: '1',
  txHash: undefined,
  succeeded: true,
  roomId: undefined,
  ...fields,
});

/** A log of `count` entries a minute apart, newest first, served a page at a time as the server does. */
function log(count: number, make: (n: number) => ActivityEntry = (n) => entry(n), clockOffsetMs?: number) {
  const entries = Array.from({ length: count }, (_, n) => make(n));
  const asked: { offset: number; limit: number }[] = [];
  const fetchPage = async (paging: { offset: number; limit: number }): Promise<ActivityPageAnswer> => {
    asked.push({ ...paging });
    const value = entries.slice(paging.offset, paging.offset + paging.limit);
    return { value, mayHaveMore: value.length >= paging.limit, ...(clockOffsetMs === undefined ? {} : { clockOffsetMs }) };
  };
  return { entries, asked, fetchPage };
}

describe('readActivitySince', () => {
  it('reads pages of 100, newest first, until one reaches past the time asked for', async () => {
    const { asked, fetchPage, entries } = log(500);
    const read = await readActivitySince(fetchPage, NOW - 150 * MINUTE);
    assert.deepEqual(asked, [
      { offset: 0, limit: 100 },
      { offset: 100, limit: 100 },
    ]);
    assert.deepEqual(read, { entries: entries.slice(0, 200), complete: true, clockOffsetMs: 0 });
  });

  it('stops at the end of the log, and at an empty page', async () => {
    const short = log(130);
    assert.deepEqual(await readActivitySince(short.fetchPage, 0), { entries: short.entries, complete: true, clockOffsetMs: 0 });
    assert.equal(short.asked.length, 2);
    const exact = log(100);
    assert.equal((await readActivitySince(exact.fetchPage, 0)).complete, true);
    assert.deepEqual(exact.asked.map((a) => a.offset), [0, 100], 'a full last page may have more: one more page says it has not');
  });

  it('reads at most the page cap, and says the log was not read far enough', async () => {
    assert.equal(MAX_ACTIVITY_PAGES, 10);
    const { asked, fetchPage } = log(5000);
    const read = await readActivitySince(fetchPage, 0);
    assert.equal(asked.length, 10);
    assert.equal(read.entries.length, 1000);
    assert.equal(read.complete, false);
    const capped = log(500);
    assert.equal((await readActivitySince(capped.fetchPage, 0, { maxPages: 2 })).entries.length, 200);
  });

  it('keeps a record once when an entry logged meanwhile shifts the pages, and tells progress', async () => {
    const { entries } = log(300);
    let shifted = false;
    const fetchPage = async ({ offset, limit }: { offset: number; limit: number }): Promise<ActivityPageAnswer> => {
      // After the first page a new entry arrives: the second page starts one earlier.
      const from = shifted ? offset - 1 : offset;
      shifted = true;
      return { value: entries.slice(from, from + limit), mayHaveMore: true };
    };
    const progress: number[] = [];
    const read = await readActivitySince(fetchPage, NOW - 150 * MINUTE, { onPage: (n) => void progress.push(n) });
    assert.equal(read.entries.length, 199);
    assert.equal(new Set(read.entries.map((e) => e.id)).size, 199);
    assert.deepEqual(progress, [100, 199]);
  });

  it('reads on past a full page none of whose entries could be read', async () => {
    const { entries, asked } = log(150);
    // The server sent 100 entries on the first page, none readable: not the end of the log.
    const fetchPage = async (paging: { offset: number; limit: number }): Promise<ActivityPageAnswer> => {
      asked.push({ ...paging });
      const value = paging.offset === 0 ? [] : entries.slice(paging.offset, paging.offset + paging.limit);
      return { value, mayHaveMore: paging.offset === 0 || value.length >= paging.limit };
    };
    const read = await readActivitySince(fetchPage, 0);
    assert.deepEqual(asked.map((a) => a.offset), [0, 100]);
    assert.deepEqual(read, { entries: entries.slice(100), complete: true, clockOffsetMs: 0 });
  });

  it('keeps entries without a record ID as they come', async () => {
    const { fetchPage } = log(3, (n) => entry(n, { id: undefined }));
    assert.equal((await readActivitySince(fetchPage, 0)).entries.length, 3);
  });
});

describe('explainChange', () => {
  const since = NOW - 10 * MINUTE;
  const until = NOW - 2 * MINUTE;

  it('finds the entries between the refreshes that name the token, without asking for the token list', async () => {
    const { fetchPage, entries } = log(200, (n) => entry(n, { token: n % 2 === 0 ? 'gamr' : 'plyr' }));
    let listAsked = 0;
    const tokenList = async () => {
      listAsked++;
      return [];
    };
    const found = await explainChange({ fetchPage, tokenList, tokens: ['gamr'], since, until });
    // Minutes 1 to 11 are in the window (a minute of slack each side); the even ones are GAMR.
    assert.deepEqual(
      found.explaining.map((e) => e.at),
      [2, 4, 6, 8, 10].map((n) => NOW - n * MINUTE),
    );
    assert.deepEqual(found.entries, entries.slice(0, 100), 'one page reached past the window');
    assert.equal(found.complete, true);
    assert.equal(listAsked, 0);
  });

  it("reads the refreshes' times on the server's clock: a server 3 minutes ahead (its Date header) is still explained", async () => {
    // The log is timed by the server; this machine's refreshes ran 3 minutes behind it, under the 5 a signature allows.
    const skew = 3 * MINUTE;
    const { fetchPage } = log(200, (n) => entry(n, { token: n % 2 === 0 ? 'gamr' : 'plyr' }), skew);
    const found = await explainChange({ fetchPage, tokenList: async () => [], tokens: ['gamr'], since: since - skew, until: until - skew });
    assert.deepEqual(
      found.explaining.map((e) => e.at),
      [2, 4, 6, 8, 10].map((n) => NOW - n * MINUTE),
    );
    assert.equal(found.clockOffsetMs, skew);
  });

  it('leaves out what names the token but moves no balance: an approval or a revoked one', async () => {
    const actions = ['pay', 'approve', 'earn', 'revoke', 'loginAndApprove'];
    const { fetchPage } = log(200, (n) => entry(n, { token: 'gamr', action: actions[n % actions.length] }));
    const found = await explainChange({ fetchPage, tokenList: async () => [], tokens: ['gamr'], since, until });
    assert.deepEqual(
      found.explaining.map((e) => `${e.action} ${(NOW - e.at) / MINUTE}`),
      ['earn 2', 'pay 5', 'earn 7', 'pay 10'],
    );
  });

  it('asks for the token list when an entry names a token by address, and matches it', async () => {
    const { fetchPage } = log(20, (n) => entry(n, { token: n === 5 ? GAMR_ADDRESS : n === 6 ? 'gamr' : 'plyr' }));
    let listAsked = 0;
    const tokenList = async () => {
      listAsked++;
      return [{ apiId: 'gamr', address: GAMR_ADDRESS }];
    };
    const found = await explainChange({ fetchPage, tokenList, tokens: ['gamr'], since, until });
    assert.deepEqual(
      found.explaining.map((e) => e.token),
      [GAMR_ADDRESS, 'gamr'],
    );
    assert.equal(listAsked, 1);
  });

  it('still matches by name when the token list fails, and stops when cancelled', async () => {
    const { fetchPage } = log(20, (n) => entry(n, { token: n === 5 ? GAMR_ADDRESS : 'gamr' }));
    const failing = async () => {
      throw new PlyrError('serverError', 'Token list not available yet');
    };
    const found = await explainChange({ fetchPage, tokenList: failing, tokens: ['gamr'], since, until });
    assert.equal(found.explaining.length, 10, 'minutes 1 to 11 but the one named by address (minute 0 is after the window)');
    const abort = new AbortController();
    abort.abort();
    const cancelled = async () => {
      throw new PlyrError('cancelled', 'The request was cancelled.');
    };
    await assert.rejects(explainChange({ fetchPage, tokenList: cancelled, tokens: ['gamr'], since, until, signal: abort.signal }), { code: 'cancelled' });
  });

  it('says which of the changed tokens no entry names: an entry naming one by its contract names it', async () => {
    const { fetchPage } = log(20, (n) => entry(n, { token: n === 5 ? GAMR_ADDRESS : 'plyr' }));
    const tokenList = async () => [{ apiId: 'gamr', address: GAMR_ADDRESS }];
    const both = await explainChange({ fetchPage, tokenList, tokens: ['gamr', 'avax', 'plyr'], since, until });
    assert.deepEqual(both.unexplained, ['avax'], 'GAMR by its address, PLYR by name; nothing names AVAX');
    const none = await explainChange({ fetchPage, tokenList, tokens: ['avax', 'usdc'], since, until });
    assert.deepEqual([none.explaining, none.unexplained], [[], ['avax', 'usdc']]);
    const listFails = await explainChange({ fetchPage, tokenList: async () => Promise.reject(new PlyrError('serverError', 'down')), tokens: ['gamr', 'plyr'], since, until });
    assert.deepEqual(listFails.unexplained, ['gamr'], 'without the list, the entry by address is not taken for GAMR');
  });

  it('passes a failure to read the log on', async () => {
    const fetchPage = async (): Promise<ActivityPageAnswer> => {
      throw new PlyrError('userNotFound', 'No such PLYR ID.');
    };
    await assert.rejects(explainChange({ fetchPage, tokenList: async () => [], tokens: ['gamr'], since, until }), { code: 'userNotFound' });
  });
});
