import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { OpenRows, RowSource } from '../../src/core/store/openRows';

const everywhere = () => true;
const ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';

describe('OpenRows: the account rows a refresh asks again', () => {
  it('keeps a group open under one list when its twin under the other list is closed', () => {
    const rows = new OpenRows();
    rows.openSection('user', 'player123', 'chips', true);
    rows.openSection('workspace', 'player123', 'chips', true);
    assert.deepEqual(rows.openSections(everywhere), [{ plyrId: 'player123', section: 'chips' }], 'asked once for both rows');
    rows.openSection('user', 'player123', 'chips', false);
    assert.deepEqual(rows.openSections(everywhere), [{ plyrId: 'player123', section: 'chips' }], 'still open under the workspace');
    rows.openSection('workspace', 'player123', 'chips', false);
    assert.deepEqual(rows.openSections(everywhere), []);
  });

  it('asks a group only while the list its open row is in still holds the identifier', () => {
    const rows = new OpenRows();
    rows.openSection('user', 'player123', 'activity', true);
    const onlyWorkspace = (source: RowSource) => source === 'workspace';
    assert.deepEqual(rows.openSections(onlyWorkspace), [], 'removed from the user list, its open row is gone');
    rows.openSection('workspace', 'player123', 'activity', true);
    assert.deepEqual(rows.openSections(onlyWorkspace), [{ plyrId: 'player123', section: 'activity' }]);
  });

  it('keeps a wallet open under one owner row when the other is closed, and names it once', () => {
    const rows = new OpenRows();
    rows.openWallet('user', 'player123', ADDRESS, true);
    rows.openWallet('workspace', 'player123', ADDRESS, true);
    assert.deepEqual(rows.openWallets(everywhere), [ADDRESS]);
    rows.openWallet('workspace', 'player123', ADDRESS, false);
    assert.deepEqual(rows.openWallets(everywhere), [ADDRESS], 'still open under the user list');
    assert.deepEqual(rows.openWallets((source) => source === 'workspace'), [], 'the workspace row was closed');
    rows.openWallet('user', 'player123', ADDRESS, false);
    assert.deepEqual(rows.openWallets(everywhere), []);
  });

  it('forgets the open rows of an identifier gone from its list, so adding it again asks nothing', () => {
    const rows = new OpenRows();
    rows.openSection('user', 'player123', 'activity', true);
    rows.openSection('workspace', 'player123', 'chips', true);
    rows.openWallet('user', 'player123', ADDRESS, true);
    rows.openSection('user', 'tester-01', 'chips', true);
    const userListGone = (source: RowSource, plyrId: string) => source === 'workspace' || plyrId !== 'player123';
    rows.forgetUnlisted(userListGone);
    assert.deepEqual(rows.openSections(everywhere), [{ plyrId: 'player123', section: 'chips' }, { plyrId: 'tester-01', section: 'chips' }], "the workspace's row and another identifier's stay");
    assert.deepEqual(rows.openWallets(everywhere), [], 'the wallet under the removed row is closed');
  });
});
