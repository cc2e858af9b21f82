import type { StoreEvent } from '../../queue/events.ts';
import {
  freshBudget,
  scaledFor,
  spend,
  type CatchUpBudget,
  type CatchUpLimits,
} from '../catch-up.ts';
import type { EventLog } from '../event-log.ts';
import { isAgent } from './policy.ts';

/**
 * Owns what an answer to a peer's announcement holds: the events it lacks (all the agent
 * holds, or a device's own) and the floors that settle what is no longer kept, within the
 * agent's catch-up budget for that peer. Pure: the driver publishes the result.
 */
export interface AnswerInput {
  readonly log: EventLog;
  readonly self: string;
  readonly from: string;
  readonly theirs: Record<string, number>;
  /** From which day on the asker keeps events (a device says so; older days get floors). */
  readonly since?: string;
  readonly part: 'all' | 'own';
  readonly now: number;
  /** Our own event is still on its way to the agent. */
  readonly inFlight: (id: string) => boolean;
  /** The asker's catch-up budget so far (the agent answering everyone). */
  readonly budget?: CatchUpBudget;
  readonly limits: CatchUpLimits;
}

export interface Answer {
  readonly events: readonly StoreEvent[];
  readonly floors: Record<string, number>;
  /** The agent answers on the asker's own topic; a device on its events topic. */
  readonly to: 'asker' | 'own';
  readonly budget?: CatchUpBudget;
  /** How many the budget held back. */
  readonly withheld: number;
}

export function planAnswer(a: AnswerInput): Answer | undefined {
  const missing = a.log
    .missingFrom(a.theirs, {
      ...(a.part === 'own' ? { devices: new Set([a.self]) } : {}),
      ...(a.since !== undefined ? { since: a.since } : {}),
    })
    .filter((e) => {
      // a device holds its own events (one that lost them comes back under a new id); an
      // answer delayed by the catch-up budget must not send it what it wrote meanwhile
      if (e.device === a.from) return false;
      // our own event still on its way to the agent: do not send it twice
      if (e.device === a.self) return !(isAgent(a.from) && a.inFlight(e.id));
      return true;
    });
  const allFloors = a.since !== undefined ? a.log.floorsBefore(a.theirs, a.since) : {};
  // a device speaks only for itself: peers ignore its word on other devices' floors
  const floors =
    a.part === 'all'
      ? allFloors
      : Object.fromEntries(Object.entries(allFloors).filter(([d]) => d === a.self));
  if (missing.length === 0 && Object.keys(floors).length === 0) return undefined;
  if (a.part === 'own') return { events: missing, floors, to: 'own', withheld: 0 };
  const limits = scaledFor(a.limits, a.log.size);
  const spent = spend(a.budget ?? freshBudget(a.now, limits), a.now, missing.length, limits);
  // missing runs per device from what the asker holds: a prefix keeps its vector gap-free
  return {
    events: missing.slice(0, spent.send),
    floors,
    to: 'asker',
    budget: spent.budget,
    withheld: missing.length - spent.send,
  };
}
