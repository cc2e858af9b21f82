import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventBody, StoreEvent } from '../queue/events.ts';
import { ev } from '../testing/store.ts';
import { countPersonal, eventsOfTicket, withoutPersonal } from './personal.ts';

const T = Date.UTC(2026, 2, 2, 9);
const note = (visit: string, text: string, ticket?: string): EventBody => ({
  type: 'visit.note',
  visit,
  clerk: 'clerk-1',
  ...(ticket ? { ticket } : {}),
  note: text,
});
const transfer = (ticket: string, reason?: string): EventBody => ({
  type: 'ticket.transferred',
  ticket,
  counter: 'c1',
  toService: 'returns',
  ...(reason !== undefined ? { reason } : {}),
});

describe('personal data in the log', () => {
  it('blanks the free text of notes, handover and manager-call reasons, and nothing else', () => {
    const n = ev('tab', 1, T, note('v1', 'Mr Kowalski, returns a kettle', 't1'));
    expect(withoutPersonal(n)).toEqual({ ...n, note: '' });
    const tr = ev('tab', 2, T, transfer('t1', 'wants a refund, ask for ID'));
    expect(withoutPersonal(tr)).toEqual(ev('tab', 2, T, transfer('t1')));
    const alert = ev('tab', 3, T, {
      type: 'alert.raised',
      alert: 'a1',
      kind: 'manager',
      visit: 'v1',
      reason: 'angry customer',
    });
    expect(withoutPersonal(alert)).not.toHaveProperty('reason');
    // nothing personal left: nothing to change (the job is idempotent)
    for (const e of [n, tr, alert]) expect(withoutPersonal(withoutPersonal(e)!)).toBeUndefined();
    const issued = ev('k', 1, T, {
      type: 'ticket.issued',
      ticket: 't1',
      service: 'advice',
      number: 'A001',
      n: 1,
    });
    expect(withoutPersonal(issued)).toBeUndefined();
    expect(countPersonal([n, tr, alert, issued])).toBe(3);
  });

  it('leaves out the first name a customer gave with a phone ticket, and keeps the ticket', () => {
    const body: EventBody = {
      type: 'ticket.issued',
      ticket: 't2',
      service: 'advice',
      number: 'A1000',
      n: 1000,
      channel: 'phone',
      name: 'Ola',
    };
    const joined = ev('agent', 1, T, body);
    const nameless = ev('agent', 1, T, { ...body });
    if (nameless.type === 'ticket.issued') delete (nameless as { name?: string }).name;
    expect(withoutPersonal(joined)).toEqual(nameless);
    expect(withoutPersonal(withoutPersonal(joined)!)).toBeUndefined();
  });

  it('leaves out the name given with a booking, and finds the booking with its ticket', () => {
    const booked = ev('agent', 1, T, {
      type: 'appointment.booked',
      appointment: 'b1',
      service: 'advice',
      at: T + 3_600_000,
      code: '123456',
      name: 'Ola',
    });
    expect(withoutPersonal(booked)).not.toHaveProperty('name');
    expect(withoutPersonal(booked)).toMatchObject({ appointment: 'b1', code: '123456' });
    const other = ev('agent', 2, T, {
      type: 'appointment.booked',
      appointment: 'b2',
      service: 'advice',
      at: T,
      code: '654321',
    });
    const ticket = ev('kiosk-1', 1, T + 3_000_000, {
      type: 'ticket.issued',
      ticket: 't3',
      service: 'advice',
      number: 'A003',
      n: 3,
      channel: 'appointment',
      appointment: 'b1',
      slot: T + 3_600_000,
    });
    expect(eventsOfTicket([booked, other, ticket], 't3')).toEqual([booked, ticket]);
  });

  it('keeps every id and type: removing changes no count, no vector, no queue', () => {
    const body = fc.oneof(
      fc.string().map((s) => note('v1', s)),
      fc.option(fc.string(), { nil: undefined }).map((r) => transfer('t1', r)),
    );
    fc.assert(
      fc.property(fc.array(body, { maxLength: 30 }), (bodies) => {
        const events = bodies.map((b, i) => ev('tab', i + 1, T + i, b));
        const after = events.map((e) => withoutPersonal(e) ?? e);
        expect(after.map((e) => [e.id, e.type, e.hlc])).toEqual(
          events.map((e) => [e.id, e.type, e.hlc]),
        );
        expect(countPersonal(after)).toBe(0);
      }),
    );
  });

  it('finds everything about one ticket: its events, its visits, notes and calls for a manager', () => {
    const log: StoreEvent[] = [
      ev('k', 1, T, { type: 'ticket.issued', ticket: 't1', service: 'a', number: 'A001', n: 1 }),
      ev('k', 2, T, { type: 'ticket.issued', ticket: 't2', service: 'a', number: 'A002', n: 2 }),
      ev('tab', 1, T + 1, { type: 'ticket.called', ticket: 't1', counter: 'c1' }),
      ev('tab', 2, T + 2, {
        type: 'visit.step',
        visit: 'v1',
        clerk: 'tab',
        counter: 'c1',
        ticket: 't1',
        step: 'greeting',
        n: 1,
        at: T + 2,
      }),
      ev('tab', 3, T + 3, note('v1', 'likes blue')),
      ev('tab', 4, T + 4, {
        type: 'visit.feedback',
        visit: 'v1',
        clerk: 'tab',
        satisfaction: 'good',
      }),
      ev('tab', 5, T + 5, { type: 'alert.raised', alert: 'a1', kind: 'manager', visit: 'v1' }),
      ev('tab', 6, T + 6, { type: 'ticket.called', ticket: 't2', counter: 'c1' }),
      ev('tab', 7, T + 7, note('v2', 'someone else')),
    ];
    expect(eventsOfTicket(log, 't1').map((e) => e.id)).toEqual([
      'k:1',
      'tab:1',
      'tab:2',
      'tab:3',
      'tab:4',
      'tab:5',
    ]);
  });
});
