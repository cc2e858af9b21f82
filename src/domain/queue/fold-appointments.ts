import type { StoreEvent } from './events.ts';
import type { StateWriter } from './state-writer.ts';

/**
 * Owns how the day's bookings change with appointment.* events and with the ticket issued
 * when a booked customer checks in. A booking moved (booked again) after its customer
 * arrived, or after it was cancelled, changes nothing: the ticket in line is what counts.
 */
export function applyAppointmentEvent(
  w: StateWriter,
  e: Extract<StoreEvent, { type: 'appointment.booked' | 'appointment.cancelled' }>,
): void {
  const list = w.map('appointments');
  const found = list.get(e.appointment);
  if (e.type === 'appointment.cancelled') {
    if (!found || found.status !== 'booked') return;
    found.status = 'cancelled';
    if (e.reason !== undefined) found.cancelReason = e.reason;
    return;
  }
  if (found) {
    if (found.status !== 'booked') return;
    found.service = e.service;
    found.at = e.at;
    return;
  }
  list.set(e.appointment, {
    id: e.appointment,
    service: e.service,
    at: e.at,
    code: e.code,
    status: 'booked',
    ...(e.name !== undefined ? { name: e.name } : {}),
    ...(e.lang !== undefined ? { lang: e.lang } : {}),
  });
}

/** The booking's customer checked in and holds `ticket` (first ticket wins). */
export function arrive(w: StateWriter, appointment: string, ticket: string): void {
  const found = w.map('appointments').get(appointment);
  if (!found || found.ticket !== undefined) return;
  found.status = 'arrived';
  found.ticket = ticket;
}
