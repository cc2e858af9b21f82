/**
 * When a service deserves an alert ("open another counter") and when it has recovered, with
 * hysteresis so a wait hovering around its target never flaps. A service is raised when
 *
 * - somebody waits for it and no open counter serves it (`noCounter`), or
 * - the longest current wait of a customer in its line is above the target (`longestWait`), or
 * - the estimate for a new ticket is above the target (`estimate`)
 *
 * (`raiseRatio` x target, default 1.0). It clears only once a counter serves it (or nobody
 * waits), and both the longest current wait and the estimate are below `clearRatio` x target
 * (default 0.8). A service's state never changes sooner than `minIntervalMs` after its previous
 * change (default 5 minutes): a raise stands at least that long, and so does a recovery.
 *
 * The same rules run in the hub (the public alerts topic) and on a floor device (its own
 * alerts from its own replica, also offline). Pure: time comes with each update.
 */
export interface WaitAlertOptions {
  readonly raiseRatio?: number;
  readonly clearRatio?: number;
  readonly minIntervalMs?: number;
}

export const DEFAULT_WAIT_ALERTS: Required<WaitAlertOptions> = {
  raiseRatio: 1,
  clearRatio: 0.8,
  minIntervalMs: 5 * 60_000,
};

export interface WaitReading {
  readonly service: string;
  /** The estimate for a new ticket, seconds; not read when `noCounter`. */
  readonly estimateSec?: number;
  readonly targetSec: number;
  /** ms since the epoch */
  readonly at: number;
  /** No open counter serves the service. */
  readonly noCounter?: boolean;
  /** Customers waiting for the service. */
  readonly waiting?: number;
  /** The longest wait so far of a customer in the service's line, seconds. */
  readonly longestWaitSec?: number;
}

/** Why a service is raised, most pressing first. */
export type WaitAlertReason = 'noCounter' | 'longestWait' | 'estimate';

/** A service went above its target or has nobody to serve it (`raised`), or recovered. */
export interface WaitAlertChange {
  readonly kind: 'raised' | 'cleared';
  readonly service: string;
  readonly at: number;
  /** When the alert this change belongs to was raised (equal to `at` for a raise). */
  readonly raisedAt: number;
  /** Why it was raised (for a recovery: why it stood last). */
  readonly reason: WaitAlertReason;
  /** The estimate for a new ticket, undefined when no counter serves the service. */
  readonly estimateSec: number | undefined;
  readonly longestWaitSec: number;
  readonly targetSec: number;
}

/** An alert standing for a service. */
export interface ActiveWaitAlert {
  readonly service: string;
  readonly raisedAt: number;
  /** Why it stands now: updated with every reading that is still above the target. */
  readonly reason: WaitAlertReason;
  /** The estimate when raised (undefined with no counter). */
  readonly estimateSec: number | undefined;
  readonly targetSec: number;
}

interface ServiceAlertState {
  readonly active: ActiveWaitAlert | undefined;
  /** Time of the last change (raise or clear); -Infinity before the first. */
  readonly changedAt: number;
  /** The last reading called for a change that the minimum interval held back. */
  readonly held?: boolean;
}

const QUIET: ServiceAlertState = { active: undefined, changedAt: -Infinity };

/** Why the reading calls for an alert, if it does (`raiseRatio` x target). */
export function alertReason(
  reading: Omit<WaitReading, 'service' | 'at'>,
  options: WaitAlertOptions = {},
): WaitAlertReason | undefined {
  const o = { ...DEFAULT_WAIT_ALERTS, ...options };
  const { targetSec, noCounter = false } = reading;
  if (noCounter && (reading.waiting ?? 0) > 0) return 'noCounter';
  if (!(targetSec > 0)) return undefined;
  if ((reading.longestWaitSec ?? 0) > o.raiseRatio * targetSec) return 'longestWait';
  const e = reading.estimateSec;
  if (!noCounter && e !== undefined && e > o.raiseRatio * targetSec) return 'estimate';
  return undefined;
}

/** Whether a raised service has recovered (below `clearRatio` x target, someone to serve). */
function recovered(reading: WaitReading, o: Required<WaitAlertOptions>): boolean {
  const { targetSec, noCounter = false } = reading;
  if (noCounter && (reading.waiting ?? 0) > 0) return false;
  if (!(targetSec > 0)) return true;
  const limit = o.clearRatio * targetSec;
  if ((reading.longestWaitSec ?? 0) >= limit) return false;
  return noCounter || (reading.estimateSec ?? Infinity) < limit;
}

/** Whether a reading can be judged at all (an estimate, unless no counter serves it). */
function readable(r: WaitReading): boolean {
  return r.noCounter === true || Number.isFinite(r.estimateSec);
}

/** One step of the state machine for one service: the next state and the change, if any. */
export function stepWaitAlert(
  state: ServiceAlertState,
  reading: WaitReading,
  options: WaitAlertOptions = {},
): { state: ServiceAlertState; change?: WaitAlertChange } {
  const o = { ...DEFAULT_WAIT_ALERTS, ...options };
  if (!readable(reading)) return { state };
  const { service, targetSec, at } = reading;
  const reason = alertReason(reading, o);
  const estimateSec = reading.noCounter ? undefined : reading.estimateSec;
  const longestWaitSec = reading.longestWaitSec ?? 0;
  // a standing alert follows the reason it stands for (a counter opened, the wait is still long)
  const active: ActiveWaitAlert | undefined =
    state.active && reason && reason !== state.active.reason
      ? { ...state.active, reason }
      : state.active;
  const wantsChange = active ? recovered(reading, o) : reason !== undefined;
  if (at - state.changedAt < o.minIntervalMs) {
    return { state: { active, changedAt: state.changedAt, held: wantsChange } };
  }
  if (!active && reason) {
    return {
      state: {
        active: { service, raisedAt: at, reason, estimateSec, targetSec },
        changedAt: at,
      },
      change: {
        kind: 'raised',
        service,
        at,
        raisedAt: at,
        reason,
        estimateSec,
        longestWaitSec,
        targetSec,
      },
    };
  }
  if (active && wantsChange) {
    return {
      state: { active: undefined, changedAt: at },
      change: {
        kind: 'cleared',
        service,
        at,
        raisedAt: active.raisedAt,
        reason: active.reason,
        estimateSec,
        longestWaitSec,
        targetSec,
      },
    };
  }
  return { state: { active, changedAt: state.changedAt } };
}

/** The state machine for every service of a store. */
export class WaitAlerts {
  private readonly states = new Map<string, ServiceAlertState>();

  constructor(private readonly options: WaitAlertOptions = {}) {}

  /** Feeds one reading; returns the change it causes, if any. */
  update(reading: WaitReading): WaitAlertChange | undefined {
    const { state, change } = stepWaitAlert(
      this.states.get(reading.service) ?? QUIET,
      reading,
      this.options,
    );
    this.states.set(reading.service, state);
    return change;
  }

  /** Alerts standing now, by service. */
  active(): ActiveWaitAlert[] {
    const out: ActiveWaitAlert[] = [];
    for (const s of this.states.values()) if (s.active) out.push(s.active);
    return out;
  }

  isActive(service: string): boolean {
    return this.states.get(service)?.active !== undefined;
  }

  /**
   * When a change the minimum interval is holding back may happen (the earliest such time),
   * so a caller can look again then instead of at its next regular update.
   */
  nextDecisionAt(): number | undefined {
    const interval = this.options.minIntervalMs ?? DEFAULT_WAIT_ALERTS.minIntervalMs;
    let next: number | undefined;
    for (const s of this.states.values()) {
      if (!s.held) continue;
      const at = s.changedAt + interval;
      if (next === undefined || at < next) next = at;
    }
    return next;
  }
}

/** A service's wait for a new ticket as screens hold it (queue-state.ts `QueueWait`). */
export interface ServiceWait {
  readonly noCounter: boolean;
  /** Absent when no counter serves the service. */
  readonly estimateSec?: number;
  /** Customers waiting for the service (ahead of a new ticket). */
  readonly sameServiceAhead: number;
  readonly longestWaitSec: number;
}

/** A reading for the alert rules from a service's wait. */
export function waitReading(
  service: string,
  w: ServiceWait,
  targetSec: number,
  at: number,
): WaitReading {
  return {
    service,
    targetSec,
    at,
    noCounter: w.noCounter,
    waiting: w.sameServiceAhead,
    longestWaitSec: w.longestWaitSec,
    ...(w.noCounter || w.estimateSec === undefined ? {} : { estimateSec: w.estimateSec }),
  };
}
