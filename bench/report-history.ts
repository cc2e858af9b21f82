import { encodeHlc } from '../src/domain/clock/hlc.ts';
import { eventId, type EventBody, type StoreEvent } from '../src/domain/queue/events.ts';
import type { Satisfaction, VisitStep } from '../src/domain/visit/types.ts';
import { prng } from '../src/domain/random/prng.ts';

/**
 * A year of a busy store for the report benchmark, in the spirit of bench/year-history.ts but
 * with what reports group by: three services, four counters, clerks signing in and out in two
 * shifts, busy hours, no-shows, customers who leave, visits with steps and feedback. Seeded,
 * so every run reads the same history. Days are UTC store days ending `endDay` (default: today).
 */
export const REPORT_SERVICES = ['advice', 'returns', 'pickup'] as const;
const COUNTERS = ['counter-1', 'counter-2', 'counter-3', 'counter-4'];
const STAFF = ['anna', 'bartek', 'celina', 'dawid', 'ewa', 'filip', 'gosia', 'henryk'];
const DAY = 86_400_000;
const H = 3_600_000;
/** Share of the day's arrivals per hour from 9:00 to 20:00: a lunch and an after-work peak. */
const HOUR_SHAPE = [4, 6, 8, 12, 11, 8, 7, 8, 11, 12, 8, 5];

export function reportYear(tickets: number, days = 365, endDay = Date.now()): StoreEvent[] {
  const rand = prng(42);
  const exp = (mean: number) => -Math.log(1 - rand()) * mean;
  const seqs = new Map<string, number>();
  const out: StoreEvent[] = [];
  const ev = (device: string, wall: number, body: EventBody): void => {
    const seq = (seqs.get(device) ?? 0) + 1;
    seqs.set(device, seq);
    out.push({
      id: eventId(device, seq),
      store: 'store-001',
      device,
      seq,
      hlc: encodeHlc({ wall: Math.round(wall), counter: 0 }),
      ...body,
    });
  };
  const perDay = tickets / days;
  const shapeSum = HOUR_SHAPE.reduce((a, b) => a + b, 0);
  let issued = 0;
  const lastDay = Math.floor(endDay / DAY) * DAY;
  for (let d = days - 1; d >= 0; d--) {
    const day = lastDay - d * DAY;
    const open = day + 9 * H;
    const tablet = (c: number) => `tablet-${c + 1}`;
    for (const [c, counter] of COUNTERS.entries()) {
      ev(tablet(c), open - 600_000, { type: 'staff.signedIn', staff: STAFF[(d + c) % 8]! });
      ev(tablet(c), open - 300_000, {
        type: 'counter.opened',
        counter,
        services: [...REPORT_SERVICES],
      });
      ev(tablet(c), open + 6 * H, { type: 'staff.signedOut', staff: STAFF[(d + c) % 8]! });
      ev(tablet(c), open + 6 * H + 60_000, {
        type: 'staff.signedIn',
        staff: STAFF[(d + c + 4) % 8]!,
      });
      ev(tablet(c), open + 12 * H, { type: 'counter.closed', counter });
    }
    let n = 0;
    const target = Math.round(perDay * (days - d)) - issued;
    for (const [h, share] of HOUR_SHAPE.entries()) {
      const count = Math.round((target * share) / shapeSum);
      for (let i = 0; i < count && issued < tickets; i++, n++, issued++) {
        const at = open + h * H + rand() * H;
        const service = REPORT_SERVICES[Math.floor(rand() * 3)]!;
        const ticket = `r${d}x${n}`;
        ev('kiosk-1', at, {
          type: 'ticket.issued',
          ticket,
          service,
          number: `${service[0]!.toUpperCase()}${String(n + 1).padStart(3, '0')}`,
          n: n + 1,
        });
        // busier hours wait longer: a mean of 2.3 to 5 minutes
        const wait = exp(60_000 + 20_000 * share);
        const r = rand();
        if (r < 0.03) {
          ev('kiosk-1', at + Math.min(wait, exp(400)), { type: 'ticket.cancelled', ticket });
          continue;
        }
        const c = Math.floor(rand() * 4);
        const counter = COUNTERS[c]!;
        const called = at + wait;
        ev(tablet(c), called, { type: 'ticket.called', ticket, counter });
        if (r < 0.08) {
          ev(tablet(c), called + 120_000, { type: 'ticket.noShow', ticket, counter });
          continue;
        }
        const service_ = 60_000 + exp(240_000);
        ev(tablet(c), called + service_, { type: 'ticket.completed', ticket, counter });
        if (rand() < 0.3) visit(ev, tablet(c), counter, ticket, called, service_, rand);
      }
    }
  }
  return out;
}

function visit(
  ev: (device: string, wall: number, body: EventBody) => void,
  device: string,
  counter: string,
  ticket: string,
  start: number,
  length: number,
  rand: () => number,
): void {
  const steps: [VisitStep, number][] = [
    ['greeting', 0],
    ['assisting', 0.1],
    ['thanking', 0.85],
    ['done', 1],
  ];
  const id = `v-${ticket}`;
  for (const [i, [step, share]] of steps.entries()) {
    const at = Math.round(start + share * length);
    ev(device, at, {
      type: 'visit.step',
      visit: id,
      clerk: device,
      counter,
      ticket,
      step,
      n: i + 1,
      at,
    });
  }
  if (rand() < 0.6) {
    const sat: Satisfaction = rand() < 0.7 ? 'good' : rand() < 0.6 ? 'neutral' : 'bad';
    const nps =
      rand() < 0.5 ? Math.min(10, Math.floor(rand() * 5) + (sat === 'good' ? 6 : 2)) : undefined;
    ev(device, start + 0.9 * length, {
      type: 'visit.feedback',
      visit: id,
      clerk: device,
      satisfaction: sat,
      ...(nps !== undefined ? { nps } : {}),
    });
  }
}
