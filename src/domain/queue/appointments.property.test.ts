import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ev } from '../testing/store.ts';
import type { EventBody } from './events.ts';
import { applyEvents, fold } from './fold.ts';
import { APPOINTMENT_EARLY_MS, firstToCall } from './line-order.ts';
import { waitingTickets } from './selectors.ts';
import type { Ticket } from './state.ts';

/**
 * The line with booked customers, against an oracle written from the rule as a store says it:
 * priority customers first; then a booked customer whose time has come (less five minutes),
 * earliest time first; then walk-ins and phone customers who are here, first come first; and
 * only when none of those waits, a booked customer who came early. Whatever order the events
 * reach a tablet in, it folds to the same line.
 */
const T0 = Date.UTC(2026, 2, 29, 8); // the morning of Europe's spring change
const MIN = 60_000;

interface Arrival {
  readonly kind: 'walkIn' | 'priority' | 'phone' | 'booked';
  /** Minutes after T0 the ticket was issued. */
  readonly at: number;
  /** For a booked one: its slot, minutes after T0. */
  readonly slot: number;
  /** For a phone one: checked in yet. */
  readonly here: boolean;
}

const arrival = fc.record({
  kind: fc.constantFrom<Arrival['kind']>('walkIn', 'priority', 'phone', 'booked'),
  at: fc.integer({ min: 0, max: 120 }),
  slot: fc.integer({ min: 0, max: 180 }).map((m) => m - (m % 15)),
  here: fc.boolean(),
});

function day(arrivals: readonly Arrival[]) {
  const events = arrivals.flatMap((a, i): [number, EventBody][] => {
    const issued: EventBody = {
      type: 'ticket.issued',
      ticket: `t${i}`,
      service: 'advice',
      number: `A${String(i + 1).padStart(3, '0')}`,
      n: i + 1,
      ...(a.kind === 'priority' ? { priority: true as const } : {}),
      ...(a.kind === 'phone' ? { channel: 'phone' as const, checkIn: true as const } : {}),
      ...(a.kind === 'booked'
        ? { channel: 'appointment' as const, appointment: `b${i}`, slot: T0 + a.slot * MIN }
        : {}),
    };
    const out: [number, EventBody][] = [[T0 + a.at * MIN + i, issued]];
    if (a.kind === 'phone' && a.here) {
      out.push([T0 + a.at * MIN + i + 1, { type: 'ticket.checkedIn', ticket: `t${i}` }]);
    }
    return out;
  });
  return events.map(([at, body], seq) => ev('kiosk-1', seq + 1, at, body));
}

function oracle(line: readonly Ticket[], now: number): string | undefined {
  const here = line.filter((t) => !t.awaitingCheckIn);
  const byArrival = (a: Ticket, b: Ticket) => a.issuedAt - b.issuedAt || (a.id < b.id ? -1 : 1);
  const bySlot = (a: Ticket, b: Ticket) => a.slotAt! - b.slotAt! || byArrival(a, b);
  const priority = here.filter((t) => t.priority).sort(byArrival);
  const booked = here.filter((t) => !t.priority && t.slotAt !== undefined).sort(bySlot);
  const due = booked.filter((t) => now >= t.slotAt! - APPOINTMENT_EARLY_MS);
  const rest = here.filter((t) => !t.priority && t.slotAt === undefined).sort(byArrival);
  return (priority[0] ?? due[0] ?? rest[0] ?? booked[0])?.id;
}

describe('the line with booked customers', () => {
  it('calls whom the rule says, at any moment of the morning', () => {
    fc.assert(
      fc.property(
        fc.array(arrival, { maxLength: 12 }),
        fc.integer({ min: 0, max: 200 }),
        (arrivals, minute) => {
          const line = waitingTickets(fold(day(arrivals)));
          const now = T0 + minute * MIN;
          expect(firstToCall(line, now)?.id).toBe(oracle(line, now));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('folds to the same line whatever order the events arrive in', () => {
    fc.assert(
      fc.property(
        fc.array(arrival, { minLength: 1, maxLength: 10 }).chain((arrivals) =>
          fc.tuple(
            fc.constant(day(arrivals)),
            fc.shuffledSubarray(day(arrivals), {
              minLength: day(arrivals).length,
              maxLength: day(arrivals).length,
            }),
          ),
        ),
        ([inOrder, shuffled]) => {
          const ids = (events: typeof inOrder) => waitingTickets(fold(events)).map((t) => t.id);
          expect(ids(shuffled)).toEqual(ids(inOrder));
          // a tablet applying them one by one as they come lands on the same line too
          // when they come in log order (out of order it refolds: src/sync)
          let s = fold([]);
          for (const e of inOrder) s = applyEvents(s, [e]);
          expect(waitingTickets(s).map((t) => t.id)).toEqual(ids(inOrder));
        },
      ),
      { numRuns: 300 },
    );
  });
});
