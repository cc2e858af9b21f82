import { describe, expect, it } from 'vitest';
import { ev, testStore } from '../testing/store.ts';
import { recordVisitNote } from '../visit/commands.ts';
import { callNext } from './commands.ts';
import type { EventBody, StoreEvent } from './events.ts';
import { fold } from './fold.ts';
import { handOver, handoverTargets, waitingAt, type HandoverTarget } from './handover.ts';

const issue = (seq: number, ticket: string, service = 'advice'): StoreEvent =>
  ev('k1', seq, 1000 + seq, {
    type: 'ticket.issued',
    ticket,
    service,
    number: `${service === 'advice' ? 'A' : 'R'}00${seq}`,
    n: seq,
  });

/**
 * Three counters: tablet d1 at c1 (Anna), d2 at c2 (Bo), d3 at c3 (nobody signed in); three
 * customers waiting for advice, and c1 serving the first.
 */
function store(): StoreEvent[] {
  return [
    ev('d1', 1, 100, { type: 'staff.signedIn', staff: 'anna' }),
    ev('d1', 2, 200, { type: 'counter.opened', counter: 'c1', services: ['advice', 'returns'] }),
    ev('d2', 1, 100, { type: 'staff.signedIn', staff: 'bo' }),
    ev('d2', 2, 200, { type: 'counter.opened', counter: 'c2', services: ['advice'] }),
    ev('d3', 1, 200, { type: 'counter.opened', counter: 'c3', services: ['advice'] }),
    issue(1, 't1'),
    issue(2, 't2'),
    issue(3, 't3'),
    ev('d1', 3, 5000, { type: 'ticket.called', ticket: 't1', counter: 'c1' }),
  ];
}

/** Appends the event `decide` returns as written by `device` (failing the test if refused). */
function then(events: StoreEvent[], device: string, seq: number, wall: number, body: unknown) {
  const r = body as { ok: boolean; event?: EventBody; error?: string };
  if (!r.ok || !r.event) throw new Error(`refused: ${r.error}`);
  return [...events, ev(device, seq, wall, r.event)];
}

const handedOver = (target: HandoverTarget, reason?: string) => {
  const events = store();
  return then(events, 'd1', 4, 6000, handOver(fold(events), testStore, 'c1', target, reason));
};

describe('handing a customer over', () => {
  it('to a colleague: the event names their counter and the reason; the fold says who sent them', () => {
    const events = handedOver({ kind: 'staff', staff: 'bo' }, '  Needs the\u0007 warranty desk  ');
    expect(events.at(-1)).toMatchObject({
      type: 'ticket.transferred',
      ticket: 't1',
      counter: 'c1',
      toService: 'advice',
      toCounter: 'c2',
      toStaff: 'bo',
      reason: 'Needs the warranty desk',
    });
    const t1 = fold(events).tickets.get('t1')!;
    expect(t1.status).toBe('waiting');
    expect(t1.handover).toEqual({
      fromCounter: 'c1',
      fromDevice: 'd1',
      fromStaff: 'anna',
      toCounter: 'c2',
      toStaff: 'bo',
      reason: 'Needs the warranty desk',
      at: 6000,
    });
  });

  it('is called first at the receiving counter and nowhere else, ahead of earlier customers', () => {
    const s = fold(handedOver({ kind: 'counter', counter: 'c3' }, 'Speaks Polish'));
    expect(waitingAt(s, 'c3', ['advice']).map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(waitingAt(s, 'c2', ['advice']).map((t) => t.id)).toEqual(['t2', 't3']);
    expect(callNext(s, 'c3', ['advice'], 0)).toMatchObject({ ok: true, event: { ticket: 't1' } });
    expect(callNext(s, 'c2', ['advice'], 0)).toMatchObject({ ok: true, event: { ticket: 't2' } });
  });

  it('goes back to the ordinary line when the receiving counter closes or the colleague leaves', () => {
    const toC3 = handedOver({ kind: 'counter', counter: 'c3' });
    const closed = fold([...toC3, ev('d3', 2, 7000, { type: 'counter.closed', counter: 'c3' })]);
    expect(waitingAt(closed, 'c2', ['advice']).map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    const toBo = handedOver({ kind: 'staff', staff: 'bo' });
    const left = fold([...toBo, ev('d2', 3, 7000, { type: 'staff.signedOut', staff: 'bo' })]);
    expect(waitingAt(left, 'c3', ['advice']).map((t) => t.id)).toEqual(['t1', 't2', 't3']);
  });

  it('follows the colleague to the counter they are signed in at now', () => {
    const toBo = handedOver({ kind: 'staff', staff: 'bo' });
    const moved = fold([
      ...toBo,
      ev('d2', 3, 7000, { type: 'staff.signedOut', staff: 'bo' }),
      ev('d3', 2, 7100, { type: 'staff.signedIn', staff: 'bo' }),
    ]);
    expect(waitingAt(moved, 'c3', ['advice'])[0]?.id).toBe('t1');
    expect(waitingAt(moved, 'c2', ['advice']).map((t) => t.id)).toEqual(['t2', 't3']);
  });

  it('keeps the service where the receiving counter serves it, else takes that counter’s', () => {
    const events = [
      ...store(),
      issue(4, 'r1', 'returns'),
      ev('d1', 4, 6000, { type: 'ticket.completed', ticket: 't1', counter: 'c1' }),
    ];
    const s = fold([
      ...events,
      ev('d1', 5, 6100, { type: 'ticket.called', ticket: 'r1', counter: 'c1' }),
    ]);
    // r1 waits for returns; c2 serves advice only
    expect(handOver(s, testStore, 'c1', { kind: 'counter', counter: 'c2' })).toMatchObject({
      ok: true,
      event: { toService: 'advice', toCounter: 'c2' },
    });
  });

  it('refuses a closed counter, an absent colleague, itself and an unknown service', () => {
    const s = fold(store());
    const refused = (target: HandoverTarget) => handOver(s, testStore, 'c1', target);
    expect(refused({ kind: 'counter', counter: 'c9' })).toEqual({
      ok: false,
      error: 'counterClosed',
    });
    expect(refused({ kind: 'counter', counter: 'c1' })).toEqual({
      ok: false,
      error: 'counterClosed',
    });
    expect(refused({ kind: 'staff', staff: 'cy' })).toEqual({ ok: false, error: 'counterClosed' });
    expect(refused({ kind: 'service', service: 'nope' })).toEqual({
      ok: false,
      error: 'unknownService',
    });
    expect(handOver(s, testStore, 'c2', { kind: 'service', service: 'returns' })).toEqual({
      ok: false,
      error: 'notAtCounter',
    });
  });

  it('offers other services, other open counters and colleagues signed in elsewhere', () => {
    expect(handoverTargets(fold(store()), testStore, 'c1')).toEqual({
      services: ['returns'],
      counters: ['c2', 'c3'],
      colleagues: [{ staff: 'bo', counter: 'c2' }],
    });
  });

  it('a plain transfer to a service still records who sent the customer', () => {
    const s = fold(handedOver({ kind: 'service', service: 'returns' }));
    expect(s.tickets.get('t1')).toMatchObject({
      service: 'returns',
      handover: { fromCounter: 'c1', fromStaff: 'anna' },
    });
    expect(s.tickets.get('t1')?.handover?.toCounter).toBeUndefined();
  });
});

describe('a note on the visit', () => {
  const visitStep = ev('d1', 4, 5100, {
    type: 'visit.step',
    visit: 'v1',
    clerk: 'd1',
    counter: 'c1',
    ticket: 't1',
    step: 'greeting',
    n: 1,
    at: 5100,
  });
  const place = { visit: 'v1', clerk: 'd1', counter: 'c1', ticket: 't1' };

  it('travels with the ticket to the next clerk; the last note counts and "" clears it', () => {
    let events = [...store(), visitStep];
    events = then(events, 'd1', 5, 6000, recordVisitNote(fold(events), place, ' Size 40, blue '));
    expect(events.at(-1)).toMatchObject({
      type: 'visit.note',
      note: 'Size 40, blue',
      ticket: 't1',
    });
    events = then(
      events,
      'd1',
      6,
      6100,
      handOver(fold(events), testStore, 'c1', { kind: 'staff', staff: 'bo' }),
    );
    events = then(events, 'd2', 3, 6200, callNext(fold(events), 'c2', ['advice'], 0));
    const s = fold(events);
    expect(s.tickets.get('t1')).toMatchObject({ status: 'called', counter: 'c2' });
    expect(s.tickets.get('t1')?.note).toEqual({ text: 'Size 40, blue', visit: 'v1', at: 6000 });
    expect(s.visits.get('v1')?.note).toBe('Size 40, blue');

    expect(recordVisitNote(s, place, 'Size 40, blue ')).toEqual({
      ok: false,
      error: 'alreadyRecorded',
    });
    const cleared = then(events, 'd1', 7, 6300, recordVisitNote(s, place, '   '));
    expect(fold(cleared).tickets.get('t1')?.note).toBeUndefined();
    expect(fold(cleared).visits.get('v1')?.note).toBeUndefined();
  });

  it('is ignored from a device that does not own the visit', () => {
    const events = [
      ...store(),
      visitStep,
      ev('d2', 3, 6000, { type: 'visit.note', visit: 'v1', clerk: 'd2', ticket: 't1', note: 'x' }),
    ];
    const s = fold(events);
    expect(s.visits.get('v1')?.note).toBeUndefined();
    expect(s.tickets.get('t1')?.note).toBeUndefined();
  });

  it('folds to the same state in any arrival order', () => {
    let events = [...store(), visitStep];
    events = then(events, 'd1', 5, 6000, recordVisitNote(fold(events), place, 'first'));
    events = then(events, 'd1', 6, 6100, recordVisitNote(fold(events), place, 'second'));
    expect(fold([...events].reverse()).tickets.get('t1')?.note?.text).toBe('second');
  });
});
