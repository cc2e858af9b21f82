import {
  customerLanguages,
  serviceById,
  type LocalizedText,
  type StoreConfig,
} from '../config/types.ts';
import { aheadOf } from '../queue/selectors.ts';
import type { QueueState, TicketStatus } from '../queue/state.ts';

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
  /** People before this ticket in line; only while waiting. */
  readonly ahead: number | null;
  /** Estimated wait from now with its 80% range; only while waiting. */
  readonly wait: {
    readonly estimateSec: number;
    readonly lowSec: number;
    readonly highSec: number;
    readonly openCounters: number;
  } | null;
  /** Where to go; only once called (and while served). */
  readonly counter: { readonly id: string; readonly name: LocalizedText } | null;
  /** How many times the number was called (a recall counts again); 0 while waiting. */
  readonly calls: number;
  readonly issuedAt: number;
  readonly store: {
    readonly name: LocalizedText;
    readonly defaultLanguage: string;
    readonly languages: readonly string[];
    readonly timeZone: string;
  };
}

/** The remaining wait of a waiting ticket, from the store's wait-time estimator (domain/wait). */
export type TicketWaitSource = (
  service: string,
  ticket: string,
) => { estimateSec: number; lowSec: number; highSec: number; openCounters: number };

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
  const ahead = waiting ? aheadOf(state, t.id) : null;
  const estimate = waiting && waitOf ? waitOf(t.service, t.id) : undefined;
  const atCounter = t.status === 'called' || t.status === 'serving';
  const counter = atCounter ? cfg.counters.find((c) => c.id === t.counter) : undefined;
  return {
    ticket: t.id,
    number: t.number,
    status: t.status,
    priority: t.priority === true,
    service: { id: t.service, name: service?.name ?? { [cfg.store.defaultLanguage]: t.service } },
    ahead,
    wait: estimate
      ? {
          estimateSec: estimate.estimateSec,
          lowSec: estimate.lowSec,
          highSec: estimate.highSec,
          openCounters: estimate.openCounters,
        }
      : null,
    counter:
      atCounter && t.counter !== undefined
        ? { id: t.counter, name: counter?.name ?? { [cfg.store.defaultLanguage]: t.counter } }
        : null,
    calls: t.calledAt === undefined ? 0 : 1 + t.recalls,
    issuedAt: t.issuedAt,
    store: {
      name: cfg.store.name,
      defaultLanguage: cfg.store.defaultLanguage,
      languages: customerLanguages(cfg),
      timeZone: cfg.store.timeZone,
    },
  };
}

/** What the phone should make noticeable (vibration, a notification) after an update. */
export type TicketAlert = 'next' | 'called';

/**
 * Alerts come from changes only: opening the page when already next does not buzz, becoming
 * next does; a call, and each recall, does.
 */
export function alertFor(prev: TicketView | undefined, next: TicketView): TicketAlert | undefined {
  if (!prev) return undefined;
  if (next.status === 'called' && next.calls > (prev.status === 'called' ? prev.calls : 0)) {
    return 'called';
  }
  const isNext = (v: TicketView) => v.status === 'waiting' && v.ahead === 0;
  if (isNext(next) && !isNext(prev)) return 'next';
  return undefined;
}

/** Whether the customer can still leave the queue from the phone. */
export function canLeave(view: Pick<TicketView, 'status'>): boolean {
  return view.status === 'waiting' || view.status === 'called';
}
