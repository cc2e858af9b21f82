import { WaitEstimator } from '../../domain/wait/estimator.ts';
import { StoreEventFeed } from '../../domain/wait/feed.ts';
import { estimateWaitWith, type QueueWait } from '../../domain/wait/queue-state.ts';
import type { Replica } from '../../sync/replica.ts';
import type { DeviceRuntime } from './types.ts';

export interface DeviceWaits {
  estimate(serviceId: string, ticketId?: string): QueueWait;
  close(): void;
}

/** Events observed at a time, between looks at the clock. */
const LEARN_STEP = 20;
/**
 * Time spent learning per turn of the event loop, ms. Each issued ticket costs a forward
 * simulation (its prediction, for the calibration): in larger turns a tap waited for them.
 */
const LEARN_SLICE_MS = 4;
/** An estimate is reused this long while nothing changes (renders, several screens). */
const ESTIMATE_TTL_MS = 5_000;

/**
 * The device's own wait-time estimator (domain/wait), fed from its replica: the kept days at
 * start, then every event as it is applied. It learns in short slices after the change that
 * brought the events, never inside it, so a tap's ticket shows without waiting for the
 * estimator and the screen stays responsive while a day's history or a catch-up is learned.
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
  let scheduled = false;
  /** Turns the current run of learning took: after more than one, screens look again. */
  let turns = 0;
  const learn = (): void => {
    scheduled = false;
    if (closed) return;
    const until = performance.now() + LEARN_SLICE_MS;
    let left = feed.drain(LEARN_STEP);
    while (left > 0 && performance.now() < until) left = feed.drain(LEARN_STEP);
    turns++;
    if (left > 0) return schedule();
    if (turns > 1) notify(); // screens look again with what was learned
    turns = 0;
  };
  const schedule = (): void => {
    if (scheduled || closed) return;
    scheduled = true;
    setTimeout(learn, 0);
  };
  // the kept days, once in the log (a start from today's kept state reads them later)
  void replica.loaded.then(() => {
    feed.push(replica.events());
    turns = 1; // screens look again once they are learned
    schedule();
  });
  const unsubscribe = replica.subscribeEvents((events) => {
    feed.push(events);
    schedule();
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
