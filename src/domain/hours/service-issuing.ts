/**
 * The issuing decision for one service of the store, read from the config and today's queue:
 * what the kiosk shows on the service's button and what it checks again as a ticket is issued.
 */
import type { StoreConfig } from '../config/types.ts';
import type { QueueState } from '../queue/state.ts';
import type { WaitSeconds } from '../wait/minutes.ts';
import { issuing, type Issuing } from './last-ticket.ts';
import { hoursOf } from './schedule.ts';

/** Tickets issued today for the service (the prefix keeps them counted after a transfer). */
export function issuedToday(cfg: StoreConfig, state: QueueState, serviceId: string): number {
  const prefix = cfg.services.find((s) => s.id === serviceId)?.prefix;
  if (prefix === undefined) return 0;
  let n = 0;
  for (const t of state.tickets.values()) if (t.number.startsWith(prefix)) n++;
  return n;
}

/**
 * Whether a ticket for `serviceId` can be issued at `now`, given the wait a new ticket can
 * expect (`wait`: as the kiosk shows it; undefined or no counter: no wait to compare).
 * The typical time is the config's avgServiceSec (the prior the estimator also starts from).
 */
export function serviceIssuing(
  cfg: StoreConfig,
  state: QueueState,
  serviceId: string,
  now: number,
  wait: WaitSeconds | undefined,
): Issuing {
  const service = cfg.services.find((s) => s.id === serviceId);
  if (!service) return { kind: 'open' };
  return issuing({
    hours: hoursOf(cfg, serviceId),
    timeZone: cfg.store.timeZone,
    now,
    typicalSec: service.avgServiceSec,
    waitSec: wait === undefined || wait.noCounter ? undefined : wait.estimateSec,
    // counting walks the day's tickets: only for a service with a cap (the kiosk asks per render)
    issuedToday: service.dailyCap !== undefined ? issuedToday(cfg, state, serviceId) : 0,
    dailyCap: service.dailyCap,
  });
}
