import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSimulation, type SimOptions } from './run.ts';

const chaos = (seed: number, devices: number): SimOptions => ({
  seed,
  devices,
  operations: 120,
  faults: { loss: 0.1, duplicate: 0.1, maxDelayMs: 400 },
  partitionRate: 0.08,
  brokerRestartRate: 0.02,
  replicaRestartRate: 0.03,
  maxSkewMs: 5 * 60_000,
});

describe('convergence under chaos (deterministic simulation)', () => {
  it('a calm run converges at once with nothing lost', async () => {
    const r = await runSimulation({
      ...chaos(1, 4),
      faults: { loss: 0, duplicate: 0, maxDelayMs: 5 },
      partitionRate: 0,
      brokerRestartRate: 0,
      replicaRestartRate: 0,
    });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ converged: true, lost: 0, duplicateNumbers: 0 });
    expect(r.events).toBeGreaterThan(50);
  });

  it('the same seed gives the same run', async () => {
    const a = await runSimulation(chaos(7, 5));
    const b = await runSimulation(chaos(7, 5));
    expect(b).toEqual(a);
  });

  it('partitions, loss, duplication, reordering, broker and replica restarts: no loss, no duplicate numbers, identical state within 3 s of healing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 3, max: 8 }),
        async (seed, devices) => {
          const r = await runSimulation(chaos(seed, devices));
          expect(r.problems).toEqual([]);
          expect(r.converged).toBe(true);
          expect(r.lost).toBe(0);
          expect(r.duplicateNumbers).toBe(0);
          expect(r.convergeMs).toBeLessThanOrEqual(3000);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
