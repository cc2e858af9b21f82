import type { StoreEvent } from './events.ts';
import { MAX_VISIT_STEPS, type Alert, type VisitRecord } from './state.ts';
import type { StateWriter } from './state-writer.ts';

/**
 * Owns how a clerk's visits (steps, feedback, notes) and manager alerts fold into the queue
 * state; src/domain/queue/fold.ts hands each such event here with the writer of its batch.
 */

type VisitEvent = Extract<StoreEvent, { type: 'visit.step' | 'visit.feedback' }>;

/**
 * A visit belongs to the device that wrote its first event. Steps are kept once per `n` (a
 * reloaded tablet may write one again) and in `n` order, so the result does not depend on
 * which copy came first; the first feedback in log order counts.
 */
export function applyVisitEvent(w: StateWriter, e: VisitEvent, at: number): void {
  const found = w.next.visits.get(e.visit);
  if (found && found.device !== e.device) return;
  if (e.type === 'visit.feedback') {
    if (!found || found.feedback) return;
    w.visit(e.visit)!.feedback = {
      satisfaction: e.satisfaction,
      ...(e.nps !== undefined ? { nps: e.nps } : {}),
      at,
    };
    return;
  }
  const step = { n: e.n, step: e.step, at: e.at };
  if (!found) {
    const record: VisitRecord = {
      id: e.visit,
      clerk: e.clerk,
      device: e.device,
      ...(e.counter !== undefined ? { counter: e.counter } : {}),
      ...(e.ticket !== undefined ? { ticket: e.ticket } : {}),
      step: e.step,
      steps: [step],
    };
    w.map('visits').set(e.visit, record);
    return;
  }
  if (found.steps.length >= MAX_VISIT_STEPS || found.steps.some((s) => s.n === e.n)) return;
  const visit = w.visit(e.visit)!;
  const { steps } = visit;
  const i = steps.findIndex((s) => s.n > e.n);
  if (i === -1) steps.push(step);
  else steps.splice(i, 0, step);
  visit.step = steps[steps.length - 1]!.step;
  visit.counter ??= e.counter;
  visit.ticket ??= e.ticket;
}

/**
 * A note belongs to its visit (only the visit's own device may write one) and travels with the
 * customer's ticket, so the next clerk reads it; the last in log order counts, "" clears it.
 */
export function applyVisitNote(
  w: StateWriter,
  e: Extract<StoreEvent, { type: 'visit.note' }>,
  at: number,
): void {
  const found = w.next.visits.get(e.visit);
  if (found && found.device !== e.device) return;
  if (found) {
    const visit = w.visit(e.visit)!;
    if (e.note === '') delete visit.note;
    else visit.note = e.note;
  }
  const t = e.ticket !== undefined ? w.ticket(e.ticket) : undefined;
  if (!t) return;
  if (e.note === '') delete t.note;
  else t.note = { text: e.note, visit: e.visit, at };
}

type AlertEvent = Extract<StoreEvent, { type: 'alert.raised' | 'alert.acknowledged' }>;

/** The first raise of an id counts; an acknowledgement closes an open alert once. */
export function applyAlertEvent(w: StateWriter, e: AlertEvent, at: number): void {
  const found = w.next.alerts.get(e.alert);
  if (e.type === 'alert.acknowledged') {
    if (!found || found.status !== 'open') return;
    const alert = w.alert(e.alert)!;
    alert.status = 'acknowledged';
    alert.acknowledgedAt = at;
    alert.acknowledgedBy = e.device;
    return;
  }
  if (found) return;
  const alert: Alert = {
    id: e.alert,
    kind: e.kind,
    ...(e.counter !== undefined ? { counter: e.counter } : {}),
    ...(e.visit !== undefined ? { visit: e.visit } : {}),
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    raisedBy: e.device,
    raisedAt: at,
    status: 'open',
  };
  w.map('alerts').set(e.alert, alert);
}
