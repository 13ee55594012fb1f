import * as assert from 'node:assert/strict';
import { Simulator } from '../../simulator/server';
import { checkBalance, rejection, setDemoCredentials, startAndUseSimulator } from './helpers';

describe('smoke', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startAndUseSimulator();
    await setDemoCredentials();
  });
  after(() => sim.close());

  it('checks a balance', async () => {
    const result = await checkBalance('player123');
    assert.equal(result.balances.gamr, '9007199.254740993123456789');
  });

  it('rejects typed', async () => {
    const error = await rejection(checkBalance('nobody-here'));
    console.log('ERR', error.name, error.code, error.message, Object.keys(error));
    assert.equal(error.code, 'userNotFound');
  });
});
