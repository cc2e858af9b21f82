import { wallOf } from '../clock/hlc.ts';
import type { StoreEvent } from '../queue/events.ts';
import type { QueueState } from '../queue/state.ts';

/**
 * Which store events a webhook can subscribe to, and the JSON each one sends. The payload
 * holds what another system needs to act (ids, the ticket's number, service, counter, times)
 * and nothing secret: no PINs, no device secrets, no names typed by customers.
 */
export const WEBHOOK_KINDS = [
  'ticket.issued',
  'ticket.called',
  'ticket.completed',
  'ticket.noShow',
  'alert.raised',
  'visit.feedback',
] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

export function isWebhookKind(x: unknown): x is WebhookKind {
  return typeof x === 'string' && (WEBHOOK_KINDS as readonly string[]).includes(x);
}

/** One delivery's body: `id` is the event's, the same on every retry (receivers dedupe on it). */
export interface WebhookPayload {
  readonly id: string;
  readonly kind: WebhookKind;
  readonly store: string;
  /** When it happened in the store (ISO 8601, UTC). */
  readonly at: string;
  readonly data: Readonly<Record<string, string | number | boolean>>;
}

const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** Drops the absent fields, so a payload never carries `undefined`. */
function defined(
  fields: Record<string, string | number | boolean | undefined>,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out;
}

function ticketData(
  state: QueueState,
  ticket: string,
  counter: string | undefined,
): Record<string, string | number | boolean> {
  const t = state.tickets.get(ticket);
  return defined({
    ticket,
    number: t?.number,
    service: t?.service,
    counter,
    priority: t?.priority === true ? true : undefined,
    issuedAt: iso(t?.issuedAt),
    calledAt: iso(t?.calledAt),
    endedAt: iso(t?.endedAt),
  });
}

function dataOf(e: StoreEvent, state: QueueState): WebhookPayload['data'] | undefined {
  switch (e.type) {
    case 'ticket.issued':
      return defined({
        ...ticketData(state, e.ticket, undefined),
        number: e.number,
        service: e.service,
        promisedWaitSec: e.promised?.sec,
      });
    case 'ticket.called':
    case 'ticket.completed':
    case 'ticket.noShow':
      return ticketData(state, e.ticket, e.counter);
    case 'alert.raised':
      return defined({
        alert: e.alert,
        alertKind: e.kind,
        counter: e.counter,
        visit: e.visit,
        reason: e.reason,
      });
    case 'visit.feedback':
      return defined({ visit: e.visit, clerk: e.clerk, satisfaction: e.satisfaction, nps: e.nps });
    default:
      return undefined;
  }
}

/**
 * The webhook for a committed event, or undefined when no webhook kind covers it. `state` is
 * the store's state after the event (numbers and services of tickets called later are there).
 */
export function webhookPayload(e: StoreEvent, state: QueueState): WebhookPayload | undefined {
  if (!isWebhookKind(e.type)) return undefined;
  const data = dataOf(e, state);
  if (!data) return undefined;
  return {
    id: e.id,
    kind: e.type,
    store: e.store,
    at: new Date(wallOf(e.hlc)).toISOString(),
    data,
  };
}

/** The ticket a payload concerns (deliveries of one ticket must arrive in order). */
export function ticketOf(p: WebhookPayload): string | undefined {
  const t = p.data['ticket'];
  return typeof t === 'string' ? t : undefined;
}
