import type { Alert, QueueState, VisitRecord } from '../queue/state.ts';
import type { VisitStep } from './types.ts';

/** What the manager surface and the clerk's escalation screen read about manager alerts. */

/** Alerts nobody has acknowledged yet, the longest waiting first. */
export function openAlerts(state: QueueState): Alert[] {
  return [...state.alerts.values()]
    .filter((a) => a.status === 'open')
    .sort((a, b) => a.raisedAt - b.raisedAt || (a.id < b.id ? -1 : 1));
}

/** The latest acknowledged alerts, newest first. */
export function acknowledgedAlerts(state: QueueState, limit = 10): Alert[] {
  return [...state.alerts.values()]
    .filter((a) => a.status === 'acknowledged')
    .sort((a, b) => (b.acknowledgedAt ?? 0) - (a.acknowledgedAt ?? 0) || (a.id < b.id ? -1 : 1))
    .slice(0, Math.max(0, limit));
}

/** The alert raised for a visit, if any (the latest when there were several). */
export function alertForVisit(state: QueueState, visitId: string): Alert | undefined {
  let found: Alert | undefined;
  for (const a of state.alerts.values()) {
    if (a.visit === visitId && (!found || a.raisedAt >= found.raisedAt)) found = a;
  }
  return found;
}

/**
 * The step the visit was at when the manager was called: the last one before the alert (not
 * the escalation itself). Read at the call's time, so an answered call still says where the
 * customer was, not where the visit went afterwards.
 */
export function stepWhenCalled(
  visit: Pick<VisitRecord, 'steps'> | undefined,
  alert: Pick<Alert, 'raisedAt'>,
): VisitStep | undefined {
  return visit?.steps.findLast((s) => s.step !== 'escalated' && s.at <= alert.raisedAt)?.step;
}
