import { describe, expect, it } from 'vitest';
import { createDropCounter, dropKind } from './drop-counter.ts';
import { createMemoryLogger } from './log.ts';

describe('drop counter', () => {
  it("counts the replica's refusals of meaning and its limited catch-up as their own kinds", () => {
    expect(dropKind('implausible event kiosk-x:1 refused: clockBehind')).toBe('implausible');
    expect(dropKind('catch-up for clerk-1 limited to 300 of 4300 events')).toBe('catch-up limited');
    expect(dropKind('sync message from a on b dropped: not its topic')).toBe('forged');
    const drops = createDropCounter(createMemoryLogger(), () => 0);
    for (let i = 0; i < 5000; i++)
      drops.record(`implausible event kiosk-x:${i} refused: rateLimited`);
    expect(drops.counts()).toEqual({ implausible: 5000 });
  });
});
