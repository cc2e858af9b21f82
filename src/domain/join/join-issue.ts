/**
 * A ticket taken from a phone (/join), decided as one command inside the agent's commit: the
 * same honest hours, last ticket and daily cap as the kiosk (domain/hours), the flood limits
 * (limits.ts), then a number from the store's phone range (join.range), which no kiosk uses,
 * so a phone ticket never takes a number a kiosk could hand out.
 */
import type { StoreConfig } from '../config/types.ts';
import { serviceIssuing } from '../hours/service-issuing.ts';
import type { Issuing } from '../hours/last-ticket.ts';
import type { EventBody } from '../queue/events.ts';
import { remoteTicketIssued } from '../queue/remote-ticket.ts';
import type { QueueState } from '../queue/state.ts';
import type { WaitSeconds } from '../wait/minutes.ts';
import { limitRefusal, type LimitInput, type LimitRefusal } from './limits.ts';

export type JoinRefusal =
  | { readonly kind: 'notOffered' }
  | { readonly kind: 'unknownService' }
  | { readonly kind: 'rangeExhausted' }
  | Exclude<Issuing, { kind: 'open' }>
  | LimitRefusal;

export type JoinDecision =
  | { readonly ok: true; readonly event: Extract<EventBody, { type: 'ticket.issued' }> }
  | { readonly ok: false; readonly refusal: JoinRefusal };

export interface JoinRequest extends LimitInput {
  readonly ticketId: string;
  /** The wait a new ticket can expect now (as the kiosk and /join show it). */
  readonly wait: WaitSeconds | undefined;
  readonly name?: string | undefined;
  readonly lang?: string | undefined;
}

export function joinTicket(cfg: StoreConfig, state: QueueState, req: JoinRequest): JoinDecision {
  const no = (refusal: JoinRefusal): JoinDecision => ({ ok: false, refusal });
  if (!cfg.join) return no({ kind: 'notOffered' });
  const service = cfg.services.find((s) => s.id === req.serviceId);
  if (!service) return no({ kind: 'unknownService' });
  const hours = serviceIssuing(cfg, state, service.id, req.now, req.wait);
  if (hours.kind !== 'open') return no(hours);
  const limit = limitRefusal(cfg, state, req);
  if (limit) return no(limit);
  const issued = remoteTicketIssued(state, service, cfg.join.range, {
    ticket: req.ticketId,
    channel: 'phone',
    lang: req.lang,
    name: req.name,
  });
  if (!issued) return no({ kind: 'rangeExhausted' });
  return {
    ok: true,
    event: { ...issued, ...(service.remote?.checkIn ? { checkIn: true as const } : {}) },
  };
}
