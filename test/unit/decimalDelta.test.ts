import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { decimalDelta, deltaMap, listChanges } from '../../src/core/model/decimalDelta';

const balanceChanges = (previous: Record<string, string> | undefined, current: Record<string, string>) => deltaMap(listChanges(previous, current));

describe('decimalDelta', () => {
  it('is exact on 18-decimal amounts beyond a double', () => {
    assert.equal(decimalDelta('9007199.254740993123456789', '9007199.254740993123456790'), '+0.000000000000000001');
    assert.equal(decimalDelta('1234.5', '1247'), '+12.5');
    assert.equal(decimalDelta('10', '7'), '\u22123');
    assert.equal(decimalDelta('0.1', '0.3'), '+0.2');
    assert.equal(decimalDelta('123456789012345678901234567890', '123456789012345678901234567891.5'), '+1.5');
  });

  it('is undefined for equal amounts, however written, and for non-decimals', () => {
    assert.equal(decimalDelta('1.50', '1.5'), undefined);
    assert.equal(decimalDelta('1e3', '1000'), undefined);
    assert.equal(decimalDelta('1', 'abc'), undefined);
  });
});

describe('listChanges and deltaMap', () => {
  it('lists tokens present in both answers whose amount moved', () => {
    assert.deepEqual(balanceChanges({ plyr: '1', gamr: '2', usdc: '3' }, { plyr: '1', gamr: '2.5', usdc: '1', avax: '9' }), { gamr: '+0.5', usdc: '\u22122' });
  });

  it('is undefined without a previous answer or without a change', () => {
    assert.equal(balanceChanges(undefined, { plyr: '1' }), undefined);
    assert.equal(balanceChanges({ plyr: '1' }, { plyr: '1.0' }), undefined);
  });

  it('is not fooled by inherited keys', () => {
    assert.equal(balanceChanges({}, { constructor: '1', toString: '2' }), undefined);
  });
});
