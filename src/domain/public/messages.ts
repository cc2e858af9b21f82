import { wallOf } from '../clock/hlc.ts';
import type { StoreEvent } from '../queue/events.ts';
import type { QueueState } from '../queue/state.ts';
import { subtopics } from '../topics/names.ts';

/**
 * The public MQTT API (DESIGN.md section 4) as pure data: which messages a batch of newly
 * stored events produces. The agent only publishes what this returns.
 */
export interface PublicMessage {
  /** Topic below `{prefix}/{store}/`, e.g. "calls". */
  readonly subtopic: string;
  readonly payload: string;
  readonly retain: boolean;
}

/** Calls older than this (arriving late by catch-up) are history, not announcements. */
export const LIVE_CALL_MS = 2 * 60_000;

export function callMessages(
  events: readonly StoreEvent[],
  state: QueueState,
  now: number,
): PublicMessage[] {
  const out: PublicMessage[] = [];
  for (const e of events) {
    if (e.type !== 'ticket.called' && e.type !== 'ticket.recalled') continue;
    const at = wallOf(e.hlc);
    if (now - at > LIVE_CALL_MS) continue;
    const t = state.tickets.get(e.ticket);
    // a call that lost a conflict is not announced
    if (!t || t.counter !== e.counter || t.calledBy !== e.device) continue;
    out.push({
      subtopic: subtopics.calls,
      retain: false,
      payload: JSON.stringify({
        ticket: t.id,
        number: t.number,
        service: t.service,
        counter: e.counter,
        at: new Date(at).toISOString(),
        recall: e.type === 'ticket.recalled',
      }),
    });
  }
  return out;
}

/** Alerts older than this (arriving late by catch-up) are history, not news. */
export const LIVE_ALERT_MS = 15 * 60_000;

/**
 * `{prefix}/{store}/alerts` (not retained): a clerk asked for a manager, or a manager
 * acknowledged. DESIGN.md section 4 fields `kind`, `service`, `message`, `at`, extended with
 * `alert`, `status` ("open" | "acknowledged"), `counter`, `clerk`, `visit`, `ticket` (display
 * number), `reason` and `raisedAt`. `message` is English for signage and logs; screens build
 * their own text in the reader's language. A raise is announced only while still open.
 */
export function alertMessages(
  events: readonly StoreEvent[],
  state: QueueState,
  now: number,
): PublicMessage[] {
  const out: PublicMessage[] = [];
  for (const e of events) {
    if (e.type !== 'alert.raised' && e.type !== 'alert.acknowledged') continue;
    const at = wallOf(e.hlc);
    if (now - at > LIVE_ALERT_MS) continue;
    const alert = state.alerts.get(e.alert);
    if (!alert) continue;
    const raise = e.type === 'alert.raised';
    // a raise that lost to an earlier one with the same id, or was already answered
    if (raise && (alert.raisedBy !== e.device || alert.status !== 'open')) continue;
    if (!raise && alert.acknowledgedBy !== e.device) continue;
    const visit = alert.visit !== undefined ? state.visits.get(alert.visit) : undefined;
    const ticket = visit?.ticket !== undefined ? state.tickets.get(visit.ticket) : undefined;
    const where = alert.counter !== undefined ? ` at ${alert.counter}` : '';
    const message = raise
      ? `A manager is needed${where}${alert.reason !== undefined ? `: ${alert.reason}` : ''}`
      : `A manager is on the way${where}`;
    out.push({
      subtopic: subtopics.alerts,
      retain: false,
      payload: JSON.stringify({
        kind: alert.kind,
        service: ticket?.service ?? null,
        message,
        at: new Date(at).toISOString(),
        alert: alert.id,
        status: raise ? 'open' : 'acknowledged',
        counter: alert.counter ?? null,
        clerk: visit?.clerk ?? alert.raisedBy,
        visit: alert.visit ?? null,
        ticket: ticket?.number ?? null,
        reason: alert.reason ?? null,
        raisedAt: new Date(alert.raisedAt).toISOString(),
      }),
    });
  }
  return out;
}

/** Everything the agent publishes for a batch of newly stored events. */
export function publicMessages(
  events: readonly StoreEvent[],
  state: QueueState,
  now: number,
): PublicMessage[] {
  return [...callMessages(events, state, now), ...alertMessages(events, state, now)];
}
