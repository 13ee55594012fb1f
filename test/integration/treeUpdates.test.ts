import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BalanceStore } from '../../src/core/store/balanceStore';
import { AccountStore } from '../../src/core/store/accountStore';
import { Balances } from '../../src/core/model/balances';
import { Identifier, parseIdentifier } from '../../src/core/model/identifier';
import { PlyrError } from '../../src/core/model/errors';
import { TrackedStore } from '../../src/vscode/state/trackedStore';
import { AccountRows } from '../../src/vscode/views/tree/accountRows';
import { BalancesTreeProvider, TreeDeps } from '../../src/vscode/views/tree/balancesTreeProvider';
import { BalanceNode } from '../../src/vscode/views/tree/nodes';
import { MemoryState } from './helpers';

/** A tree over these stores as the sidebar makes it (its account groups closed: nothing asks for them), with `deps` over the defaults. */
function treeOf(tracked: TrackedStore, store: BalanceStore, now: () => number, deps: Partial<TreeDeps> = {}): BalancesTreeProvider {
  const never = () => Promise.reject(new Error('not asked here'));
  const accounts = new AccountStore({ fetch: { chips: never, allowances: never, activity: never, wallets: never }, scope: () => 'test', now });
  return new BalancesTreeProvider({
    tracked,
    watched: { all: [], find: () => undefined, problems: [], fileUri: () => undefined },
    sortOrder: () => ({ by: 'manual' }),
    store,
    hideZeroBalances: () => false,
    networkLabel: () => 'PLYR PHI mainnet',
    load: () => undefined,
    asked: () => false,
    masked: () => false,
    prices: () => undefined,
    pricesKnown: () => false,
    now,
    account: new AccountRows({ accounts, balances: store, masked: () => false, hideZeroBalances: () => false, now }),
    knownOwner: () => undefined,
    ...deps,
  });
}

/**
 * The Balances tree, driven as VS Code drives it (rows listed, items asked for, a row opened),
 * with the store's answers set by the test: which rows an answer makes it send again. VS Code
 * 1.90 keeps memory for every row it is sent again, and a 1,000-row refresh-all sends 1,000.
 */
describe('the Balances tree sends a row again only when what it shows changes', () => {
  const IDS = ['player123', 'crypto-fennec', 'zero-hero'];
  /** Each identifier's next answer; none makes its request fail. */
  let answers: Map<string, Balances>;
  /** Requests held until the test lets them answer. */
  let gates: Map<string, Promise<void>>;
  let store: BalanceStore;
  let provider: BalancesTreeProvider;
  let sent: BalanceNode[];
  let clock: number;

  const identifier = (id: string): Identifier => {
    const parsed = parseIdentifier(id);
    assert.ok(parsed.ok);
    return parsed.value;
  };
  /** A refresh as the sidebar runs it: the store asks, then the rows it changed are rendered. */
  const refresh = async (id: string) => {
    await store.refresh(identifier(id));
    provider.refresh([id]);
  };
  /** What VS Code does with rows it lists or is told changed: asks for their items. */
  const show = (nodes: readonly BalanceNode[]) => nodes.forEach((node) => provider.getTreeItem(node));
  const sentIds = () => sent.map((node) => (node !== undefined && 'id' in node ? node.id : String(node)));

  beforeEach(async () => {
    clock = Date.UTC(2026, 11, 3, 11, 0, 0);
    answers = new Map(IDS.map((id) => [id, { plyr: '1.5', gamr: '10' }]));
    gates = new Map();
    const fetch = async (id: Identifier) => {
      await gates.get(id.value);
      const balances = answers.get(id.value);
      if (!balances) {
        throw new Error('no answer');
      }
      return { identifier: id, token: undefined, balances, network: 'mainnet' as const, fetchedAt: clock };
    };
    store = new BalanceStore({ fetch, scope: () => 'test', now: () => clock });
    const tracked = new TrackedStore(new MemoryState());
    await tracked.update(() => IDS.map((id) => ({ id, kind: 'plyrId' as const })));
    provider = treeOf(tracked, store, () => clock, { load: (id) => void refresh(id) });
    for (const id of IDS) {
      await store.refresh(identifier(id));
    }
    // VS Code lists the rows, asks for each, and player123 is open.
    const rows = (await provider.getChildren()) as BalanceNode[];
    show(rows);
    show((await provider.getChildren(rows[0])) as BalanceNode[]);
    sent = [];
    provider.onDidChangeTreeData((node) => sent.push(node as BalanceNode));
  });

  afterEach(() => {
    provider.dispose();
    store.dispose();
  });

  it('sends nothing for answers that change nothing shown, seconds after the last', async () => {
    clock += 20_000;
    for (const id of IDS) {
      await refresh(id);
    }
    assert.deepEqual(sentIds(), []);
  });

  it('sends an open row whose tokens moved; a closed one reads the same until opened', async () => {
    clock += 20_000;
    answers.set('zero-hero', { plyr: '2', gamr: '10' });
    await refresh('zero-hero');
    // Values are off: the row reads "2 tokens · updated just now" either way, and VS Code holds
    // none of its token rows (never opened): opening it asks for them afresh.
    assert.deepEqual(sentIds(), []);
    answers.set('player123', { plyr: '2', gamr: '10' });
    await refresh('player123');
    assert.deepEqual(sentIds(), ['player123'], 'open, its token rows changed');
    const tokens = ((await provider.getChildren(sent[0])) as BalanceNode[]).map((node) => provider.getTreeItem(node).description);
    assert.match(String(tokens[0]), /^2\b/);
  });

  it('sends a row whose spinner shows, and again when its answer replaces the spinner', async () => {
    let answer = () => {};
    gates.set('crypto-fennec', new Promise<void>((resolve) => (answer = resolve)));
    const refreshed = store.refresh(identifier('crypto-fennec'));
    provider.refresh(['crypto-fennec']);
    assert.deepEqual(sentIds(), ['crypto-fennec'], 'the spinner');
    show(sent);
    answer();
    await refreshed;
    provider.refresh(['crypto-fennec']);
    assert.deepEqual(sentIds(), ['crypto-fennec', 'crypto-fennec'], 'the answer, in place of the spinner');
  });

  it('gives VS Code the spinner, not the answer rendered to tell the row changed, when it is loading again before VS Code asks', async () => {
    answers.set('crypto-fennec', { plyr: '3', gamr: '10', avax: '1' });
    await refresh('crypto-fennec'); // "3 tokens": rendered to tell that it changed; VS Code has not asked yet
    assert.deepEqual(sentIds(), ['crypto-fennec']);
    let answer = () => {};
    gates.set('crypto-fennec', new Promise<void>((resolve) => (answer = resolve)));
    const again = store.refresh(identifier('crypto-fennec'));
    provider.refresh(['crypto-fennec']);
    const icon = provider.getTreeItem(sent[1]).iconPath;
    assert.ok(icon instanceof vscode.ThemeIcon && icon.id === 'loading~spin', `the spinner, not ${JSON.stringify(icon)}`);
    answer();
    await again;
    provider.refresh(['crypto-fennec']);
    assert.match(String(provider.getTreeItem(sent[2]).description), /updated/, 'then the answer');
  });

  it("tells an open wallet of an account that its balances moved: its token rows read the new amounts", async () => {
    const wallet = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
    answers.set(wallet, { plyr: '1', gamr: '2' });
    const tracked = new TrackedStore(new MemoryState());
    await tracked.update(() => [{ id: 'player123', kind: 'plyrId' as const }]);
    const never = () => Promise.reject(new Error('not asked here'));
    const accounts = new AccountStore({ fetch: { chips: never, allowances: never, activity: never, wallets: never }, scope: () => 'test', now: () => clock });
    const account = new AccountRows({ accounts, balances: store, masked: () => false, hideZeroBalances: () => false, now: () => clock });
    const own = treeOf(tracked, store, () => clock, { account });
    const amounts = async (node: BalanceNode) => ((await own.getChildren(node)) as BalanceNode[]).map((n) => (n.type === 'walletToken' ? `${n.token} ${n.amount}` : n.type));
    try {
      // The Wallets group lists player123's primary wallet, and VS Code opens it (its balances are asked).
      const node = account.walletNode('user', 'player123', wallet, 'primary');
      assert.equal(account.walletNode('user', 'player123', wallet, 'primary'), node, 'one row object each time it is listed');
      assert.deepEqual(await amounts(node), ['plyr 1', 'gamr 2']);
      const told: unknown[] = [];
      own.onDidChangeTreeData((changed) => told.push(changed));
      answers.set(wallet, { plyr: '5', gamr: '2' });
      await store.refresh(identifier(wallet)); // a refresh-all refreshes open wallets
      own.refresh([wallet]);
      assert.ok(told.includes(node), 'the wallet row VS Code holds is told');
      assert.deepEqual(await amounts(node), ['plyr 5', 'gamr 2']);
      // Another wallet whose balances fail: told of the failure, VS Code asks for its rows again,
      // which show the error and ask the server nothing more (it would ask, be told, ask again...).
      const failing = account.walletNode('user', 'player123', '0x000000000000000000000000000000000000dEaD', 'secondary');
      let asked = 0;
      const asking = store.onDidChange(() => (asked += store.get(failing.id)?.loading ? 1 : 0));
      assert.deepEqual(await amounts(failing), ['error']);
      own.refresh([failing.id]);
      assert.deepEqual(await amounts(failing), ['error']);
      asking.dispose();
      assert.equal(asked, 1, 'one request for the failing wallet');
    } finally {
      own.dispose();
      accounts.dispose();
    }
  });

  it('with Hide Zero Balances, opens a row whose every balance is zero onto one row that says so, not onto nothing', async () => {
    const wallet = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
    answers.set('zero-hero', { plyr: '0', gamr: '0.000' });
    answers.set(wallet, { plyr: '0', gamr: '0' });
    await store.refresh(identifier('zero-hero'));
    let hide = true;
    const tracked = new TrackedStore(new MemoryState());
    await tracked.update(() => [{ id: 'zero-hero', kind: 'plyrId' as const }, { id: 'crypto-fennec', kind: 'plyrId' as const }]);
    const never = () => Promise.reject(new Error('not asked here'));
    const chip = (symbol: string | undefined, address: string) => ({ gameId: 'demo-game', address, symbol, balance: '0' });
    const chips = async () => [chip('CHIPX', '0x0000000000000000000000000000000000000001'), chip('  ', '0x00000000000000000000000000000000000000A2')];
    const accounts = new AccountStore({ fetch: { chips, allowances: never, activity: never, wallets: never }, scope: () => 'test', now: () => clock });
    const account = new AccountRows({ accounts, balances: store, masked: () => false, hideZeroBalances: () => hide, now: () => clock });
    const own = treeOf(tracked, store, () => clock, { account, hideZeroBalances: () => hide });
    const rowsUnder = async (node: BalanceNode) => ((await own.getChildren(node)) as BalanceNode[]).filter((n) => n.type !== 'section');
    try {
      const [zeroHero, fennec] = (await own.getChildren()) as BalanceNode[];
      const [only, ...more] = await rowsUnder(zeroHero);
      assert.deepEqual(more, []);
      assert.equal(only.type, 'zeroBalances');
      const item = own.getTreeItem(only);
      assert.equal(item.label, '2 zero balances not shown');
      assert.deepEqual(item.command?.arguments, ['plyr.hideZeroBalances'], 'Enter opens the setting');
      assert.equal(own.getParent(only), zeroHero);
      assert.deepEqual((await rowsUnder(fennec)).map((n) => n.type), ['token', 'token'], 'a row with a balance above zero lists it');
      // A wallet under the account's Wallets group, the same.
      const node = account.walletNode('user', 'zero-hero', wallet, 'primary');
      const [walletRow] = await rowsUnder(node);
      assert.equal(walletRow.type, 'zeroBalances');
      assert.equal(own.getParent(walletRow), node);
      assert.notEqual(own.getTreeItem(walletRow).id, item.id);
      // The account's Chips group, the same: its chips named by symbol, or by contract when a symbol is blank.
      const chipsGroup = account.sectionNode('user', 'zero-hero', 'chips')!;
      const [chipsRow] = await rowsUnder(chipsGroup);
      assert.equal(chipsRow.type, 'zeroBalances');
      assert.equal(own.getParent(chipsRow), chipsGroup);
      assert.match(String(own.getTreeItem(chipsRow).tooltip), /Not shown: CHIPX, 0x0000…00A2\./);
      assert.match(String(own.getTreeItem(chipsGroup).description), /^2 rows · /, 'the group counts what it holds, not "0 rows" above the row of the 2 hidden');
      assert.equal(new Set([item.id, own.getTreeItem(walletRow).id, own.getTreeItem(chipsRow).id]).size, 3, 'three rows, three ids');
      hide = false;
      assert.deepEqual((await rowsUnder(zeroHero)).map((n) => n.type), ['token', 'token'], 'the setting off: the zero rows');
      assert.deepEqual((await rowsUnder(node)).map((n) => n.type), ['walletToken', 'walletToken']);
      assert.deepEqual((await rowsUnder(chipsGroup)).map((n) => n.type), ['chip', 'chip']);
    } finally {
      own.dispose();
      accounts.dispose();
    }
  });

  it('sends a row again when its tooltip reaches the next minute, or its refresh fails', async () => {
    clock += 60_000;
    await refresh('crypto-fennec');
    assert.deepEqual(sentIds(), ['crypto-fennec'], 'its last update is a minute later');
    answers.delete('zero-hero');
    await refresh('zero-hero');
    assert.deepEqual(sentIds(), ['crypto-fennec', 'zero-hero'], 'the error shows on the row');
    assert.ok(store.get('zero-hero')?.balances, 'the last good balances are kept');
  });
});

describe('the Balances tree asks for prices only for rows with balances to value', () => {
  it('renders identifiers without balances asking nothing, and asks once one has balances', async () => {
    const tracked = new TrackedStore(new MemoryState());
    await tracked.update(() => ['player123', 'crypto-fennec'].map((id) => ({ id, kind: 'plyrId' as const })));
    const parsed = parseIdentifier('player123');
    assert.ok(parsed.ok);
    const store = new BalanceStore({ fetch: async (id) => ({ identifier: id, token: undefined, balances: { plyr: '1.5' }, network: 'mainnet' as const, fetchedAt: 0 }), scope: () => 'test' });
    let asked = 0;
    // Values.prices() asks the server for the token list when it is due: only a row with balances should call it.
    const provider = treeOf(tracked, store, Date.now, { prices: () => (asked++, undefined) });
    const renderAll = async () => {
      for (const node of (await provider.getChildren()) as BalanceNode[]) {
        provider.getTreeItem(node);
        for (const child of (await provider.getChildren(node)) as BalanceNode[]) {
          provider.getTreeItem(child);
        }
      }
    };
    await renderAll();
    assert.equal(asked, 0, 'no balances, no prices asked');
    await store.refresh(parsed.value);
    await renderAll();
    assert.ok(asked > 0, 'the same render asks once a row has balances');
    provider.dispose();
    store.dispose();
  });
});

describe('the account groups under a PLYR ID row', () => {
  it('are left out of a PLYR ID the server says has no account, and shown under one it knows', async () => {
    const now = () => Date.UTC(2026, 11, 3, 11, 0, 0);
    const store = new BalanceStore({
      fetch: async (id) => {
        if (id.value === 'ghost-player') {
          throw new PlyrError('userNotFound', 'No PLYR account was found for ghost-player.');
        }
        return { identifier: id, token: undefined, balances: { plyr: '1.5' }, network: 'mainnet' as const, fetchedAt: now() };
      },
      scope: () => 'test',
      now,
    });
    const tracked = new TrackedStore(new MemoryState());
    await tracked.update(() => ['player123', 'ghost-player'].map((id) => ({ id, kind: 'plyrId' as const })));
    const provider = treeOf(tracked, store, now);
    try {
      for (const id of ['player123', 'ghost-player']) {
        const parsed = parseIdentifier(id);
        assert.ok(parsed.ok);
        await store.refresh(parsed.value);
      }
      const [known, ghost] = (await provider.getChildren()) as BalanceNode[];
      const types = async (row: BalanceNode) => ((await provider.getChildren(row)) as BalanceNode[]).map((node) => node.type);
      assert.deepEqual(await types(known), ['token', 'section', 'section', 'section', 'section']);
      assert.deepEqual(await types(ghost), ['error'], 'its error, and no group that could only fail the same way');
    } finally {
      provider.dispose();
      store.dispose();
    }
  });
});

describe("an account's group read with nothing in it", () => {
  it('shows one plain row that says so, with an id of its own and no menu, left out of the count; a failed read shows its error instead', async () => {
    const now = () => Date.UTC(2026, 11, 3, 11, 0, 0);
    const store = new BalanceStore({ fetch: async (id) => ({ identifier: id, token: undefined, balances: { plyr: '0' }, network: 'mainnet' as const, fetchedAt: now() }), scope: () => 'test', now });
    let allowancesFail = false;
    const fetch = {
      chips: async () => [],
      allowances: async () => {
        if (allowancesFail) {
          throw new PlyrError('network', 'Could not reach the PLYR API.');
        }
        return [];
      },
      activity: async () => ({ entries: [], mayHaveMore: false, readTo: 0 }),
      wallets: async () => ({ info: { plyrId: 'zero-hero', primaryAddress: undefined, mirrorAddress: undefined, chainId: undefined, avatarUrl: undefined, createdAt: undefined }, secondaries: [] }),
    };
    const accounts = new AccountStore({ fetch, scope: () => 'test', now });
    let masked = false;
    const account = new AccountRows({ accounts, balances: store, masked: () => masked, hideZeroBalances: () => false, now });
    const tracked = new TrackedStore(new MemoryState());
    await tracked.update(() => [{ id: 'zero-hero', kind: 'plyrId' as const }]);
    const provider = treeOf(tracked, store, now, { account, masked: () => masked });
    const parsed = parseIdentifier('zero-hero');
    assert.ok(parsed.ok);
    try {
      await store.refresh(parsed.value);
      const [row] = (await provider.getChildren()) as BalanceNode[];
      const sections = ((await provider.getChildren(row)) as BalanceNode[]).filter((n) => n.type === 'section');
      const shown = async () => {
        const out: string[] = [];
        for (const section of sections) {
          const children = (await provider.getChildren(section)) as BalanceNode[];
          const group = provider.getTreeItem(section);
          for (const child of children) {
            const item = provider.getTreeItem(child);
            assert.equal(provider.getParent(child), section);
            assert.equal(item.command, undefined, 'nothing happens on Enter');
            out.push(`${String(group.label)} (${String(group.description)}) > ${String(item.label)} [${item.id}, ${item.contextValue}]`);
          }
        }
        return out;
      };
      const expected = [
        'Chips (0 rows · just now) > No chips [account:zero-hero:chips:empty, plyr.emptySection]',
        'Allowances (0 rows · just now) > No allowances [account:zero-hero:allowances:empty, plyr.emptySection]',
        'Activity (0 rows · just now) > No activity yet [account:zero-hero:activity:empty, plyr.emptySection]',
        'Wallets (0 rows · just now) > No wallets [account:zero-hero:wallets:empty, plyr.emptySection]',
      ];
      assert.deepEqual(await shown(), expected);
      masked = true;
      assert.deepEqual(await shown(), expected, 'the mask changes nothing: there is no amount to hide');
      // A failure shows its own row, not "No allowances": an empty group is not told from a failed read.
      allowancesFail = true;
      await accounts.load('zero-hero', 'allowances');
      const allowances = (await provider.getChildren(sections[1])) as BalanceNode[];
      assert.deepEqual(allowances.map((n) => n.type), ['sectionError']);
    } finally {
      provider.dispose();
      accounts.dispose();
      store.dispose();
    }
  });
});

describe('the Balances tree: where the focus goes once rows are gone (Delete, as in the Explorer)', () => {
  it('to the next row beside them, else the one before, else their group; a group row is found by name', async () => {
    const now = () => Date.UTC(2026, 11, 3, 11, 0, 0);
    const store = new BalanceStore({ fetch: () => Promise.reject(new Error('not asked here')), scope: () => 'test', now });
    const tracked = new TrackedStore(new MemoryState());
    await tracked.update(() => [
      { id: 'a-1', kind: 'plyrId' as const, group: 'Team' },
      { id: 'a-2', kind: 'plyrId' as const, group: 'Team' },
      { id: 'a-3', kind: 'plyrId' as const, group: 'Team' },
      { id: 'b-1', kind: 'plyrId' as const },
      { id: 'b-2', kind: 'plyrId' as const },
    ]);
    await tracked.updateLayout((layout) => ({ ...layout, groups: ['Team', 'Ops'] }));
    const provider = treeOf(tracked, store, now);
    try {
      const [team, ops, b1, b2] = provider.getChildren() as BalanceNode[];
      const [a1, a2, a3] = provider.getChildren(team) as BalanceNode[];
      assert.equal(provider.rowAfter([a1]), a2, 'the next');
      assert.equal(provider.rowAfter([a2, a1]), a3, 'after the last of them, in any order');
      assert.equal(provider.rowAfter([a3]), a2, 'the last of its group: the one before');
      assert.equal(provider.rowAfter([a1, a2, a3]), team, 'all of the group: the group');
      assert.equal(provider.rowAfter([team]), ops, 'a group: the next group');
      assert.equal(provider.rowAfter([b2]), b1);
      assert.equal(provider.groupFor('Ops'), ops);
      assert.equal(provider.groupFor('Nope'), undefined);
      assert.ok(provider.isListed(a1) && provider.isListed(ops));
      await tracked.update((list) => list.filter((t) => t.id !== 'a-1'));
      await tracked.updateLayout((layout) => ({ ...layout, groups: ['Team'] }));
      provider.getChildren();
      assert.ok(!provider.isListed(a1), 'a removed row is not listed');
      assert.ok(!provider.isListed(ops), 'nor a deleted group');
      assert.ok(provider.isListed(a2));
    } finally {
      provider.dispose();
      store.dispose();
    }
  });
});
