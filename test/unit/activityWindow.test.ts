import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ActivityEntry } from '../../src/core/model/activity';
import { ACTIVITY_CLOCK_SLACK_MS, entriesExplaining, explanationWindow, needsTokenList, tokenAliases, tokensUnnamed } from '../../src/core/model/activityWindow';

const SINCE = 1_700_000_000_000;
const UNTIL = SINCE + 300_000;
const GAMR_ADDRESS = '0xA1b2C3d4E5f60718293a4B5c6D7e8F9012345678';

const entry = (at: number, token: string | undefined, action = 'pay'): ActivityEntry => ({
  id: undefined,
  action,
  type: 'game',
  gameId: 'tavern',
  at,
  token,
  chip: undefined,
  amount: '1',
  txHash: undefined,
  succeeded: true,
  roomId: undefined,
});

describe('explanationWindow', () => {
  it('reaches a minute past both refreshes, for the two clocks', () => {
    assert.equal(ACTIVITY_CLOCK_SLACK_MS, 60_000);
    assert.deepEqual(explanationWindow(SINCE, UNTIL), { from: SINCE - 60_000, to: UNTIL + 60_000 });
  });
});

describe('entriesExplaining', () => {
  it('keeps the entries inside the window, slack included, and no others', () => {
    const inside = [entry(UNTIL + 60_000, 'gamr', 'earn'), entry(UNTIL, 'gamr'), entry(SINCE, 'gamr'), entry(SINCE - 60_000, 'gamr')];
    const outside = [entry(UNTIL + 60_001, 'gamr'), entry(SINCE - 60_001, 'gamr')];
    assert.deepEqual(entriesExplaining([outside[0], ...inside, outside[1]], ['gamr'], SINCE, UNTIL), inside, 'in the order given');
  });

  it('matches the token by any alias, whatever its case, and leaves entries of other tokens or none', () => {
    const mine = [entry(SINCE + 1, 'GAMR'), entry(SINCE + 2, GAMR_ADDRESS)];
    const others = [entry(SINCE + 3, 'plyr'), entry(SINCE + 4, undefined, 'login'), entry(SINCE + 5, 'gamr2')];
    assert.deepEqual(entriesExplaining([...mine, ...others], ['gamr', GAMR_ADDRESS.toLowerCase()], SINCE, UNTIL), mine);
    assert.deepEqual(entriesExplaining([...mine, ...others], ['gamr'], SINCE, UNTIL), [mine[0]], 'an address the aliases do not name is another token');
    assert.deepEqual(entriesExplaining(others, ['gamr', 'PLYR'], SINCE, UNTIL), [others[0]]);
    assert.deepEqual(entriesExplaining([], ['gamr'], SINCE, UNTIL), []);
  });
});

describe('tokenAliases', () => {
  const list = [
    { apiId: 'gamr', address: GAMR_ADDRESS },
    { apiId: 'plyr', address: '0x0000000000000000000000000000000000000000' },
    { apiId: 'odd', address: 'not an address' },
  ];

  it('adds the address of a named token, and the name of a token given by address, lower case', () => {
    assert.deepEqual(tokenAliases(['gamr']), ['gamr']);
    assert.deepEqual(tokenAliases(['GAMR'], list), ['gamr', GAMR_ADDRESS.toLowerCase()]);
    assert.deepEqual(tokenAliases([GAMR_ADDRESS], list), [GAMR_ADDRESS.toLowerCase(), 'gamr']);
    assert.deepEqual(tokenAliases(['odd', 'usdc'], list), ['odd', 'usdc'], 'no address to add, a token the list lacks');
  });
});

describe('needsTokenList', () => {
  it('asks for the list only when an entry in the window names a token by an unknown address', () => {
    const named = [entry(SINCE, 'gamr'), entry(SINCE, 'plyr')];
    assert.equal(needsTokenList(named, ['gamr'], SINCE, UNTIL), false);
    assert.equal(needsTokenList([...named, entry(SINCE, GAMR_ADDRESS)], ['gamr'], SINCE, UNTIL), true);
    assert.equal(needsTokenList([entry(SINCE, GAMR_ADDRESS)], ['gamr', GAMR_ADDRESS.toLowerCase()], SINCE, UNTIL), false, 'already known');
    assert.equal(needsTokenList([entry(SINCE - 120_000, GAMR_ADDRESS)], ['gamr'], SINCE, UNTIL), false, 'outside the window');
  });
});

describe('tokensUnnamed', () => {
  const list = [{ apiId: 'gamr', address: GAMR_ADDRESS }];

  it('gives the tokens no entry names, in the order given, matching as entriesExplaining does', () => {
    const entries = [entry(SINCE, 'PLYR', 'earn')];
    assert.deepEqual(tokensUnnamed(['plyr', 'avax'], entries), ['avax'], 'PLYR named (in any case), AVAX not');
    assert.deepEqual(tokensUnnamed(['avax', 'plyr', 'usdc'], entries), ['avax', 'usdc']);
    assert.deepEqual(tokensUnnamed(['plyr'], entries), []);
    assert.deepEqual(tokensUnnamed(['plyr', 'avax'], []), ['plyr', 'avax'], 'no entry: none named');
    assert.deepEqual(tokensUnnamed(['gamr'], [entry(SINCE, undefined, 'login')]), ['gamr']);
  });

  it("takes an entry that names a token by its contract (by the token list) as naming that token, and the list's name for a token kept by its address", () => {
    const byAddress = [entry(SINCE, GAMR_ADDRESS.toLowerCase())];
    assert.deepEqual(tokensUnnamed(['gamr', 'plyr'], byAddress, list), ['plyr']);
    assert.deepEqual(tokensUnnamed(['gamr', 'plyr'], byAddress), ['gamr', 'plyr'], 'without the list the address names another token');
    assert.deepEqual(tokensUnnamed([GAMR_ADDRESS, 'plyr'], [entry(SINCE, 'gamr')], list), ['plyr']);
  });
});
