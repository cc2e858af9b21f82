import type { StoreConfig } from '../config/types.ts';
import { transferCurrent, type CommandResult } from '../queue/commands.ts';
import { ticketAtCounter } from '../queue/selectors.ts';
import type { Ticket } from '../queue/state.ts';
import type { QueueState } from '../queue/state.ts';
import type { VisitContext, VisitEvent, VisitStep } from './types.ts';

/**
 * A visit and the queue ticket the customer came with follow each other, whichever moves:
 *
 * - The visit ends, so the ticket ends: a finished visit (thanked, rated or not) and one the
 *   customer walked out of both complete the ticket, freeing the counter for the next call;
 *   a visit transferred to another service puts the ticket in that service's line.
 * - The ticket ends by itself (the counter's "Done", "No-show" or "Transfer" buttons, or
 *   another tablet), so the visit ends the same way: done, customer left, or transferred.
 *
 * Either direction is idempotent: the second move finds nothing left to do.
 */
export function ticketCommandForVisitEnd(
  state: QueueState,
  config: StoreConfig,
  counter: string,
  step: VisitStep,
  context: Pick<VisitContext, 'ticket' | 'transfer'>,
): CommandResult {
  const held = ticketAtCounter(state, counter);
  if (!context.ticket || !held || held.id !== context.ticket.id) {
    return { ok: false, error: 'notAtCounter' };
  }
  if (step === 'done' || step === 'abandoned') {
    return { ok: true, event: { type: 'ticket.completed', ticket: held.id, counter } };
  }
  const toService = context.transfer?.toService;
  if (step === 'transferred' && toService !== undefined) {
    return transferCurrent(state, counter, toService, config);
  }
  return { ok: false, error: 'notAtCounter' };
}

/** Distributes Omit over the union, so each event keeps its own fields. */
type WithoutAt<E> = E extends unknown ? Omit<E, 'at'> : never;

/**
 * What an open visit must do now that its ticket is where it is (null: nothing). `device` is
 * this handheld: a ticket it no longer holds went to another clerk.
 */
export function visitEventForTicket(
  ticket: Ticket | undefined,
  counter: string,
  device: string,
): WithoutAt<VisitEvent> | null {
  if (!ticket) return null; // e.g. after midnight the day's queue starts afresh
  switch (ticket.status) {
    case 'done':
      return { type: 'FINISHED' };
    case 'noShow':
    case 'cancelled':
      return { type: 'CUSTOMER_LEFT' };
    case 'waiting':
      return { type: 'TRANSFER', toService: ticket.service };
    case 'called':
    case 'serving': {
      const mine = ticket.counter === counter && ticket.calledBy === device;
      if (mine || ticket.calledBy === undefined || ticket.calledBy === device) return null;
      return { type: 'TRANSFER', toClerk: ticket.calledBy };
    }
  }
}
