import type { NumberRange, ServiceConfig } from '../config/types.ts';
import type { QueueState } from './state.ts';

export function formatTicketNumber(prefix: string, n: number, range: NumberRange): string {
  const width = Math.max(3, String(range.to).length);
  return `${prefix}${String(n).padStart(width, '0')}`;
}

/**
 * Next number this device may hand out today for a service: the first one free from the
 * bottom of the device's own range. Ranges are disjoint per device, so two kiosks cut off from
 * each other can never hand out the same number. A kiosk's own numbers run without gaps, so
 * this is one past its highest; a number someone else put inside the range (a stolen kiosk
 * credential, a misconfigured tablet) is stepped over instead of ending the range early.
 * Returns null when the range is used up.
 */
export function nextNumber(
  state: QueueState,
  service: ServiceConfig,
  range: NumberRange,
): { n: number; number: string } | null {
  const taken = new Set<number>();
  for (const t of state.tickets.values()) {
    // the prefix identifies the service's numbering even after a transfer
    if (t.number.startsWith(service.prefix) && t.n >= range.from && t.n <= range.to) {
      taken.add(t.n);
    }
  }
  let n = range.from;
  while (taken.has(n)) n++;
  if (n > range.to) return null;
  return { n, number: formatTicketNumber(service.prefix, n, range) };
}
