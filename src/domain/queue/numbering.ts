import type { NumberRange, ServiceConfig } from '../config/types.ts';
import type { QueueState } from './state.ts';

export function formatTicketNumber(prefix: string, n: number, range: NumberRange): string {
  const width = Math.max(3, String(range.to).length);
  return `${prefix}${String(n).padStart(width, '0')}`;
}

/**
 * Next number this device may hand out today for a service: one past the highest number
 * already issued inside the device's own range. Ranges are disjoint per device, so two
 * kiosks cut off from each other can never hand out the same number.
 * Returns null when the range is used up.
 */
export function nextNumber(
  state: QueueState,
  service: ServiceConfig,
  range: NumberRange,
): { n: number; number: string } | null {
  let highest = range.from - 1;
  for (const t of state.tickets.values()) {
    if (
      t.number.startsWith(service.prefix) &&
      t.n >= range.from &&
      t.n <= range.to &&
      t.n > highest
    ) {
      // the prefix identifies the service's numbering even after a transfer
      highest = t.n;
    }
  }
  const n = highest + 1;
  if (n > range.to) return null;
  return { n, number: formatTicketNumber(service.prefix, n, range) };
}
