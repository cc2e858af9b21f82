import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ev } from '../testing/store.ts';
import type { EventBody, StoreEvent } from './events.ts';
import { fold } from './fold.ts';
import { MAX_VISIT_STEPS } from './state.ts';

const T = 1_750_000_000_000;

const step = (
  device: string,
  seq: number,
  n: number,
  s: Extract<EventBody, { type: 'visit.step' }>['step'],
  extra: Partial<Extract<EventBody, { type: 'visit.step' }>> = {},
) =>
  ev(device, seq, T + seq * 1000, {
    type: 'visit.step',
    visit: 'v1',
    clerk: device,
    counter: 'c1',
    ticket: 't1',
    step: s,
    n,
    at: T + n * 1000,
    ...extra,
  });

describe('visits in the fold', () => {
  it('keeps each step once, in step order, with its own time; the current step is the last', () => {
    const s = fold([
      step('tab', 1, 1, 'greeting'),
      step('tab', 2, 2, 'offeringHelp'),
      // written again after a reload: same visit and n, new seq
      step('tab', 3, 2, 'offeringHelp'),
      step('tab', 4, 3, 'browsing.looking'),
    ]);
    const v = s.visits.get('v1');
    expect(v).toMatchObject({ id: 'v1', clerk: 'tab', device: 'tab', counter: 'c1', ticket: 't1' });
    expect(v?.step).toBe('browsing.looking');
    expect(v?.steps).toEqual([
      { n: 1, step: 'greeting', at: T + 1000 },
      { n: 2, step: 'offeringHelp', at: T + 2000 },
      { n: 3, step: 'browsing.looking', at: T + 3000 },
    ]);
  });

  it('orders steps by n even when the log order differs (a late re-write of an old step)', () => {
    const s = fold([
      step('tab', 1, 1, 'greeting'),
      step('tab', 2, 3, 'assisting'),
      step('tab', 3, 2, 'offeringHelp'),
    ]);
    expect(s.visits.get('v1')?.steps.map((x) => x.n)).toEqual([1, 2, 3]);
    expect(s.visits.get('v1')?.step).toBe('assisting');
  });

  it('ignores events for a visit from another device, and feedback before any step', () => {
    const s = fold([
      ev('tab', 1, T, {
        type: 'visit.feedback',
        visit: 'v1',
        clerk: 'tab',
        satisfaction: 'bad',
      }),
      step('tab', 2, 1, 'greeting'),
      step('intruder', 3, 2, 'done'),
      ev('intruder', 4, T + 5000, {
        type: 'visit.feedback',
        visit: 'v1',
        clerk: 'tab',
        satisfaction: 'good',
      }),
    ]);
    expect(s.visits.get('v1')?.step).toBe('greeting');
    expect(s.visits.get('v1')?.feedback).toBeUndefined();
  });

  it('counts the first rating of a visit', () => {
    const s = fold([
      step('tab', 1, 1, 'thanking'),
      ev('tab', 2, T + 9000, {
        type: 'visit.feedback',
        visit: 'v1',
        clerk: 'tab',
        satisfaction: 'good',
        nps: 10,
      }),
      ev('tab', 3, T + 9500, {
        type: 'visit.feedback',
        visit: 'v1',
        clerk: 'tab',
        satisfaction: 'bad',
      }),
    ]);
    expect(s.visits.get('v1')?.feedback).toEqual({ satisfaction: 'good', nps: 10, at: T + 9000 });
  });

  it('bounds the steps of one visit', () => {
    const events: StoreEvent[] = [];
    for (let n = 1; n <= MAX_VISIT_STEPS + 20; n++) events.push(step('tab', n, n, 'greeting'));
    expect(fold(events).visits.get('v1')?.steps).toHaveLength(MAX_VISIT_STEPS);
  });

  it('leaves tickets alone: visit events are not ticket actions', () => {
    const s = fold([step('tab', 1, 1, 'done')]);
    expect(s.tickets.size).toBe(0);
    expect(s.conflicts).toEqual([]);
  });
});

describe('manager alerts in the fold', () => {
  const raise = (device: string, seq: number, wall: number, alert = 'a1') =>
    ev(device, seq, wall, {
      type: 'alert.raised',
      alert,
      kind: 'manager',
      counter: 'c1',
      visit: 'v1',
      reason: 'rude customer',
    });
  const ack = (device: string, seq: number, wall: number, alert = 'a1') =>
    ev(device, seq, wall, { type: 'alert.acknowledged', alert });

  it('opens an alert and closes it once on acknowledgement', () => {
    const open = fold([raise('tab', 1, T)]);
    expect(open.alerts.get('a1')).toEqual({
      id: 'a1',
      kind: 'manager',
      counter: 'c1',
      visit: 'v1',
      reason: 'rude customer',
      raisedBy: 'tab',
      raisedAt: T,
      status: 'open',
    });
    const s = fold([raise('tab', 1, T), ack('boss', 1, T + 60_000), ack('boss2', 1, T + 70_000)]);
    expect(s.alerts.get('a1')).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: T + 60_000,
      acknowledgedBy: 'boss',
    });
  });

  it('keeps the first raise of an id and ignores acknowledging the unknown', () => {
    const s = fold([raise('tab', 1, T), raise('other', 1, T + 1), ack('boss', 1, T, 'nope')]);
    expect(s.alerts.get('a1')?.raisedBy).toBe('tab');
    expect(s.alerts.has('nope')).toBe(false);
  });

  it('gives the same visits and alerts for any delivery order and duplicates (property)', () => {
    const base: StoreEvent[] = [
      step('tab', 1, 1, 'greeting'),
      step('tab', 2, 2, 'offeringHelp'),
      step('tab', 3, 2, 'offeringHelp'),
      step('tab', 4, 3, 'escalated'),
      raise('tab', 5, T + 5000),
      ack('boss', 1, T + 6000),
      step('tab', 6, 4, 'offeringHelp'),
      step('tab', 7, 5, 'thanking'),
      ev('tab', 8, T + 9000, {
        type: 'visit.feedback',
        visit: 'v1',
        clerk: 'tab',
        satisfaction: 'neutral',
        nps: 7,
      }),
      step('intruder', 1, 6, 'abandoned'),
    ];
    const summary = (events: StoreEvent[]) => {
      const s = fold(events);
      return JSON.stringify([[...s.visits.entries()], [...s.alerts.entries()]]);
    };
    const reference = summary(base);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(base, { minLength: base.length, maxLength: base.length }),
        fc.array(fc.nat(base.length - 1)),
        (order, dups) => {
          const delivered = [...order, ...dups.map((i) => base[i]!)];
          const unique = [...new Map(delivered.map((e) => [e.id, e])).values()];
          expect(summary(unique)).toBe(reference);
        },
      ),
    );
  });
});
