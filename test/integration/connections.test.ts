import * as assert from 'node:assert/strict';
import { Simulator } from '../../simulator/server';
import { checkBalance, resetSettings, setDemoCredentials, startAndUseSimulator } from './helpers';

/**
 * Inside VS Code every request of an extension passes through its proxy support, which swaps the
 * request's agent for one without keep-alive. These run there, where that happens: a plain-Node
 * test would pass whether or not the client keeps its connections.
 */
describe('connections to the PLYR API', () => {
  let sim: Simulator;
  before(async () => {
    await setDemoCredentials();
    sim = await startAndUseSimulator();
  });
  after(async () => {
    await resetSettings();
    await sim.close();
  });

  it('reuses one kept-alive connection for requests made one after another', async () => {
    await checkBalance('player123');
    sim.reset();
    for (const id of ['player123', 'crypto-fennec', 'player123', 'crypto-fennec', 'player123']) {
      await checkBalance(id);
    }
    assert.equal(sim.requests.length, 5, 'each check made its request');
    assert.equal(sim.connections, 0, `no new connection after the first request, saw ${sim.connections}`);
  });
});
