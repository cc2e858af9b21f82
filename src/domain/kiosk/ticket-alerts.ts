import type { TicketView } from './tracking.ts';

/**
 * The two alerts a customer's phone gives for one ticket, and the rule that fires them: "soon"
 * at most once, when the ticket reaches the N-th place in line (N per service, `alertAtPlace`),
 * and "called" once per call, so a clerk's recall ("A023, counter 3" again) buzzes again. The page (sound, vibration, a notification) and the hub's
 * Web Push both run this rule, each with its own memory; the memory is what makes "once" hold
 * across page reloads (the page keeps it in localStorage) and when the place jitters (3rd, then
 * 4th behind a priority ticket, then 3rd again: one alert).
 */

/** The N a service uses when the store sets none. */
export const DEFAULT_ALERT_AT_PLACE = 3;

export type TicketAlert = 'soon' | 'called';

/** What one ticket's alerts have already done; plain data, safe to keep as JSON. */
export interface AlertMemory {
  /** Set once the ticket was seen at all: the first view never alerts. */
  readonly seen: boolean;
  readonly soon: boolean;
  readonly called: boolean;
  /** The calls already alerted (TicketView.calls: a recall counts again). */
  readonly calls: number;
}

export const FRESH_MEMORY: AlertMemory = { seen: false, soon: false, called: false, calls: 0 };

/** The ticket's place in line, counting itself (1 = next), while it waits for an open counter. */
export function placeInLine(view: Pick<TicketView, 'status' | 'ahead' | 'wait'>): number | null {
  if (view.status !== 'waiting' || view.ahead === null) return null;
  // no counter open: a place means no time, so it is not "soon"
  if (view.wait?.noCounter) return null;
  return view.ahead + 1;
}

function holds(alert: TicketAlert, view: TicketView): boolean {
  if (alert === 'called') return view.status === 'called';
  const place = placeInLine(view);
  return place !== null && place <= view.alertAtPlace;
}

/**
 * The alerts a new view of the ticket fires, and the memory after it. A view that only shows
 * what the customer is looking at already (the first one) fires nothing but is remembered; a
 * call settles "soon" too, so a ticket sent back to the line never buzzes "soon" after "called".
 */
export function stepAlerts(
  memory: AlertMemory,
  view: TicketView,
): { readonly memory: AlertMemory; readonly alerts: readonly TicketAlert[] } {
  const called = holds('called', view);
  const calls = called ? Math.max(1, view.calls) : 0;
  const soon = holds('soon', view) || called;
  const alerts: TicketAlert[] = [];
  if (memory.seen) {
    if (calls > memory.calls) alerts.push('called');
    else if (soon && !memory.soon) alerts.push('soon');
  }
  return {
    memory: {
      seen: true,
      soon: memory.soon || soon,
      called: memory.called || called,
      calls: Math.max(memory.calls, calls),
    },
    alerts,
  };
}

/** Reads a kept memory back; anything else (a corrupt or foreign value) starts fresh. */
export function parseAlertMemory(text: string | null | undefined): AlertMemory {
  if (!text) return FRESH_MEMORY;
  try {
    const x: unknown = JSON.parse(text);
    if (typeof x !== 'object' || x === null) return FRESH_MEMORY;
    const m = x as Record<string, unknown>;
    const called = m['called'] === true;
    const calls = typeof m['calls'] === 'number' && m['calls'] >= 0 ? Math.floor(m['calls']) : 0;
    // a memory kept before calls were counted: its call was alerted
    return {
      seen: m['seen'] === true,
      soon: m['soon'] === true,
      called,
      calls: Math.max(calls, +called),
    };
  } catch {
    return FRESH_MEMORY;
  }
}
