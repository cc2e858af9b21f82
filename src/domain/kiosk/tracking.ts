import {
  customerLanguages,
  DEFAULT_PERSONAL_DATA_DAYS,
  serviceById,
  type LocalizedText,
  type StoreConfig,
} from '../config/types.ts';
import { checkInDeadline } from '../join/grace.ts';
import type { CancelReason } from '../queue/events.ts';
import type { QueueState, TicketStatus } from '../queue/state.ts';
import { DEFAULT_ALERT_AT_PLACE } from './ticket-alerts.ts';
import { placeOfTicket, type QueueWait } from '../wait/queue-state.ts';

/**
 * What the customer's phone may know about one ticket (the page at /t/<ticket>): its own
 * number, service, place in line and wait, and the counter once called. Nothing about any
 * other customer: no other number, id, service or time. Ticket ids are 128 random bits
 * (26 base32 characters), so a link cannot be guessed from another.
 */
export const TICKET_ID_PATTERN = /^[a-z2-7]{26}$/;

export function isTicketId(id: string): boolean {
  return TICKET_ID_PATTERN.test(id);
}

export interface TicketView {
  readonly ticket: string;
  readonly number: string;
  readonly status: TicketStatus;
  readonly priority: boolean;
  readonly service: { readonly id: string; readonly name: LocalizedText };
  /**
   * People the counters that can serve this ticket call before it (domain/wait/ahead.ts);
   * only while waiting.
   */
  readonly ahead: number | null;
  /** "You are next": a counter serves it and nobody comes before it there. */
  readonly next: boolean;
  /** The phone alerts once the ticket is this many-th in line (domain/kiosk/ticket-alerts.ts). */
  readonly alertAtPlace: number;
  /** Estimated wait from now with its 80% range, or no counter; only while waiting. */
  readonly wait: TicketWait | null;
  /** Where to go; only once called (and while served). */
  readonly counter: { readonly id: string; readonly name: LocalizedText } | null;
  /** How many times the number was called (a recall counts again); 0 while waiting. */
  readonly calls: number;
  readonly issuedAt: number;
  /** A phone ticket still to check in ("I'm here"): by this moment (ms), else null. */
  readonly checkInBy: number | null;
  /** Why the store ended it ('closed', 'noCheckIn'); null while live or when the customer left. */
  readonly cancelReason: CancelReason | null;
  readonly store: {
    readonly name: LocalizedText;
    readonly defaultLanguage: string;
    readonly languages: readonly string[];
    readonly timeZone: string;
    /** Days the store keeps personal text about a visit (0: no limit set). */
    readonly personalDataDays: number;
  };
}

/** The wait on the phone: a number with its range, or no counter serves the ticket. */
export type TicketWait =
  | {
      readonly noCounter: false;
      readonly estimateSec: number;
      readonly lowSec: number;
      readonly highSec: number;
      readonly openCounters: number;
    }
  | { readonly noCounter: true; readonly openCounters: 0; readonly opensAt: number | undefined };

/** The remaining wait of a waiting ticket, from the store's wait-time estimator (domain/wait). */
export type TicketWaitSource = (service: string, ticket: string) => QueueWait;

function ticketWait(w: QueueWait): TicketWait {
  return w.noCounter
    ? { noCounter: true, openCounters: 0, opensAt: w.opensAt }
    : {
        noCounter: false,
        estimateSec: w.estimateSec,
        lowSec: w.lowSec,
        highSec: w.highSec,
        openCounters: w.openCounters,
      };
}

export function ticketView(
  state: QueueState,
  cfg: StoreConfig,
  ticketId: string,
  /** Without it the view has no wait. */
  waitOf?: TicketWaitSource,
): TicketView | undefined {
  const t = state.tickets.get(ticketId);
  if (!t) return undefined;
  const service = serviceById(cfg, t.service);
  const waiting = t.status === 'waiting';
  const place = waiting ? placeOfTicket(state, t.id) : undefined;
  const estimate = waiting && waitOf ? waitOf(t.service, t.id) : undefined;
  const atCounter = t.status === 'called' || t.status === 'serving';
  const counter = atCounter ? cfg.counters.find((c) => c.id === t.counter) : undefined;
  return {
    ticket: t.id,
    number: t.number,
    status: t.status,
    priority: t.priority === true,
    service: { id: t.service, name: service?.name ?? { [cfg.store.defaultLanguage]: t.service } },
    ahead: place ? place.ahead : null,
    next: place?.next ?? false,
    alertAtPlace: service?.alertAtPlace ?? DEFAULT_ALERT_AT_PLACE,
    wait: estimate ? ticketWait(estimate) : null,
    counter:
      atCounter && t.counter !== undefined
        ? { id: t.counter, name: counter?.name ?? { [cfg.store.defaultLanguage]: t.counter } }
        : null,
    calls: t.calledAt === undefined ? 0 : 1 + t.recalls,
    issuedAt: t.issuedAt,
    checkInBy: checkInDeadline(cfg, t) ?? null,
    cancelReason: t.cancelReason ?? null,
    store: {
      name: cfg.store.name,
      defaultLanguage: cfg.store.defaultLanguage,
      languages: customerLanguages(cfg),
      timeZone: cfg.store.timeZone,
      personalDataDays: cfg.retention?.personalDataDays ?? DEFAULT_PERSONAL_DATA_DAYS,
    },
  };
}

/** Whether the customer can still leave the queue from the phone. */
export function canLeave(view: Pick<TicketView, 'status'>): boolean {
  return view.status === 'waiting' || view.status === 'called';
}
