import { describe, expect, it } from 'vitest';
import { stepOf, stepsOf, stepsSince, timeInSteps } from './steps.ts';
import { initialSnapshot } from './testing.ts';
import { transition } from 'xstate';
import { visitMachine } from './machine.ts';

describe('visit steps', () => {
  it('names the active leaf without the serving wrapper', () => {
    expect(stepOf({ serving: 'greeting' })).toBe('greeting');
    expect(stepOf({ serving: { browsing: 'reminderDue' } })).toBe('browsing.reminderDue');
    expect(stepOf('escalated')).toBe('escalated');
    expect(() => stepOf({ serving: 'nowhere' })).toThrow(/Unknown visit state/);
  });

  it('gives one record per step for the event log, and only the new ones on request', () => {
    let s = initialSnapshot();
    s = transition(visitMachine, s, { type: 'GREETED', at: 2000 + s.context.startedAt })[0];
    const all = stepsOf(s);
    expect(all).toEqual([
      { visitId: 'v1', clerk: 'c1', n: 1, step: 'greeting', at: s.context.startedAt },
      { visitId: 'v1', clerk: 'c1', n: 2, step: 'offeringHelp', at: s.context.startedAt + 2000 },
    ]);
    expect(stepsSince(s, 1)).toEqual([all[1]]);
    expect(stepsSince(s, 2)).toEqual([]);
  });

  it('sums time per step, the open step up to now, a final step as zero', () => {
    const steps = [
      { step: 'greeting', at: 0 },
      { step: 'offeringHelp', at: 5 },
      { step: 'browsing.looking', at: 10 },
      { step: 'offeringHelp', at: 30 },
      { step: 'assisting', at: 32 },
    ] as const;
    expect(timeInSteps(steps, 100)).toEqual({
      greeting: 5,
      offeringHelp: 7,
      'browsing.looking': 20,
      assisting: 68,
    });
    expect(timeInSteps([...steps, { step: 'done', at: 40 }], 100)).toEqual({
      greeting: 5,
      offeringHelp: 7,
      'browsing.looking': 20,
      assisting: 8,
      done: 0,
    });
    expect(timeInSteps([{ step: 'assisting', at: 50 }], 10)).toEqual({ assisting: 0 });
    expect(timeInSteps([], 10)).toEqual({});
  });
});
