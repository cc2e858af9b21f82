import { encodeHlc } from '../clock/hlc.ts';
import { eventId, type EventBody, type StoreEvent } from '../queue/events.ts';
import { buildDayRollup, type DayRollup } from './facts.ts';

/** Small hand-made logs for the report tests: times are "HH:MM[:SS]" on a UTC store day. */
export const DAY = '2026-03-02';
export const NEXT_DAY = '2026-03-03';
const START = Date.parse(`${DAY}T00:00:00Z`);
const H = 3_600_000;

export function at(clock: string, day = DAY): number {
  const [h = 0, m = 0, s = 0] = clock.split(':').map(Number);
  return Date.parse(`${day}T00:00:00Z`) + h * H + m * 60_000 + s * 1000;
}

export function logBuilder() {
  const seqs = new Map<string, number>();
  const counters = new Map<number, number>();
  return (device: string, wall: number, body: EventBody): StoreEvent => {
    const seq = (seqs.get(device) ?? 0) + 1;
    seqs.set(device, seq);
    // same wall time twice: the clock's counter keeps them apart, as a real HLC does
    const counter = counters.get(wall) ?? 0;
    counters.set(wall, counter + 1);
    return {
      id: eventId(device, seq),
      store: 's',
      device,
      seq,
      hlc: encodeHlc({ wall, counter }),
      ...body,
    };
  };
}

export function rollup(events: StoreEvent[], next: StoreEvent[] = [], day = DAY): DayRollup {
  const dayStart = day === DAY ? START : Date.parse(`${day}T00:00:00Z`);
  return buildDayRollup(events, next, {
    day,
    timeZone: 'UTC',
    dayStart,
    dayEnd: dayStart + 24 * H,
  });
}

export const issue = (ticket: string, service = 'A'): EventBody => ({
  type: 'ticket.issued',
  ticket,
  service,
  number: ticket.toUpperCase(),
  n: 1,
});
export const call = (ticket: string, counter = 'c1'): EventBody => ({
  type: 'ticket.called',
  ticket,
  counter,
});
export const complete = (ticket: string, counter = 'c1'): EventBody => ({
  type: 'ticket.completed',
  ticket,
  counter,
});
export const noShow = (ticket: string, counter = 'c1'): EventBody => ({
  type: 'ticket.noShow',
  ticket,
  counter,
});
export const cancel = (ticket: string): EventBody => ({ type: 'ticket.cancelled', ticket });

/** A ticket taken on a phone (/join) that must check in at the store before it is called. */
export const phoneIssue = (ticket: string, service = 'A'): EventBody => ({
  type: 'ticket.issued',
  ticket,
  service,
  number: ticket.toUpperCase(),
  n: 1,
  channel: 'phone',
  checkIn: true,
});
export const checkIn = (ticket: string): EventBody => ({ type: 'ticket.checkedIn', ticket });
