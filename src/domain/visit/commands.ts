import type { CommandResult } from '../queue/commands.ts';
import type { EventBody } from '../queue/events.ts';
import type { QueueState } from '../queue/state.ts';
import { isNps, isSatisfaction } from './rules.ts';
import type { VisitStepRecord } from './steps.ts';
import { MAX_REASON_LENGTH, type Feedback } from './types.ts';

/**
 * Commands for the visit assistant's events: they decide, from the folded log, whether a
 * step, a rating or an alert still has to be written. Pure, like domain/queue/commands.ts.
 */
type CommandError = Extract<CommandResult, { ok: false }>['error'];
const ok = (event: EventBody): CommandResult => ({ ok: true, event });
const fail = (error: CommandError): CommandResult => ({ ok: false, error });

/** Where a visit happens: the counter and the queue ticket, when there is one. */
export interface VisitPlace {
  readonly counter?: string;
  readonly ticket?: string;
}

/** One step of the visit's log; refused when the log already holds step `n` of the visit. */
export function recordVisitStep(
  state: QueueState,
  record: VisitStepRecord,
  place: VisitPlace = {},
): CommandResult {
  const known = state.visits.get(record.visitId);
  if (known?.steps.some((s) => s.n === record.n)) return fail('alreadyRecorded');
  return ok({
    type: 'visit.step',
    visit: record.visitId,
    clerk: record.clerk,
    ...(place.counter !== undefined ? { counter: place.counter } : {}),
    ...(place.ticket !== undefined ? { ticket: place.ticket } : {}),
    step: record.step,
    n: record.n,
    at: Math.round(record.at),
  });
}

/** The customer's rating; once per visit, and only for a visit the log knows. */
export function recordVisitFeedback(
  state: QueueState,
  visitId: string,
  clerk: string,
  feedback: Feedback,
): CommandResult {
  const visit = state.visits.get(visitId);
  if (!visit || !isSatisfaction(feedback.satisfaction)) return fail('unknownVisit');
  if (visit.feedback) return fail('alreadyRecorded');
  const nps = feedback.nps !== undefined && isNps(feedback.nps) ? feedback.nps : undefined;
  return ok({
    type: 'visit.feedback',
    visit: visitId,
    clerk,
    satisfaction: feedback.satisfaction,
    ...(nps !== undefined ? { nps } : {}),
  });
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Typed on a tablet: control characters removed, trimmed, at most 280 characters. */
export function cleanReason(reason: string | undefined): string | undefined {
  const text = (reason ?? '').replace(CONTROL, '').trim().slice(0, MAX_REASON_LENGTH).trim();
  return text === '' ? undefined : text;
}

/** "Get a manager": a new alert (the caller makes the id, like a ticket id). */
export function raiseManagerAlert(
  state: QueueState,
  alertId: string,
  about: { readonly counter?: string; readonly visit?: string; readonly reason?: string },
): CommandResult {
  if (state.alerts.has(alertId)) return fail('alreadyRecorded');
  const reason = cleanReason(about.reason);
  return ok({
    type: 'alert.raised',
    alert: alertId,
    kind: 'manager',
    ...(about.counter !== undefined ? { counter: about.counter } : {}),
    ...(about.visit !== undefined ? { visit: about.visit } : {}),
    ...(reason !== undefined ? { reason } : {}),
  });
}

/** The manager is on the way: only an open alert can be acknowledged. */
export function acknowledgeAlert(state: QueueState, alertId: string): CommandResult {
  const alert = state.alerts.get(alertId);
  if (!alert) return fail('unknownAlert');
  if (alert.status !== 'open') return fail('alertClosed');
  return ok({ type: 'alert.acknowledged', alert: alertId });
}

/**
 * The clerk's note on a visit, for whoever serves the customer next: cleaned like a reason
 * ("" clears it); refused when the log already holds the same note for the visit.
 */
export function recordVisitNote(
  state: QueueState,
  about: { readonly visit: string; readonly clerk: string } & VisitPlace,
  note: string,
): CommandResult {
  const text = cleanReason(note) ?? '';
  const known = state.visits.get(about.visit);
  if ((known?.note ?? '') === text) return fail('alreadyRecorded');
  return ok({
    type: 'visit.note',
    visit: about.visit,
    clerk: about.clerk,
    ...(about.counter !== undefined ? { counter: about.counter } : {}),
    ...(about.ticket !== undefined ? { ticket: about.ticket } : {}),
    note: text,
  });
}
