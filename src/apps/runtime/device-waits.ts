import { WaitEstimator } from '../../domain/wait/estimator.ts';
import { StoreEventFeed } from '../../domain/wait/feed.ts';
import { estimateWaitWith, type QueueWait } from '../../domain/wait/queue-state.ts';
import type { Replica } from '../../sync/replica.ts';
import type { DeviceRuntime } from './types.ts';

export interface DeviceWaits {
  estimate(serviceId: string, ticketId?: string): QueueWait;
  close(): void;
}

/** Events observed per turn of the event loop while learning the kept days at start. */
const LEARN_CHUNK = 200;
/** An estimate is reused this long while nothing changes (renders, several screens). */
const ESTIMATE_TTL_MS = 5_000;

/**
 * The device's own wait-time estimator (domain/wait), fed from its replica: the kept days at
 * start, a chunk per turn so the screen stays responsive, then every event as it is applied.
 * Estimates come from the device's own queue, so the kiosk shows one offline too.
 */
export function deviceWaits(
  replica: Replica,
  config: DeviceRuntime['config'],
  notify: () => void,
): DeviceWaits {
  const feed = new StoreEventFeed(
    new WaitEstimator({
      timeZone: config.store.timeZone,
      serviceSec: Object.fromEntries(config.services.map((s) => [s.id, s.avgServiceSec])),
    }),
  );
  let closed = false;
  let learning = true;
  feed.push(replica.events());
  const learn = (): void => {
    if (closed) return;
    if (feed.drain(LEARN_CHUNK) > 0) {
      setTimeout(learn, 0);
      return;
    }
    learning = false;
    notify(); // screens look again with what was learned
  };
  setTimeout(learn, 0);
  const unsubscribe = replica.subscribeEvents((events) => {
    feed.push(events);
    if (!learning) feed.drain();
  });

  const cache = new Map<string, { at: number; value: QueueWait }>();
  let cacheKey = '';
  return {
    estimate(serviceId, ticketId) {
      const now = replica.now();
      const key = `${replica.version}|${feed.observed}`;
      if (key !== cacheKey) {
        cache.clear();
        cacheKey = key;
      }
      const which = `${serviceId}|${ticketId ?? ''}`;
      const hit = cache.get(which);
      if (hit && now - hit.at < ESTIMATE_TTL_MS) return hit.value;
      const value = estimateWaitWith(
        feed.estimator,
        replica.state,
        serviceId,
        now,
        ticketId !== undefined ? { ticket: ticketId } : {},
      );
      cache.set(which, { at: now, value });
      return value;
    },
    close() {
      closed = true;
      unsubscribe();
    },
  };
}
