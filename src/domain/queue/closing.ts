import { waitingTickets } from './selectors.ts';
import type { QueueState } from './state.ts';

/** A service whose waiting customers no open counter would serve once a counter closes. */
export interface StrandedService {
  readonly service: string;
  readonly waiting: number;
}

/**
 * What closing `counter` would leave without service: each of its services with customers in
 * line and no other open counter taking it. Empty when closing strands nobody (the screen then
 * closes at once; otherwise it asks first).
 */
export function strandedByClosing(state: QueueState, counter: string): StrandedService[] {
  const closing = state.counters.get(counter);
  if (!closing?.open) return [];
  const out: StrandedService[] = [];
  for (const service of closing.services) {
    const servedElsewhere = [...state.counters.values()].some(
      (c) => c.open && c.id !== counter && c.services.includes(service),
    );
    if (servedElsewhere) continue;
    const waiting = waitingTickets(state, [service]).length;
    if (waiting > 0) out.push({ service, waiting });
  }
  return out;
}
