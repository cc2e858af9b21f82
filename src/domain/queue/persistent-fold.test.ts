import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ev } from '../testing/store.ts';
import { REFUSAL_REASONS, type EventBody, type StoreEvent } from './events.ts';
import { applyEvents, fold, withRefusals } from './fold.ts';
import { emptyState, type QueueState } from './state.ts';
import { SATISFACTIONS, VISIT_STEPS } from '../visit/types.ts';

/** A deep copy to compare a state against later (Maps and arrays included). */
const snapshot = (s: QueueState): QueueState => structuredClone(s);

const TICKETS = ['t1', 't2', 't3'];
const COUNTERS = ['c1', 'c2'];

/** Event bodies over a few tickets, counters, visits and alerts, so they meet each other. */
const body: fc.Arbitrary<EventBody> = fc.oneof(
  fc.record({
    type: fc.constant('ticket.issued' as const),
    ticket: fc.constantFrom(...TICKETS),
    service: fc.constantFrom('advice', 'returns'),
    number: fc.constantFrom('A001', 'A002', 'R001'),
    n: fc.nat(999),
  }),
  fc.record({
    type: fc.constantFrom(
      'ticket.called',
      'ticket.recalled',
      'ticket.started',
      'ticket.completed',
      'ticket.noShow',
    ),
    ticket: fc.constantFrom(...TICKETS),
    counter: fc.constantFrom(...COUNTERS),
  }),
  fc.record({
    type: fc.constant('ticket.cancelled' as const),
    ticket: fc.constantFrom(...TICKETS),
  }),
  fc.record({
    type: fc.constant('ticket.transferred' as const),
    ticket: fc.constantFrom(...TICKETS),
    counter: fc.constantFrom(...COUNTERS),
    toService: fc.constantFrom('advice', 'returns'),
  }),
  fc.record({
    type: fc.constant('counter.opened' as const),
    counter: fc.constantFrom(...COUNTERS),
    services: fc.constant(['advice']),
  }),
  fc.record({
    type: fc.constant('counter.closed' as const),
    counter: fc.constantFrom(...COUNTERS),
  }),
  fc.record({
    type: fc.constant('visit.step' as const),
    visit: fc.constantFrom('v1', 'v2'),
    clerk: fc.constant('clerk-1'),
    ticket: fc.constantFrom(...TICKETS),
    step: fc.constantFrom(...VISIT_STEPS),
    n: fc.nat(5),
    at: fc.nat(10_000),
  }),
  fc.record({
    type: fc.constant('visit.feedback' as const),
    visit: fc.constantFrom('v1', 'v2'),
    clerk: fc.constant('clerk-1'),
    satisfaction: fc.constantFrom(...SATISFACTIONS),
  }),
  fc.record({
    type: fc.constant('visit.note' as const),
    visit: fc.constantFrom('v1', 'v2'),
    clerk: fc.constant('clerk-1'),
    ticket: fc.constantFrom(...TICKETS),
    note: fc.constantFrom('', 'blue, size 40'),
  }),
  fc.record({
    type: fc.constant('alert.raised' as const),
    alert: fc.constantFrom('a1', 'a2'),
    kind: fc.constant('manager' as const),
  }),
  fc.record({
    type: fc.constant('alert.acknowledged' as const),
    alert: fc.constantFrom('a1', 'a2'),
  }),
  fc.record({
    type: fc.constantFrom('staff.signedIn' as const, 'staff.signedOut' as const),
    staff: fc.constantFrom('ana', 'bo'),
  }),
);

/** A log in order: one device per position keeps ids unique; some events come from the agent. */
const log: fc.Arbitrary<StoreEvent[]> = fc
  .array(fc.tuple(fc.constantFrom('clerk-1', 'clerk-2', 'kiosk-1'), body), { maxLength: 40 })
  .map((items) => items.map(([device, b], i) => ev(device, i + 1, 1000 + i * 10, b)));

describe('a fold that hands out a new state per change', () => {
  it('gives a new state object for a later event, sharing what is inside', () => {
    const issued = ev('kiosk-1', 1, 1000, {
      type: 'ticket.issued',
      ticket: 't1',
      service: 'advice',
      number: 'A001',
      n: 1,
    });
    const before = applyEvents(emptyState(), [issued]);
    const called = ev('clerk-1', 1, 2000, { type: 'ticket.called', ticket: 't1', counter: 'c1' });
    const after = applyEvents(before, [called]);
    expect(after).not.toBe(before);
    expect(after.tickets.get('t1')?.status).toBe('called');
    // the maps are shared and updated in place (state-writer.ts says why)
    expect(after.tickets).toBe(before.tickets);
  });

  it('gives a new state when a verdict refuses an event', () => {
    const before = applyEvents(emptyState(), []);
    const verdict = ev('agent-1', 1, 1000, {
      type: 'event.refused',
      events: ['kiosk-1:1'],
      reason: REFUSAL_REASONS[0],
    });
    const after = withRefusals(before, [verdict]);
    expect(after).not.toBe(before);
    expect(after.refused.get('kiosk-1:1')).toBe(REFUSAL_REASONS[0]);
  });

  it('gives a new object at every step, and ends where the whole fold ends', () => {
    fc.assert(
      fc.property(log, fc.integer({ min: 1, max: 5 }), (events, step) => {
        let state = emptyState();
        const seen = new Set<QueueState>([state]);
        for (let i = 0; i < events.length; i += step) {
          state = applyEvents(state, events.slice(i, i + step));
          expect(seen.has(state)).toBe(false);
          seen.add(state);
        }
        expect(snapshot(state)).toEqual(snapshot(fold(events)));
      }),
    );
  });
});
