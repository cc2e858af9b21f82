import type { PortableEvent } from './types.ts';

/** One event as one JSON line (no newline), fields in the contract's order. */
export function serializeEvent(e: PortableEvent): string {
  const o: Record<string, unknown> = { at: new Date(e.at).toISOString(), type: e.type };
  if ('ticket' in e) o['ticket'] = e.ticket;
  if ('service' in e && e.service !== undefined) o['service'] = e.service;
  if ('counter' in e && e.counter !== undefined) o['counter'] = e.counter;
  if (e.number !== undefined) o['number'] = e.number;
  if (e.type === 'ticket.issued') {
    if (e.priority) o['priority'] = true;
    if (e.channel !== undefined) o['channel'] = e.channel;
    if (e.checkIn) o['checkIn'] = true;
    if (e.appointment !== undefined) o['appointment'] = e.appointment;
    if (e.slot !== undefined) o['slot'] = new Date(e.slot).toISOString();
  }
  if (e.type === 'appointment.booked' || e.type === 'appointment.cancelled') {
    o['appointment'] = e.appointment;
    if (e.type === 'appointment.booked') o['slot'] = new Date(e.slot).toISOString();
    else if (e.reason !== undefined) o['reason'] = e.reason;
  }
  if (e.type === 'ticket.cancelled' && e.reason !== undefined) o['reason'] = e.reason;
  if (e.type === 'ticket.transferred') o['toService'] = e.toService;
  if (e.type === 'counter.opened') o['services'] = e.services;
  return JSON.stringify(o);
}

/** A whole log as JSON Lines text, ending with a newline. */
export function serializeLog(events: Iterable<PortableEvent>): string {
  let out = '';
  for (const e of events) out += serializeEvent(e) + '\n';
  return out;
}
