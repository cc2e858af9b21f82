import { MAX_PROMISE_SEC, type WaitPromise } from '../queue/events.ts';
import type { QueueWait } from './queue-state.ts';

/**
 * The promise a customer takes away with a ticket: the wait shown for the service at the tap.
 * No number shown (no counter open, or the model not loaded yet) is no promise: nothing to
 * audit, and no rosy figure invented afterwards. Neither is a range reaching past a day: every
 * receiver would refuse the ticket carrying it, so it is left out, never cut down.
 */
export function promiseOf(wait: QueueWait | undefined): WaitPromise | undefined {
  if (!wait || wait.noCounter) return undefined;
  const sec = Math.max(0, Math.round(wait.estimateSec));
  const promise = {
    sec,
    low: Math.min(sec, Math.max(0, Math.floor(wait.lowSec))),
    high: Math.max(sec, Math.ceil(wait.highSec)),
  };
  return promise.high <= MAX_PROMISE_SEC ? promise : undefined;
}
