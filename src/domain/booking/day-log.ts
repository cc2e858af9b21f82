/**
 * Today's bookings in the day's log. The hub keeps every day's bookings (bookings.ts); the
 * log of a day holds that day's as appointment.* events, so every device knows them offline.
 * The events that bring the log in line with the bookings are derived, not remembered: what
 * is live today and not in the log is booked; moved within today is booked again; moved to
 * another day is cancelled ('moved'); cancelled by the customer is cancelled (no reason).
 * Asking again after writing gives nothing more, so a restart or a day change never doubles.
 *
 * Also the missed booking: still booked in the log at its slot plus the late minutes, the
 * agent cancels it ('missed').
 */
import type { StoreConfig } from '../config/types.ts';
import { localAt } from '../hours/wall-time.ts';
import type { CommandResult } from '../queue/commands.ts';
import type { EventBody } from '../queue/events.ts';
import type { Appointment, QueueState } from '../queue/state.ts';
import type { Booking, Bookings } from './bookings.ts';
import { lateLimit } from '../queue/booked-check-in.ts';

function booked(b: Booking): EventBody {
  return {
    type: 'appointment.booked',
    appointment: b.id,
    service: b.service,
    at: b.at,
    code: b.code,
    ...(b.name !== undefined ? { name: b.name } : {}),
    ...(b.lang !== undefined ? { lang: b.lang } : {}),
  };
}

/** The event one booking needs in today's log (`today`, a day number), if any. */
export function dayLogEventFor(
  b: Booking,
  inLog: Appointment | undefined,
  today: number,
  timeZone: string,
): EventBody | undefined {
  const isToday = localAt(b.at, timeZone).day === today;
  if (b.status === 'live' && isToday) {
    if (!inLog) return booked(b);
    if (inLog.status === 'booked' && (inLog.at !== b.at || inLog.service !== b.service)) {
      return booked(b);
    }
    return undefined;
  }
  if (inLog?.status !== 'booked') return undefined;
  if (b.status === 'cancelled') return { type: 'appointment.cancelled', appointment: b.id };
  return { type: 'appointment.cancelled', appointment: b.id, reason: 'moved' };
}

/** The first event today's log still needs, as a command the agent commits at `at`. */
export function nextDayLogEvent(
  bookings: Bookings,
  state: QueueState,
  timeZone: string,
  at: number,
): CommandResult {
  const today = localAt(at, timeZone).day;
  for (const b of bookings.values()) {
    const e = dayLogEventFor(b, state.appointments.get(b.id), today, timeZone);
    if (e) return { ok: true, event: e };
  }
  return { ok: false, error: 'alreadyRecorded' };
}

/** When a booking still booked in the log counts as missed; undefined when it is not booked. */
export function missDeadline(cfg: StoreConfig, a: Appointment): number | undefined {
  return a.status === 'booked' ? lateLimit(cfg, a) : undefined;
}

/** Today's bookings missed at `now` (their customer never checked in). */
export function missedAppointments(cfg: StoreConfig, state: QueueState, now: number): string[] {
  const out: string[] = [];
  for (const a of state.appointments.values()) {
    const d = missDeadline(cfg, a);
    if (d !== undefined && now >= d) out.push(a.id);
  }
  return out;
}

/** The earliest miss deadline still ahead of `now`. */
export function nextMissDeadline(
  cfg: StoreConfig,
  state: QueueState,
  now: number,
): number | undefined {
  let next: number | undefined;
  for (const a of state.appointments.values()) {
    const d = missDeadline(cfg, a);
    if (d !== undefined && d > now && (next === undefined || d < next)) next = d;
  }
  return next;
}

/** Cancels a missed booking, checked again on the state it commits on (never twice). */
export function cancelMissed(
  cfg: StoreConfig,
  state: QueueState,
  id: string,
  at: number,
): CommandResult {
  if (!missedAppointments(cfg, state, at).includes(id)) return { ok: false, error: 'notWaiting' };
  return { ok: true, event: { type: 'appointment.cancelled', appointment: id, reason: 'missed' } };
}
