import { describe, expect, it } from 'vitest';
import { answerDelay, freshBudget, scaledFor, spend, type CatchUpLimits } from './catch-up.ts';

const limits: CatchUpLimits = {
  minGapMs: 1_000,
  burstEvents: 5_000,
  refillPerSec: 100,
  perHeldEvent: 1,
};

describe('catch-up budget per device', () => {
  it('answers a first request in full, then at most once a second', () => {
    let b = freshBudget(0, limits);
    expect(answerDelay(b, 0, limits)).toBe(0);
    const first = spend(b, 0, 4_300, limits);
    expect(first.send).toBe(4_300);
    b = first.budget;
    expect(answerDelay(b, 200, limits)).toBe(800);
    expect(answerDelay(b, 1_000, limits)).toBe(0);
  });

  it('gives a device that keeps asking for everything only the refill rate', () => {
    // 38 empty vectors, one a second, each asking for the whole day of 4,300 events
    let b = freshBudget(0, limits);
    let sent = 0;
    for (let i = 0; i < 38; i++) {
      const r = spend(b, i * 1_000, 4_300, limits);
      sent += r.send;
      b = r.budget;
    }
    expect(sent).toBeLessThanOrEqual(limits.burstEvents + 37 * limits.refillPerSec);
    expect(sent).toBeGreaterThanOrEqual(limits.burstEvents);
  });

  it('refills up to the burst while a device is quiet', () => {
    const drained = spend(freshBudget(0, limits), 0, 5_000, limits).budget;
    expect(spend(drained, 10_000, 5_000, limits).send).toBe(1_000);
    expect(spend(drained, 3_600_000, 9_000, limits).send).toBe(5_000);
  });

  it('in a store busier than the burst, holds everything the agent keeps, refilled in the same time', () => {
    expect(scaledFor(limits, 4_000)).toBe(limits);
    const busy = scaledFor(limits, 123_260);
    expect(busy.burstEvents).toBe(123_260);
    // a full bucket in 50 s, as the fixed one
    expect(busy.burstEvents / busy.refillPerSec).toBeCloseTo(
      limits.burstEvents / limits.refillPerSec,
    );
    // a new device gets the day at once; asking again gets it once per refill time
    let b = freshBudget(0, busy);
    let sent = 0;
    for (let i = 0; i < 100; i++) {
      const r = spend(b, i * 1_000, 123_260, busy);
      if (i === 0) expect(r.send).toBe(123_260);
      sent += r.send;
      b = r.budget;
    }
    expect(sent).toBeLessThanOrEqual(busy.burstEvents + 99 * busy.refillPerSec);
    expect(scaledFor({ ...limits, perHeldEvent: 0 }, 123_260).burstEvents).toBe(5_000);
  });
});
