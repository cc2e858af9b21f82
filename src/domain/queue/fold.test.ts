import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ev, testStore } from '../testing/store.ts';
import { issueTicket } from './commands.ts';
import { emptyState } from './state.ts';
import type { StoreEvent } from './events.ts';
import { fold } from './fold.ts';
import { nowServing, waitingTickets } from './selectors.ts';

const issue = (
  device: string,
  seq: number,
  wall: number,
  ticket: string,
  number: string,
  service = 'advice',
) =>
  ev(device, seq, wall, {
    type: 'ticket.issued',
    ticket,
    service,
    number,
    n: Number(number.slice(1)),
  });

describe('queue fold', () => {
  it('walks a ticket from issue through call to completion', () => {
    const s = fold([
      issue('k1', 1, 1000, 't1', 'A001'),
      issue('k1', 2, 2000, 't2', 'A002'),
      ev('c1', 1, 3000, { type: 'ticket.called', ticket: 't1', counter: 'c1' }),
      ev('c1', 2, 63_000, { type: 'ticket.completed', ticket: 't1', counter: 'c1' }),
    ]);
    expect(s.tickets.get('t1')?.status).toBe('done');
    expect(s.tickets.get('t1')?.calledAt).toBe(3000);
    expect(s.serviceTimes.get('advice')).toEqual([60_000]);
    expect(waitingTickets(s).map((t) => t.number)).toEqual(['A002']);
    expect(s.calls.map((c) => c.number)).toEqual(['A001']);
  });

  it("records the customer's language from the kiosk on the ticket, and none when absent", () => {
    const issued = issueTicket(
      emptyState(),
      testStore,
      testStore.kiosks[0]!,
      'advice',
      't1',
      false,
      'ar',
    );
    expect(issued).toMatchObject({ ok: true, event: { lang: 'ar' } });
    const plain = issueTicket(emptyState(), testStore, testStore.kiosks[0]!, 'advice', 't2');
    expect(plain.ok && 'lang' in plain.event).toBe(false);
    if (!issued.ok || !plain.ok) return;
    expect(fold([ev('k1', 1, 1000, issued.event)]).tickets.get('t1')?.lang).toBe('ar');
    expect(fold([ev('k1', 1, 1000, plain.event)]).tickets.get('t2')?.lang).toBeUndefined();
  });

  it('keeps one line per service, in order of arrival', () => {
    const s = fold([
      issue('k1', 1, 1000, 't1', 'A001'),
      issue('k1', 2, 1500, 'r1', 'R001', 'returns'),
      issue('k1', 3, 2000, 't2', 'A002'),
      issue('k1', 4, 3000, 't3', 'A003'),
    ]);
    // people ahead across counters come from the line model (domain/wait/ahead.ts)
    expect(waitingTickets(s, ['advice']).map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(waitingTickets(s, ['returns']).map((t) => t.id)).toEqual(['r1']);
  });

  it('lets the earlier of two partitioned calls win and records the loser', () => {
    const events: StoreEvent[] = [
      issue('k1', 1, 1000, 't1', 'A001'),
      ev('clerkB', 1, 5001, { type: 'ticket.called', ticket: 't1', counter: 'c2' }),
      ev('clerkA', 1, 5000, { type: 'ticket.called', ticket: 't1', counter: 'c1' }),
    ];
    const s = fold(events);
    expect(s.tickets.get('t1')?.counter).toBe('c1');
    expect(s.conflicts).toEqual([
      expect.objectContaining({
        device: 'clerkB',
        ticket: 't1',
        reason: 'alreadyCalled',
        heldBy: 'c1',
      }),
    ]);
    expect(nowServing(s).map((t) => t.counter)).toEqual(['c1']);
  });

  it('refuses a no-show from a counter that does not hold the ticket', () => {
    const s = fold([
      issue('k1', 1, 1000, 't1', 'A001'),
      ev('clerkA', 1, 2000, { type: 'ticket.called', ticket: 't1', counter: 'c1' }),
      ev('clerkB', 1, 2500, { type: 'ticket.noShow', ticket: 't1', counter: 'c2' }),
    ]);
    expect(s.tickets.get('t1')?.status).toBe('called');
    expect(s.conflicts[0]?.reason).toBe('notYourTicket');
  });

  it('hands the customer at a counter over to the tablet that opens that counter next', () => {
    const s = fold([
      issue('k1', 1, 1000, 't1', 'A001'),
      ev('old', 1, 2000, { type: 'ticket.called', ticket: 't1', counter: 'c1' }),
      ev('new', 1, 3000, { type: 'counter.opened', counter: 'c1', services: ['advice'] }),
      ev('new', 2, 4000, { type: 'ticket.completed', ticket: 't1', counter: 'c1' }),
      ev('old', 2, 5000, { type: 'ticket.recalled', ticket: 't1', counter: 'c1' }),
    ]);
    expect(s.tickets.get('t1')?.status).toBe('done');
    expect(s.conflicts.map((c) => [c.device, c.reason])).toEqual([['old', 'notYourTicket']]);
  });

  it('puts a transferred customer back in line at their original place', () => {
    const s = fold([
      issue('k1', 1, 1000, 't1', 'A001'),
      issue('k1', 2, 2000, 'r1', 'R001', 'returns'),
      ev('c', 1, 3000, { type: 'ticket.called', ticket: 't1', counter: 'c1' }),
      ev('c', 2, 4000, {
        type: 'ticket.transferred',
        ticket: 't1',
        counter: 'c1',
        toService: 'returns',
      }),
    ]);
    expect(waitingTickets(s, ['returns']).map((t) => t.number)).toEqual(['A001', 'R001']);
  });

  it('recall keeps the ticket at its counter and announces it again', () => {
    const s = fold([
      issue('k1', 1, 1000, 't1', 'A001'),
      ev('c', 1, 2000, { type: 'ticket.called', ticket: 't1', counter: 'c1' }),
      ev('c', 2, 3000, { type: 'ticket.recalled', ticket: 't1', counter: 'c1' }),
    ]);
    expect(s.tickets.get('t1')?.recalls).toBe(1);
    expect(s.calls.map((c) => c.recall)).toEqual([false, true]);
  });

  it('gives the same state for any delivery order and any duplicates (property)', () => {
    const base: StoreEvent[] = [
      issue('k1', 1, 1000, 't1', 'A001'),
      issue('k2', 1, 1001, 't2', 'A500'),
      ev('a', 1, 2000, { type: 'ticket.called', ticket: 't1', counter: 'c1' }),
      ev('b', 1, 2000, { type: 'ticket.called', ticket: 't1', counter: 'c2' }),
      ev('b', 2, 2100, { type: 'ticket.called', ticket: 't2', counter: 'c2' }),
      ev('a', 2, 3000, { type: 'ticket.noShow', ticket: 't1', counter: 'c1' }),
      ev('b', 3, 3000, { type: 'ticket.completed', ticket: 't2', counter: 'c2' }),
    ];
    const reference = JSON.stringify(summary(fold(base)));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(base, { minLength: base.length, maxLength: base.length }),
        fc.array(fc.nat(6)),
        (order, dups) => {
          const delivered = [...order, ...dups.map((i) => base[i]!)];
          const unique = [...new Map(delivered.map((e) => [e.id, e])).values()];
          expect(JSON.stringify(summary(fold(unique)))).toBe(reference);
        },
      ),
    );
  });
});

function summary(s: ReturnType<typeof fold>) {
  return {
    tickets: [...s.tickets.values()].sort((a, b) => a.id.localeCompare(b.id)),
    conflicts: s.conflicts,
    calls: s.calls,
  };
}

describe("the store agent's verdicts", () => {
  it("leave out what they refuse, before or after it in the log, and no one else's counts", () => {
    const forged = issue('kiosk-x', 1, 1000, 't1', 'C999', 'checkout');
    const honest = issue('kiosk-1', 1, 2000, 't1', 'A002');
    const verdict = ev('agent-s', 1, 3000, {
      type: 'event.refused',
      events: ['kiosk-x:1'],
      reason: 'ticketTaken',
    });
    const s = fold([forged, honest, verdict]);
    expect(s.tickets.get('t1')).toMatchObject({ number: 'A002', service: 'advice' });
    expect(s.refused).toEqual(new Map([['kiosk-x:1', 'ticketTaken']]));
    // a verdict stamped before what it refuses (that event's clock was far ahead) works too
    const early = { ...verdict, hlc: '000000000000500-00000' };
    expect(fold([early, forged, honest]).tickets.get('t1')?.number).toBe('A002');
    // a kiosk (anyone but an agent) cannot refuse another device's ticket
    const fake = { ...verdict, id: 'kiosk-x:2', device: 'kiosk-x', seq: 2 };
    expect(fold([honest, fake]).tickets.get('t1')?.number).toBe('A002');
    expect(fold([forged, fake]).tickets.get('t1')?.number).toBe('C999');
  });
});
