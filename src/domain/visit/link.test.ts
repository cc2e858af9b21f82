import { describe, expect, it } from 'vitest';
import type { EventBody } from '../queue/events.ts';
import { fold } from '../queue/fold.ts';
import { ev, testStore } from '../testing/store.ts';
import { ticketCommandForVisitEnd, visitEventForTicket } from './link.ts';

const T = 1_750_000_000_000;
const issued = ev('k', 1, T, {
  type: 'ticket.issued',
  ticket: 't1',
  service: 'advice',
  number: 'A001',
  n: 1,
});
const called = ev('tab', 1, T + 1000, { type: 'ticket.called', ticket: 't1', counter: 'c1' });
const then = (body: EventBody) => ev('tab', 2, T + 2000, body);
const ticket = { id: 't1', number: 'A001', service: 'advice' };

describe('a visit ending ends its ticket', () => {
  const atCounter = fold([issued, called]);

  it('a finished visit, or one the customer walked out of, completes the ticket', () => {
    for (const step of ['done', 'abandoned'] as const) {
      expect(
        ticketCommandForVisitEnd(atCounter, testStore, 'c1', step, { ticket, transfer: null }),
      ).toEqual({ ok: true, event: { type: 'ticket.completed', ticket: 't1', counter: 'c1' } });
    }
  });

  it('a visit handed to another service puts the ticket in its line', () => {
    const transfer = { toService: 'returns', at: T };
    expect(
      ticketCommandForVisitEnd(atCounter, testStore, 'c1', 'transferred', { ticket, transfer }),
    ).toEqual({
      ok: true,
      event: { type: 'ticket.transferred', ticket: 't1', counter: 'c1', toService: 'returns' },
    });
    expect(
      ticketCommandForVisitEnd(atCounter, testStore, 'c1', 'transferred', {
        ticket,
        transfer: { toClerk: 'tab2', at: T },
      }).ok,
    ).toBe(false);
  });

  it('does nothing for a walk-in, another counter, or a ticket already finished', () => {
    const none = { ticket: null, transfer: null };
    expect(ticketCommandForVisitEnd(atCounter, testStore, 'c1', 'done', none).ok).toBe(false);
    const end = { ticket, transfer: null };
    expect(ticketCommandForVisitEnd(atCounter, testStore, 'c2', 'done', end).ok).toBe(false);
    const completed = fold([
      issued,
      called,
      then({ type: 'ticket.completed', ticket: 't1', counter: 'c1' }),
    ]);
    expect(ticketCommandForVisitEnd(completed, testStore, 'c1', 'done', end)).toEqual({
      ok: false,
      error: 'notAtCounter',
    });
  });
});

describe('a ticket ending ends its visit', () => {
  const after = (body: EventBody) => fold([issued, called, then(body)]).tickets.get('t1');

  it('maps Done, No-show and Transfer on the ticket to the visit', () => {
    expect(
      visitEventForTicket(
        after({ type: 'ticket.completed', ticket: 't1', counter: 'c1' }),
        'c1',
        'tab',
      ),
    ).toEqual({ type: 'FINISHED' });
    expect(
      visitEventForTicket(
        after({ type: 'ticket.noShow', ticket: 't1', counter: 'c1' }),
        'c1',
        'tab',
      ),
    ).toEqual({ type: 'CUSTOMER_LEFT' });
    expect(
      visitEventForTicket(
        after({ type: 'ticket.transferred', ticket: 't1', counter: 'c1', toService: 'returns' }),
        'c1',
        'tab',
      ),
    ).toEqual({ type: 'TRANSFER', toService: 'returns' });
  });

  it('leaves a visit alone while this handheld holds the ticket, or when the ticket is unknown', () => {
    expect(visitEventForTicket(fold([issued, called]).tickets.get('t1'), 'c1', 'tab')).toBeNull();
    expect(visitEventForTicket(undefined, 'c1', 'tab')).toBeNull();
  });

  it('hands the visit to the tablet that took the counter over', () => {
    const s = fold([
      issued,
      called,
      ev('tab2', 1, T + 3000, { type: 'counter.opened', counter: 'c1', services: ['advice'] }),
    ]);
    expect(visitEventForTicket(s.tickets.get('t1'), 'c1', 'tab')).toEqual({
      type: 'TRANSFER',
      toClerk: 'tab2',
    });
  });
});
