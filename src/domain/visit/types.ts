/**
 * Types of the clerk's visit assistant. Everything here is plain JSON so that a visit's
 * persisted snapshot survives `JSON.stringify` and a reload (see machine.ts).
 */

/** Leaf states of the visit machine, as dotted paths below the `serving` wrapper. */
export const VISIT_STEPS = [
  'greeting',
  'offeringHelp',
  'browsing.looking',
  'browsing.reminderDue',
  'assisting',
  'checkingOut.asking',
  'checkingOut.paying',
  'thanking',
  'escalated',
  'done',
  'transferred',
  'abandoned',
] as const;
export type VisitStep = (typeof VISIT_STEPS)[number];

export const FINAL_STEPS: readonly VisitStep[] = ['done', 'transferred', 'abandoned'];

export const SATISFACTIONS = ['bad', 'neutral', 'good'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** Three taps get far more answers than a long form (PRACTICE.md); NPS is optional. */
export interface Feedback {
  readonly satisfaction: Satisfaction;
  /** "How likely are you to recommend us?", an integer 0..10. */
  readonly nps?: number;
}

export interface VisitTicket {
  readonly id: string;
  /** Display number, e.g. "A023". */
  readonly number: string;
  readonly service: string;
}

/** One entry of the step log; `n` counts from 1 and survives the log's bound. */
export interface StepEntry {
  readonly n: number;
  readonly step: VisitStep;
  readonly at: number;
}

export interface Escalation {
  readonly reason: string;
  readonly at: number;
  /** The step the manager was called from; the machine returns there on resolve. */
  readonly from: VisitStep;
}

export interface Transfer {
  readonly toService?: string;
  readonly toClerk?: string;
  readonly at: number;
}

export interface VisitInput {
  readonly visitId: string;
  readonly clerk: string;
  /** The queue ticket the customer came with; null for a walk-in. */
  readonly ticket?: VisitTicket | null;
  /** Wall-clock ms; the time of the greeting. */
  readonly startedAt: number;
  /** Browsing re-check delay; default 3 minutes. */
  readonly recheckAfterMs?: number;
}

export interface VisitContext {
  readonly visitId: string;
  readonly clerk: string;
  readonly ticket: VisitTicket | null;
  readonly startedAt: number;
  readonly recheckAfterMs: number;
  /** Absolute deadline (wall-clock ms) of the browsing re-check; null until first armed. */
  readonly reminderAt: number | null;
  /** The customer's answer at checkout; null if never asked. */
  readonly foundEverything: boolean | null;
  readonly feedback: Feedback | null;
  readonly escalation: Escalation | null;
  readonly transfer: Transfer | null;
  /** Bounded step log (oldest dropped); the store's event log keeps the full record. */
  readonly steps: readonly StepEntry[];
}

/**
 * Every event carries `at`, the wall-clock ms the app stamped it with (the same clock that
 * stamps the store's event log). The machine never reads a clock itself.
 */
export type VisitEvent =
  | { type: 'GREETED'; at: number }
  | { type: 'HELP_ACCEPTED'; at: number }
  | { type: 'HELP_DECLINED'; at: number }
  | { type: 'OFFER_AGAIN'; at: number }
  | { type: 'NEEDS_HELP'; at: number }
  | { type: 'STILL_BROWSING'; at: number }
  | { type: 'READY_TO_PAY'; at: number }
  | { type: 'FOUND_EVERYTHING'; at: number }
  | { type: 'MISSING_SOMETHING'; at: number }
  | { type: 'PAID'; at: number }
  | { type: 'FEEDBACK'; at: number; satisfaction: Satisfaction; nps?: number }
  | { type: 'SKIP_FEEDBACK'; at: number }
  | { type: 'ESCALATE'; at: number; reason: string }
  | { type: 'MANAGER_RESOLVED'; at: number }
  | { type: 'TRANSFER'; at: number; toService?: string; toClerk?: string }
  | { type: 'CUSTOMER_LEFT'; at: number }
  /**
   * The clerk closed the customer's queue ticket at the counter ("Done"): the visit is over,
   * however far the assistant got. The step log shows which steps were skipped.
   */
  | { type: 'FINISHED'; at: number }
  /** Sent once after restoring a persisted visit: re-arms the re-check timer. */
  | { type: 'RESUMED'; at: number };

export type VisitEventType = VisitEvent['type'];

export const DEFAULT_RECHECK_AFTER_MS = 3 * 60_000;
export const MAX_STEP_LOG = 64;
export const MAX_REASON_LENGTH = 280;
