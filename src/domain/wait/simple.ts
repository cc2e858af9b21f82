import type { ServiceConfig } from '../config/types.ts';
import { openCountersFor, waitingTickets } from '../queue/selectors.ts';
import type { QueueState } from '../queue/state.ts';

export interface WaitEstimate {
  readonly estimateSec: number;
  readonly lowSec: number;
  readonly highSec: number;
  readonly ahead: number;
  readonly openCounters: number;
}

/** Mean service time: today's finished visits, shrunk towards the configured prior. */
export function meanServiceSec(state: QueueState, service: ServiceConfig): number {
  const times = state.serviceTimes.get(service.id) ?? [];
  const priorWeight = 5;
  const sum = times.reduce((a, b) => a + b / 1000, 0);
  return (sum + priorWeight * service.avgServiceSec) / (times.length + priorWeight);
}

/**
 * Queue-length estimate: with s counters busy at rate mu and n ahead, the wait of a newcomer is
 * Erlang(n+1, s*mu): mean (n+1)/(s*mu); the 80% range uses the normal approximation.
 * A first version; the wait-time work replaces it with a calibrated estimator.
 */
export function estimateWait(
  state: QueueState,
  service: ServiceConfig,
  aheadOverride?: number,
): WaitEstimate {
  const ahead = aheadOverride ?? waitingTickets(state, [service.id]).length;
  const openCounters = openCountersFor(state, service.id);
  const servers = Math.max(1, openCounters);
  const k = ahead + 1;
  const mean = (k * meanServiceSec(state, service)) / servers;
  const sd = mean / Math.sqrt(k);
  return {
    estimateSec: Math.round(mean),
    lowSec: Math.max(0, Math.round(mean - 1.2816 * sd)),
    highSec: Math.round(mean + 1.2816 * sd),
    ahead,
    openCounters,
  };
}
