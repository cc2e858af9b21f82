import { describe, expect, it } from 'vitest';
import { ev } from '../testing/store.ts';
import { closeCounterHeldBy } from './commands.ts';
import { fold } from './fold.ts';
import { countersOpenBy } from './selectors.ts';

/** The counters the hub closes for a revoked tablet: those it holds open, and no others. */
describe('counters held by a device', () => {
  const opened = (device: string, seq: number, wall: number, counter: string) =>
    ev(device, seq, wall, { type: 'counter.opened', counter, services: ['advice'] });
  const state = fold([
    opened('clerk-a', 1, 1000, 'c1'),
    opened('clerk-a', 2, 1100, 'c2'),
    opened('clerk-a', 3, 1200, 'c3'),
    ev('clerk-a', 4, 1300, { type: 'counter.closed', counter: 'c3' }),
    // another tablet took c2 over
    opened('clerk-b', 1, 1400, 'c2'),
    opened('clerk-b', 2, 1500, 'c4'),
  ]);

  it('are the open ones it opened last', () => {
    expect(countersOpenBy(state, 'clerk-a')).toEqual(['c1']);
    expect(countersOpenBy(state, 'clerk-b')).toEqual(['c2', 'c4']);
    expect(countersOpenBy(state, 'clerk-c')).toEqual([]);
  });

  it('are closed on its behalf; a counter it no longer holds is left be', () => {
    expect(closeCounterHeldBy(state, 'c1', 'clerk-a')).toEqual({
      ok: true,
      event: { type: 'counter.closed', counter: 'c1' },
    });
    expect(closeCounterHeldBy(state, 'c2', 'clerk-a')).toEqual({
      ok: false,
      error: 'counterNotHeld',
    });
    expect(closeCounterHeldBy(state, 'c3', 'clerk-a')).toEqual({
      ok: false,
      error: 'counterNotHeld',
    });
    expect(closeCounterHeldBy(state, 'nope', 'clerk-a').ok).toBe(false);
  });
});
