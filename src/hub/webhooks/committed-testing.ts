import type { EventBody, StoreEvent } from '../../domain/queue/events.ts';
import { fold } from '../../domain/queue/fold.ts';
import type { QueueState } from '../../domain/queue/state.ts';
import { ev } from '../../domain/testing/store.ts';
import type { CommittedEvents } from './webhooks.ts';

/**
 * The test implementation of the webhooks' source (CommittedEvents), for tests and the bench:
 * a stand-in for the agent's replica whose events are committed in batches, its state folded
 * from them and its vector counted from what it holds. Its log outlives the webhooks that
 * follow it, as the agent's history outlives a stop of the hub.
 */
export interface FakeCommits extends CommittedEvents {
  /** Adds the events to the log and tells the listeners, as a commit does. */
  commit(events: readonly StoreEvent[]): void;
}

export function fakeCommits(): FakeCommits {
  const log: StoreEvent[] = [];
  const listeners = new Set<(events: readonly StoreEvent[]) => void>();
  let state: QueueState = fold([]);
  return {
    get state() {
      return state;
    },
    subscribeEvents(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    vector() {
      const seqs = new Map<string, Set<number>>();
      for (const e of log) seqs.set(e.device, (seqs.get(e.device) ?? new Set()).add(e.seq));
      const out: Record<string, number> = {};
      for (const [device, held] of seqs) {
        let top = 0;
        while (held.has(top + 1)) top++;
        out[device] = top;
      }
      return out;
    },
    events: () => [...log],
    commit(events) {
      log.push(...events);
      state = fold(log);
      for (const l of listeners) l(events);
    },
  };
}

/**
 * Makes visits as a kiosk and a clerk's tablet write them: ticket `t`'s issue, call and end,
 * a second apart from `t0` on, each device's seqs counting up without a gap.
 */
export function visitMaker(
  t0: number,
): (t: number, end?: 'ticket.completed' | 'ticket.noShow') => StoreEvent[] {
  const seqs = new Map<string, number>();
  let tick = 0;
  const next = (device: string, body: EventBody): StoreEvent => {
    const seq = (seqs.get(device) ?? 0) + 1;
    seqs.set(device, seq);
    return ev(device, seq, t0 + ++tick * 1000, body);
  };
  return (t, end = 'ticket.completed') => {
    const ticket = `t${t}`;
    const number = `A${String(t).padStart(3, '0')}`;
    return [
      next('kiosk-1', { type: 'ticket.issued', ticket, service: 'general', number, n: t }),
      next('clerk-1', { type: 'ticket.called', ticket, counter: 'c1' }),
      next('clerk-1', { type: end, ticket, counter: 'c1' }),
    ];
  };
}
