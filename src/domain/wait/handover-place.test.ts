import { describe, expect, it } from 'vitest';
import type { StoreEvent } from '../queue/events.ts';
import { fold } from '../queue/fold.ts';
import { ev } from '../testing/store.ts';
import { placeOfTicket } from './queue-state.ts';

const T0 = Date.UTC(2026, 11, 6, 9);

/** A001 waits for advice; A002, at c2, is handed over (to c1, or back to the line); c2 closes. */
function handedOver(toCounter: boolean): StoreEvent[] {
  return [
    ev('clerk-1', 1, T0, { type: 'counter.opened', counter: 'c1', services: ['advice'] }),
    ev('clerk-2', 1, T0, { type: 'counter.opened', counter: 'c2', services: ['advice'] }),
    // A001 waits; A002 comes later, is called at c2 first and then handed over
    ev('kiosk', 1, T0 + 500, {
      type: 'ticket.issued',
      ticket: 'a',
      service: 'advice',
      number: 'A001',
      n: 1,
    }),
    ev('kiosk', 2, T0 + 1000, {
      type: 'ticket.issued',
      ticket: 'b',
      service: 'advice',
      number: 'A002',
      n: 2,
    }),
    ev('clerk-2', 2, T0 + 2000, { type: 'ticket.called', ticket: 'b', counter: 'c2' }),
    ev('clerk-2', 3, T0 + 4000, {
      type: 'ticket.transferred',
      ticket: 'b',
      counter: 'c2',
      toService: 'advice',
      ...(toCounter ? { toCounter: 'c1', reason: 'needs the warranty desk' } : {}),
    }),
    ev('clerk-2', 4, T0 + 5000, { type: 'counter.closed', counter: 'c2' }),
  ];
}

describe('a customer handed over to a counter, in everyone else’s place in line', () => {
  it('is counted ahead of those it will be called before: nobody is told "you are next" wrongly', () => {
    const state = fold(handedOver(true));
    // c1 calls the handed-over A002 first (domain/queue/handover.ts): A001 is second there
    expect(placeOfTicket(state, 'a')).toMatchObject({ ahead: 1, next: false });
    expect(placeOfTicket(state, 'b')).toMatchObject({ ahead: 0, next: true });
  });

  it('without a named counter, the transfer keeps its place as before', () => {
    const state = fold(handedOver(false));
    // A002 keeps its place behind A001 in the advice line
    expect(placeOfTicket(state, 'a')).toMatchObject({ ahead: 0, next: true });
    expect(placeOfTicket(state, 'b')).toMatchObject({ ahead: 1 });
  });
});
