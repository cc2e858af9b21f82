/**
 * When a service's wait deserves an alert ("above target: open another counter") and when it
 * has recovered, with hysteresis so a wait hovering around its target never flaps:
 *
 * - raise when the estimate for a new ticket is above the service's target
 *   (`raiseRatio` x target, default 1.0);
 * - clear only once it is below `clearRatio` x target (default 0.8);
 * - never change a service's state sooner than `minIntervalMs` after its previous change
 *   (default 5 minutes): a raise stands at least that long, and so does a recovery.
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
  readonly estimateSec: number;
  readonly targetSec: number;
  /** ms since the epoch */
  readonly at: number;
}

/** A service's wait went above its target (`raised`) or came back under it (`cleared`). */
export interface WaitAlertChange {
  readonly kind: 'raised' | 'cleared';
  readonly service: string;
  readonly at: number;
  /** When the alert this change belongs to was raised (equal to `at` for a raise). */
  readonly raisedAt: number;
  readonly estimateSec: number;
  readonly targetSec: number;
}

/** An alert standing for a service. */
export interface ActiveWaitAlert {
  readonly service: string;
  readonly raisedAt: number;
  /** The estimate when raised. */
  readonly estimateSec: number;
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

/** One step of the state machine for one service: the next state and the change, if any. */
export function stepWaitAlert(
  state: ServiceAlertState,
  reading: WaitReading,
  options: WaitAlertOptions = {},
): { state: ServiceAlertState; change?: WaitAlertChange } {
  const o = { ...DEFAULT_WAIT_ALERTS, ...options };
  const { service, estimateSec, targetSec, at } = reading;
  if (!(targetSec > 0) || !Number.isFinite(estimateSec)) return { state };
  const wantsChange = state.active
    ? estimateSec < o.clearRatio * targetSec
    : estimateSec > o.raiseRatio * targetSec;
  if (at - state.changedAt < o.minIntervalMs) {
    return { state: { active: state.active, changedAt: state.changedAt, held: wantsChange } };
  }
  if (!state.active && wantsChange) {
    const active = { service, raisedAt: at, estimateSec, targetSec };
    return {
      state: { active, changedAt: at },
      change: { kind: 'raised', service, at, raisedAt: at, estimateSec, targetSec },
    };
  }
  if (state.active && wantsChange) {
    return {
      state: { active: undefined, changedAt: at },
      change: {
        kind: 'cleared',
        service,
        at,
        raisedAt: state.active.raisedAt,
        estimateSec,
        targetSec,
      },
    };
  }
  return { state: { active: state.active, changedAt: state.changedAt } };
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
