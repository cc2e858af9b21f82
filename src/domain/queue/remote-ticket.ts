import type { NumberRange, ServiceConfig } from '../config/types.ts';
import type { EventBody, TicketChannel } from './events.ts';
import { nextNumber } from './numbering.ts';
import type { QueueState } from './state.ts';

type TicketIssued = Extract<EventBody, { type: 'ticket.issued' }>;

/**
 * A ticket not taken at a kiosk's buttons (a phone joining, a booking checking in): its number
 * from the channel's own range, with the customer's language and first name where given. The
 * callers add what only their channel has. Null when the range is used up.
 */
export function remoteTicketIssued(
  state: QueueState,
  service: ServiceConfig,
  range: NumberRange,
  t: {
    readonly ticket: string;
    readonly channel: Exclude<TicketChannel, 'kiosk'>;
    readonly lang?: string | undefined;
    readonly name?: string | undefined;
  },
): TicketIssued | null {
  const next = nextNumber(state, service, range);
  if (!next) return null;
  return {
    type: 'ticket.issued',
    ticket: t.ticket,
    service: service.id,
    number: next.number,
    n: next.n,
    channel: t.channel,
    ...(t.lang !== undefined ? { lang: t.lang } : {}),
    ...(t.name !== undefined ? { name: t.name } : {}),
  };
}
