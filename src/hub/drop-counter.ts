import type { RefusalKind } from '../domain/devices/refusals.ts';
import type { Logger } from './log.ts';

/** Why the agent dropped a message, in a few buckets a manager can read (and 'other'). */
export type DropKind = RefusalKind | 'other';

export function dropKind(reason: string): DropKind {
  if (/relayed by|not its topic|may not emit|floor for/.test(reason)) return 'forged';
  if (reason.startsWith('implausible event')) return 'implausible';
  if (reason.startsWith('catch-up for')) return 'catch-up limited';
  if (reason.startsWith('sync message dropped')) return 'malformed';
  if (/^event from .* dropped/.test(reason)) return 'invalid event';
  if (reason.includes('for another store')) return 'other store';
  return 'other';
}

export interface DropCounter {
  record(reason: string): void;
  counts(): Readonly<Record<string, number>>;
}

/** Lines logged per minute before the rest are only counted (a flood must not fill the disk). */
const LOG_LINES_PER_MINUTE = 20;

/** Counts dropped messages by kind and logs one line per drop, at most 20 a minute. */
export function createDropCounter(log: Logger, now: () => number = Date.now): DropCounter {
  const counts: Record<string, number> = {};
  let windowStart = 0;
  let logged = 0;
  let suppressed = 0;
  return {
    record(reason) {
      const kind = dropKind(reason);
      if (kind === 'other') {
        // storage and listener failures are the hub's own trouble, not bad input
        log.warn('agent', reason);
        return;
      }
      counts[kind] = (counts[kind] ?? 0) + 1;
      const t = now();
      if (t - windowStart >= 60_000) {
        if (suppressed > 0) log.warn('agent', `${suppressed} more invalid messages dropped`);
        windowStart = t;
        logged = 0;
        suppressed = 0;
      }
      if (logged < LOG_LINES_PER_MINUTE) {
        logged++;
        log.warn('agent', `invalid message (${kind}): ${reason}`);
      } else suppressed++;
    },
    counts: () => ({ ...counts }),
  };
}
