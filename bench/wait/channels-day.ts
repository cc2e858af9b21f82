import type { SimBooking, SimCustomer } from '../../src/domain/portable/engine.ts';
import { APPOINTMENT_EARLY_MS } from '../../src/domain/queue/line-order.ts';
import { Rng } from '../../src/domain/wait/rng.ts';
import type { BookedArrival, ChannelTruth } from './oracle-channels.ts';
import type { Scenario } from './scenarios.ts';
import {
  DAY,
  HOUR,
  MIN,
  STORE_SERVICES,
  T0,
  hashName,
  storeArrivals,
  storeShifts,
  storeTruth,
  storeVisits,
} from './store.ts';

/**
 * The store day (scenarios.ts `store-day`: the same services, counters and peaks) with the
 * channels of issue 19: 30% of the customers join the line from their phone 5-30 minutes before
 * they reach the store and must check in (17% never come and are dropped after the grace
 * time), and advice and accounts take bookings every 20 minutes (about 55% of the slots booked;
 * 10% of the booked customers never come and the booking is cancelled as missed 10 minutes
 * after its time; the others check in about 4 minutes early, give or take 3). Only walk-ins
 * (kiosk tickets) are scored: the targets are for them.
 */
const REMOTE_SHARE = 0.3;
const REMOTE_NO_SHOW = 0.17;
const GRACE_MS = 45 * MIN;
const BOOKED_NO_SHOW = 0.1;
const BOOKABLE = ['advice', 'accounts'];
const SLOT_MS = 20 * MIN;
const LATE_MS = 10 * MIN;

export function channelsDay(): Scenario {
  const id = 'channels-day';
  return {
    id,
    group: 5,
    label: 'store day with 30% remote joiners and appointments',
    build(quick) {
      const rng = new Rng(hashName(id));
      const days = quick ? 10 : 60;
      const customers: SimCustomer[] = [];
      const bookings: SimBooking[] = [];
      const callableAt = new Map<string, number>();
      const booked: BookedArrival[] = [];
      const appointments = new Map<string, number>();
      const shifts = [];
      let n = 0;
      for (let d = 0; d < days; d++) {
        const day0 = T0 + d * DAY;
        for (const b of dayBookings(rng, day0, () => n++)) {
          bookings.push(b.booking);
          if (!b.customer) continue;
          customers.push(b.customer);
          const at = Math.max(b.customer.arrival, b.booking.slotAt - APPOINTMENT_EARLY_MS);
          callableAt.set(b.customer.ticket, at);
          appointments.set(b.booking.appointment, at);
          booked.push({ service: b.booking.service, issuedAt: b.customer.arrival, callableAt: at });
        }
        // the bookings take about 7% of the day's customers: fewer walk in
        storeArrivals(rng, (32 * 0.93) / HOUR, (x, spec) => {
          const inStore = day0 + Math.round(x);
          const c = rng.next() < REMOTE_SHARE ? remote(rng, inStore, spec.id) : undefined;
          const base = {
            service: spec.id,
            visits: storeVisits(rng, spec, Math.floor(x / HOUR), true),
          };
          if (c) {
            const ticket = `r${n++}`;
            customers.push({ ticket, ...base, ...c });
            callableAt.set(ticket, c.arrival + (c.checkInAfterMs ?? 0));
            return;
          }
          customers.push({
            ticket: `w${n++}`,
            ...base,
            arrival: inStore,
            patienceMs: rng.exp(1 / (spec.patienceMin * MIN)),
            ...(rng.next() < 0.03 ? { priority: true } : {}),
          });
        });
        shifts.push(...storeShifts(rng, day0));
      }
      customers.sort((a, b) => a.arrival - b.arrival);
      booked.sort((a, b) => a.issuedAt - b.issuedAt);
      const channels: ChannelTruth = { callableAt, booked, appointments };
      return {
        customers,
        shifts,
        bookings,
        truth: { ...storeTruth(), channels },
        scoreFrom: T0 + 2 * DAY,
        scored: (ticket) => ticket.startsWith('w'),
      };
    },
  };
}

/** A phone ticket: issued 5-30 minutes before the customer reaches the store (not before 9). */
function remote(
  rng: Rng,
  inStore: number,
  service: string,
): Pick<SimCustomer, 'arrival' | 'patienceMs' | 'channel' | 'checkInAfterMs' | 'graceMs'> {
  const day0 = inStore - (inStore % DAY);
  const arrival = Math.max(day0 + 9 * HOUR, inStore - Math.round((5 + 25 * rng.next()) * MIN));
  const spec = STORE_SERVICES.find((s) => s.id === service)!;
  const comes = rng.next() >= REMOTE_NO_SHOW;
  return {
    arrival,
    // one who never comes does not cancel either: the store drops the ticket
    patienceMs: comes ? rng.exp(1 / (spec.patienceMin * MIN)) : Infinity,
    channel: 'phone',
    checkInAfterMs: comes ? inStore - arrival : Infinity,
    graceMs: GRACE_MS,
  };
}

/** The day's bookings (made the evening before), and the customers who come for them. */
function dayBookings(
  rng: Rng,
  day0: number,
  nextId: () => number,
): { booking: SimBooking; customer?: SimCustomer }[] {
  const out: { booking: SimBooking; customer?: SimCustomer }[] = [];
  for (const service of BOOKABLE) {
    const spec = STORE_SERVICES.find((s) => s.id === service)!;
    for (let slotAt = day0 + 9.5 * HOUR; slotAt < day0 + 18.5 * HOUR; slotAt += SLOT_MS) {
      if (rng.next() >= 0.55) continue;
      const k = nextId();
      const appointment = `a${k}`;
      const bookedAt = day0 + 7 * HOUR + out.length * 1000;
      if (rng.next() < BOOKED_NO_SHOW) {
        out.push({
          booking: { appointment, service, bookedAt, slotAt, missedAt: slotAt + LATE_MS },
        });
        continue;
      }
      const offset = Math.round((rng.normal() * 3 - 4) * MIN);
      const arrival = slotAt + Math.min(8 * MIN, Math.max(-15 * MIN, offset));
      out.push({
        booking: { appointment, service, bookedAt, slotAt },
        customer: {
          ticket: `b${k}`,
          service,
          arrival,
          patienceMs: Infinity,
          visits: storeVisits(rng, spec, Math.floor((slotAt - day0) / HOUR), true),
          channel: 'appointment',
          appointment,
          slotAt,
        },
      });
    }
  }
  return out;
}
