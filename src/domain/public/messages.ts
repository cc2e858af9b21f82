import { wallOf } from '../clock/hlc.ts';
import type { StoreEvent } from '../queue/events.ts';
import type { QueueState } from '../queue/state.ts';

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
      subtopic: 'calls',
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
