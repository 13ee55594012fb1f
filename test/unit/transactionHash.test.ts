import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { explorerOf, transactionUrl } from '../../src/core/api/networks';
import { isTransactionHash, parseTransactionHash } from '../../src/core/model/transactionHash';
import { HOSTILE_INPUTS } from '../support/hostileInputs';

const HASH = `0x${'0123456789abcdef'.repeat(4)}`;

describe('parseTransactionHash', () => {
  it('takes 0x and 64 hex digits, trimmed, in lower case', () => {
    assert.deepEqual(parseTransactionHash(HASH), { ok: true, value: HASH });
    assert.deepEqual(parseTransactionHash(`  ${HASH.toUpperCase().replace('0X', '0x')}\n`), { ok: true, value: HASH });
    assert.equal(isTransactionHash(HASH), true);
    assert.equal(isTransactionHash(` ${HASH}`), false, 'the check of a value as read is strict');
  });

  it('says what is wrong, and echoes nothing of what it refuses', () => {
    const refused = (input: unknown) => {
      const result = parseTransactionHash(input);
      assert.equal(result.ok, false, String(input));
      return result.ok ? '' : result.message;
    };
    assert.equal(refused(42), 'A transaction hash must be text, not a number.');
    assert.equal(refused(undefined), 'A transaction hash must be text, not undefined.');
    assert.equal(refused(' '), 'Enter a transaction hash: 0x followed by 64 hex digits.');
    assert.equal(refused(HASH.slice(0, -1)), 'A transaction hash is 0x followed by 64 hex digits; this one has 63.');
    assert.equal(refused(`${HASH}0`), 'A transaction hash is 0x followed by 64 hex digits; this one has 65.');
    assert.equal(refused(`${HASH.slice(0, -1)}g`), 'A transaction hash is 0x followed by 64 hex digits.');
    assert.equal(refused(`0X${HASH.slice(2)}`), 'A transaction hash is 0x followed by 64 hex digits.');
    assert.equal(refused('0x12/../../x'), 'A transaction hash is 0x followed by 64 hex digits.');
    for (const input of HOSTILE_INPUTS) {
      const message = refused(input.value);
      assert.ok(message.length < 80, `${input.name}: ${message}`);
    }
  });
});

describe('explorer URLs', () => {
  it('builds EIP-3091 transaction URLs on the known networks', () => {
    assert.equal(transactionUrl(explorerOf('mainnet')!, HASH), `https://explorer.plyr.network/tx/${HASH}`);
    assert.equal(transactionUrl(explorerOf('testnet')!, HASH), `https://subnets-test.avax.network/plyr/tx/${HASH}`);
  });

  it("knows a custom server's explorer only when it is a PLYR network's own", () => {
    assert.equal(explorerOf('custom', 'http://127.0.0.1:4555'), undefined);
    assert.equal(explorerOf('custom', ''), undefined);
    assert.equal(explorerOf('custom', 'not a url'), undefined);
    assert.equal(explorerOf('custom', 'https://api.plyr.network/api'), 'https://explorer.plyr.network');
    assert.equal(explorerOf('custom', 'https://api-testnet.plyr.network'), 'https://subnets-test.avax.network/plyr');
    assert.equal(explorerOf('custom', 'https://api.plyr.network.evil.example'), undefined);
  });
});
