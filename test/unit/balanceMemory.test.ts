import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { boundedLike, MAX_REMEMBERED_IDS, MAX_REMEMBERED_TOKENS, MAX_SCOPES, mergedMemory, rememberedIn, rememberedOf, withRemembered, withoutRemembered, withReturned } from '../../src/core/store/balanceMemory';

const MAINNET = 'https://api.plyr.network/api/';
const TESTNET = 'https://api-testnet.plyr.network/api/';

describe('balance memory', () => {
  it('gives back what was remembered for a scope, and nothing of another scope', () => {
    const saved = withRemembered(undefined, MAINNET, new Map([['player123', { balances: { plyr: '12.5' }, fetchedAt: 1000 }]]));
    assert.deepEqual([...rememberedIn(saved, MAINNET)], [['player123', { balances: { plyr: '12.5' }, fetchedAt: 1000 }]]);
    assert.equal(rememberedIn(saved, TESTNET).size, 0);
  });

  it('survives the trip through JSON, as globalState stores it', () => {
    const saved = JSON.parse(JSON.stringify(withRemembered(undefined, MAINNET, new Map([['a', { balances: { gamr: '9007199.254740993123456789' }, fetchedAt: 7 }]]))));
    assert.equal(rememberedIn(saved, MAINNET).get('a')?.balances.gamr, '9007199.254740993123456789', 'exact: never a number');
  });

  it('drops malformed records instead of showing them', () => {
    const raw = {
      [MAINNET]: {
        ok: { balances: { plyr: '1' }, fetchedAt: 1 },
        notDecimal: { balances: { plyr: '-1' }, fetchedAt: 1 },
        numberAmount: { balances: { plyr: 1 }, fetchedAt: 1 },
        noTime: { balances: { plyr: '1' } },
        infinite: { balances: { plyr: '1' }, fetchedAt: Infinity },
        notObject: 'x',
      },
    };
    assert.deepEqual([...rememberedIn(raw, MAINNET).keys()], ['ok']);
    for (const junk of [undefined, null, 3, 'x', [], { [MAINNET]: [] }, { [MAINNET]: null }]) {
      assert.equal(rememberedIn(junk, MAINNET).size, 0);
    }
    assert.equal(rememberedIn({}, '__proto__').size, 0, 'an inherited key is not a scope');
  });

  it('leaves out an identifier with more tokens than a sane account holds, and keeps the others', () => {
    const tokens = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, '1']));
    const saved = withRemembered(undefined, MAINNET, new Map([
      ['most', { balances: tokens(MAX_REMEMBERED_TOKENS), fetchedAt: 1 }],
      ['flood', { balances: tokens(10_000), fetchedAt: 1 }],
    ]));
    assert.deepEqual([...rememberedIn(saved, MAINNET).keys()], ['most']);
    assert.ok(JSON.stringify(saved).length < 10_000, `${JSON.stringify(saved).length} characters kept`);
  });

  it('keeps other scopes, at most MAX_SCOPES in all, the current one last', () => {
    let raw: unknown = undefined;
    for (let i = 0; i < MAX_SCOPES + 2; i++) {
      raw = withRemembered(raw, `https://host${i}/api/`, new Map([['x', { balances: { plyr: String(i) }, fetchedAt: i }]]));
    }
    raw = withRemembered(raw, 'https://host2/api/', new Map());
    const scopes = Object.keys(raw as object);
    assert.equal(scopes.length, MAX_SCOPES);
    assert.equal(scopes.at(-1), 'https://host2/api/');
    assert.equal(rememberedIn(raw, 'https://host5/api/').get('x')?.balances.plyr, '5');
    assert.equal(rememberedIn(raw, 'https://host0/api/').size, 0, 'the oldest scope was dropped');
  });

  it("keeps what another window or workspace remembered, and writes this window's own over it", () => {
    // Workspace A watches 0xaaa; workspace B, opened later, tracks player123 only.
    const fromA = withRemembered(undefined, MAINNET, new Map([['0xaaa', { balances: { plyr: '1' }, fetchedAt: 10 }], ['player123', { balances: { plyr: '2' }, fetchedAt: 10 }]]));
    const fromB = withRemembered(fromA, MAINNET, new Map([['player123', { balances: { plyr: '3' }, fetchedAt: 20 }]]));
    const remembered = rememberedIn(fromB, MAINNET);
    assert.equal(remembered.get('0xaaa')?.balances.plyr, '1');
    assert.equal(remembered.get('player123')?.balances.plyr, '3');
  });

  it(`keeps at most ${MAX_REMEMBERED_IDS} identifiers per scope: this window's, then the others most recently fetched`, () => {
    const others = new Map(Array.from({ length: MAX_REMEMBERED_IDS }, (_, i) => [`other${i}`, { balances: { plyr: '1' }, fetchedAt: i }]));
    const saved = withRemembered(withRemembered(undefined, MAINNET, others), MAINNET, new Map([['mine', { balances: { plyr: '9' }, fetchedAt: 0 }]]));
    const remembered = rememberedIn(saved, MAINNET);
    assert.equal(remembered.size, MAX_REMEMBERED_IDS);
    assert.equal(remembered.get('mine')?.balances.plyr, '9');
    assert.ok(!remembered.has('other0'), 'the least recently fetched of the others made room');
    assert.ok(remembered.has(`other${MAX_REMEMBERED_IDS - 1}`));
  });

  it('forgets identifiers taken out of the lists, on every scope, and keeps the rest', () => {
    const two = new Map([['gone', { balances: { plyr: '1' }, fetchedAt: 1 }], ['kept', { balances: { plyr: '2' }, fetchedAt: 1 }]]);
    const saved = withRemembered(withRemembered(undefined, 'https://other/api/', two), MAINNET, two);
    const after = withoutRemembered(saved, ['gone']);
    for (const scope of [MAINNET, 'https://other/api/']) {
      assert.deepEqual([...rememberedIn(after, scope).keys()], ['kept'], scope);
    }
    assert.deepEqual(withoutRemembered('not an object', ['gone']), {});
  });

  it('takes out what is remembered of some identifiers on every scope, and puts it back under those it holds nothing for', () => {
    const a = { balances: { plyr: '1' }, fetchedAt: 1 };
    const b = { balances: { plyr: '2' }, fetchedAt: 2 };
    const raw = { [MAINNET]: { gone: a, kept: a }, [TESTNET]: { gone: b }, 'https://x/api/': { kept: b } };
    const taken = rememberedOf(raw, ['gone']);
    assert.deepEqual(taken, { [MAINNET]: { gone: a }, [TESTNET]: { gone: b } }, 'every scope that had it, no other');
    const without = withoutRemembered(raw, ['gone']);
    const newer = { balances: { plyr: '3' }, fetchedAt: 3 };
    const since = { ...without, [TESTNET]: { gone: newer } };
    assert.deepEqual(withReturned(since, taken), { [MAINNET]: { gone: a, kept: a }, [TESTNET]: { gone: newer }, 'https://x/api/': { kept: b } }, 'a newer record is kept');
    assert.deepEqual(withReturned({ [MAINNET]: {} }, taken), { [MAINNET]: { gone: a } }, 'a scope dropped since stays dropped');
    assert.deepEqual(rememberedOf('corrupt', ['gone']), {});
  });

  it('merges two memories on every scope either has, the newer one winning', () => {
    const a = { balances: { plyr: '1' }, fetchedAt: 1 };
    const b = { balances: { plyr: '2' }, fetchedAt: 2 };
    assert.deepEqual(mergedMemory({ [MAINNET]: { x: b } }, { [MAINNET]: { x: a, y: a }, [TESTNET]: { x: a } }), { [MAINNET]: { x: b, y: a }, [TESTNET]: { x: a } });
  });

  it('bounds a memory to the scopes another has, and to MAX_REMEMBERED_IDS a scope, the newest kept', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_REMEMBERED_IDS + 2 }, (_, i) => [`member-${i}`, { balances: { plyr: '1' }, fetchedAt: i }]));
    const bounded = boundedLike({ [MAINNET]: many, [TESTNET]: { x: { balances: {}, fetchedAt: 1 } } }, { [MAINNET]: {} });
    assert.deepEqual(Object.keys(bounded), [MAINNET], 'a scope dropped from what is remembered is dropped here too');
    assert.equal(Object.keys(bounded[MAINNET]).length, MAX_REMEMBERED_IDS);
    assert.ok(!('member-0' in bounded[MAINNET]) && !('member-1' in bounded[MAINNET]) && 'member-2' in bounded[MAINNET], 'the oldest two go');
  });

  it('takes out, puts back and bounds a memory holding records without a time (null, another shape), dropping them, without throwing', () => {
    const good = { balances: { gamr: '1' }, fetchedAt: 5 };
    const raw = { [MAINNET]: { alice: null, bob: good, carol: { balances: {} }, dave: { fetchedAt: 'x' } } };
    assert.deepEqual(withoutRemembered(raw, ['alice']), { [MAINNET]: { bob: good } });
    const taken = rememberedOf(raw, ['alice', 'bob', 'carol']);
    assert.deepEqual(taken, { [MAINNET]: { bob: good } });
    assert.deepEqual(boundedLike(mergedMemory(taken, rememberedOf(raw, ['dave'])), raw), { [MAINNET]: { bob: good } });
    assert.deepEqual(withReturned({ [MAINNET]: { alice: null } }, taken), { [MAINNET]: { bob: good } });
  });
});
