import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { rememberedIn } from '../../src/core/store/balanceMemory';
import { BalanceStore } from '../../src/core/store/balanceStore';
import { STATE_KEYS } from '../../src/vscode/ids';
import { BalanceMemoryStore } from '../../src/vscode/state/balanceMemoryStore';
import { MemoryState } from './helpers';

const MAINNET = 'https://api.plyr.network/api/';
const TESTNET = 'https://api-testnet.plyr.network/api/';

/**
 * What is remembered of an identifier (globalState, every network) when it leaves the lists and
 * comes back in the same session: an Undo of Remove, or a watch-list file back after a checkout.
 * The BalanceMemoryStore class over plain memory, its lists and scope stood in for.
 */
describe('remembered balances of an identifier that leaves the lists and comes back', () => {
  it('are forgotten on every network when it leaves, and all come back when it is listed again that session', () => {
    const state = new MemoryState();
    const mainnet = { balances: { plyr: '1' }, fetchedAt: 100 };
    const testnet = { balances: { plyr: '2' }, fetchedAt: 200 };
    void state.update(STATE_KEYS.lastBalances, { [TESTNET]: { 'crypto-fennec': testnet }, [MAINNET]: { 'crypto-fennec': mainnet, 'player123': mainnet } });
    let ids = ['crypto-fennec', 'player123'];
    const listed = new vscode.EventEmitter<void>();
    const scopeChanged = new vscode.EventEmitter<string>();
    const store = new BalanceStore({ fetch: () => Promise.reject(new Error('no request here')), scope: () => MAINNET, now: () => 300 });
    const memory = new BalanceMemoryStore({ state, store, settings: { scope: () => MAINNET, onDidChangeScope: scopeChanged.event }, ids: () => ids, listsChanged: [listed.event] });
    const remembered = (scope: string) => Object.fromEntries(rememberedIn(state.get(STATE_KEYS.lastBalances), scope));
    try {
      ids = ['player123'];
      listed.fire();
      assert.deepEqual(remembered(TESTNET), {}, 'gone from the other network');
      assert.deepEqual(Object.keys(remembered(MAINNET)), ['player123']);
      store.forget('crypto-fennec');

      ids = ['player123', 'crypto-fennec'];
      listed.fire();
      assert.deepEqual(remembered(TESTNET), { 'crypto-fennec': testnet }, 'back on the other network');
      assert.deepEqual(remembered(MAINNET)['crypto-fennec'], mainnet);
      assert.deepEqual(store.get('crypto-fennec'), { ...mainnet, loading: false }, 'and shown at once, with its age');

      ids = ['player123'];
      listed.fire();
      ids = ['player123', 'crypto-fennec'];
      listed.fire();
      assert.deepEqual(remembered(TESTNET), { 'crypto-fennec': testnet }, 'as often as it leaves and comes back');
    } finally {
      memory.dispose();
      store.dispose();
      listed.dispose();
      scopeChanged.dispose();
    }
  });

  it('never puts back an older record over one remembered since', () => {
    const state = new MemoryState();
    const old = { balances: { plyr: '1' }, fetchedAt: 100 };
    void state.update(STATE_KEYS.lastBalances, { [TESTNET]: { 'crypto-fennec': old } });
    let ids = ['crypto-fennec'];
    const listed = new vscode.EventEmitter<void>();
    const scopeChanged = new vscode.EventEmitter<string>();
    const store = new BalanceStore({ fetch: () => Promise.reject(new Error('no request here')), scope: () => MAINNET, now: () => 300 });
    const memory = new BalanceMemoryStore({ state, store, settings: { scope: () => MAINNET, onDidChangeScope: scopeChanged.event }, ids: () => ids, listsChanged: [listed.event] });
    try {
      ids = [];
      listed.fire();
      const newer = { balances: { plyr: '5' }, fetchedAt: 400 };
      // Another window, which still lists it, wrote a newer record meanwhile.
      void state.update(STATE_KEYS.lastBalances, { [TESTNET]: { 'crypto-fennec': newer } });
      ids = ['crypto-fennec'];
      listed.fire();
      assert.deepEqual(Object.fromEntries(rememberedIn(state.get(STATE_KEYS.lastBalances), TESTNET)), { 'crypto-fennec': newer });
    } finally {
      memory.dispose();
      store.dispose();
      listed.dispose();
      scopeChanged.dispose();
    }
  });
});
