import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACK_DELAY_MS,
  ANNOUNCE_DELAY_MS,
  ANSWER_DELAY_MS,
  ANTI_ENTROPY_MS,
  CATCH_UP_QUIET_MS,
} from '../replica.ts';
import { NO_FAULTS } from './network.ts';
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

/**
 * How long after the network heals every replica may take to hold the same events and state,
 * with every device's outbox acknowledged, derived from the replica's own timers
 * (src/domain/sync/protocol/timing.ts, re-exported by src/sync/replica.ts), not guessed.
 *
 * A replica that comes back at the heal (restarted, cut off, or the broker restarted) announces
 * its vector and sends its outbox as soon as it is online again: within a second. The long tail
 * is a replica that stayed connected through the heal while its last messages were lost: no
 * reconnection prompts anything, and it hears what it lacks, or that its events are stored,
 * only when someone announces. The agent announces at least once per anti-entropy period
 * (ANTI_ENTROPY_MS, its own tick), a device's resend back-off is capped at the same period, and
 * any device's announcement is answered by the agent's vector. So within ANTI_ENTROPY_MS of the
 * heal the agent's vector is out on a clean network, and from there, in the worst chain:
 *   - a device whose events the agent lacks sends them (ANSWER_DELAY_MS), the agent stores them
 *     and acknowledges with its vector (ACK_DELAY_MS);
 *   - a device that sees from that vector it is behind waits for events to stop streaming in
 *     (CATCH_UP_QUIET_MS), announces (ANNOUNCE_DELAY_MS), the agent answers (ANSWER_DELAY_MS);
 *   - six deliveries of at most NO_FAULTS.maxDelayMs each, a refold of the day (20 ms at least)
 *     and the 50 ms step at which the simulation checks.
 * That chain is 15,000 + 30 + 200 + 500 + 100 + 30 + 30 + 20 + 50 = 15,960 ms; the bound adds
 * a quarter second for a refold that takes longer on a busy machine (its delay is 3 times its
 * measured duration).
 *
 * Seed 1408325953 (4 devices), which broke the earlier guess of 3,000 ms: clerk-3's event
 * clerk-3:21 was stored by the agent, but the vector saying so was lost on its way to clerk-3,
 * and so was clerk-3's resend 1.1 s before the heal, after which its back-off was at 6 s. No
 * replica reconnected at the heal; kiosk-0's anti-entropy tick 3.1 s after it drew the agent's
 * vector, and clerk-3's outbox emptied at 3,200 ms. Since the agent acknowledges a resend of
 * what it holds (ACK_DELAY_MS), the same seed converges in 950 ms; the worst of 300 seeds of
 * `npm run chaos` is 1,250 ms. The bound stays the chain above: a lost acknowledgement with no
 * resend due waits for the next anti-entropy tick, and nothing in the protocol shortens that.
 */
const HEAL_BOUND_MS =
  ANTI_ENTROPY_MS +
  ANSWER_DELAY_MS +
  ACK_DELAY_MS +
  CATCH_UP_QUIET_MS +
  ANNOUNCE_DELAY_MS +
  ANSWER_DELAY_MS +
  6 * NO_FAULTS.maxDelayMs +
  20 +
  50 +
  250;

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

  const converges = async (seed: number, devices: number) => {
    const r = await runSimulation(chaos(seed, devices));
    expect(r.problems).toEqual([]);
    expect(r.converged).toBe(true);
    expect(r.lost).toBe(0);
    expect(r.duplicateNumbers).toBe(0);
    expect(r.convergeMs).toBeLessThanOrEqual(HEAL_BOUND_MS);
  };

  it('seed 1408325953, 4 devices: a lost acknowledgement waits for the next anti-entropy tick, within the bound', async () => {
    await converges(1408325953, 4);
  });

  it('partitions, loss, duplication, reordering, broker and replica restarts: no loss, no duplicate numbers, identical state within one anti-entropy period (and a round trip) of healing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 3, max: 8 }),
        converges,
      ),
      { numRuns: 25, examples: [[1408325953, 4]] },
    );
  }, 120_000);
});
