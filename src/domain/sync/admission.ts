import { wallOf } from '../clock/hlc.ts';
import {
  eventId,
  MAX_REFUSED_PER_EVENT,
  type EventBody,
  type RefusalReason,
  type StoreEvent,
} from '../queue/events.ts';
import type { QueueState } from '../queue/state.ts';
import { isAgentDevice } from '../security/provenance.ts';
import { heardBefore, judge, type ContactBook, type PlausibilityRules } from './plausibility.ts';

/** What a receiver holds when a batch of peers' events arrives. */
export interface AdmissionView {
  /** The receiver's clock (the store clock on a device that follows the agent's). */
  readonly now: number;
  readonly rules: PlausibilityRules;
  readonly contacts: ContactBook;
  /** An event already in the receiver's log. */
  held(device: string, seq: number): StoreEvent | undefined;
  /** Today's queue as the receiver folded it. */
  readonly state: Pick<QueueState, 'tickets' | 'numbers' | 'refused'>;
  /** Whether an event belongs to the receiver's current day (the day `state` is). */
  isToday(e: StoreEvent): boolean;
}

/**
 * Judges a batch of events new to the receiver, in the order given (first seen wins between
 * two events of the batch). Returns the refused ones with why. The agent's own events, and
 * events an agent's verdict already refused, are not judged.
 */
export function judgeBatch(
  batch: readonly StoreEvent[],
  view: AdmissionView,
): Map<string, RefusalReason> {
  const refused = new Map<string, RefusalReason>();
  const inBatch = new Map(batch.map((e) => [e.id, e]));
  const tickets = new Set<string>();
  const numbers = new Set<string>();
  const issues = new Map<string, number[]>();
  const issuesOf = (device: string): number[] => {
    let list = issues.get(device);
    if (!list) {
      list = [];
      for (const t of view.state.tickets.values()) if (t.issuedBy === device) list.push(t.issuedAt);
      issues.set(device, list);
    }
    return list;
  };
  // a neighbour that was itself refused says nothing about the author's clock
  const near = (device: string, seq: number): StoreEvent | undefined => {
    const id = eventId(device, seq);
    if (refused.has(id) || view.state.refused.has(id)) return undefined;
    return view.held(device, seq) ?? inBatch.get(id);
  };
  for (const e of batch) {
    if (isAgentDevice(e.device) || view.state.refused.has(e.id)) continue;
    const ticket = e.type === 'ticket.issued' && view.isToday(e) ? e : undefined;
    const reason = judge(
      e,
      {
        now: view.now,
        heardAt: heardBefore(view.contacts, e.device, e.seq),
        prevHlc: near(e.device, e.seq - 1)?.hlc,
        nextHlc: near(e.device, e.seq + 1)?.hlc,
        ...(ticket
          ? {
              ticketTaken: view.state.tickets.has(ticket.ticket) || tickets.has(ticket.ticket),
              numberTaken: view.state.numbers.has(ticket.number) || numbers.has(ticket.number),
              authorIssues: issuesOf(ticket.device),
            }
          : {}),
      },
      view.rules,
    );
    if (reason) {
      refused.set(e.id, reason);
    } else if (ticket) {
      tickets.add(ticket.ticket);
      numbers.add(ticket.number);
      issuesOf(ticket.device).push(wallOf(ticket.hlc));
    }
  }
  return refused;
}

/** The agent's verdicts for refused events: one event per reason and chunk of ids. */
export function verdictBodies(refused: ReadonlyMap<string, RefusalReason>): EventBody[] {
  const byReason = new Map<RefusalReason, string[]>();
  for (const [id, reason] of refused) {
    const ids = byReason.get(reason) ?? [];
    ids.push(id);
    byReason.set(reason, ids);
  }
  const out: EventBody[] = [];
  for (const [reason, ids] of byReason) {
    for (let i = 0; i < ids.length; i += MAX_REFUSED_PER_EVENT) {
      out.push({ type: 'event.refused', events: ids.slice(i, i + MAX_REFUSED_PER_EVENT), reason });
    }
  }
  return out;
}
