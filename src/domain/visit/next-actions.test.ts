import { transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { visitMachine } from './machine.ts';
import { moreActions, nextActions, sideActions } from './next-actions.ts';
import { initialSnapshot, T0, walkPaths, type VisitSnapshot } from './testing.ts';
import type { VisitEvent } from './types.ts';

function at(...types: VisitEvent['type'][]): VisitSnapshot {
  let s = initialSnapshot();
  types.forEach((type, i) => {
    s = transition(visitMachine, s, { type, at: T0 + (i + 1) * 1000 } as VisitEvent)[0];
  });
  return s;
}

const types = (s: VisitSnapshot) => nextActions(s).map((a) => a.type);

describe('next actions', () => {
  it('offers the likely next step first, the alternative second', () => {
    expect(nextActions(at())).toEqual([
      { type: 'GREETED', priority: 1 },
      { type: 'NEEDS_HELP', priority: 2 },
    ]);
    expect(types(at('GREETED'))).toEqual(['HELP_ACCEPTED', 'HELP_DECLINED']);
    expect(types(at('GREETED', 'HELP_DECLINED'))).toEqual(['READY_TO_PAY', 'NEEDS_HELP']);
    expect(types(at('NEEDS_HELP'))).toEqual(['READY_TO_PAY', 'STILL_BROWSING']);
    expect(types(at('NEEDS_HELP', 'READY_TO_PAY'))).toEqual([
      'FOUND_EVERYTHING',
      'MISSING_SOMETHING',
    ]);
    expect(types(at('NEEDS_HELP', 'READY_TO_PAY', 'FOUND_EVERYTHING'))).toEqual(['PAID']);
    expect(types(at('NEEDS_HELP', 'READY_TO_PAY', 'PAID'))).toEqual(['FEEDBACK', 'SKIP_FEEDBACK']);
    expect(types(at('NEEDS_HELP', 'CUSTOMER_LEFT'))).toEqual([]);
  });

  it('answers the re-check nudge first while it shows', () => {
    const browsing = at('GREETED', 'HELP_DECLINED');
    const [due] = transition(visitMachine, browsing, {
      type: 'RESUMED',
      at: (browsing.context.reminderAt ?? 0) + 1,
    });
    expect(types(due)).toEqual(['STILL_BROWSING', 'NEEDS_HELP']);
  });

  it('offers the other possible forward steps as more actions, never FINISHED', () => {
    const browsing = at('GREETED', 'HELP_DECLINED');
    const [due] = transition(visitMachine, browsing, {
      type: 'RESUMED',
      at: (browsing.context.reminderAt ?? 0) + 1,
    });
    expect(moreActions(due)).toEqual(['READY_TO_PAY', 'OFFER_AGAIN']);
    expect(moreActions(browsing)).toEqual(['OFFER_AGAIN']);
    expect(moreActions(at())).toEqual([]);
    walkPaths(5, (s) => {
      const all = [...nextActions(s).map((a) => a.type), ...moreActions(s), ...sideActions(s)];
      expect(all).not.toContain('FINISHED');
      expect(new Set(all).size).toBe(all.length);
    });
  });

  it('offers the exits the machine allows', () => {
    expect(sideActions(at('NEEDS_HELP'))).toEqual(['ESCALATE', 'TRANSFER', 'CUSTOMER_LEFT']);
    const [escalated] = transition(visitMachine, at('NEEDS_HELP'), {
      type: 'ESCALATE',
      at: T0 + 5000,
      reason: 'refund',
    });
    expect(sideActions(escalated)).toEqual(['TRANSFER', 'CUSTOMER_LEFT']);
    expect(types(escalated)).toEqual(['MANAGER_RESOLVED']);
  });

  it('every suggestion is an event the machine accepts, in every reachable state', () => {
    walkPaths(6, (s) => {
      for (const a of nextActions(s)) {
        expect(s.can({ type: a.type, at: T0, satisfaction: 'good' } as VisitEvent)).toBe(true);
      }
      if (s.status === 'active') expect(nextActions(s).length).toBeGreaterThan(0);
    });
  });
});
