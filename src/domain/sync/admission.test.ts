import { describe, expect, it } from 'vitest';
import type { EventBody, StoreEvent } from '../queue/events.ts';
import { fold } from '../queue/fold.ts';
import { ev, testStore } from '../testing/store.ts';
import {
  emptyTicketIndex,
  indexTicket,
  judgeBatch,
  verdictBodies,
  type AdmissionView,
} from './admission.ts';
import { FUTURE_SKEW_MS, noteContact, PAST_SKEW_MS, type ContactBook } from './plausibility.ts';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const issue = (ticket: string, number: string): EventBody => ({
  type: 'ticket.issued',
  ticket,
  service: 'advice',
  number,
  n: Number(number.slice(1)),
});

function view(held: StoreEvent[], contacts: ContactBook = new Map()): AdmissionView {
  const byId = new Map(held.map((e) => [e.id, e]));
  const state = fold(held);
  const tickets = emptyTicketIndex();
  for (const e of held)
    if (e.type === 'ticket.issued' && !state.refused.has(e.id)) indexTicket(tickets, e);
  return {
    now: NOW,
    rules: { pastSkewMs: PAST_SKEW_MS, futureSkewMs: FUTURE_SKEW_MS, config: testStore },
    contacts,
    held: (device, seq) => byId.get(`${device}:${seq}`),
    tickets,
    refused: state.refused,
    isToday: () => true,
  };
}

describe('judging a batch where it is received', () => {
  it('lets the first of two tickets with one id or one number in, in the order received', () => {
    const a = ev('kiosk-1', 1, NOW - 1000, issue('t1', 'A001'));
    const b = ev('kiosk-2', 1, NOW - 2000, issue('t1', 'A500'));
    const c = ev('kiosk-2', 2, NOW - 500, issue('t2', 'A001'));
    expect(judgeBatch([a, b, c], view([]))).toEqual(
      new Map([
        ['kiosk-2:1', 'ticketTaken'],
        ['kiosk-2:2', 'numberTaken'],
      ]),
    );
    // already in the state: the newcomer is refused whatever its clock says
    expect(judgeBatch([b], view([a]))).toEqual(new Map([['kiosk-2:1', 'ticketTaken']]));
  });

  it("neither judges the agent's own events nor events a verdict already refused", () => {
    const verdict = ev('agent-s', 1, NOW, {
      type: 'event.refused',
      events: ['kiosk-1:1'],
      reason: 'clockBehind',
    });
    const old = ev('kiosk-1', 1, NOW - 7_200_000, issue('t9', 'A009'));
    const contacts: ContactBook = new Map();
    noteContact(contacts, 'kiosk-1', 0, NOW - 1000);
    expect(judgeBatch([old], view([], contacts))).toEqual(new Map([['kiosk-1:1', 'clockBehind']]));
    expect(judgeBatch([old], view([verdict], contacts))).toEqual(new Map());
    const agentTicket = ev('agent-s', 2, NOW - 7_200_000, issue('t8', 'A008'));
    expect(judgeBatch([agentTicket], view([], contacts))).toEqual(new Map());
  });

  it("uses the author's neighbours in the same batch", () => {
    const first = ev('kiosk-1', 1, NOW - 1000, issue('t1', 'A001'));
    const back = ev('kiosk-1', 2, NOW - 5000, issue('t2', 'A002'));
    expect(judgeBatch([back, first], view([]))).toEqual(new Map([['kiosk-1:2', 'clockBackwards']]));
  });

  it('writes one verdict per reason and chunk of 50 ids', () => {
    const refused = new Map<string, 'rateLimited' | 'clockBehind'>();
    for (let i = 1; i <= 120; i++) refused.set(`kiosk-x:${i}`, 'rateLimited');
    refused.set('kiosk-y:1', 'clockBehind');
    const bodies = verdictBodies(refused);
    expect(
      bodies.map((b) => (b.type === 'event.refused' ? [b.reason, b.events.length] : [])),
    ).toEqual([
      ['rateLimited', 50],
      ['rateLimited', 50],
      ['rateLimited', 20],
      ['clockBehind', 1],
    ]);
  });
});

describe("a booked customer's ticket, judged by the agent that keeps the bookings", () => {
  const SLOT = NOW + 600_000;
  const booking = ev('agent-s', 1, NOW - 3_600_000, {
    type: 'appointment.booked',
    appointment: 'b1',
    service: 'advice',
    at: SLOT,
    code: '123456',
  });
  const booked = (ticket: string, number: string, over: Partial<EventBody> = {}): EventBody =>
    ({
      ...issue(ticket, number),
      channel: 'appointment',
      appointment: 'b1',
      slot: SLOT,
      ...over,
    }) as EventBody;
  const agentView = (held: StoreEvent[]): AdmissionView => {
    const v = view(held);
    return { ...v, bookings: fold(held).appointments };
  };

  it('lets in the ticket of a booking, once; refuses one made up, moved or for another service', () => {
    const a = ev('kiosk-1', 1, NOW - 1000, booked('t1', 'A001'));
    const twice = ev('kiosk-2', 1, NOW - 900, booked('t2', 'A002'));
    expect(judgeBatch([a, twice], agentView([booking]))).toEqual(
      new Map([['kiosk-2:1', 'notBooked']]),
    );
    const madeUp = ev('kiosk-1', 1, NOW, booked('t3', 'A003', { appointment: 'b9' }));
    const earlier = ev('kiosk-1', 1, NOW, booked('t3', 'A003', { slot: NOW - 86_400_000 }));
    const other = ev('kiosk-1', 1, NOW, booked('t3', 'R003', { service: 'returns' }));
    for (const e of [madeUp, earlier, other]) {
      expect(judgeBatch([e], agentView([booking]))).toEqual(new Map([[e.id, 'notBooked']]));
    }
    // a device does not know every booking in time: it leaves the judgement to the agent
    expect(judgeBatch([madeUp], view([booking]))).toEqual(new Map());
  });
});
