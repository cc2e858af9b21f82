import { DEFAULT_WAIT_ALERTS, type ServiceWait, type WaitAlertOptions } from './alerts.ts';

/** How a service stands, for staff screens (the floor's and the manager's cards). */
export type ServiceWaitLevel = 'ok' | 'near' | 'over' | 'noCounter' | 'closed';

/**
 * The one rule for the colour of a service on staff screens: `noCounter` when somebody waits
 * and no open counter serves it (an alert is due), `closed` when no counter serves it and
 * nobody waits (not an alarm, not "ok" either: a new customer would have nobody to go to);
 * otherwise the worse of the longest current wait and the new-ticket estimate against the
 * target (`waitLevel`).
 */
export function serviceWaitLevel(
  w: ServiceWait,
  targetSec: number,
  options: WaitAlertOptions = {},
): ServiceWaitLevel {
  if (w.noCounter) return w.sameServiceAhead > 0 ? 'noCounter' : 'closed';
  const byLongest = waitLevel(w.longestWaitSec, targetSec, options);
  const byEstimate = waitLevel(w.estimateSec ?? 0, targetSec, options);
  const rank = { ok: 0, near: 1, over: 2 } as const;
  return rank[byLongest] >= rank[byEstimate] ? byLongest : byEstimate;
}

/**
 * How a wait stands against its target, for staff screens: `over` when an alert would be
 * raised, `near` in the hysteresis band (between `clearRatio` x target and the target), `ok`
 * below it.
 */
export function waitLevel(
  estimateSec: number,
  targetSec: number,
  options: WaitAlertOptions = {},
): 'ok' | 'near' | 'over' {
  const o = { ...DEFAULT_WAIT_ALERTS, ...options };
  if (!(targetSec > 0)) return 'ok';
  if (estimateSec > o.raiseRatio * targetSec) return 'over';
  if (estimateSec >= o.clearRatio * targetSec) return 'near';
  return 'ok';
}
