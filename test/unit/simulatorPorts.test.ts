import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { startSimulator } from '../../simulator/server';

describe('the simulator: ports', () => {
  it('never listens on a port a simulator of this process had, closed since (the system hands ports out again)', async () => {
    const ports = new Set<number>();
    // Here, 200 listens one after the other reused about 4 ports: 300 reuse one all but surely.
    for (let i = 0; i < 300; i++) {
      const sim = await startSimulator();
      await sim.close();
      assert.ok(!ports.has(sim.port), `port ${sim.port} given twice, at the ${i + 1}th simulator`);
      ports.add(sim.port);
    }
  });
});
