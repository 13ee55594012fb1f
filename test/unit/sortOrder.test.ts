import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { appliedSortOrder, arrange, MANUAL, parseSortOrder, readSortOrder, SortOrder, sortsByBalances } from '../../src/core/model/sortOrder';
import { Layout } from '../../src/core/model/groups';

const LAYOUT: Layout = {
  list: [
    { id: 'zeta-one', kind: 'plyrId', group: 'Team' },
    { id: 'alpha-two', kind: 'plyrId', label: 'Treasury 10' },
    { id: 'beta-three', kind: 'plyrId', group: 'Team' },
    { id: 'gamma-four', kind: 'plyrId', label: 'Treasury 9' },
    { id: 'delta-five', kind: 'plyrId' },
  ],
  groups: ['Team', 'Alpha', 'Empty'],
};
const GAMR: Record<string, string> = {
  'zeta-one': '100.5',
  'alpha-two': '9007199254740993.000000000000000001',
  'beta-three': '100.49999999999999999999',
  'gamma-four': '9007199254740993',
};
const amountOf = (id: string, token: string) => (token === 'gamr' ? GAMR[id] : undefined);

const shown = (order: Parameters<typeof arrange>[1]) => {
  const { groups, top } = arrange(LAYOUT, order, amountOf);
  return [...groups.map((g) => `${g.name}[${g.members.map((m) => m.id).join(' ')}]`), ...top.map((t) => t.id)];
};

describe('the view’s sort order', () => {
  it('tells which orders new balances can change (by amount, by value) from those they cannot', () => {
    const orders: SortOrder[] = [MANUAL, { by: 'name' }, { by: 'amount', token: 'plyr' }, { by: 'value' }];
    assert.deepEqual(orders.map(sortsByBalances), [false, false, true, true]);
  });

  it('manual: groups in their order, members and the top level in the list’s order', () => {
    assert.deepEqual(shown(MANUAL), ['Team[zeta-one beta-three]', 'Alpha[]', 'Empty[]', 'alpha-two', 'gamma-four', 'delta-five']);
  });

  it('by name: labels (or identifiers) with numbers read as numbers, groups by name too', () => {
    assert.deepEqual(shown({ by: 'name' }), ['Alpha[]', 'Empty[]', 'Team[beta-three zeta-one]', 'delta-five', 'gamma-four', 'alpha-two']);
  });

  it('by amount: largest first, exact past a double’s precision, rows without the token last in manual order', () => {
    assert.deepEqual(shown({ by: 'amount', token: 'gamr' }), ['Team[zeta-one beta-three]', 'Alpha[]', 'Empty[]', 'alpha-two', 'gamma-four', 'delta-five']);
    assert.deepEqual(shown({ by: 'amount', token: 'plyr' }), shown(MANUAL), 'nobody holds it: the manual order');
  });

  it('by value with values off: paused to the manual order (no row has a value), the choice itself kept for when they are on', () => {
    const byValue: SortOrder = { by: 'value' };
    assert.deepEqual(appliedSortOrder(byValue, false), MANUAL);
    assert.equal(appliedSortOrder(byValue, true), byValue);
    for (const order of [MANUAL, { by: 'name' }, { by: 'amount', token: 'gamr' }] as SortOrder[]) {
      assert.equal(appliedSortOrder(order, false), order, order.by);
    }
    assert.ok(!sortsByBalances(appliedSortOrder(byValue, false)), 'new balances no longer move rows');
  });

  it('never changes the list: back to manual gives the manual order', () => {
    const before = JSON.stringify(LAYOUT);
    shown({ by: 'name' });
    shown({ by: 'amount', token: 'gamr' });
    assert.equal(JSON.stringify(LAYOUT), before);
  });

  it('is read from storage or a command argument strictly, and defaults to manual', () => {
    assert.deepEqual(readSortOrder('name'), { by: 'name' });
    assert.deepEqual(readSortOrder({ by: 'amount', token: 'GAMR' }), { by: 'amount', token: 'gamr' });
    for (const bad of [undefined, 'size', { by: 'amount' }, { by: 'amount', token: '../x' }, 42, null]) {
      assert.equal(readSortOrder(bad), undefined, JSON.stringify(bad));
      assert.deepEqual(parseSortOrder(bad), MANUAL);
    }
  });
});
