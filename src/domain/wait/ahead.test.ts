import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actOnCurrent, callNext } from '../queue/commands.ts';
import type { EventBody, StoreEvent } from '../queue/events.ts';
import { applyEvent, fold } from '../queue/fold.ts';
import type { QueueState } from '../queue/state.ts';
import { ev } from '../testing/store.ts';
import { WaitEstimator } from './estimator.ts';
import { estimateWaitWith, placeOfTicket } from './queue-state.ts';

/**
 * People ahead come from the line model (ahead.ts). The oracle below does not read that code:
 * it plays the store forward with the app's own commands, as clerks would in the documented
 * order (a counter free now first, by id; then busy ones in the order they called; every
 * visit as long as any other, so counters take turns), and counts the tickets that the counters
 * able to serve the target call before it.
 */
function oracle(events: readonly StoreEvent[], target: string): number {
  const state = fold(events);
  const service = state.tickets.get(target)!.service;
  const open = [...state.counters.values()].filter((c) => c.open);
  const busySince = (id: string): number | undefined => {
    for (const t of state.tickets.values())
      if ((t.status === 'called' || t.status === 'serving') && t.counter === id) return t.calledAt;
    return undefined;
  };
  const free = open.filter((c) => busySince(c.id) === undefined).map((c) => c.id);
  const busy = open
    .filter((c) => busySince(c.id) !== undefined)
    .sort((a, b) => busySince(a.id)! - busySince(b.id)! || (a.id < b.id ? -1 : 1))
    .map((c) => c.id);
  const servicesOf = new Map(open.map((c) => [c.id, c.services]));
  const turns = [...free.sort(), ...busy];
  if (!open.some((c) => c.services.includes(service))) {
    // nobody serves it: a counter for that service alone is taken to open now
    servicesOf.set('imagined', [service]);
    turns.unshift('imagined');
  }
  // as the clerks who called the customers now at the counters (they finish those visits)
  let seq = 100_000;
  let at = 10_000_000;
  const act = (s: QueueState, body: EventBody) =>
    applyEvent(s, ev('clerk', ++seq, (at += 1000), body));
  let count = 0;
  for (let guard = 0; guard < 10_000 && turns.length > 0; guard++) {
    const counter = turns.shift()!;
    const services = servicesOf.get(counter)!;
    const done = actOnCurrent(state, counter, 'ticket.completed');
    if (done.ok) act(state, done.event);
    const call = callNext(state, counter, services, 0);
    if (!call.ok) continue; // nothing for it: it drops out
    if (call.event.type !== 'ticket.called') throw new Error('not a call');
    if (call.event.ticket === target) return count;
    if (services.includes(service)) count++;
    act(state, call.event);
    turns.push(counter);
  }
  throw new Error('the target was never called');
}

interface Scenario {
  readonly counters: readonly { services: string[]; open: boolean; busy: boolean }[];
  readonly tickets: readonly { service: string; priority: boolean }[];
  readonly callOrder: readonly number[];
}

const SERVICES = ['A', 'B', 'C'];

function scenarioEvents(sc: Scenario): StoreEvent[] {
  const out: StoreEvent[] = [];
  let t = 1_000_000;
  let seq = 0;
  const add = (device: string, body: EventBody) => out.push(ev(device, ++seq, (t += 1000), body));
  sc.counters.forEach((c, i) => {
    add('clerk', { type: 'counter.opened', counter: `c${i + 1}`, services: c.services });
    if (!c.open) add('clerk', { type: 'counter.closed', counter: `c${i + 1}` });
  });
  sc.tickets.forEach((x, i) =>
    add('kiosk', {
      type: 'ticket.issued',
      ticket: `t${i}`,
      service: x.service,
      number: `${x.service}${String(i + 1).padStart(3, '0')}`,
      n: i + 1,
      ...(x.priority ? { priority: true as const } : {}),
    }),
  );
  // some open counters are busy with the customer the app had them call, in a random order
  const state = fold(out);
  for (const i of sc.callOrder) {
    const c = sc.counters[i];
    if (!c?.open || !c.busy) continue;
    const call = callNext(state, `c${i + 1}`, c.services, 0);
    if (!call.ok) continue;
    add('clerk', call.event);
    applyEvent(state, out[out.length - 1]!);
  }
  return out;
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  counters: fc.array(
    fc.record({
      services: fc.subarray(SERVICES, { minLength: 1 }),
      open: fc.boolean(),
      busy: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  tickets: fc.array(fc.record({ service: fc.constantFrom(...SERVICES), priority: fc.boolean() }), {
    minLength: 1,
    maxLength: 14,
  }),
  callOrder: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
});

const waitingIds = (s: QueueState) =>
  [...s.tickets.values()].filter((t) => t.status === 'waiting').map((t) => t.id);

describe('people ahead: the line model', () => {
  it('counts who the counters that serve the ticket call first, as the clerks would (oracle)', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const events = scenarioEvents(sc);
        const state = fold(events);
        for (const id of waitingIds(state)) {
          const place = placeOfTicket(state, id)!;
          expect(place.ahead).toBe(oracle(events, id));
          const service = state.tickets.get(id)!.service;
          const served = [...state.counters.values()].some(
            (c) => c.open && c.services.includes(service),
          );
          expect(place.noCounter).toBe(!served);
          expect(place.next).toBe(served && place.ahead === 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is the estimate’s own count, for a waiting ticket and a new one', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const events = scenarioEvents(sc);
        const state = fold(events);
        const est = new WaitEstimator({ replications: { min: 2, max: 2 } });
        const now = 2_000_000_000_000;
        const first = waitingIds(state)[0];
        if (first !== undefined) {
          const service = state.tickets.get(first)!.service;
          const w = estimateWaitWith(est, state, service, now, { ticket: first });
          expect(w.ahead).toBe(placeOfTicket(state, first)!.ahead);
        }
        for (const service of SERVICES) {
          // a ticket issued now is the last in line: the oracle on the line with it added
          const withNew = [
            ...events,
            ev('kiosk', 999, 1_900_000_000_000, {
              type: 'ticket.issued',
              ticket: 'new',
              service,
              number: 'N999',
              n: 999,
            }),
          ];
          expect(estimateWaitWith(est, state, service, now).ahead).toBe(oracle(withNew, 'new'));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('C001 at the only counter that serves it, behind advice and priority tickets: 4 ahead', () => {
    const body = (ticket: string, service: string, n: number, priority = false): EventBody => ({
      type: 'ticket.issued',
      ticket,
      service,
      number: `${service === 'checkout' ? 'C' : 'A'}${String(n).padStart(3, '0')}`,
      n,
      ...(priority ? { priority: true as const } : {}),
    });
    const state = fold([
      ev('clerk', 1, 1000, {
        type: 'counter.opened',
        counter: 'counter-1',
        services: ['advice', 'checkout'],
      }),
      ev('kiosk', 1, 2000, body('a1', 'advice', 1)),
      ev('kiosk', 2, 3000, body('a2', 'advice', 2)),
      ev('kiosk', 3, 4000, body('C001', 'checkout', 1)),
      ev('kiosk', 4, 5000, body('p1', 'advice', 3, true)),
      ev('kiosk', 5, 6000, body('p2', 'advice', 4, true)),
    ]);
    // the same service alone would say "you are next"
    expect(placeOfTicket(state, 'C001')).toEqual({ ahead: 4, noCounter: false, next: false });
    expect(placeOfTicket(state, 'p1')).toEqual({ ahead: 0, noCounter: false, next: true });
  });

  it('with no counter open, counts the same service only and is never "next"', () => {
    const state = fold([
      ev('kiosk', 1, 1000, body2('x1', 'advice')),
      ev('kiosk', 2, 2000, body2('x2', 'returns')),
      ev('kiosk', 3, 3000, body2('x3', 'advice')),
    ]);
    expect(placeOfTicket(state, 'x1')).toEqual({ ahead: 0, noCounter: true, next: false });
    expect(placeOfTicket(state, 'x3')).toEqual({ ahead: 1, noCounter: true, next: false });
    expect(placeOfTicket(state, 'nope')).toBeUndefined();
  });
});

function body2(ticket: string, service: string): EventBody {
  return { type: 'ticket.issued', ticket, service, number: ticket.toUpperCase(), n: 1 };
}
